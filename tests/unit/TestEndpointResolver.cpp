#include "EndpointResolver.h"
#include "SsoConfig.h"

#include <QtTest>

namespace {

using Variables = QList<QPair<QString, QString>>;

QProcessEnvironment environmentOf(const Variables &variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables) {
        environment.insert(name, value);
    }
    return environment;
}

AwsConfigFile fileFrom(const QByteArray &text)
{
    Result<AwsConfigFile> file = AwsConfigFile::parse(text, QStringLiteral("~/.aws/config"));
    if (!file) {
        qFatal("unexpected parse error: %s", qPrintable(file.error().message()));
    }
    return std::move(file).value();
}

QString text(const QUrl &url)
{
    return url.toString();
}

const QString EnvGlobal = QStringLiteral("http://env-global:4");
const QString EnvOidc = QStringLiteral("http://env-oidc:5");
const QString EnvSso = QStringLiteral("http://env-sso:6");
const QString ServicesOidc = QStringLiteral("http://services-oidc:2");
const QString ProfileGlobal = QStringLiteral("http://profile-global:1");
const QString DefaultOidc = QStringLiteral("https://oidc.eu-west-1.amazonaws.com");
const QString DefaultPortal = QStringLiteral("https://portal.sso.eu-west-1.amazonaws.com");

} // namespace

