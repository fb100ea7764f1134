#include "SsoConfig.h"

#include <QtTest>

namespace {

SsoConfig configFrom(const QByteArray &text)
{
    const Result<AwsConfigFile> file = AwsConfigFile::parse(text, QStringLiteral("~/.aws/config"));
    if (!file) {
        qFatal("unexpected parse error: %s", qPrintable(file.error().message()));
    }
    return SsoConfig::fromFile(file.value());
}

QStringList namesOf(const QList<SsoProfile> &profiles)
{
    QStringList names;
    for (const SsoProfile &profile : profiles) {
        names.append(profile.name);
    }
    return names;
}

QString problemOf(const SsoConfig &config, const QString &name)
{
    for (const SsoConfig::Problem &problem : config.problems()) {
        if (problem.profileName == name) {
            return problem.message;
        }
    }
    return QString();
}

// The error profile(name) gives; checks that it is a config error and the same as the listed problem.
QString profileError(const SsoConfig &config, const QString &name)
{
    const Result<SsoProfile> profile = config.profile(name);
    if (profile) {
        return QStringLiteral("<no error>");
    }
    if (profile.error().kind() != SsoError::Kind::Config || profile.error().exitCode() != 2) {
        return QStringLiteral("<not a config error>");
    }
    return profile.error().message();
}

const QByteArray SessionSection = "[sso-session corp]\n"
                                  "sso_start_url = https://corp.awsapps.com/start\n"
                                  "sso_region = us-east-1\n"
                                  "sso_registration_scopes = sso:account:access\n";

} // namespace

class TestSsoConfig : public QObject
{
    Q_OBJECT
private slots:
    void readsALegacyProfile()
    {
        const SsoConfig config = configFrom("[profile legacy]\n"
                                            "sso_start_url = https://legacy.awsapps.com/start\n"
                                            "sso_region = eu-west-1\n"
                                            "sso_account_id = 111122223333\n"
                                            "sso_role_name = Admin\n"
                                            "sso_registration_scopes = ignored:outside:a:session\n"
                                            "region = eu-central-1\n"
                                            "ca_bundle = /etc/ca.pem\n"
                                            "endpoint_url = http://localhost:4566\n"
                                            "ignore_configured_endpoint_urls = False\n");
        QVERIFY(config.problems().isEmpty());
        const Result<SsoProfile> profile = config.profile(QStringLiteral("legacy"));
        QVERIFY(profile.ok());
        QCOMPARE(profile->name, QStringLiteral("legacy"));
        QCOMPARE(profile->accountId, QStringLiteral("111122223333"));
        QCOMPARE(profile->roleName, QStringLiteral("Admin"));
        QVERIFY(profile->hasRole());
        QCOMPARE(profile->region, QStringLiteral("eu-central-1"));
        QCOMPARE(profile->caBundle, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(profile->endpointUrl, QStringLiteral("http://localhost:4566"));
        QCOMPARE(profile->ignoreConfiguredEndpointUrls, QStringLiteral("False"));
        QVERIFY(profile->session.isLegacy());
        QCOMPARE(profile->session.startUrl, QStringLiteral("https://legacy.awsapps.com/start"));
        QCOMPARE(profile->session.region, QStringLiteral("eu-west-1"));
        // `aws sso login` reads scopes only from an sso-session.
        QVERIFY(!profile->session.hasScopes);
        QVERIFY(profile->session.scopes.isEmpty());
    }

    void legacyProfileWithoutRoleIsTokenOnly()
    {
        const SsoConfig config =
            configFrom("[default]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n");
        const Result<SsoProfile> profile = config.profile(QStringLiteral("default"));
        QVERIFY(profile.ok());
        QVERIFY(!profile->hasRole());
        QCOMPARE(config.profiles().size(), 1);
    }

    void readsASessionProfile()
    {
        const SsoConfig config =
            configFrom(SessionSection + "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                                        "sso_role_name = ReadOnly\nregion = eu-west-1\nservices = local\n"
                                        "[services local]\nsso =\n  endpoint_url = http://localhost:1\n");
        QVERIFY2(config.problems().isEmpty(), qPrintable(problemOf(config, QStringLiteral("dev"))));
        const Result<SsoProfile> profile = config.profile(QStringLiteral("dev"));
        QVERIFY(profile.ok());
        QCOMPARE(profile->session.name, QStringLiteral("corp"));
        QCOMPARE(profile->session.startUrl, QStringLiteral("https://corp.awsapps.com/start"));
        QCOMPARE(profile->session.region, QStringLiteral("us-east-1"));
        QVERIFY(profile->session.hasScopes);
        QCOMPARE(profile->session.scopes, QStringList{QStringLiteral("sso:account:access")});
        QCOMPARE(profile->region, QStringLiteral("eu-west-1"));
        QCOMPARE(profile->servicesName, QStringLiteral("local"));
        QVERIFY(profile->hasRole());
    }

    void sessionProfileWithoutRoleIsTokenOnly()
    {
        const SsoConfig config = configFrom(SessionSection + "[profile token]\nsso_session = corp\n");
        const Result<SsoProfile> profile = config.profile(QStringLiteral("token"));
        QVERIFY(profile.ok());
        QVERIFY(!profile->hasRole());
        QCOMPARE(profile->session.name, QStringLiteral("corp"));
    }

    void parsesScopes_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("hasScopes");
        QTest::addColumn<QStringList>("scopes");
        QTest::newRow("absent") << QByteArray() << false << QStringList();
        QTest::newRow("empty") << QByteArray("sso_registration_scopes =\n") << true << QStringList();
        QTest::newRow("one") << QByteArray("sso_registration_scopes = sso:account:access\n") << true
                             << QStringList{QStringLiteral("sso:account:access")};
        QTest::newRow("spaced and empty entries")
            << QByteArray("sso_registration_scopes = , a:b ,, c ,\t,\n") << true
            << QStringList{QStringLiteral("a:b"), QStringLiteral("c")};
    }

