#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "PortalClient.h"
#include "SimulatorTestSupport.h"
#include "SsoSimulator.h"

#include <QSet>
#include <QtTest>

class TestPortalClient : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<HttpJsonClient> m_http;
    std::unique_ptr<OidcClient> m_oidc;
    std::unique_ptr<PortalClient> m_portal;
    QString m_accessToken;

    QString signIn()
    {
        RegisterClientRequest request;
        request.clientName = QStringLiteral("test");
        request.scopes = {QStringLiteral("sso:account:access")};
        const auto registration =
            waitForResult<ClientRegistration>([&](auto done) { m_oidc->registerClient(request, done); });
        if (!registration) {
            return {};
        }
        const auto authorization = waitForResult<DeviceAuthorization>([&](auto done) {
            m_oidc->startDeviceAuthorization(registration.value(),
                                             QStringLiteral("https://x.awsapps.com/start"), done);
        });
        if (!authorization || !m_simulator->approveDevice(authorization->userCode)) {
            return {};
        }
        const TokenRequest tokenRequest = TokenRequest::forDeviceCode(
            registration->clientId, registration->clientSecret, authorization->deviceCode);
        const auto token =
            waitForResult<TokenResponse>([&](auto done) { m_oidc->createToken(tokenRequest, done); });
        return token ? token->accessToken : QString();
    }

