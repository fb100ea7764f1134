#include "NetrcReader.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

NetrcFile parsed(const char *text)
{
    const Result<NetrcFile> file = NetrcReader::parse(QByteArray(text), QStringLiteral("test.netrc"));
    if (!file) {
        qWarning("%s", qPrintable(file.error().message()));
        return NetrcFile();
    }
    return file.value();
}

} // namespace

class TestNetrcReader : public QObject
{
    Q_OBJECT
private slots:
    void headlessSsoEntry()
    {
        const NetrcFile file = parsed("machine github.com login octo password tok\n"
                                      "machine headless-sso login alice@example.com password s3cr3t\n");
        QCOMPARE(file.entries().size(), 2);
        const NetrcEntry *entry = file.machine(QStringLiteral("headless-sso"));
        QVERIFY(entry);
        QCOMPARE(entry->login, QStringLiteral("alice@example.com"));
        QCOMPARE(entry->password, QStringLiteral("s3cr3t"));
        QCOMPARE(entry->line, 2);
        QVERIFY(!file.machine(QStringLiteral("other")));
    }

    void tokensMaySpreadOverLines()
    {
        const NetrcFile file =
            parsed("machine\n  headless-sso\n\tlogin\n alice\r\n  account  ops\n password\n\n  pw\n"
                   "machine next user bob password x");
        const NetrcEntry *entry = file.machine(QStringLiteral("headless-sso"));
        QVERIFY(entry);
        QCOMPARE(entry->login, QStringLiteral("alice"));
        QCOMPARE(entry->account, QStringLiteral("ops"));
        QCOMPARE(entry->password, QStringLiteral("pw"));
        QCOMPARE(entry->line, 1);
        const NetrcEntry *next = file.machine(QStringLiteral("next"));
        QVERIFY(next);
        QCOMPARE(next->login, QStringLiteral("bob")); // "user" is a synonym of "login"
        QCOMPARE(next->line, 9);
    }

