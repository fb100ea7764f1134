#include "HttpJsonClient.h"
#include "PortalClient.h"
#include "SimulatorTestSupport.h"
#include "SsoSimulator.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtTest>

// The simulator's console federation endpoint, spoken to directly over HTTP.
class TestSimFederationApi : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<HttpJsonClient> m_http;
    RoleCredentials m_credentials;

    struct Answer
    {
        int status = 0;
        QByteArray body;
    };

    Answer get(const QList<QPair<QString, QString>> &items)
    {
        QUrl url = m_simulator->baseUrl();
        url.setPath(QStringLiteral("/federation"));
        QUrlQuery query;
        for (const auto &[key, value] : items) {
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        url.setQuery(query);
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000)) {
            return {};
        }
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

    static QString session(const RoleCredentials &credentials)
    {
        return QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("sessionId"), credentials.accessKeyId},
                                      {QStringLiteral("sessionKey"), credentials.secretAccessKey},
                                      {QStringLiteral("sessionToken"), credentials.sessionToken}})
                .toJson(QJsonDocument::Compact));
    }

    Answer getSigninToken(const RoleCredentials &credentials, const QString &duration = {})
    {
        QList<QPair<QString, QString>> items{{QStringLiteral("Action"), QStringLiteral("getSigninToken")}};
        if (!duration.isEmpty()) {
            items.append({QStringLiteral("SessionDuration"), duration});
        }
        items.append({QStringLiteral("Session"), session(credentials)});
        return get(items);
    }

    Answer login(const QString &token,
                 const QString &destination = QStringLiteral("https://console.aws.amazon.com/"))
    {
        return get({{QStringLiteral("Action"), QStringLiteral("login")},
                    {QStringLiteral("Destination"), destination},
                    {QStringLiteral("SigninToken"), token}});
    }

private slots:
    void init()
    {
        SimulatorConfig config;
        config.roleCredentialLifetimeSeconds = 3600;
        m_simulator = std::make_unique<SsoSimulator>(config);
        QVERIFY(m_simulator->listen());
        m_http = std::make_unique<HttpJsonClient>();
        OidcClient oidc(m_simulator->baseUrl(), m_http.get());
        const QString accessToken = simulatorAccessToken(*m_simulator, oidc);
        QVERIFY(!accessToken.isEmpty());
        PortalClient portal(m_simulator->baseUrl(), m_http.get());
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            portal.getRoleCredentials(accessToken, QStringLiteral("111111111111"), QStringLiteral("ReadOnly"),
                                      done);
        });
        QVERIFY(credentials);
        m_credentials = credentials.value();
    }

    void cleanup()
    {
        m_http.reset();
        m_simulator.reset();
    }

    void issuedCredentialsGetATokenThatSignsIn()
    {
        const QJsonObject verdict = m_simulator->checkRoleCredentials(
            m_credentials.accessKeyId, m_credentials.secretAccessKey, m_credentials.sessionToken);
        QCOMPARE(verdict.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(verdict.value(QStringLiteral("roleName")).toString(), QStringLiteral("ReadOnly"));

        const Answer answer = getSigninToken(m_credentials, QStringLiteral("43200"));
        QCOMPARE(answer.status, 200);
        const QString token =
            QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("SigninToken")).toString();
        QVERIFY(!token.isEmpty());
        const Answer page = login(token);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Signed in as role <b>ReadOnly</b> in account <b>111111111111</b>"));
    }

    void otherCredentialsAreRefused()
    {
        RoleCredentials wrong = m_credentials;
        wrong.sessionToken += QLatin1Char('x');
        QCOMPARE(getSigninToken(wrong).status, 400);
        QCOMPARE(
            m_simulator->checkRoleCredentials(wrong.accessKeyId, wrong.secretAccessKey, wrong.sessionToken)
                .value(QStringLiteral("valid"))
                .toBool(),
            false);
        QCOMPARE(getSigninToken(RoleCredentials{}).status, 400);
    }

    void sessionDurationOutOfRangeIsRefused()
    {
        QCOMPARE(getSigninToken(m_credentials, QStringLiteral("899")).status, 400);
        QCOMPARE(getSigninToken(m_credentials, QStringLiteral("43201")).status, 400);
        QCOMPARE(getSigninToken(m_credentials, QStringLiteral("soon")).status, 400);
        QCOMPARE(getSigninToken(m_credentials, QStringLiteral("900")).status, 200);
    }

    void expiredCredentialsAreRefused()
    {
        m_simulator->config().roleCredentialLifetimeSeconds = 0;
        OidcClient oidc(m_simulator->baseUrl(), m_http.get());
        PortalClient portal(m_simulator->baseUrl(), m_http.get());
        const QString accessToken = simulatorAccessToken(*m_simulator, oidc);
        const auto expired = waitForResult<RoleCredentials>([&](auto done) {
            portal.getRoleCredentials(accessToken, QStringLiteral("111111111111"), QStringLiteral("ReadOnly"),
                                      done);
        });
        QVERIFY(expired);
        QCOMPARE(getSigninToken(expired.value()).status, 400);
    }

    void loginWantsAKnownTokenAndAnHttpsDestination()
    {
        QCOMPARE(login(QStringLiteral("made-up")).status, 400);
        const QString token = QJsonDocument::fromJson(getSigninToken(m_credentials).body)
                                  .object()
                                  .value(QStringLiteral("SigninToken"))
                                  .toString();
        QCOMPARE(login(token, QStringLiteral("javascript:alert(1)")).status, 400);
        QCOMPARE(get({{QStringLiteral("Action"), QStringLiteral("logout")}}).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestSimFederationApi)
#include "TestSimFederationApi.moc"
