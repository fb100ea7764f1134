#include "AwsConfigFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

AwsConfigFile parsed(const QByteArray &text)
{
    Result<AwsConfigFile> file = AwsConfigFile::parse(text, QStringLiteral("~/.aws/config"));
    if (!file) {
        qFatal("unexpected parse error: %s", qPrintable(file.error().message()));
    }
    return std::move(file).value();
}

QString parseError(const QByteArray &text)
{
    const Result<AwsConfigFile> file = AwsConfigFile::parse(text, QStringLiteral("~/.aws/config"));
    if (file) {
        return QStringLiteral("<parsed without error>");
    }
    if (file.error().kind() != SsoError::Kind::Config || file.error().exitCode() != 2) {
        return QStringLiteral("<not a config error>");
    }
    return file.error().message();
}

// The shape of botocore's build_profile_map(raw_config_parse(path)), to compare with what it printed.
QJsonObject asBotocoreMap(const AwsConfigFile &file)
{
    QJsonObject profiles;
    QJsonObject sessions;
    QJsonObject services;
    QJsonObject root;
    for (const AwsConfigFile::Section &section : file.sections()) {
        QJsonObject values;
        for (auto it = section.values.cbegin(); it != section.values.cend(); ++it) {
            if (it->isNested()) {
                QJsonObject nested;
                for (auto sub = it->nested.cbegin(); sub != it->nested.cend(); ++sub) {
                    nested.insert(sub.key(), sub.value());
                }
                values.insert(it.key(), nested);
            } else {
                values.insert(it.key(), it->text);
            }
        }
        if (section.kind == QLatin1String("profile")) {
            profiles.insert(section.name, values);
        } else if (section.kind == QLatin1String("sso-session")) {
            sessions.insert(section.name, values);
        } else if (section.kind == QLatin1String("services")) {
            services.insert(section.name, values);
        } else if (!section.header.startsWith(QLatin1String("profile"))) {
            root.insert(section.name, values); // botocore drops "profile..." headers it cannot split in two
        }
    }
    root.insert(QStringLiteral("profiles"), profiles);
    root.insert(QStringLiteral("sso_sessions"), sessions);
    root.insert(QStringLiteral("services"), services);
    return root;
}

QProcessEnvironment environmentWith(std::initializer_list<std::pair<const char *, QString>> variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables) {
        environment.insert(QString::fromLatin1(name), value);
    }
    return environment;
}

} // namespace

class TestAwsConfigFile : public QObject
{
    Q_OBJECT
private slots:
    void matchesBotocoreOnTheTrickyFixture()
    {
        // tests/data/config/tricky.botocore.json was printed by botocore 1.43:
        // json.dumps(build_profile_map(raw_config_parse("tricky.ini")), indent=2, sort_keys=True)
        const QString directory = QStringLiteral(TESTS_DATA_DIR "/config/");
        const Result<AwsConfigFile> file = AwsConfigFile::load(directory + QStringLiteral("tricky.ini"));
        QVERIFY2(file.ok(), file ? "" : qPrintable(file.error().message()));
        QFile expectedFile(directory + QStringLiteral("tricky.botocore.json"));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(asBotocoreMap(file.value()), expected);
    }

    void readsTheThreeSectionKinds()
    {
        const AwsConfigFile file = parsed("[default]\nregion = us-east-1\n"
                                          "[profile dev]\nsso_session = corp\n"
                                          "[sso-session corp]\nsso_region = eu-west-1\n"
                                          "[services local]\nsso =\n  endpoint_url = http://localhost:1\n"
                                          "[plugins]\nx = 1\n");
        QCOMPARE(file.profileNames(), (QStringList{QStringLiteral("default"), QStringLiteral("dev")}));
        QVERIFY(file.profile(QStringLiteral("dev")));
        QCOMPARE(file.profile(QStringLiteral("dev"))->text(QStringLiteral("sso_session")),
                 QStringLiteral("corp"));
        QCOMPARE(file.profile(QStringLiteral("dev"))->line, 3);
        QCOMPARE(file.profile(QStringLiteral("dev"))->values.value(QStringLiteral("sso_session")).line, 4);
        QCOMPARE(file.ssoSession(QStringLiteral("corp"))->text(QStringLiteral("sso_region")),
                 QStringLiteral("eu-west-1"));
        QCOMPARE(
            file.services(QStringLiteral("local"))->values.value(QStringLiteral("sso")).nested,
            (QMap<QString, QString>{{QStringLiteral("endpoint_url"), QStringLiteral("http://localhost:1")}}));
        QCOMPARE(file.sections().last().kind, QString());
        QCOMPARE(file.sections().last().name, QStringLiteral("plugins"));
        QVERIFY(!file.profile(QStringLiteral("corp")));
        QVERIFY(!file.ssoSession(QStringLiteral("dev")));
        QVERIFY(!file.services(QStringLiteral("nope")));
    }