    void quotedValuesAndBackslashes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("password");
        QTest::newRow("quoted blanks")
            << QByteArray("machine m login a password \"two words\"") << "two words";
        QTest::newRow("escaped quote")
            << QByteArray("machine m login a password \"say \\\"hi\\\"\"") << "say \"hi\"";
        QTest::newRow("escaped backslash") << QByteArray("machine m login a password \"a\\\\b\"") << "a\\b";
        QTest::newRow("unquoted backslash blank")
            << QByteArray("machine m login a password two\\ words") << "two words";
        QTest::newRow("quote inside word is literal")
            << QByteArray("machine m login a password ab\"cd") << "ab\"cd";
        QTest::newRow("hash inside value")
            << QByteArray("machine m login a password #not-a-comment") << "#not-a-comment";
        QTest::newRow("quoted newline")
            << QByteArray("machine m login a password \"line1\nline2\"") << "line1\nline2";
        QTest::newRow("non-ascii") << QByteArray("machine m login a password p\xc3\xa4ss\xe2\x82\xac")
                                   << "päss€";
        QTest::newRow("empty quoted") << QByteArray("machine m login a password \"\"") << "";
    }

    void quotedValuesAndBackslashes()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, password);
        const Result<NetrcFile> file = NetrcReader::parse(text, QStringLiteral("test.netrc"));
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message()));
        const NetrcEntry *entry = file->machine(QStringLiteral("m"));
        QVERIFY(entry);
        QCOMPARE(entry->login, QStringLiteral("a"));
        QCOMPARE(entry->password, password);
    }

    void commentsAndMacrosAreSkipped()
    {
        const NetrcFile file = parsed("# my credentials\n"
                                      "#\n"
                                      "# machine commented login x password y\n"
                                      "macdef init\n"
                                      "cd /pub\n"
                                      "machine inside-macro login no password no\n"
                                      "\n"
                                      "machine headless-sso # the AWS portal\n"
                                      "  login alice # who\n"
                                      "  password pw\n"
                                      "macdef other\r\n"
                                      "binary\r\n"
                                      "\r\n"
                                      "default login anonymous password guest@\n");
        QCOMPARE(file.entries().size(), 2);
        QVERIFY(!file.machine(QStringLiteral("commented")));
        QVERIFY(!file.machine(QStringLiteral("inside-macro")));
        const NetrcEntry *entry = file.machine(QStringLiteral("headless-sso"));
        QVERIFY(entry);
        QCOMPARE(entry->login, QStringLiteral("alice"));
        QCOMPARE(entry->password, QStringLiteral("pw"));
        QCOMPARE(entry->line, 8);
        QVERIFY(file.entries().at(1).isDefault);
        QCOMPARE(file.entries().at(1).line, 14);
    }

    void defaultEntryAndFirstMatch()
    {
        const NetrcFile file = parsed("machine h login first password 1\n"
                                      "default login anon password guest\n"
                                      "machine h login second password 2\n");
        QCOMPARE(file.machine(QStringLiteral("h"))->login, QStringLiteral("first"));
        QCOMPARE(file.lookup(QStringLiteral("h"))->login, QStringLiteral("first"));
        QCOMPARE(file.lookup(QStringLiteral("elsewhere"))->login, QStringLiteral("anon"));
        QVERIFY(!file.machine(QStringLiteral("elsewhere")));
        QVERIFY(!parsed("machine h login a password b").lookup(QStringLiteral("x")));
    }

    void emptyFileHasNoEntries()
    {
        const Result<NetrcFile> file =
            NetrcReader::parse(QByteArray("\n  \n# only a comment\n"), QStringLiteral("x"));
        QVERIFY(file.ok());
        QVERIFY(file->entries().isEmpty());
    }

    void malformedFilesNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("explanation");
        QTest::addColumn<QString>("secretPart");
        QTest::newRow("stray word at top") << QByteArray("\n\nlogin d\nmachine a login b password c\n")
                                           << "test.netrc, line 3: expected \"machine\""
                                           << "";
        QTest::newRow("unquoted blank in password")
            << QByteArray("machine a\n login b\n password two hidden-part\n")
            << "line 3: unexpected word in machine \"a\""
            << "hidden-part";
        QTest::newRow("machine without name")
            << QByteArray("machine a login b\nmachine") << "line 2: \"machine\" is not "
            << "";
        QTest::newRow("password without value")
            << QByteArray("machine a login b\n password  \n") << "line 2: \"password\" in "
            << "";
        QTest::newRow("unclosed quote") << QByteArray("machine a\nlogin b password \"hidden value\n\n")
                                        << "line 2: a quoted value is never closed"
                                        << "hidden value";
        QTest::newRow("unended macdef") << QByteArray("machine a login b password c\nmacdef init\ncd /\n")
                                        << "line 2: the macdef that starts here is not ended"
                                        << "";
    }

    void malformedFilesNameTheLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, explanation);
        QFETCH(QString, secretPart);
        const Result<NetrcFile> file = NetrcReader::parse(text, QStringLiteral("test.netrc"));
        QVERIFY(!file.ok());
        QCOMPARE(file.error().kind(), SsoError::Kind::Config);
        QVERIFY2(file.error().message().contains(explanation), qPrintable(file.error().message()));
        if (!secretPart.isEmpty()) {
            QVERIFY2(!file.error().message().contains(secretPart), qPrintable(file.error().message()));
        }
    }

    void readsFilesAndExplainsMissingOnes()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(QStringLiteral("netrc"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("machine headless-sso login alice password pw\n");
        out.close();
        const Result<NetrcFile> file = NetrcReader::readFile(path);
        QVERIFY(file.ok());
        QCOMPARE(file->machine(QStringLiteral("headless-sso"))->password, QStringLiteral("pw"));

        const Result<NetrcFile> missing = NetrcReader::readFile(directory.filePath(QStringLiteral("absent")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(QLatin1String("There is no netrc file at")));
    }

    void defaultPathHonoursNetrcVariable()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/alice"));
        QCOMPARE(NetrcReader::defaultPath(environment), QStringLiteral("/home/alice/.netrc"));
        environment.insert(QStringLiteral("NETRC"), QStringLiteral("/etc/alice.netrc"));
        QCOMPARE(NetrcReader::defaultPath(environment), QStringLiteral("/etc/alice.netrc"));
    }
};

QTEST_GUILESS_MAIN(TestNetrcReader)
#include "TestNetrcReader.moc"
