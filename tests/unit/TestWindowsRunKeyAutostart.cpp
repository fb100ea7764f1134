// WindowsRunKeyAutostart on an INI file instead of the registry (the same QSettings calls): the value is the
// command line that Python's subprocess.list2cmdline, which implements the Microsoft C runtime's quoting
// rules, produces for the same arguments.
#include "DesktopTestSupport.h"
#include "WindowsRunKeyAutostart.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace DesktopTestSupport;

namespace {

QString list2cmdline(const QStringList &arguments)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QStringLiteral("import json, subprocess, sys\n"
                                                       "sys.stdout.buffer.write(subprocess.list2cmdline("
                                                       "json.load(sys.stdin)).encode('utf-8'))")});
    python.write(QJsonDocument(QJsonArray::fromStringList(arguments)).toJson());
    python.closeWriteChannel();
    python.waitForFinished(30000);
    return QString::fromUtf8(python.readAllStandardOutput());
}

} // namespace

class TestWindowsRunKeyAutostart : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_scratch;
    int m_case = 0;

    QString freshIniFile() { return m_scratch.filePath(QStringLiteral("run key %1.ini").arg(++m_case)); }

private slots:
    void initTestCase() { QVERIFY(m_scratch.isValid()); }

    void theValueIsTheQuotedCommandLine_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("program files")
            << "C:/Program Files/AWS SSO Tray/aws-sso-tray.exe" << words({"--minimized"});
        QTest::newRow("non-ascii") << "C:/Users/Jürgen/トレイ/aws-sso-tray.exe" << words({"naïve", "🙂 x"});
        QTest::newRow("quotes and backslashes") << "C:/t/aws-sso-tray.exe"
                                                << words({"say \"hi\"", "a\\\"b", "C:\\dir\\", "C:\\my dir\\",
                                                          "trailing\\\\", "\\\\server\\share"});
        QTest::newRow("blanks and empty") << "C:/t/a.exe" << words({"", " ", "a\tb", "x  y"});
        QTest::newRow("no arguments") << "C:/t/a.exe" << QStringList{};
    }

    void theValueIsTheQuotedCommandLine()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        const QString path = freshIniFile();
        WindowsRunKeyAutostart autostart(std::make_unique<QSettings>(path, QSettings::IniFormat), program,
                                         arguments);
        QVERIFY(!autostart.isEnabled());
        const Status enabled = autostart.setEnabled(true);
        QVERIFY2(enabled.ok(), qPrintable(enabled.ok() ? QString() : enabled.error().message()));
        QVERIFY(autostart.isEnabled());

        const QString expected =
            QStringList{QLatin1Char('"') + program + QLatin1Char('"'), list2cmdline(arguments)}
                .join(QLatin1Char(' '))
                .trimmed();
        QCOMPARE(WindowsRunKeyAutostart::commandLine(program, arguments), expected);
        // Really stored: a second reader of the same file sees it.
        QSettings reader(path, QSettings::IniFormat);
        QCOMPARE(reader.value(QStringLiteral("AwsSsoTray")).toString(), expected);
    }

    void enableAndDisableAreIdempotentAndTouchOnlyOurValue()
    {
        const QString path = freshIniFile();
        {
            QSettings other(path, QSettings::IniFormat);
            other.setValue(QStringLiteral("OneDrive"), QStringLiteral("\"C:\\OneDrive.exe\" /background"));
        }
        WindowsRunKeyAutostart autostart(std::make_unique<QSettings>(path, QSettings::IniFormat),
                                         QStringLiteral("C:/t/a.exe"), {});
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(autostart.setEnabled(true).ok());
        QVERIFY(autostart.setEnabled(true).ok());
        QVERIFY(autostart.isEnabled());
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(false).ok());
        QSettings reader(path, QSettings::IniFormat);
        QCOMPARE(reader.allKeys(), QStringList{QStringLiteral("OneDrive")});
        QVERIFY(autostart.location().endsWith(QStringLiteral(".ini\\AwsSsoTray")));
    }

    void aQuoteInTheProgramPathIsRefused()
    {
        WindowsRunKeyAutostart autostart(std::make_unique<QSettings>(freshIniFile(), QSettings::IniFormat),
                                         QStringLiteral("C:/a\"b/a.exe"), {});
        const Status enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY2(enabled.error().message().contains(QStringLiteral("contains a quote")),
                 qPrintable(enabled.error().message()));
        QVERIFY(!autostart.isEnabled());
    }

    void anUnwritableKeyIsAClearError()
    {
        const QString blocker = m_scratch.filePath(QStringLiteral("not-a-directory"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        // Even root cannot write a file inside a regular file.
        WindowsRunKeyAutostart autostart(
            std::make_unique<QSettings>(blocker + QStringLiteral("/run.ini"), QSettings::IniFormat),
            QStringLiteral("C:/t/a.exe"), {});
        const Status enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY2(enabled.error().message().startsWith(
                     QStringLiteral("Could not turn on starting aws-sso-tray at login.")),
                 qPrintable(enabled.error().message()));
        QVERIFY(enabled.error().message().contains(blocker + QStringLiteral("/run.ini")));
        QVERIFY(!autostart.isEnabled()); // what was not stored does not look stored
    }
};

QTEST_GUILESS_MAIN(TestWindowsRunKeyAutostart)

#include "TestWindowsRunKeyAutostart.moc"
