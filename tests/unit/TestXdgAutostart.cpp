// XdgAutostart writes desktop entries that the freedesktop tools accept: desktop-file-validate judges the
// file, and GLib's own launcher (gio launch) proves the Exec line runs the program with exactly our
// arguments.
#include "DesktopTestSupport.h"
#include "XdgAutostart.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace DesktopTestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty()) {
        process.setProcessEnvironment(environment);
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.waitForFinished(30000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

// A program that records the arguments it was started with, NUL-separated, in $RECORD_FILE.
bool writeRecorder(const QString &path)
{
    return writeFile(path, "#!/bin/sh\n"
                           "for a; do printf '%s\\0' \"$a\"; done >\"$RECORD_FILE.tmp\"\n"
                           "mv \"$RECORD_FILE.tmp\" \"$RECORD_FILE\"\n") &&
           QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QStringList recordedArguments(const QString &path)
{
    QList<QByteArray> parts = readFile(path).split('\0');
    parts.removeLast(); // after the last terminator
    QStringList arguments;
    for (const QByteArray &part : parts) {
        arguments << QString::fromUtf8(part);
    }
    return arguments;
}

} // namespace

class TestXdgAutostart : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_scratch;
    int m_case = 0;

    QString freshDirectory(const QString &name = QStringLiteral("case"))
    {
        QString path = m_scratch.filePath(QStringLiteral("%1-%2").arg(++m_case).arg(name));
        QDir().mkpath(path);
        return path;
    }

    void validate(const QString &path)
    {
        const Run validation = run(QStringLiteral("desktop-file-validate"), {path});
        QVERIFY2(validation.exitCode == 0 && validation.output.trimmed().isEmpty(),
                 qPrintable(validation.output + QString::fromUtf8(readFile(path))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        for (const char *tool : {"desktop-file-validate", "gio"}) {
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing (Debian: desktop-file-utils, libglib2.0-bin)")
                                    .arg(QString::fromLatin1(tool))));
        }
    }

    void enableWritesAValidEntry()
    {
        const QString directory =
            freshDirectory() + QStringLiteral("/config home/autostart"); // not there yet
        XdgAutostart autostart(directory, QStringLiteral("/opt/aws sso tray/bin/aws-sso-tray"),
                               {QStringLiteral("--minimized")});
        QCOMPARE(autostart.location(), directory + QStringLiteral("/" AWS_SSO_TRAY_APP_ID ".desktop"));
        QVERIFY(!autostart.isEnabled());
        const Status enabled = autostart.setEnabled(true);
        QVERIFY2(enabled.ok(), qPrintable(enabled.ok() ? QString() : enabled.error().message()));
        QVERIFY(autostart.isEnabled());
        validate(autostart.location());

        const QStringList lines = QString::fromUtf8(readFile(autostart.location())).split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("[Desktop Entry]"));
        for (const char *line :
             {"Type=Application", "Name=AWS SSO Tray", "Comment=Stay logged in to AWS IAM Identity Center",
              "Exec=\"/opt/aws sso tray/bin/aws-sso-tray\" --minimized", "Icon=" AWS_SSO_TRAY_APP_ID,
              "Terminal=false", "X-GNOME-Autostart-enabled=true"}) {
            QVERIFY2(lines.contains(QString::fromUtf8(line)), line);
        }
        const QFile::Permissions userBits = QFile::ReadUser | QFile::WriteUser | QFile::ExeUser;
        QCOMPARE(QFile::permissions(autostart.location()) & ~userBits, QFile::ReadOwner | QFile::WriteOwner);
    }

    void execRunsTheProgramWithExactlyOurArguments_data()
    {
        QTest::addColumn<QString>("directoryName");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("spaces") << "aws sso tray" << words({"--profile", "dev team", "  two  blanks "});
        QTest::newRow("quotes") << "it's \"quoted\"" << words({"say \"hi\"", "it's", "'", "\""});
        QTest::newRow("shell characters")
            << "a $HOME `x` (y) & z;#" << words({"$PATH", "`id`", "a|b", "~", "*?", "<>", "#c", "x=y"});
        QTest::newRow("backslashes") << "back\\slash" << words({"C:\\dir\\", "\\\\", "a\\\"b", "\\$x"});
        QTest::newRow("percent signs") << "plain" << words({"100%", "%f", "%%", "%U"});
        QTest::newRow("non-ascii") << "ünïcødé ☃" << words({"日本語", "naïve", "emoji 🙂"});
        QTest::newRow("empty and blank arguments") << "tab\there" << words({"", " ", "\t", "a\tb"});
        QTest::newRow("line breaks") << "plain" << words({"two\nlines", "cr\rhere"});
        QTest::newRow("no arguments") << "none" << QStringList{};
    }

    void execRunsTheProgramWithExactlyOurArguments()
    {
        QFETCH(QString, directoryName);
        QFETCH(QStringList, arguments);
        const QString programDirectory =
            freshDirectory(QStringLiteral("bin")) + QLatin1Char('/') + directoryName;
        QVERIFY(QDir().mkpath(programDirectory));
        const QString program = programDirectory + QStringLiteral("/record arguments");
        QVERIFY(writeRecorder(program));
        XdgAutostart autostart(freshDirectory(), program, arguments);
        QVERIFY(autostart.setEnabled(true).ok());
        validate(autostart.location());

        // GLib's launcher, as GNOME's session manager uses it, runs the entry.
        const QString record = m_scratch.filePath(QStringLiteral("record-%1").arg(m_case));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RECORD_FILE"), record);
        const Run launch =
            run(QStringLiteral("gio"), {QStringLiteral("launch"), autostart.location()}, environment);
        QVERIFY2(launch.exitCode == 0,
                 qPrintable(launch.output + QString::fromUtf8(readFile(autostart.location()))));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(record), 10000);
        QCOMPARE(recordedArguments(record), arguments);
    }

    void execValueFollowsTheSpecification()
    {
        QCOMPARE(XdgAutostart::execValue(QStringLiteral("/usr/bin/aws-sso-tray"), {}),
                 QStringLiteral("/usr/bin/aws-sso-tray"));
        // Quoted for the blank; inside quotes \" for the quote; then the string escape doubles the backslash.
        QCOMPARE(XdgAutostart::execValue(QStringLiteral("/a b/c"), {QStringLiteral("x\"y")}),
                 QStringLiteral("\"/a b/c\" \"x\\\\\"y\""));
        // A literal backslash inside quotes becomes four.
        QCOMPARE(XdgAutostart::execValue(QStringLiteral("/p"), {QStringLiteral("a\\b")}),
                 QStringLiteral("/p \"a\\\\\\\\b\""));
        // GLib cannot launch a program whose path has a %, but the entry is still what the spec says.
        const QString percent = XdgAutostart::execValue(QStringLiteral("/opt/100% sure/aws-sso-tray"), {});
        QCOMPARE(percent, QStringLiteral("\"/opt/100%% sure/aws-sso-tray\""));
        XdgAutostart autostart(freshDirectory(), QStringLiteral("/opt/100% sure/aws-sso-tray"), {});
        QVERIFY(autostart.setEnabled(true).ok());
        validate(autostart.location());
    }

    void theUsersOwnSwitchCounts_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<bool>("enabled");
        const QByteArray head = "[Desktop Entry]\nType=Application\nName=AWS SSO Tray\nExec=aws-sso-tray\n";
        QTest::newRow("plain") << head << true;
        QTest::newRow("Hidden=true") << head + "Hidden=true\n" << false;
        QTest::newRow("Hidden=false") << head + "Hidden=false\n" << true;
        QTest::newRow("blanks around =") << head + "Hidden = true\n" << false;
        QTest::newRow("GNOME switch off") << head + "X-GNOME-Autostart-enabled=false\n" << false;
        QTest::newRow("GNOME switch on") << head + "X-GNOME-Autostart-enabled=true\n" << true;
        QTest::newRow("in another group") << head + "[Desktop Action quit]\nHidden=true\n" << true;
    }

    void theUsersOwnSwitchCounts()
    {
        QFETCH(QByteArray, entry);
        QFETCH(bool, enabled);
        XdgAutostart autostart(freshDirectory(), QStringLiteral("/usr/bin/aws-sso-tray"), {});
        QVERIFY(writeFile(autostart.location(), entry));
        QCOMPARE(autostart.isEnabled(), enabled);
        // Turning it on from the app means on, whatever the file said.
        QVERIFY(autostart.setEnabled(true).ok());
        QVERIFY(autostart.isEnabled());
    }

    void enableAndDisableAreIdempotentAndTouchOnlyOurFile()
    {
        const QString directory = freshDirectory();
        const QString other = directory + QStringLiteral("/other-app.desktop");
        QVERIFY(writeFile(other, "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n"));
        XdgAutostart autostart(directory, QStringLiteral("/usr/bin/aws-sso-tray"), {});
        QVERIFY(autostart.setEnabled(false).ok()); // nothing to remove: fine
        QVERIFY(autostart.setEnabled(true).ok());
        const QByteArray first = readFile(autostart.location());
        QVERIFY(autostart.setEnabled(true).ok());
        QCOMPARE(readFile(autostart.location()), first);
        QCOMPARE(QDir(directory).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary files left
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(!autostart.isEnabled());
        QVERIFY(!QFile::exists(autostart.location()));
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(QFile::exists(other));
    }

    void aSystemWideEntryIsOverriddenNotTouched()
    {
        const QString systemDirectory = freshDirectory(QStringLiteral("etc-xdg-autostart"));
        const QString systemEntry = systemDirectory + QStringLiteral("/" AWS_SSO_TRAY_APP_ID ".desktop");
        const QByteArray installed =
            "[Desktop Entry]\nType=Application\nName=AWS SSO Tray\nExec=aws-sso-tray\n";
        QVERIFY(writeFile(systemEntry, installed));
        XdgAutostart autostart(freshDirectory(), QStringLiteral("/usr/bin/aws-sso-tray"), {},
                               {freshDirectory(QStringLiteral("empty")), systemDirectory});
        QVERIFY(autostart.isEnabled()); // the package's entry starts us
        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(!autostart.isEnabled());
        validate(autostart.location());
        QVERIFY(readFile(autostart.location()).contains("\nHidden=true\n"));
        QCOMPARE(readFile(systemEntry), installed);
        QVERIFY(autostart.setEnabled(true).ok());
        QVERIFY(autostart.isEnabled());
        QVERIFY(!readFile(autostart.location()).contains("Hidden"));
        QCOMPARE(readFile(systemEntry), installed);
    }

    void anUnwritableDirectoryIsAClearError()
    {
        const QString blocker = freshDirectory() + QStringLiteral("/not-a-directory");
        QVERIFY(writeFile(blocker, "x"));
        // Even root cannot create a directory inside a regular file.
        XdgAutostart autostart(blocker + QStringLiteral("/autostart"),
                               QStringLiteral("/usr/bin/aws-sso-tray"), {});
        const Status enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY2(enabled.error().message().startsWith(
                     QStringLiteral("Could not turn on starting aws-sso-tray at login.")),
                 qPrintable(enabled.error().message()));
        QVERIFY(enabled.error().message().contains(blocker + QStringLiteral("/autostart")));
        QVERIFY(!autostart.isEnabled());

        if (::geteuid() != 0) { // root writes anywhere, permissions or not
            const QString readOnly = freshDirectory();
            QVERIFY(QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner));
            XdgAutostart denied(readOnly, QStringLiteral("/usr/bin/aws-sso-tray"), {});
            const Status refused = denied.setEnabled(true);
            QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().message().contains(denied.location()));
        }
    }

    void somethingElseInOurPlaceIsAClearError()
    {
        const QString directory = freshDirectory();
        XdgAutostart autostart(directory, QStringLiteral("/usr/bin/aws-sso-tray"), {});
        QVERIFY(QDir().mkpath(autostart.location() + QStringLiteral("/inside")));
        const Status enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY(enabled.error().message().contains(autostart.location()));
        const Status disabled = autostart.setEnabled(false);
        QVERIFY(!disabled.ok());
        QVERIFY2(disabled.error().message().startsWith(
                     QStringLiteral("Could not turn off starting aws-sso-tray at login.")),
                 qPrintable(disabled.error().message()));
        QVERIFY(disabled.error().message().contains(autostart.location()));
        QVERIFY(QFileInfo(autostart.location() + QStringLiteral("/inside")).isDir()); // left alone
    }

    void thisPlatformIsXdgUnderTheConfigHome()
    {
        const QString configHome = freshDirectory(QStringLiteral("config"));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome));
        const std::unique_ptr<Autostart> autostart =
            Autostart::forThisPlatform(QStringLiteral("/usr/bin/aws-sso-tray"), {QStringLiteral("--tray")});
        QCOMPARE(autostart->location(), configHome + QStringLiteral("/autostart/" AWS_SSO_TRAY_APP_ID ".desktop"));
        QVERIFY(autostart->setEnabled(true).ok());
        QVERIFY(readFile(autostart->location()).contains("\nExec=/usr/bin/aws-sso-tray --tray\n"));
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(XdgAutostart::defaultDirectory(), QDir::homePath() + QStringLiteral("/.config/autostart"));
        qputenv("XDG_CONFIG_DIRS", "/opt/xdg:/etc/xdg");
        QCOMPARE(XdgAutostart::defaultSystemDirectories(),
                 (QStringList{QStringLiteral("/opt/xdg/autostart"), QStringLiteral("/etc/xdg/autostart")}));
        qunsetenv("XDG_CONFIG_DIRS");
        QCOMPARE(XdgAutostart::defaultSystemDirectories(), QStringList{QStringLiteral("/etc/xdg/autostart")});
    }
};

QTEST_GUILESS_MAIN(TestXdgAutostart)

#include "TestXdgAutostart.moc"
