#include "ConfigWatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// As the CLI and editors do: a temporary file renamed over the real one.
void replaceFile(const QString &path, const QByteArray &content)
{
    writeFile(path + QStringLiteral(".tmp"), content);
    QVERIFY(QFile::remove(path) || !QFile::exists(path));
    QVERIFY(QFile::rename(path + QStringLiteral(".tmp"), path));
}
} // namespace

class TestConfigWatcher : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_home.isValid());
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path() + QStringLiteral("/.aws"));
        m_config = m_home.path() + QStringLiteral("/.aws/config");
        m_cache = m_home.path() + QStringLiteral("/.aws/sso/cache");
        writeFile(m_config, "[default]\n");
    }

    void anEditOfTheConfigIsSeen()
    {
        ConfigWatcher watcher(m_config, m_cache);
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        writeFile(m_config, "[default]\nregion = eu-west-1\n");
        QVERIFY(changed.wait(3000));
    }

    void aConfigReplacedByRenameIsStillWatchedAfterwards()
    {
        ConfigWatcher watcher(m_config, m_cache);
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        for (int round = 0; round < 3; ++round) {
            replaceFile(m_config, QByteArray("[default]\nround = ") + QByteArray::number(round) + '\n');
            QVERIFY2(changed.wait(3000), qPrintable(QStringLiteral("round %1").arg(round)));
            QTest::qWait(ConfigWatcher::SettleMs + 50);
            changed.clear();
        }
    }

    void aCacheDirectoryBornLaterIsFollowed()
    {
        ConfigWatcher watcher(m_config, m_cache);
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        // The CLI creates ~/.aws/sso/cache and writes the registration at once...
        QVERIFY(QDir().mkpath(m_cache));
        writeFile(m_cache + QStringLiteral("/registration.json"), "{}");
        QVERIFY(changed.wait(3000));
        QTest::qWait(ConfigWatcher::SettleMs + 50);
        changed.clear();
        // ... and the token a few seconds later.
        replaceFile(m_cache + QStringLiteral("/token.json"), "{}");
        QVERIFY(changed.wait(3000));
    }

    void aTokenWrittenRightAfterTheDirectoryIsSeen()
    {
        ConfigWatcher watcher(m_config, m_cache);
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        QVERIFY(QDir().mkpath(m_cache));
        QTest::qWait(ConfigWatcher::SettleMs / 2);
        replaceFile(m_cache + QStringLiteral("/token.json"), "{}");
        QVERIFY(changed.wait(3000));
        QTest::qWait(ConfigWatcher::SettleMs + 50);
        changed.clear();
        replaceFile(m_cache + QStringLiteral("/token.json"), "{\"again\": 1}");
        QVERIFY(changed.wait(3000));
    }

    void aBurstIsOneSignal()
    {
        ConfigWatcher watcher(m_config, m_cache);
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        for (int i = 0; i < 20; ++i) {
            writeFile(m_config, QByteArray("[default]\ni = ") + QByteArray::number(i) + '\n');
        }
        QVERIFY(changed.wait(3000));
        QTest::qWait(ConfigWatcher::SettleMs * 3);
        QCOMPARE(changed.size(), 1);
    }

    void aConfigThatAppearsLaterIsSeen()
    {
        QFile::remove(m_config);
        QDir(m_home.path() + QStringLiteral("/.aws")).removeRecursively();
        ConfigWatcher watcher(m_config, m_cache);
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        QVERIFY(QDir().mkpath(m_home.path() + QStringLiteral("/.aws")));
        QVERIFY(changed.wait(3000));
        QTest::qWait(ConfigWatcher::SettleMs + 50);
        changed.clear();
        writeFile(m_config, "[profile new]\n");
        QVERIFY(changed.wait(3000));
    }

private:
    QTemporaryDir m_home;
    QString m_config;
    QString m_cache;
};

QTEST_GUILESS_MAIN(TestConfigWatcher)
#include "TestConfigWatcher.moc"
