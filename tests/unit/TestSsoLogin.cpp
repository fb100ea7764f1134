#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "SimulatorTestSupport.h"
#include "SsoLogin.h"
#include "SsoSimulator.h"
#include "TokenCache.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

class TestSsoLogin : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<HttpJsonClient> m_http;
    std::unique_ptr<OidcClient> m_oidc;
    std::unique_ptr<TokenCache> m_cache;

    static SsoSession session()
    {
        SsoSession s;
        s.name = QStringLiteral("my-sso");
        s.startUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
        s.region = QStringLiteral("us-east-1");
        s.scopes = {QStringLiteral("sso:account:access")};
        s.hasScopes = true;
        return s;
    }

    // Runs a device-code login, approving it as soon as the verification URL is known.
    Result<SsoToken> deviceLogin(const SsoSession &s)
    {
        SsoLogin login(s, SsoLogin::Flow::DeviceCode, m_oidc.get(), *m_cache);
        connect(&login, &SsoLogin::deviceAuthorizationReady, this, [this](const DeviceAuthorization &authorization) {
            QVERIFY(m_simulator->approveDevice(authorization.userCode));
        });
        return waitForResult<SsoToken>([&](auto done) {
            connect(&login, &SsoLogin::finished, this, [done](const Result<SsoToken> &result) { done(result); });
            login.start();
        });
    }

    // The redirect an attacker would forge: the code of a real sign-in with another state.
    static QUrl withForeignState(QUrl redirect)
    {
        QUrlQuery query(redirect);
        query.removeQueryItem(QStringLiteral("state"));
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("attacker"));
        redirect.setQuery(query);
        return redirect;
    }

    // Runs an authorization-code (PKCE) login, the simulator's user approving it.
    Result<SsoToken> pkceLogin(const SsoSession &s)
    {
        SsoLogin login(s, SsoLogin::Flow::AuthorizationCode, m_oidc.get(), *m_cache);
        connect(&login, &SsoLogin::authorizationUrlReady, this, [&](const QUrl &authorize) {
            const auto redirect = m_simulator->approveAuthorization(authorize);
            QVERIFY(redirect);
            login.completeAuthorization(redirect.value());
        });
        return waitForResult<SsoToken>([&](auto done) {
            connect(&login, &SsoLogin::finished, this,
                    [done](const Result<SsoToken> &result) { done(result); });
            login.start();
        });
    }