    void parsesScopes()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, hasScopes);
        QFETCH(QStringList, scopes);
        const SsoConfig config = configFrom("[sso-session s]\nsso_start_url = https://s.awsapps.com/start\n"
                                            "sso_region = us-east-1\n" +
                                            line);
        const Result<SsoSession> session = config.session(QStringLiteral("s"));
        QVERIFY(session.ok());
        QCOMPARE(session->hasScopes, hasScopes);
        QCOMPARE(session->scopes, scopes);
    }

    // The wording of botocore's SSOProvider._load_sso_config, checked with botocore 1.43.
    void reportsTheCliErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("legacy missing keys")
            << QByteArray("[profile p]\nsso_account_id = 1\nsso_start_url = https://x.awsapps.com/start\n")
            << QStringLiteral(
                   "The profile \"p\" is configured to use SSO but is missing required configuration: "
                   "sso_role_name, sso_region. Add sso_role_name, sso_region to [profile p] in "
                   "~/.aws/config, "
                   "or run `aws configure sso --profile p`.");
        QTest::newRow("legacy role only")
            << QByteArray("[default]\nsso_role_name = r\n")
            << QStringLiteral(
                   "The profile \"default\" is configured to use SSO but is missing required configuration: "
                   "sso_account_id, sso_start_url, sso_region. Add sso_account_id, sso_start_url, sso_region "
                   "to [default] in ~/.aws/config, or run `aws configure sso --profile default`.");
        QTest::newRow("legacy without role")
            << QByteArray("[profile p]\nsso_region = us-east-1\n")
            << QStringLiteral(
                   "The profile \"p\" is configured to use SSO but is missing required configuration: "
                   "sso_start_url. Add sso_start_url to [profile p] in ~/.aws/config, or run `aws configure "
                   "sso --profile p`.");
        QTest::newRow("empty account id")
            << QByteArray("[profile p]\nsso_account_id =\nsso_role_name = r\nsso_start_url = "
                          "https://x.awsapps.com/start\n"
                          "sso_region = us-east-1\n")
            << QStringLiteral(
                   "The profile \"p\" is configured to use SSO but is missing required configuration: "
                   "sso_account_id. Add sso_account_id to [profile p] in ~/.aws/config, or run `aws "
                   "configure sso --profile p`.");
        QTest::newRow("unknown session")
            << QByteArray("[profile p]\nsso_session = nope\nsso_role_name = r\n")
            << QStringLiteral(
                   "The specified sso-session does not exist: \"nope\". Add an [sso-session nope] section to "
                   "~/.aws/config, or fix sso_session in [profile p].");
        QTest::newRow("empty session name")
            << QByteArray("[profile p]\nsso_session =\n")
            << QStringLiteral(
                   "The specified sso-session does not exist: \"\". Set sso_session in [profile p] in "
                   "~/.aws/config to the name of an [sso-session NAME] section.");
        QTest::newRow("inconsistent start url")
            << QByteArray(
                   SessionSection +
                   "[profile p]\nsso_session = corp\nsso_start_url = https://other.awsapps.com/start\n")
            << QStringLiteral(
                   "The value for sso_start_url is inconsistent between profile "
                   "(https://other.awsapps.com/start) and sso-session (https://corp.awsapps.com/start). "
                   "Remove sso_start_url from [profile p] in ~/.aws/config, or make the two equal.");
        // Every key the session sets is compared, [DEFAULT] ones included, as botocore does.
        QTest::newRow("inconsistent inherited key")
            << QByteArray("[DEFAULT]\nregion = us-east-1\n" + SessionSection +
                          "[profile p]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\nregion = "
                          "eu-west-1\n")
            << QStringLiteral(
                   "The value for region is inconsistent between profile (eu-west-1) and sso-session "
                   "(us-east-1). Remove region from [profile p] in ~/.aws/config, or make the two equal.");
        QTest::newRow("session's own keys before inherited ones")
            << QByteArray("[DEFAULT]\nregion = us-east-1\n" + SessionSection +
                          "[profile p]\nsso_session = corp\nsso_account_id = 1\nregion = eu-west-1\n"
                          "sso_start_url = https://other.awsapps.com/start\n")
            << QStringLiteral(
                   "The value for sso_start_url is inconsistent between profile "
                   "(https://other.awsapps.com/start) and sso-session (https://corp.awsapps.com/start). "
                   "Remove sso_start_url from [profile p] in ~/.aws/config, or make the two equal.");
        QTest::newRow("session missing region")
            << QByteArray("[sso-session s]\nsso_start_url = https://s.awsapps.com/start\n"
                          "[profile p]\nsso_session = s\nsso_account_id = 1\n")
            << QStringLiteral(
                   "The profile \"p\" is configured to use SSO but is missing required configuration: "
                   "sso_role_name, sso_region. Add sso_role_name to [profile p] and sso_region to "
                   "[sso-session s] in ~/.aws/config, or run `aws configure sso --profile p`.");
        QTest::newRow("invalid region")
            << QByteArray("[profile p]\nsso_start_url = https://x.awsapps.com/start\nsso_region = "
                          "us-east-1.evil.com/\n")
            << QStringLiteral(
                   "Provided region_name 'us-east-1.evil.com/' doesn't match a supported format. Fix "
                   "sso_region in [profile p] in ~/.aws/config.");
        QTest::newRow("missing services section")
            << QByteArray(SessionSection + "[profile p]\nsso_session = corp\nservices = gone\n")
            << QStringLiteral(
                   "The profile is configured to use the services section but the \"gone\" services "
                   "configuration does not exist. Add a [services gone] section to ~/.aws/config, or remove "
                   "services from [profile p].");
    }

    void reportsTheCliErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const SsoConfig config = configFrom(text);
        const QString name = config.file().profileNames().last();
        QCOMPARE(profileError(config, name), message);
        QCOMPARE(problemOf(config, name), message);
        QVERIFY(!namesOf(config.profiles()).contains(name));
    }

    void acceptsTheSameValueInProfileAndSession()
    {
        const SsoConfig config =
            configFrom(SessionSection + "[profile p]\nsso_session = corp\nsso_region = us-east-1\n"
                                        "sso_start_url = https://corp.awsapps.com/start\n");
        QVERIFY(config.profile(QStringLiteral("p")).ok());
    }

    void requiresHttpsStartUrls_data()
    {
        QTest::addColumn<QString>("startUrl");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << QStringLiteral("https://d-1234567890.awsapps.com/start") << true;
        QTest::newRow("https vanity") << QStringLiteral("https://sso.example.com/start#/") << true;
        QTest::newRow("https upper scheme") << QStringLiteral("HTTPS://x.awsapps.com/start") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080/start") << true;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:9000/start") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9000/start") << true;
        QTest::newRow("http elsewhere") << QStringLiteral("http://x.awsapps.com/start") << false;
        QTest::newRow("http localhost lookalike")
            << QStringLiteral("http://localhost.evil.example/start") << false;
        QTest::newRow("http 127.0.0.2") << QStringLiteral("http://127.0.0.2/start") << false;
        QTest::newRow("no scheme") << QStringLiteral("x.awsapps.com/start") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://x.awsapps.com/start") << false;
        QTest::newRow("no host") << QStringLiteral("https:///start") << false;
        QTest::newRow("spaces") << QStringLiteral("https://x.awsapps.com/st art") << false;
        QTest::newRow("empty") << QString() << false; // reported as missing
    }

    void requiresHttpsStartUrls()
    {
        QFETCH(QString, startUrl);
        QFETCH(bool, accepted);
        const QByteArray url = startUrl.toUtf8();
        const SsoConfig config = configFrom("[profile legacy]\nsso_start_url = " + url +
                                            "\nsso_region = us-east-1\n"
                                            "[sso-session s]\nsso_start_url = " +
                                            url +
                                            "\nsso_region = us-east-1\n"
                                            "[profile p]\nsso_session = s\n");
        QCOMPARE(config.profile(QStringLiteral("legacy")).ok(), accepted);
        QCOMPARE(config.profile(QStringLiteral("p")).ok(), accepted);
        QCOMPARE(config.session(QStringLiteral("s")).ok(), accepted);
        QCOMPARE(config.profiles().size(), accepted ? 2 : 0);
        if (!accepted && !startUrl.isEmpty()) {
            QCOMPARE(problemOf(config, QStringLiteral("legacy")),
                     QStringLiteral(
                         "The sso_start_url \"%1\" in [profile legacy] is not an https:// URL. Fix it in "
                         "~/.aws/config (http:// is accepted only for localhost, 127.0.0.1 and ::1).")
                         .arg(startUrl));
            QVERIFY(problemOf(config, QStringLiteral("p"))
                        .contains(QStringLiteral("in [sso-session s] is not an https://")));
        }
    }

    void keepsGoodProfilesBesideBrokenOnes()
    {
        const SsoConfig config = configFrom(
            SessionSection + "[profile good]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n"
                             "[profile broken]\nsso_session = corp\nsso_account_id = 1\n"
                             "[profile plain]\nregion = us-east-1\naws_access_key_id = AKIA\n"
                             "[profile alsoGood]\nsso_start_url = https://l.awsapps.com/start\n"
                             "sso_region = us-east-1\n");
        QCOMPARE(namesOf(config.profiles()),
                 (QStringList{QStringLiteral("good"), QStringLiteral("alsoGood")}));
        QCOMPARE(config.problems().size(), 1);
        QCOMPARE(config.problems().first().profileName, QStringLiteral("broken"));
        QVERIFY(config.profile(QStringLiteral("good")).ok());
        QVERIFY(!config.profile(QStringLiteral("broken")).ok());
    }

    void explainsUnknownAndNonSsoProfiles()
    {
        const SsoConfig config = configFrom("[profile keys]\naws_access_key_id = AKIA\n");
        QCOMPARE(
            profileError(config, QStringLiteral("nope")),
            QStringLiteral(
                "The config profile (nope) could not be found. Run `aws configure sso --profile nope` to "
                "add it to ~/.aws/config, or pick another profile."));
        QCOMPARE(
            profileError(config, QStringLiteral("keys")),
            QStringLiteral(
                "Missing the following required SSO configuration values: sso_start_url, sso_region. To "
                "make sure this profile is properly configured to use SSO, please run: aws configure sso "
                "--profile keys (the profile \"keys\" in ~/.aws/config has neither sso_session nor "
                "sso_start_url)."));
        QVERIFY(config.problems().isEmpty()); // a profile with static keys is not a problem, just not ours
        QVERIFY(config.profiles().isEmpty());
    }

    void explainsUnknownAndBrokenSessions()
    {
        const SsoConfig config =
            configFrom("[sso-session half]\nsso_start_url = https://h.awsapps.com/start\n"
                       "[sso-session empty]\n");
        const Result<SsoSession> unknown = config.session(QStringLiteral("nope"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind(), SsoError::Kind::Config);
        QCOMPARE(unknown.error().message(),
                 QStringLiteral(
                     "The specified sso-session does not exist: \"nope\". Add an [sso-session nope] section "
                     "to ~/.aws/config, or run `aws configure sso-session`."));
        // The wording of `aws sso login --sso-session` for a session without its keys.
        const QString halfMessage =
            QStringLiteral("Missing the following required SSO configuration values: "
                           "sso_region. Add it to [sso-session half] in ~/.aws/config.");
        QCOMPARE(config.session(QStringLiteral("half")).error().message(), halfMessage);
        QCOMPARE(config.session(QStringLiteral("empty")).error().message(),
                 QStringLiteral(
                     "Missing the following required SSO configuration values: sso_start_url, sso_region. "
                     "Add them to [sso-session empty] in ~/.aws/config."));
        // No profile uses them, so each session is reported itself.
        QCOMPARE(config.problems().size(), 2);
        QCOMPARE(problemOf(config, QStringLiteral("half")), halfMessage);
        QVERIFY(config.sessions().isEmpty());
    }

    void reportsABrokenSessionOnlyThroughItsProfiles()
    {
        const SsoConfig config =
            configFrom("[sso-session half]\nsso_start_url = https://h.awsapps.com/start\n"
                       "[profile a]\nsso_session = half\n[profile b]\nsso_session = half\n");
        QCOMPARE(config.problems().size(), 2);
        QCOMPARE(config.problems().at(0).profileName, QStringLiteral("a"));
        QCOMPARE(config.problems().at(1).profileName, QStringLiteral("b"));
    }

    void groupsProfilesBySession()
    {
        const SsoConfig config =
            configFrom("[profile legacy1]\nsso_start_url = https://l.awsapps.com/start\n"
                       "sso_region = us-east-1\nsso_account_id = 1\nsso_role_name = a\n" +
                       SessionSection +
                       "[profile dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n"
                       "[profile legacy2]\nsso_start_url = https://l.awsapps.com/start\n"
                       "sso_region = us-east-1\n"
                       "[profile other]\nsso_start_url = https://o.awsapps.com/start\n"
                       "sso_region = eu-west-1\n"
                       "[profile prod]\nsso_session = corp\nsso_account_id = 2\nsso_role_name = r\n"
                       "[sso-session unused]\nsso_start_url = https://u.awsapps.com/start\n"
                       "sso_region = us-west-2\n");
        QVERIFY(config.problems().isEmpty());
        QCOMPARE(config.sessions().size(), 4);
        // In file order of the line that introduces each session.
        QCOMPARE(config.sessions().at(0).id(), QStringLiteral("url:https://l.awsapps.com/start"));
        QVERIFY(config.sessions().at(0).isLegacy());
        QCOMPARE(config.sessions().at(1).name, QStringLiteral("corp"));
        QCOMPARE(config.sessions().at(2).id(), QStringLiteral("url:https://o.awsapps.com/start"));
        QCOMPARE(config.sessions().at(2).region, QStringLiteral("eu-west-1"));
        QCOMPARE(config.sessions().at(3).name, QStringLiteral("unused"));

        QCOMPARE(namesOf(config.profilesOf(config.sessions().at(0))),
                 (QStringList{QStringLiteral("legacy1"), QStringLiteral("legacy2")}));
        QCOMPARE(namesOf(config.profilesOf(config.sessions().at(1))),
                 (QStringList{QStringLiteral("dev"), QStringLiteral("prod")}));
        QCOMPARE(namesOf(config.profilesOf(config.sessions().at(2))), QStringList{QStringLiteral("other")});
        QVERIFY(config.profilesOf(config.sessions().at(3)).isEmpty());

        // A named session and a legacy start URL are different sign-ins even with the same URL.
        const SsoConfig sameUrl =
            configFrom(SessionSection + "[profile named]\nsso_session = corp\n"
                                        "[profile legacy]\nsso_start_url = https://corp.awsapps.com/start\n"
                                        "sso_region = us-east-1\n");
        QCOMPARE(sameUrl.sessions().size(), 2);
        QCOMPARE(namesOf(sameUrl.profilesOf(sameUrl.sessions().at(1))),
                 QStringList{QStringLiteral("legacy")});
    }

    void readsTheFixtureWithEveryForm()
    {
        const Result<AwsConfigFile> file =
            AwsConfigFile::load(QStringLiteral(TESTS_DATA_DIR "/config/tricky.ini"));
        QVERIFY(file.ok());
        const SsoConfig config = SsoConfig::fromFile(file.value());
        QCOMPARE(namesOf(config.profiles()), QStringList{QStringLiteral("default")});
        QCOMPARE(config.profile(QStringLiteral("default"))->session.startUrl,
                 QStringLiteral("https://colon.awsapps.com/start"));
        QVERIFY(!config.profile(QStringLiteral("quoted name")).ok());
        // [DEFAULT] gives the session "output = json", which the profile's "output = text" contradicts:
        // botocore 1.43 fails this profile with exactly that message.
        QCOMPARE(config.problems().size(), 1);
        QCOMPARE(config.problems().first().profileName, QStringLiteral("spaced"));
        QVERIFY(config.problems().first().message.startsWith(QStringLiteral(
            "The value for output is inconsistent between profile (text) and sso-session (json). Remove "
            "output from [profile  spaced ] in ")));
        const Result<SsoSession> session = config.session(QStringLiteral("my-sso"));
        QVERIFY(session.ok());
        QCOMPARE(session->scopes,
                 (QStringList{QStringLiteral("sso:account:access"), QStringLiteral("extra:scope")}));
        QCOMPARE(config.sessions().size(), 2);
    }

    void emptyConfigHasNothing()
    {
        const SsoConfig config = SsoConfig::fromFile(AwsConfigFile());
        QVERIFY(config.profiles().isEmpty());
        QVERIFY(config.sessions().isEmpty());
        QVERIFY(config.problems().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSsoConfig)
#include "TestSsoConfig.moc"
