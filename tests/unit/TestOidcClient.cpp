#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "Pkce.h"
#include "SimulatorTestSupport.h"
#include "SsoSimulator.h"

#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>
#include <optional>

namespace {
const QString StartUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
} // namespace

class TestOidcClient : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<HttpJsonClient> m_http;
    std::unique_ptr<OidcClient> m_oidc;

    ClientRegistration registerClient(const QStringList &scopes, bool pkce)
    {
        RegisterClientRequest request;
        request.clientName = QStringLiteral("test");
        request.scopes = scopes;
        if (pkce) {
            request.grantTypes = {OidcGrant::AuthorizationCode, OidcGrant::RefreshToken};
            request.redirectUris = {QStringLiteral("http://127.0.0.1/oauth/callback")};
            request.issuerUrl = StartUrl;
        }
        const auto result =
            waitForResult<ClientRegistration>([&](auto done) { m_oidc->registerClient(request, done); });
        if (!result) {
            qWarning() << result.error().message();
        }
        return result ? result.value() : ClientRegistration{};
    }

    Result<TokenResponse> deviceLogin(const ClientRegistration &registration)
    {
        const auto authorization = waitForResult<DeviceAuthorization>(
            [&](auto done) { m_oidc->startDeviceAuthorization(registration, StartUrl, done); });
        if (!authorization) {
            return authorization.error();
        }
        const auto approved = m_simulator->approveDevice(authorization->userCode);
        if (!approved) {
            return approved.error();
        }
        const TokenRequest request = TokenRequest::forDeviceCode(
            registration.clientId, registration.clientSecret, authorization->deviceCode);
        return waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(request, done); });
    }