    void keepsInlineCommentsInValues()
    {
        // RawConfigParser has no inline comment prefixes: only whole-line comments are comments.
        const AwsConfigFile file = parsed("[default]\nregion = us-east-1 # east\noutput = json ; really\n"
                                          "  # indented comment\n; comment\n#region = other\n");
        const AwsConfigFile::Section *profile = file.profile(QStringLiteral("default"));
        QCOMPARE(profile->text(QStringLiteral("region")), QStringLiteral("us-east-1 # east"));
        QCOMPARE(profile->text(QStringLiteral("output")), QStringLiteral("json ; really"));
        QCOMPARE(profile->values.size(), 2);
    }

    void acceptsColonAndSplitsAtTheFirstSeparator()
    {
        const AwsConfigFile file =
            parsed("[default]\nregion: eu-west-1\nsso_start_url = https://a.example/start\n"
                   "a:b = c\nspaced   =   value  \n");
        const AwsConfigFile::Section *profile = file.profile(QStringLiteral("default"));
        QCOMPARE(profile->text(QStringLiteral("region")), QStringLiteral("eu-west-1"));
        QCOMPARE(profile->text(QStringLiteral("sso_start_url")), QStringLiteral("https://a.example/start"));
        QCOMPARE(profile->text(QStringLiteral("a")), QStringLiteral("b = c"));
        QCOMPARE(profile->text(QStringLiteral("spaced")), QStringLiteral("value"));
    }

    void lowercasesKeysButNotSectionNames()
    {
        const AwsConfigFile file =
            parsed("[profile Dev]\nSSO_Start_URL = https://x\n[Profile other]\nk = v\n");
        QVERIFY(file.profile(QStringLiteral("Dev")));
        QVERIFY(!file.profile(QStringLiteral("dev")));
        QCOMPARE(file.profile(QStringLiteral("Dev"))->text(QStringLiteral("sso_start_url")),
                 QStringLiteral("https://x"));
        // "[Profile other]" does not start with "profile": an ordinary section, not a profile.
        QCOMPARE(file.profileNames(), QStringList{QStringLiteral("Dev")});
        QCOMPARE(file.sections().last().name, QStringLiteral("Profile other"));
    }