private slots:
    void init()
    {
        SimulatorConfig config;
        config.listPageSize = 2;
        // Five accounts and pages of two: three pages of accounts.
        config.accounts.clear();
        for (int i = 1; i <= 5; ++i) {
            SimulatorConfig::Account account;
            account.accountId = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
            account.accountName = QStringLiteral("account-%1").arg(i);
            account.emailAddress = QStringLiteral("owner%1@example.com").arg(i);
            account.roles = {QStringLiteral("ReadOnly"), QStringLiteral("PowerUser"),
                             QStringLiteral("Admin")};
            config.accounts.append(account);
        }
        m_simulator = std::make_unique<SsoSimulator>(config);
        QVERIFY(m_simulator->listen());
        m_http = std::make_unique<HttpJsonClient>();
        m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
        m_portal = std::make_unique<PortalClient>(m_simulator->baseUrl(), m_http.get());
        m_accessToken = signIn();
        QVERIFY(!m_accessToken.isEmpty());
    }

    void cleanup()
    {
        m_portal.reset();
        m_oidc.reset();
        m_http.reset();
        m_simulator.reset();
    }

    void roleCredentials()
    {
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            m_portal->getRoleCredentials(m_accessToken, QStringLiteral("000000000001"),
                                         QStringLiteral("ReadOnly"), done);
        });
        QVERIFY2(credentials, qPrintable(describe(credentials)));
        QVERIFY(credentials->accessKeyId.startsWith(QStringLiteral("ASIA")));
        QVERIFY(!credentials->secretAccessKey.isEmpty());
        QVERIFY(!credentials->sessionToken.isEmpty());
        // Epoch milliseconds became a UTC time about an hour ahead.
        const qint64 ahead = QDateTime::currentDateTimeUtc().secsTo(credentials->expiration);
        QVERIFY2(ahead > 3000 && ahead <= 3600, qPrintable(QString::number(ahead)));
    }

    void everyAccountAcrossPages()
    {
        const auto accounts = waitForResult<QList<AccountInfo>>(
            [&](auto done) { m_portal->listAccounts(m_accessToken, done); });
        QVERIFY2(accounts, qPrintable(describe(accounts)));
        QCOMPARE(accounts->size(), 5);
        QSet<QString> ids;
        for (const AccountInfo &account : accounts.value()) {
            ids.insert(account.accountId);
            QVERIFY(account.accountName.startsWith(QStringLiteral("account-")));
            QVERIFY(account.emailAddress.endsWith(QStringLiteral("@example.com")));
        }
        QCOMPARE(ids.size(), 5);
        QVERIFY(m_simulator->requestCount(QStringLiteral("/assignment/accounts")) >= 3);
    }

    void everyRoleAcrossPages()
    {
        const auto roles = waitForResult<QList<RoleInfo>>([&](auto done) {
            m_portal->listAccountRoles(m_accessToken, QStringLiteral("000000000003"), done);
        });
        QVERIFY2(roles, qPrintable(describe(roles)));
        QCOMPARE(roles->size(), 3);
        QSet<QString> names;
        for (const RoleInfo &role : roles.value()) {
            names.insert(role.roleName);
            QCOMPARE(role.accountId, QStringLiteral("000000000003"));
        }
        QCOMPARE(names, (QSet<QString>{QStringLiteral("ReadOnly"), QStringLiteral("PowerUser"),
                                       QStringLiteral("Admin")}));
    }

    void unknownTokenAsksForALogin()
    {
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            m_portal->getRoleCredentials(QStringLiteral("not-a-token"), QStringLiteral("000000000001"),
                                         QStringLiteral("ReadOnly"), done);
        });
        QVERIFY(!credentials);
        QCOMPARE(credentials.error().serviceErrorType(), QStringLiteral("UnauthorizedException"));
        QCOMPARE(credentials.error().exitCode(), 4);
    }

    void roleWithoutAccessIsRefused()
    {
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            m_portal->getRoleCredentials(m_accessToken, QStringLiteral("000000000001"),
                                         QStringLiteral("NotMine"), done);
        });
        QVERIFY(!credentials);
        QVERIFY(credentials.error().exitCode() == 3 || credentials.error().exitCode() == 2);
        QVERIFY(credentials.error().message().contains(QStringLiteral("NotMine")));
    }

    void logoutEndsTheToken()
    {
        const auto loggedOut = waitForResult<Done>([&](auto done) { m_portal->logout(m_accessToken, done); });
        QVERIFY2(loggedOut, qPrintable(describe(loggedOut)));
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            m_portal->getRoleCredentials(m_accessToken, QStringLiteral("000000000001"),
                                         QStringLiteral("ReadOnly"), done);
        });
        QVERIFY(!credentials);
        QCOMPARE(credentials.error().exitCode(), 4);
    }

    void transientPortalFailuresAreRetried_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fault");
        QTest::newRow("role credentials, HTTP 500")
            << QStringLiteral("/federation/credentials") << QStringLiteral("serverErrors");
        QTest::newRow("role credentials, throttled")
            << QStringLiteral("/federation/credentials") << QStringLiteral("throttle");
        QTest::newRow("account list, HTTP 500")
            << QStringLiteral("/assignment/accounts") << QStringLiteral("serverErrors");
        QTest::newRow("account list, throttled")
            << QStringLiteral("/assignment/accounts") << QStringLiteral("throttle");
    }

    void transientPortalFailuresAreRetried()
    {
        QFETCH(QString, path);
        QFETCH(QString, fault);
        SimulatorFaults faults;
        (fault == QLatin1String("throttle") ? faults.throttle : faults.serverErrors)
            .insert(path, HttpJsonClient::MaxAttempts - 1);
        m_simulator->setFaults(faults);
        const int calls = m_simulator->requestCount(path);
        if (path.startsWith(QLatin1String("/federation"))) {
            const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
                m_portal->getRoleCredentials(m_accessToken, QStringLiteral("000000000001"),
                                             QStringLiteral("ReadOnly"), done);
            });
            QVERIFY2(credentials, qPrintable(describe(credentials)));
            QCOMPARE(m_simulator->requestCount(path), calls + HttpJsonClient::MaxAttempts);
        } else {
            const auto accounts = waitForResult<QList<AccountInfo>>(
                [&](auto done) { m_portal->listAccounts(m_accessToken, done); });
            QVERIFY2(accounts, qPrintable(describe(accounts)));
            QCOMPARE(accounts->size(), 5);
            // Two failed tries of the first page, then three pages.
            QCOMPARE(m_simulator->requestCount(path), calls + HttpJsonClient::MaxAttempts - 1 + 3);
        }
    }

    void persistentPortalFailuresEndAfterBoundedRetries()
    {
        SimulatorFaults faults;
        faults.serverErrors.insert(QStringLiteral("/federation/credentials"), 100);
        m_simulator->setFaults(faults);
        const int calls = m_simulator->requestCount(QStringLiteral("/federation/credentials"));
        const auto credentials = waitForResult<RoleCredentials>([&](auto done) {
            m_portal->getRoleCredentials(m_accessToken, QStringLiteral("000000000001"),
                                         QStringLiteral("ReadOnly"), done);
        });
        QVERIFY(!credentials);
        QCOMPARE(credentials.error().exitCode(), 5);
        QVERIFY(credentials.error().message().contains(QStringLiteral("try again")));
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/federation/credentials")),
                 calls + HttpJsonClient::MaxAttempts);
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unauthorized") << 401 << QStringLiteral("UnauthorizedException") << 4;
        QTest::newRow("forbidden") << 403 << QStringLiteral("ForbiddenException") << 3;
        QTest::newRow("not found") << 404 << QStringLiteral("ResourceNotFoundException") << 2;
        QTest::newRow("throttled") << 429 << QStringLiteral("TooManyRequestsException") << 5;
        QTest::newRow("invalid request") << 400 << QStringLiteral("InvalidRequestException") << 2;
        QTest::newRow("internal") << 500 << QString() << 5;
    }

    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(int, exitCode);
        HttpJsonClient::Reply reply;
        reply.httpStatus = status;
        reply.errorType = type;
        QCOMPARE(PortalClient::errorFor(reply, QStringLiteral("role R in account A")).exitCode(), exitCode);
    }
};

QTEST_GUILESS_MAIN(TestPortalClient)
#include "TestPortalClient.moc"
