#include "FuzzTargets.h"

#include <QDir>
#include <QDirIterator>
#include <QtTest>

// Replays every seed of tests/fuzz/corpus/<target> and every input that once broke a parser
// (tests/fuzz/regressions/<target>, one file per finding) through the fuzz entry points, in every
// build: a finding stays fixed even where libFuzzer is not built.
class TestFuzzCorpus : public QObject
{
    Q_OBJECT
private slots:
    void everyInputIsHandled_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        int seeds = 0;
        for (const FuzzTargets::Target &target : FuzzTargets::all()) {
            int perTarget = 0;
            for (const char *kind : {"corpus", "regressions"}) {
                QDirIterator files(QStringLiteral(FUZZ_DIR "/%1/%2").arg(QLatin1String(kind), target.name),
                                   QDir::Files);
                while (files.hasNext()) {
                    const QString path = files.next();
                    QTest::newRow(qPrintable(target.name + u'/' + QFileInfo(path).fileName()))
                        << target.name << path;
                    ++perTarget;
                }
            }
            // Every target has a seed corpus in the repository.
            QVERIFY2(perTarget > 0, qPrintable(QStringLiteral("no seeds for %1").arg(target.name)));
            seeds += perTarget;
        }
        QVERIFY(seeds > 0);
    }

    void everyInputIsHandled()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        for (const FuzzTargets::Target &candidate : FuzzTargets::all()) {
            if (candidate.name == target) {
                candidate.run(data); // a crash or a broken invariant aborts the test
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "TestFuzzCorpus.moc"