private slots:
    void init()
    {
        m_cacheDir = std::make_unique<QTemporaryDir>();
        SimulatorConfig config;
        config.pollIntervalSeconds = 1;
        m_simulator = std::make_unique<SsoSimulator>(config);
        QVERIFY(m_simulator->listen());
        m_http = std::make_unique<HttpJsonClient>();
        m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
        m_cache = std::make_unique<TokenCache>(m_cacheDir->filePath(QStringLiteral("sso/cache")));
    }

    void cleanup()
    {
        m_oidc.reset();
        m_http.reset();
        m_simulator.reset();
        m_cache.reset();
        m_cacheDir.reset();
    }

    void deviceFlowWritesTheCliToken()
    {
        const Result<SsoToken> token = deviceLogin(session());
        QVERIFY2(token, qPrintable(describe(token)));
        const auto cached = m_cache->readToken(session());
        QVERIFY(cached && cached.value());
        const SsoToken &onDisk = *cached.value();
        QCOMPARE(onDisk.accessToken, token->accessToken);
        QCOMPARE(onDisk.startUrl, session().startUrl);
        QCOMPARE(onDisk.region, QStringLiteral("us-east-1"));
        QVERIFY(!onDisk.refreshToken.isEmpty());
        QVERIFY(onDisk.registrationExpiresAt.isValid());
        QVERIFY(onDisk.expiresAt > QDateTime::currentDateTimeUtc().addSecs(3600));
        // The registration is cached under botocore's key for the next login.
        const auto registration = m_cache->readRegistration(session());
        QVERIFY(registration && registration.value());
        QCOMPARE(registration.value()->clientId, onDisk.clientId);
        QVERIFY(!registration.value()->isPkce());
    }

    void secondLoginReusesTheRegistration()
    {
        QVERIFY(deviceLogin(session()));
        const int registrations = m_simulator->requestCount(QStringLiteral("/client/register"));
        QCOMPARE(registrations, 1);
        QVERIFY(deviceLogin(session()));
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/client/register")), 1);
    }

    void switchingFlowsRegistersAgain()
    {
        QVERIFY(deviceLogin(session()));
        SsoLogin login(session(), SsoLogin::Flow::AuthorizationCode, m_oidc.get(), *m_cache);
        QSignalSpy urls(&login, &SsoLogin::authorizationUrlReady);
        login.start();
        QVERIFY(urls.wait(10000));
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/client/register")), 2);
        const auto registration = m_cache->readRegistration(session());
        QVERIFY(registration && registration.value() && registration.value()->isPkce());
    }

    void pkceFlowCompletesWithTheRedirect()
    {
        SsoLogin login(session(), SsoLogin::Flow::AuthorizationCode, m_oidc.get(), *m_cache);
        login.setRedirectPort(51234);
        QSignalSpy urls(&login, &SsoLogin::authorizationUrlReady);
        std::optional<Result<SsoToken>> outcome;
        connect(&login, &SsoLogin::finished, this, [&](const Result<SsoToken> &r) { outcome.emplace(r); });
        login.start();
        QVERIFY(urls.wait(10000));
        const QUrl authorize = urls.first().first().toUrl();
        QCOMPARE(QUrlQuery(authorize).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1:51234/oauth/callback"));
        const auto redirect = m_simulator->approveAuthorization(authorize);
        QVERIFY(redirect);
        login.completeAuthorization(redirect.value());
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        const Result<SsoToken> result = *outcome;
        QVERIFY2(result, qPrintable(describe(result)));
        QVERIFY(!result->refreshToken.isEmpty());
        QVERIFY(m_cache->readToken(session()).value().has_value());
    }

    void pkceRejectsAForeignState()
    {
        SsoLogin login(session(), SsoLogin::Flow::AuthorizationCode, m_oidc.get(), *m_cache);
        QSignalSpy urls(&login, &SsoLogin::authorizationUrlReady);
        std::optional<Result<SsoToken>> outcome;
        connect(&login, &SsoLogin::finished, this, [&](const Result<SsoToken> &r) { outcome.emplace(r); });
        login.start();
        QVERIFY(urls.wait(10000));
        const auto redirect = m_simulator->approveAuthorization(urls.first().first().toUrl());
        QVERIFY(redirect);
        login.completeAuthorization(withForeignState(redirect.value()));
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 5000));
        const Result<SsoToken> result = *outcome;
        QVERIFY(!result);
        QCOMPARE(result.error().exitCode(), 3);
        QVERIFY(result.error().message().contains(QStringLiteral("state")));
        QVERIFY(!m_cache->readToken(session()).value().has_value());
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")), 0);
    }

    void pkceReportsADeniedSignIn()
    {
        SsoLogin login(session(), SsoLogin::Flow::AuthorizationCode, m_oidc.get(), *m_cache);
        QSignalSpy urls(&login, &SsoLogin::authorizationUrlReady);
        std::optional<Result<SsoToken>> outcome;
        connect(&login, &SsoLogin::finished, this, [&](const Result<SsoToken> &r) { outcome.emplace(r); });
        login.start();
        QVERIFY(urls.wait(10000));
        const QUrl authorize = urls.first().first().toUrl();
        QUrl denied = login.redirectUri();
        denied.setQuery(QStringLiteral("error=access_denied&state=") +
                        QUrlQuery(authorize).queryItemValue(QStringLiteral("state")));
        login.completeAuthorization(denied);
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 5000));
        const Result<SsoToken> result = *outcome;
        QVERIFY(!result);
        QVERIFY(result.error().message().contains(QStringLiteral("access_denied")));
    }

    void expiredDeviceCodeEndsTheLogin()
    {
        SimulatorConfig config;
        config.pollIntervalSeconds = 1;
        config.deviceCodeLifetimeSeconds = 2;
        m_simulator = std::make_unique<SsoSimulator>(config);
        QVERIFY(m_simulator->listen());
        m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
        SsoLogin login(session(), SsoLogin::Flow::DeviceCode, m_oidc.get(), *m_cache);
        const auto result = waitForResult<SsoToken>([&](auto done) {
            connect(&login, &SsoLogin::finished, this, [done](const Result<SsoToken> &r) { done(r); });
            login.start();
        });
        QVERIFY(!result);
        QCOMPARE(result.error().exitCode(), 6);
        QVERIFY(!m_cache->readToken(session()).value().has_value());
    }

    void aFailedLoginLeavesTheCacheByteForByte_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("expired device code") << QStringLiteral("expired");
        QTest::newRow("HTTP 500 on every token poll") << QStringLiteral("server-errors");
        QTest::newRow("malformed JSON from /token") << QStringLiteral("malformed");
        QTest::newRow("dropped connection at /device_authorization") << QStringLiteral("dropped");
        QTest::newRow("SlowDown on every poll, then expiry") << QStringLiteral("slow-down");
        QTest::newRow("redirect with the wrong state") << QStringLiteral("wrong-state");
    }

    void aFailedLoginLeavesTheCacheByteForByte()
    {
        // A working token and registration from an earlier login: a failed new login must not touch them.
        QFETCH(QString, fault);
        const bool pkce = fault == QLatin1String("wrong-state");
        // The earlier login used the same flow, so its client registration is the one reused.
        QVERIFY(pkce ? pkceLogin(session()) : deviceLogin(session()));
        QMap<QString, QByteArray> before;
        const QDir directory(m_cache->directory());
        for (const QString &name : directory.entryList(QDir::Files)) {
            QFile file(directory.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            before.insert(name, file.readAll());
        }
        QCOMPARE(before.size(), 2);

        SimulatorFaults faults;
        SsoLogin::Flow flow = SsoLogin::Flow::DeviceCode;
        if (fault == QLatin1String("expired")) {
            faults.expireDeviceCodes = true;
        } else if (fault == QLatin1String("server-errors")) {
            faults.serverErrors.insert(QStringLiteral("/token"), 1000);
        } else if (fault == QLatin1String("malformed")) {
            faults.malformedJson = {QStringLiteral("/token")};
        } else if (fault == QLatin1String("dropped")) {
            faults.dropConnection = {QStringLiteral("/device_authorization")};
        } else if (fault == QLatin1String("slow-down")) {
            faults.slowDown = 1000;
        } else {
            flow = SsoLogin::Flow::AuthorizationCode;
        }
        if (fault == QLatin1String("slow-down")) {
            SimulatorConfig config = m_simulator->config();
            config.deviceCodeLifetimeSeconds = 3;
            m_simulator = std::make_unique<SsoSimulator>(config);
            QVERIFY(m_simulator->listen());
            m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
        }
        m_simulator->setFaults(faults);
        SsoLogin login(session(), flow, m_oidc.get(), *m_cache);
        connect(&login, &SsoLogin::authorizationUrlReady, this, [&](const QUrl &authorize) {
            const auto redirect = m_simulator->approveAuthorization(authorize);
            QVERIFY(redirect);
            login.completeAuthorization(withForeignState(redirect.value()));
        });
        const auto result = waitForResult<SsoToken>([&](auto done) {
            connect(&login, &SsoLogin::finished, this, [done](const Result<SsoToken> &r) { done(r); });
            login.start();
        });
        QVERIFY(!result);
        QVERIFY2(!result.error().message().isEmpty() && result.error().exitCode() >= 3,
                 qPrintable(result.error().message()));
        QStringList after = directory.entryList(QDir::Files);
        QCOMPARE(after, QStringList(before.keys()));
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QFile file(directory.filePath(it.key()));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(file.readAll() == it.value(), qPrintable(it.key()));
        }
    }

    void cancelStopsPollingAndWritesNothing()
    {
        SsoLogin login(session(), SsoLogin::Flow::DeviceCode, m_oidc.get(), *m_cache);
        QSignalSpy ready(&login, &SsoLogin::deviceAuthorizationReady);
        std::optional<Result<SsoToken>> outcome;
        connect(&login, &SsoLogin::finished, this, [&](const Result<SsoToken> &r) { outcome.emplace(r); });
        login.start();
        QVERIFY(ready.wait(10000));
        login.cancel();
        QVERIFY(outcome.has_value());
        const int polls = m_simulator->requestCount(QStringLiteral("/token"));
        QTest::qWait(2500);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")), polls);
        QVERIFY(!m_cache->readToken(session()).value().has_value());
    }

    void unknownFieldsOfTheOldTokenSurvive()
    {
        QVERIFY(deviceLogin(session()));
        QFile file(m_cache->tokenPath(session()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        text.replace(QByteArrayLiteral("{"), QByteArrayLiteral("{\"someFutureField\": \"kept\", "));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        QVERIFY(deviceLogin(session()));
        const auto cached = m_cache->readToken(session());
        QVERIFY(cached && cached.value());
        QCOMPARE(cached.value()->otherFields.value(QStringLiteral("someFutureField")).toString(),
                 QStringLiteral("kept"));
    }
};

QTEST_GUILESS_MAIN(TestSsoLogin)
#include "TestSsoLogin.moc"
