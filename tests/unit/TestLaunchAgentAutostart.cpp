// LaunchAgentAutostart writes a launchd property list; Python's plistlib (the same XML plist format macOS
// reads) parses it back, so the judge is not our own reader.
#include "DesktopTestSupport.h"
#include "LaunchAgentAutostart.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace DesktopTestSupport;

namespace {

// The plist as Python's plistlib reads it, as JSON; an empty object when it does not parse.
QJsonObject parsedByPlistlib(const QString &path, QString *error)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import json, plistlib, sys\n"
                                 "with open(sys.argv[1], 'rb') as f: print(json.dumps(plistlib.load(f)))"),
                  path});
    python.waitForFinished(30000);
    *error = QString::fromUtf8(python.readAllStandardError());
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace

class TestLaunchAgentAutostart : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_scratch;
    int m_case = 0;

    QString freshDirectory()
    {
        QString path = m_scratch.filePath(QStringLiteral("case %1").arg(++m_case));
        QDir().mkpath(path);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_scratch.isValid()); }

    void thePropertyListSaysWhatLaunchdNeeds_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("app bundle") << "/Applications/AWS SSO Tray.app/Contents/MacOS/aws-sso-tray"
                                    << words({"--minimized"});
        QTest::newRow("xml characters") << "/Users/a&b/<tray>/\"q\" 'p'" << words({"<&>", "]]>", "&amp;"});
        QTest::newRow("non-ascii") << "/Users/jürgen/Apps/トレイ" << words({"naïve", "🙂"});
        QTest::newRow("blanks and empty") << "/p" << words({"", " ", "a\tb", "two\nlines", "cr\rlf"});
        QTest::newRow("no arguments") << "/usr/local/bin/aws-sso-tray" << QStringList{};
    }

    void thePropertyListSaysWhatLaunchdNeeds()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        const QString directory = freshDirectory() + QStringLiteral("/Library/LaunchAgents"); // not there yet
        LaunchAgentAutostart autostart(directory, program, arguments);
        QCOMPARE(autostart.location(), directory + QStringLiteral("/" AWS_SSO_TRAY_APP_ID ".plist"));
        QVERIFY(!autostart.isEnabled());
        const Status enabled = autostart.setEnabled(true);
        QVERIFY2(enabled.ok(), qPrintable(enabled.ok() ? QString() : enabled.error().message()));
        QVERIFY(autostart.isEnabled());

        QString error;
        const QJsonObject plist = parsedByPlistlib(autostart.location(), &error);
        QVERIFY2(!plist.isEmpty(), qPrintable(error));
        QJsonArray programArguments{program};
        for (const QString &argument : arguments) {
            programArguments.append(argument);
        }
        const QJsonObject expected{
            {QStringLiteral("Label"), QStringLiteral(AWS_SSO_TRAY_APP_ID)},
            {QStringLiteral("ProgramArguments"), programArguments},
            {QStringLiteral("RunAtLoad"), true},
            {QStringLiteral("ProcessType"), QStringLiteral("Interactive")},
            {QStringLiteral("LimitLoadToSessionType"), QStringLiteral("Aqua")},
        };
        QCOMPARE(plist, expected);

        QFile file(autostart.location());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QVERIFY(text.contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                              "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
        const QFile::Permissions userBits = QFile::ReadUser | QFile::WriteUser | QFile::ExeUser;
        QCOMPARE(file.permissions() & ~userBits, QFile::ReadOwner | QFile::WriteOwner);
    }

    void enableAndDisableAreIdempotentAndTouchOnlyOurFile()
    {
        const QString directory = freshDirectory();
        const QString other = directory + QStringLiteral("/com.example.other.plist");
        QVERIFY(writeFile(other, "<plist/>"));
        LaunchAgentAutostart autostart(directory, QStringLiteral("/usr/local/bin/aws-sso-tray"), {});
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(autostart.setEnabled(true).ok());
        QVERIFY(autostart.setEnabled(true).ok());
        QCOMPARE(QDir(directory).entryList(QDir::Files | QDir::Hidden).size(), 2);
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(QFile::exists(other));
    }

    void whatXmlCannotHoldIsRefused()
    {
        LaunchAgentAutostart autostart(freshDirectory(), QStringLiteral("/usr/local/bin/aws-sso-tray"),
                                       {QStringLiteral("bell\aring")});
        const Status enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY2(enabled.error().message().contains(QStringLiteral("control characters")),
                 qPrintable(enabled.error().message()));
        QVERIFY(!autostart.isEnabled());
    }

    void anUnwritableDirectoryIsAClearError()
    {
        const QString blocker = freshDirectory() + QStringLiteral("/Library");
        QVERIFY(writeFile(blocker, "a file, not a directory"));
        LaunchAgentAutostart autostart(blocker + QStringLiteral("/LaunchAgents"),
                                       QStringLiteral("/usr/local/bin/aws-sso-tray"), {});
        const Status enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY2(enabled.error().message().startsWith(
                     QStringLiteral("Could not turn on starting aws-sso-tray at login.")),
                 qPrintable(enabled.error().message()));
        QVERIFY(enabled.error().message().contains(blocker + QStringLiteral("/LaunchAgents")));

        // Our file's place taken by a directory: neither written over nor removed.
        LaunchAgentAutostart blocked(freshDirectory(), QStringLiteral("/usr/local/bin/aws-sso-tray"), {});
        QVERIFY(QDir().mkpath(blocked.location() + QStringLiteral("/inside")));
        QVERIFY(!blocked.setEnabled(true).ok());
        const Status disabled = blocked.setEnabled(false);
        QVERIFY(!disabled.ok());
        QVERIFY(disabled.error().message().contains(blocked.location()));
    }
};

QTEST_GUILESS_MAIN(TestLaunchAgentAutostart)

#include "TestLaunchAgentAutostart.moc"