class TestEndpointResolver : public QObject
{
    Q_OBJECT
private slots:
    void defaultsFollowThePartition_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("oidc");
        QTest::addColumn<QString>("portal");
        // What botocore 1.43's endpoint rule sets give for these regions.
        QTest::newRow("aws") << QStringLiteral("us-east-1")
                             << QStringLiteral("https://oidc.us-east-1.amazonaws.com")
                             << QStringLiteral("https://portal.sso.us-east-1.amazonaws.com");
        QTest::newRow("china") << QStringLiteral("cn-north-1")
                               << QStringLiteral("https://oidc.cn-north-1.amazonaws.com.cn")
                               << QStringLiteral("https://portal.sso.cn-north-1.amazonaws.com.cn");
        QTest::newRow("govcloud") << QStringLiteral("us-gov-west-1")
                                  << QStringLiteral("https://oidc.us-gov-west-1.amazonaws.com")
                                  << QStringLiteral("https://portal.sso.us-gov-west-1.amazonaws.com");
        QTest::newRow("iso") << QStringLiteral("us-iso-east-1")
                             << QStringLiteral("https://oidc.us-iso-east-1.c2s.ic.gov")
                             << QStringLiteral("https://portal.sso.us-iso-east-1.c2s.ic.gov");
        QTest::newRow("iso-b") << QStringLiteral("us-isob-east-1")
                               << QStringLiteral("https://oidc.us-isob-east-1.sc2s.sgov.gov")
                               << QStringLiteral("https://portal.sso.us-isob-east-1.sc2s.sgov.gov");
        QTest::newRow("iso-e") << QStringLiteral("eu-isoe-west-1")
                               << QStringLiteral("https://oidc.eu-isoe-west-1.cloud.adc-e.uk")
                               << QStringLiteral("https://portal.sso.eu-isoe-west-1.cloud.adc-e.uk");
        QTest::newRow("iso-f") << QStringLiteral("us-isof-south-1")
                               << QStringLiteral("https://oidc.us-isof-south-1.csp.hci.ic.gov")
                               << QStringLiteral("https://portal.sso.us-isof-south-1.csp.hci.ic.gov");
        QTest::newRow("eusc") << QStringLiteral("eusc-de-east-1")
                              << QStringLiteral("https://oidc.eusc-de-east-1.amazonaws.eu")
                              << QStringLiteral("https://portal.sso.eusc-de-east-1.amazonaws.eu");
        QTest::newRow("unknown falls back to aws")
            << QStringLiteral("xx-foo-1") << QStringLiteral("https://oidc.xx-foo-1.amazonaws.com")
            << QStringLiteral("https://portal.sso.xx-foo-1.amazonaws.com");
    }

    void defaultsFollowThePartition()
    {
        QFETCH(QString, region);
        QFETCH(QString, oidc);
        QFETCH(QString, portal);
        const AwsConfigFile file;
        const EndpointResolver resolver(file, QProcessEnvironment());
        QCOMPARE(text(resolver.oidcEndpoint(region, nullptr)), oidc);
        QCOMPARE(text(resolver.portalEndpoint(region, nullptr)), portal);
    }

    // Every row was run through botocore 1.43 with tests/data/config/endpoints.ini.
    void appliesOverridesInBotocoresOrder_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<Variables>("variables");
        QTest::addColumn<QString>("oidc");
        QTest::addColumn<QString>("portal");
        const QString configured = QStringLiteral("configured");
        const QString globalOnly = QStringLiteral("global-only");
        const QString ignoring = QStringLiteral("ignoring");
        const QString url = QStringLiteral("AWS_ENDPOINT_URL");
        const QString urlOidc = QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC");
        const QString urlSso = QStringLiteral("AWS_ENDPOINT_URL_SSO");
        const QString ignore = QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");

        // The services block's sso_oidc endpoint beats the profile's endpoint_url; its "sso" block
        // spells Endpoint_URL, which botocore does not match, so the portal falls to endpoint_url.
        QTest::newRow("services block, then endpoint_url")
            << configured << Variables{} << ServicesOidc << ProfileGlobal;
        QTest::newRow("AWS_ENDPOINT_URL beats the file")
            << configured << Variables{{url, EnvGlobal}} << EnvGlobal << EnvGlobal;
        QTest::newRow("service variable beats AWS_ENDPOINT_URL")
            << configured << Variables{{urlOidc, EnvOidc}, {url, EnvGlobal}} << EnvOidc << EnvGlobal;
        QTest::newRow("empty variables are skipped")
            << configured << Variables{{urlSso, QString()}, {urlOidc, QString()}} << ServicesOidc
            << ProfileGlobal;
        QTest::newRow("portal variable alone")
            << configured << Variables{{urlSso, EnvSso}} << ServicesOidc << EnvSso;
        QTest::newRow("env ignore switch")
            << configured << Variables{{ignore, QStringLiteral("True")}, {urlSso, EnvSso}} << DefaultOidc
            << DefaultPortal;
        QTest::newRow("only 'true' is true")
            << configured << Variables{{ignore, QStringLiteral("1")}} << ServicesOidc << ProfileGlobal;
        QTest::newRow("profile endpoint_url") << globalOnly << Variables{} << ProfileGlobal << ProfileGlobal;
        QTest::newRow("profile endpoint_url under env")
            << globalOnly << Variables{{urlOidc, EnvOidc}, {url, EnvGlobal}} << EnvOidc << EnvGlobal;
        QTest::newRow("profile ignore switch") << ignoring << Variables{} << DefaultOidc << DefaultPortal;
        QTest::newRow("profile ignore switch covers env")
            << ignoring << Variables{{urlOidc, EnvOidc}, {url, EnvGlobal}} << DefaultOidc << DefaultPortal;
        // Once set, the environment variable decides, even against the profile's "true".
        QTest::newRow("env false overrides profile true")
            << ignoring << Variables{{ignore, QStringLiteral("false")}, {urlSso, EnvSso}} << ServicesOidc
            << EnvSso;
        QTest::newRow("env empty overrides profile true")
            << ignoring << Variables{{ignore, QString()}} << ServicesOidc << ProfileGlobal;
    }

    void appliesOverridesInBotocoresOrder()
    {
        QFETCH(QString, profile);
        QFETCH(Variables, variables);
        QFETCH(QString, oidc);
        QFETCH(QString, portal);
        const Result<AwsConfigFile> file =
            AwsConfigFile::load(QStringLiteral(TESTS_DATA_DIR "/config/endpoints.ini"));
        QVERIFY(file.ok());
        const SsoConfig config = SsoConfig::fromFile(file.value());
        const Result<SsoProfile> resolved = config.profile(profile);
        QVERIFY2(resolved.ok(), resolved ? "" : qPrintable(resolved.error().message()));
        const EndpointResolver resolver(config.file(), environmentOf(variables));
        QCOMPARE(text(resolver.oidcEndpoint(resolved->session.region, &resolved.value())), oidc);
        QCOMPARE(text(resolver.portalEndpoint(resolved->session.region, &resolved.value())), portal);
    }

    void withoutAProfileOnlyTheEnvironmentCounts()
    {
        const AwsConfigFile file = fileFrom("[profile p]\nendpoint_url = http://file:1\n");
        QCOMPARE(text(EndpointResolver(file, QProcessEnvironment())
                          .oidcEndpoint(QStringLiteral("eu-west-1"), nullptr)),
                 DefaultOidc);
        const EndpointResolver fromEnvironment(
            file, environmentOf({{QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"), EnvOidc},
                                 {QStringLiteral("AWS_ENDPOINT_URL"), EnvGlobal}}));
        QCOMPARE(text(fromEnvironment.oidcEndpoint(QStringLiteral("eu-west-1"), nullptr)), EnvOidc);
        QCOMPARE(text(fromEnvironment.portalEndpoint(QStringLiteral("eu-west-1"), nullptr)), EnvGlobal);
        const EndpointResolver ignoring(
            file,
            environmentOf({{QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), QStringLiteral("TRUE")},
                           {QStringLiteral("AWS_ENDPOINT_URL"), EnvGlobal}}));
        QCOMPARE(text(ignoring.portalEndpoint(QStringLiteral("eu-west-1"), nullptr)), DefaultPortal);
    }

    void readsOnlyNestedServiceBlocks()
    {
        // "sso = URL" as a plain value is no block: botocore finds no endpoint_url in it.
        const AwsConfigFile file = fileFrom("[services s]\nsso = http://plain:1\nsso_oidc =\n  region = x\n");
        SsoProfile profile;
        profile.servicesName = QStringLiteral("s");
        profile.endpointUrl = ProfileGlobal;
        const EndpointResolver resolver(file, QProcessEnvironment());
        QCOMPARE(text(resolver.portalEndpoint(QStringLiteral("eu-west-1"), &profile)), ProfileGlobal);
        QCOMPARE(text(resolver.oidcEndpoint(QStringLiteral("eu-west-1"), &profile)), ProfileGlobal);

        // A services name with no section falls through here; SsoConfig reports it as a problem.
        profile.servicesName = QStringLiteral("missing");
        QCOMPARE(text(resolver.oidcEndpoint(QStringLiteral("eu-west-1"), &profile)), ProfileGlobal);
        profile.endpointUrl.clear();
        QCOMPARE(text(resolver.oidcEndpoint(QStringLiteral("eu-west-1"), &profile)), DefaultOidc);
    }

    void choosesTheCaBundle()
    {
        const AwsConfigFile file;
        SsoProfile profile;
        profile.caBundle = QStringLiteral("/profile/ca.pem");
        const QString variable = QStringLiteral("AWS_CA_BUNDLE");
        QCOMPARE(EndpointResolver(file, QProcessEnvironment()).caBundle(&profile),
                 QStringLiteral("/profile/ca.pem"));
        QCOMPARE(EndpointResolver(file, QProcessEnvironment()).caBundle(nullptr), QString());
        QCOMPARE(EndpointResolver(file, environmentOf({{variable, QStringLiteral("/env/ca.pem")}}))
                     .caBundle(&profile),
                 QStringLiteral("/env/ca.pem"));
        QCOMPARE(EndpointResolver(file, environmentOf({{variable, QStringLiteral("/env/ca.pem")}}))
                     .caBundle(nullptr),
                 QStringLiteral("/env/ca.pem"));
        // Set but empty, as in botocore's config chain: no bundle, and the profile's is not consulted.
        QCOMPARE(EndpointResolver(file, environmentOf({{variable, QString()}})).caBundle(&profile),
                 QString());
    }

    void resolvesFromTheProcessEnvironment()
    {
        // The app passes QProcessEnvironment::systemEnvironment(); check that path with real variables.
        const QByteArray name = "AWS_ENDPOINT_URL_SSO_OIDC";
        const bool wasSet = qEnvironmentVariableIsSet(name.constData());
        const QByteArray saved = qgetenv(name.constData());
        qputenv(name.constData(), "http://from-process:7");
        const AwsConfigFile file;
        const QUrl resolved = EndpointResolver(file, QProcessEnvironment::systemEnvironment())
                                  .oidcEndpoint(QStringLiteral("us-east-1"), nullptr);
        if (wasSet) {
            qputenv(name.constData(), saved);
        } else {
            qunsetenv(name.constData());
        }
        QCOMPARE(text(resolved), QStringLiteral("http://from-process:7"));
    }
};

QTEST_GUILESS_MAIN(TestEndpointResolver)
#include "TestEndpointResolver.moc"