    void splitsHeadersLikeShlex_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        const QString profile = QStringLiteral("profile");
        QTest::newRow("extra spaces")
            << QByteArray("[profile  spaced ]") << profile << QStringLiteral("spaced");
        QTest::newRow("double quotes") << QByteArray("[profile \"a b\"]") << profile << QStringLiteral("a b");
        QTest::newRow("single quotes") << QByteArray("[profile 'a\\b']") << profile << QStringLiteral("a\\b");
        QTest::newRow("escaped space") << QByteArray("[profile a\\ b]") << profile << QStringLiteral("a b");
        QTest::newRow("escape in quotes")
            << QByteArray("[profile \"a\\\"b\\n\"]") << profile << QStringLiteral("a\"b\\n");
        QTest::newRow("joined quotes")
            << QByteArray("[profile a\"b c\"d]") << profile << QStringLiteral("ab cd");
        QTest::newRow("empty quotes") << QByteArray("[profile \"\"]") << profile << QString();
        QTest::newRow("text after ]") << QByteArray("[profile x] # note") << profile << QStringLiteral("x");
        // botocore only checks the prefix, so "[profilefoo bar]" is profile "bar".
        QTest::newRow("prefix only") << QByteArray("[profilefoo bar]") << profile << QStringLiteral("bar");
        QTest::newRow("session") << QByteArray("[sso-session  corp]") << QStringLiteral("sso-session")
                                 << QStringLiteral("corp");
        QTest::newRow("services") << QByteArray("[services \"local\"]") << QStringLiteral("services")
                                  << QStringLiteral("local");
        QTest::newRow("default") << QByteArray("[default]") << profile << QStringLiteral("default");
        QTest::newRow("three words") << QByteArray("[profile a b c]") << QString()
                                     << QStringLiteral("profile a b c");
        QTest::newRow("one word") << QByteArray("[profile]") << QString() << QStringLiteral("profile");
        QTest::newRow("open quote") << QByteArray("[profile \"a]") << QString()
                                    << QStringLiteral("profile \"a");
        QTest::newRow("spaced default")
            << QByteArray("[ default ]") << QString() << QStringLiteral(" default ");
        QTest::newRow("last bracket") << QByteArray("[a]b]") << QString() << QStringLiteral("a]b");
    }

    void splitsHeadersLikeShlex()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, kind);
        QFETCH(QString, name);
        const AwsConfigFile file = parsed(header + "\nk = v\n");
        QCOMPARE(file.sections().size(), 1);
        QCOMPARE(file.sections().first().kind, kind);
        QCOMPARE(file.sections().first().name, name);
        QCOMPARE(file.sections().first().text(QStringLiteral("k")), QStringLiteral("v"));
    }

    void laterSectionWithTheSameNameWins()
    {
        // A Python dict update: the later section replaces the earlier one, in the earlier one's place.
        const AwsConfigFile defaultFirst = parsed("[default]\nregion = a\n[profile x]\nk = v\n"
                                                  "[profile default]\noutput = json\n");
        QCOMPARE(defaultFirst.profileNames(), (QStringList{QStringLiteral("default"), QStringLiteral("x")}));
        QCOMPARE(defaultFirst.profile(QStringLiteral("default"))->text(QStringLiteral("output")),
                 QStringLiteral("json"));
        QVERIFY(!defaultFirst.profile(QStringLiteral("default"))->contains(QStringLiteral("region")));
        QCOMPARE(defaultFirst.profile(QStringLiteral("default"))->header, QStringLiteral("profile default"));

        const AwsConfigFile profileFirst =
            parsed("[profile default]\noutput = json\n[default]\nregion = a\n");
        QCOMPARE(profileFirst.profile(QStringLiteral("default"))->text(QStringLiteral("region")),
                 QStringLiteral("a"));
        QVERIFY(!profileFirst.profile(QStringLiteral("default"))->contains(QStringLiteral("output")));

        const AwsConfigFile spacedTwice = parsed("[profile a]\nk = 1\n[profile  a ]\nk = 2\n");
        QCOMPARE(spacedTwice.sections().size(), 1);
        QCOMPARE(spacedTwice.profile(QStringLiteral("a"))->text(QStringLiteral("k")), QStringLiteral("2"));
        QCOMPARE(spacedTwice.profile(QStringLiteral("a"))->line, 3);
    }

    void continuesValuesOnIndentedLines()
    {
        const AwsConfigFile file = parsed("[default]\nregion = first\n  second\n\n\tthird\n\n\nk = v\n");
        QCOMPARE(file.profile(QStringLiteral("default"))->text(QStringLiteral("region")),
                 QStringLiteral("first\nsecond\n\nthird"));
        QCOMPARE(file.profile(QStringLiteral("default"))->text(QStringLiteral("k")), QStringLiteral("v"));
    }

    void indentationIsRelativeToTheKeyLine()
    {
        // Indented keys right after a header are keys; a header indented below a key is part of its value.
        const AwsConfigFile file =
            parsed("[default]\n  a = 1\n  b = 2\n    c = 3\n[profile x]\nk = v\n  [profile y]\n");
        const AwsConfigFile::Section *profile = file.profile(QStringLiteral("default"));
        QCOMPARE(profile->text(QStringLiteral("a")), QStringLiteral("1"));
        QCOMPARE(profile->text(QStringLiteral("b")), QStringLiteral("2\nc = 3"));
        QCOMPARE(file.profile(QStringLiteral("x"))->text(QStringLiteral("k")),
                 QStringLiteral("v\n[profile y]"));
        QVERIFY(!file.profile(QStringLiteral("y")));
    }

    void parsesNestedBlocks()
    {
        const AwsConfigFile file = parsed("[services s]\n"
                                          "sso_oidc =\n"
                                          "  endpoint_url = http://127.0.0.1:1/x?a=b\n"
                                          "  # a comment inside the block\n"
                                          "\n"
                                          "  Mixed_Case = kept\n"
                                          "  with: colon = value\n"
                                          "plain = text\n");
        const AwsConfigFile::Value block =
            file.services(QStringLiteral("s"))->values.value(QStringLiteral("sso_oidc"));
        QVERIFY(block.isNested());
        QCOMPARE(block.text, QString());
        QCOMPARE(block.line, 2);
        QCOMPARE(block.nested,
                 (QMap<QString, QString>{
                     {QStringLiteral("endpoint_url"), QStringLiteral("http://127.0.0.1:1/x?a=b")},
                     {QStringLiteral("Mixed_Case"), QStringLiteral("kept")},
                     {QStringLiteral("with: colon"), QStringLiteral("value")}}));
        QVERIFY(!file.services(QStringLiteral("s"))->values.value(QStringLiteral("plain")).isNested());
    }

    void keepsBlankValuesAsText()
    {
        const AwsConfigFile file = parsed("[default]\nempty =\nspaces =   \nblank_lines =\n\n\nk = v\n");
        const AwsConfigFile::Section *profile = file.profile(QStringLiteral("default"));
        for (const char *key : {"empty", "spaces", "blank_lines"}) {
            QVERIFY2(profile->contains(QString::fromLatin1(key)), key);
            QCOMPARE(profile->text(QString::fromLatin1(key)), QString());
            QVERIFY(!profile->values.value(QString::fromLatin1(key)).isNested());
        }
    }

    void lendsDefaultSectionKeysToEverySection()
    {
        // configparser's [DEFAULT] (upper case) is inherited by every section; [default] is the profile.
        const AwsConfigFile file =
            parsed("[profile a]\nregion = own\nz = 1\n[DEFAULT]\nregion = base\noutput = json\n"
                   "[sso-session s]\nsso_region = us-east-1\n");
        QCOMPARE(file.sections().size(), 2);
        const AwsConfigFile::Section *profile = file.profile(QStringLiteral("a"));
        QCOMPARE(profile->text(QStringLiteral("region")), QStringLiteral("own"));
        QCOMPARE(profile->text(QStringLiteral("output")), QStringLiteral("json"));
        QCOMPARE(profile->keyOrder,
                 (QStringList{QStringLiteral("region"), QStringLiteral("z"), QStringLiteral("output")}));
        QCOMPARE(file.ssoSession(QStringLiteral("s"))->text(QStringLiteral("region")),
                 QStringLiteral("base"));
        QCOMPARE(file.ssoSession(QStringLiteral("s"))->values.value(QStringLiteral("region")).line, 5);
    }

    void readsEveryLineEnding()
    {
        const QByteArray unix = "[default]\nregion = a\ns3 =\n  x = 1\n\n[profile b]\nk = v\n";
        QByteArray windows = unix;
        windows.replace("\n", "\r\n");
        QByteArray oldMac = unix;
        oldMac.replace("\n", "\r");
        const QJsonObject expected = asBotocoreMap(parsed(unix));
        QCOMPARE(asBotocoreMap(parsed(windows)), expected);
        QCOMPARE(asBotocoreMap(parsed(oldMac)), expected);
        QCOMPARE(parsed(windows).profile(QStringLiteral("b"))->line, 6);
        QCOMPARE(parsed(windows).profile(QStringLiteral("default"))->text(QStringLiteral("region")),
                 QStringLiteral("a"));
    }

    void stripsUnicodeWhitespaceLikePython()
    {
        // str.strip() removes U+00A0 and U+3000; U+FEFF is not whitespace to Python.
        const AwsConfigFile file =
            parsed("[default]\nregion = \xc2\xa0us-east-1\xe3\x80\x80\nk = \xef\xbb\xbfv\n");
        QCOMPARE(file.profile(QStringLiteral("default"))->text(QStringLiteral("region")),
                 QStringLiteral("us-east-1"));
        QCOMPARE(file.profile(QStringLiteral("default"))->text(QStringLiteral("k")),
                 QStringLiteral("\uFEFFv"));
    }

    void emptyTextIsAnEmptyConfig()
    {
        QVERIFY(parsed("").sections().isEmpty());
        QVERIFY(parsed("\n\n# comment only\n   \n").sections().isEmpty());
    }

    void rejectsMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("key before header")
            << QByteArray("# comment\n\nregion = us-east-1\n[default]\n")
            << QStringLiteral(
                   "~/.aws/config line 3: \"region = ...\" comes before any section header; put it "
                   "under [default] or [profile NAME], or remove it.");
        QTest::newRow("no separator")
            << QByteArray("[default]\nregion = a\n\n\n\n\nfoo\n")
            << QStringLiteral(
                   "~/.aws/config line 7: \"foo\" is not \"key = value\"; fix or remove the line.");
        QTest::newRow("unclosed header")
            << QByteArray("[default]\n[profile dev\n")
            << QStringLiteral(
                   "~/.aws/config line 2: \"[profile dev\" is neither a section header \"[NAME]\" nor \"key "
                   "= value\"; fix or remove the line.");
        QTest::newRow("empty header")
            << QByteArray("[]\n")
            << QStringLiteral("~/.aws/config line 1: \"[]\" comes before any section header; "
                              "put it under [default] or [profile NAME], or remove it.");
        QTest::newRow("no key") << QByteArray("[default]\n= value\n")
                                << QStringLiteral(
                                       "~/.aws/config line 2: \"= ...\" has no key before \"=\"; fix or "
                                       "remove the line.");
        QTest::newRow("duplicate section")
            << QByteArray("[profile dev]\na = 1\n[default]\n[profile dev]\n")
            << QStringLiteral(
                   "~/.aws/config line 4: the section [profile dev] appears a second time (first on line 1); "
                   "merge the two into one.");
        QTest::newRow("duplicate key in other case")
            << QByteArray("[default]\nregion = a\nREGION = b\n")
            << QStringLiteral(
                   "~/.aws/config line 3: \"region\" is set a second time in [default] (first on line 2, "
                   "keys ignore case); keep only one.");
        QTest::newRow("nested line without =")
            << QByteArray("[services s]\nsso =\n  endpoint_url = http://x\n  endpoint_url: http://y\n")
            << QStringLiteral(
                   "~/.aws/config line 4: \"endpoint_url: ...\" in the indented block under \"sso\" is "
                   "not \"key = value\"; fix or remove the line.");
        QTest::newRow("nested via DEFAULT")
            << QByteArray("[DEFAULT]\ns3 =\n  oops\n[default]\n")
            << QStringLiteral("~/.aws/config line 3: \"oops\" in the indented block under \"s3\" is not "
                              "\"key = value\"; "
                              "fix or remove the line.");
        QTest::newRow("byte order mark")
            << QByteArray("\xef\xbb\xbf[default]\nregion = a\n")
            << QStringLiteral(
                   "~/.aws/config line 1: the file starts with a UTF-8 byte order mark (BOM), which the AWS "
                   "CLI cannot read; save the file as UTF-8 without BOM.");
        QTest::newRow("latin-1 text")
            << QByteArray("[default]\r\n\r\nregion = caf\xe9\r\n")
            << QStringLiteral("~/.aws/config line 3: the text is not valid UTF-8; save the file "
                              "as UTF-8.");
        // Messages show keys, never values: a misplaced line may hold a secret.
        QTest::newRow("value is not shown")
            << QByteArray("[default]\naws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
            << QStringLiteral(
                   "~/.aws/config line 2: \"aws_secret_access_key ...\" is not \"key = value\"; fix or "
                   "remove the line.");
        QTest::newRow("value before header is not shown")
            << QByteArray("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
            << QStringLiteral(
                   "~/.aws/config line 1: \"aws_secret_access_key = ...\" comes before any section header; "
                   "put it under [default] or [profile NAME], or remove it.");
        QTest::newRow("long header is shortened")
            << QByteArray("[default]\n[profile a-very-long-profile-name-that-goes-on-and-on\n")
            << QStringLiteral(
                   "~/.aws/config line 2: \"[profile a-very-long-profile-name-that-g...\" is neither a "
                   "section header \"[NAME]\" nor \"key = value\"; fix or remove the line.");
    }

    void rejectsMalformedInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QCOMPARE(parseError(text), message);
    }

    void missingFileIsAnEmptyConfig()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const Result<AwsConfigFile> missing =
            AwsConfigFile::load(directory.filePath(QStringLiteral("nope/config")));
        QVERIFY(missing.ok());
        QVERIFY(missing->sections().isEmpty());
        // botocore reads only regular files: a directory is no config either.
        const Result<AwsConfigFile> folder = AwsConfigFile::load(directory.path());
        QVERIFY(folder.ok());
        QVERIFY(folder->sections().isEmpty());
        QVERIFY(AwsConfigFile::load(QString()).ok());
    }

    void loadNamesTheFileInErrors()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[default]\nregion = a\nbroken\n");
        file.close();
        const Result<AwsConfigFile> loaded = AwsConfigFile::load(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message().startsWith(path + QStringLiteral(" line 3: \"broken\"")),
                 qPrintable(loaded.error().message()));

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[default]\nregion = a\n");
        file.close();
        const Result<AwsConfigFile> fixed = AwsConfigFile::load(path);
        QVERIFY(fixed.ok());
        QCOMPARE(fixed->path(), path);
        QCOMPARE(fixed->profile(QStringLiteral("default"))->text(QStringLiteral("region")),
                 QStringLiteral("a"));
    }

    void shortensTheHomeDirectoryInNames()
    {
        const QString path =
            QDir::homePath() + QStringLiteral("/aws-sso-tray-test-that-does-not-exist/config");
        const Result<AwsConfigFile> loaded = AwsConfigFile::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->sourceName(), QStringLiteral("~/aws-sso-tray-test-that-does-not-exist/config"));
        QCOMPARE(loaded->path(), path);
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[default]\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::WriteOwner));
        if (file.open(QIODevice::ReadOnly)) {
            QSKIP("running with privileges that read any file");
        }
        const Result<AwsConfigFile> loaded = AwsConfigFile::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind(), SsoError::Kind::Config);
        QVERIFY2(loaded.error().message().startsWith(QStringLiteral("Cannot read ")),
                 qPrintable(loaded.error().message()));
    }

    void defaultPathFollowsAwsConfigFile_data()
    {
        QTest::addColumn<QProcessEnvironment>("environment");
        QTest::addColumn<QString>("path");
        const QString home = QStringLiteral("/home/tester");
        QTest::newRow("unset") << environmentWith({{"HOME", home}}) << home + QStringLiteral("/.aws/config");
        QTest::newRow("tilde") << environmentWith(
                                      {{"HOME", home}, {"AWS_CONFIG_FILE", QStringLiteral("~/work/aws.ini")}})
                               << home + QStringLiteral("/work/aws.ini");
        QTest::newRow("tilde alone") << environmentWith({{"HOME", home + QLatin1Char('/')},
                                                         {"AWS_CONFIG_FILE", QStringLiteral("~")}})
                                     << home;
        QTest::newRow("absolute") << environmentWith({{"HOME", home},
                                                      {"AWS_CONFIG_FILE", QStringLiteral("/etc/aws/config")}})
                                  << QStringLiteral("/etc/aws/config");
        QTest::newRow("variables") << environmentWith({{"HOME", home},
                                                       {"PROJECT", QStringLiteral("/srv/p")},
                                                       {"AWS_CONFIG_FILE",
                                                        QStringLiteral("$PROJECT/${PROJECT}/$UNSET/x")}})
                                   << QStringLiteral("/srv/p//srv/p/$UNSET/x");
        QTest::newRow("variable then tilde")
            << environmentWith({{"HOME", home},
                                {"DIR", QStringLiteral("~/d")},
                                {"AWS_CONFIG_FILE", QStringLiteral("$DIR/config")}})
            << home + QStringLiteral("/d/config");
        QTest::newRow("tilde mid-path")
            << environmentWith({{"HOME", home}, {"AWS_CONFIG_FILE", QStringLiteral("a/~/b")}})
            << QStringLiteral("a/~/b");
        // Set but empty: botocore reads no file at all.
        QTest::newRow("empty") << environmentWith({{"HOME", home}, {"AWS_CONFIG_FILE", QString()}})
                               << QString();
    }

    void defaultPathFollowsAwsConfigFile()
    {
        QFETCH(QProcessEnvironment, environment);
        QFETCH(QString, path);
        QCOMPARE(AwsConfigFile::defaultPath(environment), path);
    }

    void defaultPathReadsTheProcessEnvironment()
    {
        const QByteArray saved = qgetenv("AWS_CONFIG_FILE");
        const bool wasSet = qEnvironmentVariableIsSet("AWS_CONFIG_FILE");
        qputenv("AWS_CONFIG_FILE", "~/elsewhere/config");
        const QString configured = AwsConfigFile::defaultPath();
        qunsetenv("AWS_CONFIG_FILE");
        const QString unset = AwsConfigFile::defaultPath();
        if (wasSet) {
            qputenv("AWS_CONFIG_FILE", saved);
        }
        QCOMPARE(configured, QDir::homePath() + QStringLiteral("/elsewhere/config"));
        QCOMPARE(unset, QDir::homePath() + QStringLiteral("/.aws/config"));
    }
};

QTEST_GUILESS_MAIN(TestAwsConfigFile)
#include "TestAwsConfigFile.moc"
