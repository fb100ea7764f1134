#include "ConsoleSignIn.h"
#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "PortalClient.h"
#include "SimulatorTestSupport.h"
#include "SsoSimulator.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtTest>

class TestConsoleSignIn : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<HttpJsonClient> m_http;

    RoleCredentials roleCredentials()
    {
        OidcClient oidc(m_simulator->baseUrl(), m_http.get());
        PortalClient portal(m_simulator->baseUrl(), m_http.get());
        const QString accessToken = simulatorAccessToken(*m_simulator, oidc);
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            portal.getRoleCredentials(accessToken, QStringLiteral("222222222222"),
                                      QStringLiteral("PowerUser"), done);
        });
        return credentials.value();
    }

    // What a browser gets for the URL: status and body.
    static QPair<int, QByteArray> browse(const QUrl &url)
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000)) {
            return {0, {}};
        }
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

private slots:
    void init()
    {
        m_simulator = std::make_unique<SsoSimulator>();
        QVERIFY(m_simulator->listen());
        m_http = std::make_unique<HttpJsonClient>();
    }

    void cleanup()
    {
        m_http.reset();
        m_simulator.reset();
    }

    void endpointsFollowThePartition()
    {
        const QProcessEnvironment none;
        QCOMPARE(ConsoleSignIn::federationEndpoint(QStringLiteral("eu-west-1"), none),
                 QUrl(QStringLiteral("https://signin.aws.amazon.com/federation")));
        QCOMPARE(ConsoleSignIn::federationEndpoint(QStringLiteral("us-gov-west-1"), none),
                 QUrl(QStringLiteral("https://signin.amazonaws-us-gov.com/federation")));
        QCOMPARE(ConsoleSignIn::federationEndpoint(QStringLiteral("cn-north-1"), none),
                 QUrl(QStringLiteral("https://signin.amazonaws.cn/federation")));
        QCOMPARE(ConsoleSignIn::consoleHome(QStringLiteral("cn-northwest-1")),
                 QUrl(QStringLiteral("https://console.amazonaws.cn/")));
        QCOMPARE(ConsoleSignIn::consoleHome(QString()),
                 QUrl(QStringLiteral("https://console.aws.amazon.com/")));
        QProcessEnvironment overridden;
        overridden.insert(QStringLiteral("AWS_SSO_TRAY_FEDERATION_ENDPOINT"),
                          QStringLiteral("http://127.0.0.1:1/f"));
        QCOMPARE(ConsoleSignIn::federationEndpoint(QStringLiteral("cn-north-1"), overridden),
                 QUrl(QStringLiteral("http://127.0.0.1:1/f")));
    }

    void durationLimits()
    {
        QVERIFY(ConsoleSignIn::checkDuration(0));
        QVERIFY(ConsoleSignIn::checkDuration(900));
        QVERIFY(ConsoleSignIn::checkDuration(43200));
        QVERIFY(!ConsoleSignIn::checkDuration(899));
        QVERIFY(!ConsoleSignIn::checkDuration(43201));
    }

    void signInUrlSignsInOnTheSimulator()
    {
        QUrl endpoint = m_simulator->baseUrl();
        endpoint.setPath(QStringLiteral("/federation"));
        ConsoleSignIn signIn(endpoint, m_http.get());
        ConsoleSignIn::Options options;
        options.destination =
            QUrl(QStringLiteral("https://console.aws.amazon.com/ec2/home?region=eu-west-1#Home:"));
        options.issuer = QStringLiteral("https://x.awsapps.com/start");
        options.sessionDurationSeconds = 7200;
        const auto url =
            waitForResult<QUrl>([&](auto done) { signIn.signInUrl(roleCredentials(), options, done); });
        QVERIFY2(url, qPrintable(describe(url)));
        QCOMPARE(url->path(), QStringLiteral("/federation"));
        const QUrlQuery query(url.value());
        QCOMPARE(query.queryItemValue(QStringLiteral("Action")), QStringLiteral("login"));
        QCOMPARE(query.queryItemValue(QStringLiteral("Destination"), QUrl::FullyDecoded),
                 options.destination.toString());
        // Reserved characters are percent-encoded, so '+', '&' or '#' in a value cannot split it.
        QVERIFY(!url->toString(QUrl::FullyEncoded).contains(QLatin1Char('#')));
        const auto [status, page] = browse(url.value());
        QCOMPARE(status, 200);
        QVERIFY2(page.contains("Signed in as role <b>PowerUser</b> in account <b>222222222222</b>"),
                 page.constData());
    }

    void madeUpCredentialsAreRefused()
    {
        QUrl endpoint = m_simulator->baseUrl();
        endpoint.setPath(QStringLiteral("/federation"));
        ConsoleSignIn signIn(endpoint, m_http.get());
        RoleCredentials forged = roleCredentials();
        forged.secretAccessKey = QStringLiteral("not-the-secret");
        const auto url = waitForResult<QUrl>([&](auto done) { signIn.signInUrl(forged, {}, done); });
        QVERIFY(!url);
        QVERIFY(!url.error().message().contains(forged.sessionToken));
    }
};

QTEST_GUILESS_MAIN(TestConsoleSignIn)
#include "TestConsoleSignIn.moc"