private slots:
    void init()
    {
        m_simulator = std::make_unique<SsoSimulator>(SimulatorConfig{});
        QVERIFY(m_simulator->listen());
        m_http = std::make_unique<HttpJsonClient>();
        m_http->setTimeoutMs(5000);
        m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
    }

    void cleanup()
    {
        m_oidc.reset();
        m_http.reset();
        m_simulator.reset();
    }

    void registersADeviceClient()
    {
        const ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, false);
        QVERIFY(!registration.clientId.isEmpty());
        QVERIFY(!registration.clientSecret.isEmpty());
        QVERIFY(registration.expiresAt > QDateTime::currentDateTimeUtc());
        QVERIFY(!registration.isPkce());
        QCOMPARE(registration.scopes, QStringList{QStringLiteral("sso:account:access")});
    }

    void deviceFlowPendingThenApproved()
    {
        const ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, false);
        const auto authorization = waitForResult<DeviceAuthorization>(
            [&](auto done) { m_oidc->startDeviceAuthorization(registration, StartUrl, done); });
        QVERIFY(authorization);
        QVERIFY(authorization->verificationUriComplete.toString().contains(authorization->userCode));
        const TokenRequest request = TokenRequest::forDeviceCode(
            registration.clientId, registration.clientSecret, authorization->deviceCode);
        const auto pending =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(request, done); });
        QVERIFY(!pending);
        QCOMPARE(pending.error().serviceErrorType(), QStringLiteral("AuthorizationPendingException"));
        QVERIFY(m_simulator->approveDevice(authorization->userCode));
        const auto token =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(request, done); });
        QVERIFY2(token, qPrintable(token ? QString() : token.error().message()));
        QVERIFY(!token->accessToken.isEmpty());
        QVERIFY(token->expiresInSeconds > 0);
        QVERIFY(!token->refreshToken.isEmpty());
    }

    void noScopeMeansNoRefreshToken()
    {
        const auto token = deviceLogin(registerClient({}, false));
        QVERIFY(token);
        QVERIFY(token->refreshToken.isEmpty());
    }

    void refreshGrantRenewsTheToken()
    {
        const ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, false);
        const auto first = deviceLogin(registration);
        QVERIFY(first);
        const TokenRequest refresh = TokenRequest::forRefreshToken(
            registration.clientId, registration.clientSecret, first->refreshToken);
        const auto renewed =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(refresh, done); });
        QVERIFY(renewed);
        QVERIFY(renewed->accessToken != first->accessToken);
    }

    void revokedRefreshTokenAsksForALogin()
    {
        const ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, false);
        const auto first = deviceLogin(registration);
        QVERIFY(first);
        m_simulator->revokeRefreshTokens();
        const TokenRequest refresh = TokenRequest::forRefreshToken(
            registration.clientId, registration.clientSecret, first->refreshToken);
        const auto renewed =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(refresh, done); });
        QVERIFY(!renewed);
        QCOMPARE(renewed.error().serviceErrorType(), QStringLiteral("InvalidGrantException"));
        QCOMPARE(renewed.error().kind(), SsoError::Kind::UserAction);
        QCOMPARE(renewed.error().exitCode(), 4);
    }

    void wrongClientSecretIsInvalidClient()
    {
        ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, false);
        registration.clientSecret = QStringLiteral("not-the-secret");
        const auto authorization = waitForResult<DeviceAuthorization>(
            [&](auto done) { m_oidc->startDeviceAuthorization(registration, StartUrl, done); });
        QVERIFY(!authorization);
        QCOMPARE(authorization.error().serviceErrorType(), QStringLiteral("InvalidClientException"));
        QCOMPARE(authorization.error().exitCode(), 3);
    }

    void pkceFlowWithTheRightVerifier()
    {
        const ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, true);
        QVERIFY(registration.isPkce());
        const Pkce pkce = Pkce::generate();
        const QString state = Pkce::newState();
        const QString redirectUri = QStringLiteral("http://127.0.0.1:54321/oauth/callback");
        const QUrl authorize = m_oidc->authorizeUrl(registration.clientId, redirectUri, state, pkce.challenge,
                                                    {QStringLiteral("sso:account:access")});
        const QUrlQuery query(authorize);
        QCOMPARE(authorize.path(), QStringLiteral("/authorize"));
        QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), redirectUri);
        QVERIFY(
            authorize.toString(QUrl::FullyEncoded)
                .contains(QStringLiteral("redirect_uri=http%3A%2F%2F127.0.0.1%3A54321%2Foauth%2Fcallback")));

        const auto redirect = m_simulator->approveAuthorization(authorize);
        QVERIFY2(redirect, qPrintable(redirect ? QString() : redirect.error().message()));
        const QUrlQuery redirectQuery(redirect.value());
        QCOMPARE(redirectQuery.queryItemValue(QStringLiteral("state")), state);
        const QString code = redirectQuery.queryItemValue(QStringLiteral("code"));
        QVERIFY(!code.isEmpty());

        const TokenRequest wrong = TokenRequest::forAuthorizationCode(
            registration.clientId, registration.clientSecret, code, redirectUri, Pkce::generate().verifier);
        const auto rejected =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(wrong, done); });
        QVERIFY(!rejected);

        // A fresh authorization: a code that met a wrong verifier may be burnt, as with the real service.
        const auto redirect2 = m_simulator->approveAuthorization(authorize);
        QVERIFY(redirect2);
        TokenRequest right = wrong;
        right.code = QUrlQuery(redirect2.value()).queryItemValue(QStringLiteral("code"));
        right.codeVerifier = pkce.verifier;
        const auto token = waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(right, done); });
        QVERIFY2(token, qPrintable(token ? QString() : token.error().message()));
        QVERIFY(!token->refreshToken.isEmpty());
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("pending") << 400 << QStringLiteral("AuthorizationPendingException") << 4;
        QTest::newRow("slow down") << 400 << QStringLiteral("SlowDownException") << 5;
        QTest::newRow("expired device code") << 400 << QStringLiteral("ExpiredTokenException") << 6;
        QTest::newRow("denied") << 400 << QStringLiteral("AccessDeniedException") << 3;
        QTest::newRow("invalid grant") << 400 << QStringLiteral("InvalidGrantException") << 4;
        QTest::newRow("invalid client") << 401 << QStringLiteral("InvalidClientException") << 3;
        QTest::newRow("invalid request") << 400 << QStringLiteral("InvalidRequestException") << 2;
        QTest::newRow("invalid scope") << 400 << QStringLiteral("InvalidScopeException") << 2;
        QTest::newRow("unauthorized client") << 400 << QStringLiteral("UnauthorizedClientException") << 2;
        QTest::newRow("unsupported grant") << 400 << QStringLiteral("UnsupportedGrantTypeException") << 2;
        QTest::newRow("invalid client metadata")
            << 400 << QStringLiteral("InvalidClientMetadataException") << 2;
        QTest::newRow("invalid redirect") << 400 << QStringLiteral("InvalidRedirectUriException") << 2;
        QTest::newRow("internal") << 500 << QStringLiteral("InternalServerException") << 5;
        QTest::newRow("bare 503") << 503 << QString() << 5;
    }

    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(int, exitCode);
        HttpJsonClient::Reply reply;
        reply.httpStatus = status;
        reply.errorType = type;
        reply.errorMessage = QStringLiteral("detail from the service");
        const SsoError error = OidcClient::errorFor(reply, QStringLiteral("the token request"));
        QCOMPARE(error.exitCode(), exitCode);
        QCOMPARE(error.serviceErrorType(), type);
        QVERIFY(!error.message().isEmpty());
        QVERIFY(error.message().endsWith(QLatin1Char('.')));
    }

    void slowDownAndExpiryComeFromTheService()
    {
        const ClientRegistration registration = registerClient({QStringLiteral("sso:account:access")}, false);
        const auto authorization = waitForResult<DeviceAuthorization>(
            [&](auto done) { m_oidc->startDeviceAuthorization(registration, StartUrl, done); });
        QVERIFY(authorization);
        const TokenRequest request = TokenRequest::forDeviceCode(
            registration.clientId, registration.clientSecret, authorization->deviceCode);
        // Two polls back to back: the second is faster than the interval.
        waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(request, done); });
        const auto tooFast =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(request, done); });
        QVERIFY(!tooFast);
        QCOMPARE(tooFast.error().serviceErrorType(), QStringLiteral("SlowDownException"));
    }
};

QTEST_GUILESS_MAIN(TestOidcClient)
#include "TestOidcClient.moc"
