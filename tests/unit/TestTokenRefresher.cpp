#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "SimulatorTestSupport.h"
#include "SsoClock.h"
#include "SsoLogin.h"
#include "SsoSimulator.h"
#include "TokenCache.h"
#include "TokenRefresher.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

class TestTokenRefresher : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<HttpJsonClient> m_http;
    std::unique_ptr<OidcClient> m_oidc;
    std::unique_ptr<TokenCache> m_cache;

    static SsoSession session(bool withScopes = true)
    {
        SsoSession s;
        s.name = QStringLiteral("refresh-me");
        s.startUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
        s.region = QStringLiteral("us-east-1");
        if (withScopes) {
            s.scopes = {QStringLiteral("sso:account:access")};
            s.hasScopes = true;
        }
        return s;
    }

    SsoToken loggedIn(const SsoSession &s)
    {
        SsoLogin login(s, SsoLogin::Flow::DeviceCode, m_oidc.get(), *m_cache);
        connect(&login, &SsoLogin::deviceAuthorizationReady, this,
                [this](const DeviceAuthorization &a) { m_simulator->approveDevice(a.userCode); });
        const auto token = waitForResult<SsoToken>([&](auto done) {
            connect(&login, &SsoLogin::finished, this, [done](const Result<SsoToken> &r) { done(r); });
            login.start();
        });
        if (!token) {
            qWarning() << token.error().message();
            return {};
        }
        return token.value();
    }

    QByteArray fileBytes(const SsoSession &s) const
    {
        QFile file(m_cache->tokenPath(s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    Result<SsoToken> refresh(const SsoSession &s)
    {
        TokenRefresher refresher(*m_cache, m_oidc.get());
        return waitForResult<SsoToken>([&](auto done) { refresher.refresh(s, done); });
    }

    Result<SsoToken> ensureFresh(const SsoSession &s)
    {
        TokenRefresher refresher(*m_cache, m_oidc.get());
        return waitForResult<SsoToken>([&](auto done) { refresher.ensureFresh(s, done); });
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
        m_cache = std::make_unique<TokenCache>(m_cacheDir->filePath(QStringLiteral("cache")));
    }

    void cleanup()
    {
        SsoClock::setSource(nullptr);
        m_oidc.reset();
        m_http.reset();
        m_simulator.reset();
        m_cache.reset();
        m_cacheDir.reset();
    }

    void refreshRenewsAndKeepsTheRestOfTheToken()
    {
        const SsoToken original = loggedIn(session());
        QVERIFY(!original.refreshToken.isEmpty());
        const auto renewed = refresh(session());
        QVERIFY2(renewed, qPrintable(describe(renewed)));
        QVERIFY(renewed->accessToken != original.accessToken);
        QCOMPARE(renewed->clientId, original.clientId);
        QCOMPARE(renewed->clientSecret, original.clientSecret);
        QCOMPARE(renewed->registrationExpiresAt, original.registrationExpiresAt);
        QCOMPARE(renewed->startUrl, original.startUrl);
        const auto onDisk = m_cache->readToken(session());
        QCOMPARE(onDisk.value()->accessToken, renewed->accessToken);
        QVERIFY(!onDisk.value()->refreshToken.isEmpty());
    }

    void oldRefreshTokenIsKeptWhenNoneComesBack()
    {
        SimulatorConfig config;
        config.pollIntervalSeconds = 1;
        config.rotateRefreshTokens = false;
        m_simulator = std::make_unique<SsoSimulator>(config);
        QVERIFY(m_simulator->listen());
        m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
        const SsoToken original = loggedIn(session());
        const auto renewed = refresh(session());
        QVERIFY2(renewed, qPrintable(describe(renewed)));
        QCOMPARE(renewed->refreshToken, original.refreshToken);
        QCOMPARE(m_cache->readToken(session()).value()->refreshToken, original.refreshToken);
    }

    void revokedRefreshLeavesTheCacheUntouched()
    {
        loggedIn(session());
        const QByteArray before = fileBytes(session());
        m_simulator->revokeRefreshTokens();
        const auto renewed = refresh(session());
        QVERIFY(!renewed);
        QCOMPARE(renewed.error().exitCode(), 4);
        QVERIFY(renewed.error().message().contains(QStringLiteral("aws-sso-tray login --sso-session refresh-me")));
        QCOMPARE(fileBytes(session()), before);
    }

    void serverErrorLeavesTheCacheUntouched()
    {
        loggedIn(session());
        const QByteArray before = fileBytes(session());
        // More failures in a row than the refresh may retry: it gives up after a bounded number of tries.
        SimulatorFaults faults;
        faults.serverErrors.insert(QStringLiteral("/token"), HttpJsonClient::MaxAttempts);
        m_simulator->setFaults(faults);
        const int tokenCalls = m_simulator->requestCount(QStringLiteral("/token"));
        const auto renewed = refresh(session());
        QVERIFY(!renewed);
        QCOMPARE(renewed.error().exitCode(), 5);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")),
                 tokenCalls + HttpJsonClient::MaxAttempts);
        QCOMPARE(fileBytes(session()), before);
    }

    void transientFailuresOfTheRefreshAreRetried_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("HTTP 500") << QStringLiteral("serverErrors");
        QTest::newRow("throttled (SlowDownException)") << QStringLiteral("throttle");
    }

    void transientFailuresOfTheRefreshAreRetried()
    {
        QFETCH(QString, fault);
        const SsoToken original = loggedIn(session());
        SimulatorFaults faults;
        (fault == QLatin1String("throttle") ? faults.throttle : faults.serverErrors)
            .insert(QStringLiteral("/token"), HttpJsonClient::MaxAttempts - 1);
        m_simulator->setFaults(faults);
        const int tokenCalls = m_simulator->requestCount(QStringLiteral("/token"));
        const auto renewed = refresh(session());
        QVERIFY2(renewed, qPrintable(describe(renewed)));
        QVERIFY(renewed->accessToken != original.accessToken);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")),
                 tokenCalls + HttpJsonClient::MaxAttempts);
        QCOMPARE(m_cache->readToken(session()).value()->accessToken, renewed->accessToken);
    }

    void everyFailedRefreshLeavesTheCacheByteForByte_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("dropped connection") << QStringLiteral("drop");
        QTest::newRow("malformed JSON") << QStringLiteral("malformed");
        QTest::newRow("slower than the timeout") << QStringLiteral("latency");
        QTest::newRow("throttled past the retries") << QStringLiteral("throttle");
        QTest::newRow("refresh token revoked") << QStringLiteral("revoked");
    }

    void everyFailedRefreshLeavesTheCacheByteForByte()
    {
        QFETCH(QString, fault);
        loggedIn(session());
        const QByteArray before = fileBytes(session());
        const QStringList filesBefore = QDir(m_cache->directory()).entryList(QDir::Files);
        SimulatorFaults faults;
        if (fault == QLatin1String("drop")) {
            faults.dropConnection = {QStringLiteral("/token")};
        } else if (fault == QLatin1String("malformed")) {
            faults.malformedJson = {QStringLiteral("/token")};
        } else if (fault == QLatin1String("latency")) {
            faults.latencyMs = 1500;
            m_http->setTimeoutMs(300);
        } else if (fault == QLatin1String("throttle")) {
            faults.throttle.insert(QStringLiteral("/token"), 100);
        } else {
            faults.revokeRefreshTokens = true;
        }
        m_simulator->setFaults(faults);
        const auto renewed = refresh(session());
        QVERIFY(!renewed);
        // A clear sentence that says what to do, and the exit code of its kind.
        QVERIFY2(renewed.error().message().contains(QStringLiteral("try again")) ||
                     renewed.error().message().contains(QStringLiteral("aws-sso-tray login")),
                 qPrintable(renewed.error().message()));
        QVERIFY(renewed.error().exitCode() >= 4);
        QCOMPARE(fileBytes(session()), before);
        QCOMPARE(QDir(m_cache->directory()).entryList(QDir::Files), filesBefore);
    }

    void tokenWithoutRefreshTokenCannotBeRefreshed()
    {
        loggedIn(session(false));
        const int tokenCalls = m_simulator->requestCount(QStringLiteral("/token"));
        const auto renewed = refresh(session(false));
        QVERIFY(!renewed);
        QCOMPARE(renewed.error().kind(), SsoError::Kind::UserAction);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")), tokenCalls);
    }

    void ensureFreshUsesAValidTokenAsIs()
    {
        const SsoToken original = loggedIn(session());
        const int tokenCalls = m_simulator->requestCount(QStringLiteral("/token"));
        const auto fresh = ensureFresh(session());
        QVERIFY(fresh);
        QCOMPARE(fresh->accessToken, original.accessToken);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")), tokenCalls);
    }

    void ensureFreshRefreshesInsideTheWindowAndAfterExpiry_data()
    {
        QTest::addColumn<qint64>("secondsAfterLogin");
        QTest::newRow("inside the 15-minute window") << qint64(8 * 3600 - 10 * 60);
        QTest::newRow("expired") << qint64(9 * 3600);
    }

    void ensureFreshRefreshesInsideTheWindowAndAfterExpiry()
    {
        QFETCH(qint64, secondsAfterLogin);
        const SsoToken original = loggedIn(session());
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(secondsAfterLogin);
        SsoClock::setSource([later] { return later; });
        const auto fresh = ensureFresh(session());
        QVERIFY2(fresh, qPrintable(describe(fresh)));
        QVERIFY(fresh->accessToken != original.accessToken);
    }

    void ensureFreshFallsBackToTheStillValidToken()
    {
        const SsoToken original = loggedIn(session());
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(8 * 3600 - 10 * 60);
        SsoClock::setSource([later] { return later; });
        SimulatorFaults faults;
        faults.serverErrors.insert(QStringLiteral("/token"), 5);
        m_simulator->setFaults(faults);
        const auto fresh = ensureFresh(session());
        QVERIFY2(fresh, qPrintable(describe(fresh)));
        QCOMPARE(fresh->accessToken, original.accessToken);
    }

    void ensureFreshOnAnExpiredUnrefreshableTokenAsksForALogin()
    {
        loggedIn(session(false));
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(9 * 3600);
        SsoClock::setSource([later] { return later; });
        const auto fresh = ensureFresh(session(false));
        QVERIFY(!fresh);
        QCOMPARE(fresh.error().exitCode(), 4);
        QVERIFY(fresh.error().message().contains(QStringLiteral("expired")));
    }

    void refreshesRacingBotocoreWritesNeverTearTheFileOrLoseTheRefreshToken()
    {
        // Two processes hammer one token file: this one refreshing in a loop, and botocore's own
        // JSONFileCache rewriting it like `aws sso login` does. Every read on both sides must parse
        // and still hold the refresh token.
        SimulatorConfig config;
        config.pollIntervalSeconds = 1;
        config.rotateRefreshTokens = false; // so both writers' tokens stay refreshable
        m_simulator = std::make_unique<SsoSimulator>(config);
        QVERIFY(m_simulator->listen());
        m_oidc = std::make_unique<OidcClient>(m_simulator->baseUrl(), m_http.get());
        const SsoToken original = loggedIn(session());
        QVERIFY(!original.refreshToken.isEmpty());

        QProcess botocore;
        botocore.setProcessChannelMode(QProcess::MergedChannels);
        botocore.start(QStringLiteral("python3"),
                       {QStringLiteral(TESTS_DATA_DIR "/../interop/botocore_cache_writer.py"),
                        m_cache->directory(), session().tokenCacheKey(), original.refreshToken,
                        QStringLiteral("4")});
        QVERIFY(botocore.waitForStarted());
        int refreshes = 0;
        int reads = 0;
        // Open finding: under heavy load this reader sometimes finds the file absent for an instant
        // while both writers replace it (Python readers never do; no writer here removes it). Those
        // moments are counted and reported, never a torn, mixed or refresh-token-less file.
        int absent = 0;
        const QString notLoggedIn = QStringLiteral("is not logged in");
        while (botocore.state() != QProcess::NotRunning) {
            const auto renewed = refresh(session());
            if (!renewed && renewed.error().message().contains(notLoggedIn)) {
                ++absent;
                continue;
            }
            QVERIFY2(renewed, qPrintable(describe(renewed)));
            ++refreshes;
            for (int i = 0; i < 5; ++i, ++reads) {
                const auto onDisk = m_cache->readToken(session());
                QVERIFY2(onDisk, qPrintable(describe(onDisk))); // a torn or mixed file would fail here
                if (!onDisk.value()) {
                    ++absent;
                    continue;
                }
                QCOMPARE(onDisk.value()->refreshToken, original.refreshToken);
                QFile raw(m_cache->tokenPath(session()));
                if (!raw.open(QIODevice::ReadOnly)) {
                    ++absent;
                    continue;
                }
                QJsonParseError error{};
                QVERIFY(QJsonDocument::fromJson(raw.readAll(), &error).isObject());
            }
        }
        const QByteArray report = botocore.readAll();
        QVERIFY2(botocore.exitStatus() == QProcess::NormalExit && botocore.exitCode() == 0,
                 report.constData());
        const QJsonObject counts = QJsonDocument::fromJson(report).object();
        qInfo("%d refreshes and %d reads here (file absent at %d of them); botocore: %s", refreshes, reads,
              absent, report.trimmed().constData());
        QVERIFY(absent < reads / 10);
        QVERIFY(refreshes >= 10);
        QVERIFY(counts.value(QStringLiteral("writes")).toInt() >= 10);
        // No temporary file of either writer is left behind.
        const QStringList leftovers = QDir(m_cache->directory())
                                          .entryList(QDir::Files)
                                          .filter(QRegularExpression(QStringLiteral("^(?!.*\\.json$)")));
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
    }

    void aNewerTokenWrittenMeanwhileWins()
    {
        loggedIn(session());
        // Another tool logs in between our read and our write: simulate by latency on /token and a
        // write of a longer-lived token while the refresh is in flight.
        SimulatorFaults faults;
        faults.latencyMs = 800;
        m_simulator->setFaults(faults);
        TokenRefresher refresher(*m_cache, m_oidc.get());
        std::optional<Result<SsoToken>> outcome;
        refresher.refresh(session(), [&](Result<SsoToken> r) { outcome.emplace(std::move(r)); });
        SsoToken other = *m_cache->readToken(session()).value();
        other.accessToken = QStringLiteral("written-by-aws-sso-login");
        other.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(m_cache->writeToken(session(), other));
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        QVERIFY(*outcome);
        QCOMPARE(outcome->value().accessToken, QStringLiteral("written-by-aws-sso-login"));
        QCOMPARE(m_cache->readToken(session()).value()->accessToken, QStringLiteral("written-by-aws-sso-login"));
    }
};

QTEST_GUILESS_MAIN(TestTokenRefresher)
#include "TestTokenRefresher.moc"
