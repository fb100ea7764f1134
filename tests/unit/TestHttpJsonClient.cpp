#include "HttpJsonClient.h"
#include "SimulatorTestSupport.h"
#include "SsoSimulator.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QtTest>

class TestHttpJsonClient : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;

    QUrl url(const QString &path) const
    {
        QUrl result = m_simulator->baseUrl();
        result.setPath(path);
        return result;
    }

private slots:
    void init()
    {
        m_simulator = std::make_unique<SsoSimulator>(SimulatorConfig{});
        QVERIFY(m_simulator->listen());
    }

    void cleanup() { m_simulator.reset(); }

    void parsesAnAwsErrorReply()
    {
        HttpJsonClient http;
        const auto reply = waitForResult<HttpJsonClient::Reply>([&](auto done) {
            http.postJson(url(QStringLiteral("/token")),
                          QJsonObject{{QStringLiteral("clientId"), QStringLiteral("nobody")},
                                      {QStringLiteral("clientSecret"), QStringLiteral("x")},
                                      {QStringLiteral("grantType"), QStringLiteral("refresh_token")},
                                      {QStringLiteral("refreshToken"), QStringLiteral("x")}},
                          done);
        });
        QVERIFY2(reply, qPrintable(describe(reply)));
        QVERIFY(reply->isError());
        QCOMPARE(reply->httpStatus, 401);
        // The header's ":http://internal.amazon.com/..." suffix is dropped.
        QCOMPARE(reply->errorType, QStringLiteral("InvalidClientException"));
    }

    void timesOutASlowService()
    {
        SimulatorFaults faults;
        faults.latencyMs = 3000;
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        http.setTimeoutMs(300);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto reply = waitForResult<HttpJsonClient::Reply>(
            [&](auto done) { http.postJson(url(QStringLiteral("/client/register")), {}, done); });
        QVERIFY(!reply);
        QCOMPARE(reply.error().kind(), SsoError::Kind::Timeout);
        QCOMPARE(reply.error().exitCode(), 6);
        QVERIFY2(elapsed.elapsed() < 2500, qPrintable(QString::number(elapsed.elapsed())));
    }

    void cancelEndsEveryRequest()
    {
        SimulatorFaults faults;
        faults.latencyMs = 3000;
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        std::optional<Result<HttpJsonClient::Reply>> first;
        std::optional<Result<HttpJsonClient::Reply>> second;
        http.postJson(url(QStringLiteral("/client/register")), {}, [&](auto r) { first.emplace(std::move(r)); });
        http.get(url(QStringLiteral("/assignment/accounts")), {}, [&](auto r) { second.emplace(std::move(r)); });
        QTest::qWait(100);
        http.cancelAll();
        QVERIFY(QTest::qWaitFor([&] { return first && second; }, 2000));
        QCOMPARE(first->error().kind(), SsoError::Kind::Cancelled);
        QCOMPARE(second->error().kind(), SsoError::Kind::Cancelled);
    }

    void malformedJsonIsANetworkError()
    {
        SimulatorFaults faults;
        faults.malformedJson = {QStringLiteral("/client/register")};
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        const auto reply = waitForResult<HttpJsonClient::Reply>([&](auto done) {
            http.postJson(url(QStringLiteral("/client/register")),
                          QJsonObject{{QStringLiteral("clientName"), QStringLiteral("t")},
                                      {QStringLiteral("clientType"), QStringLiteral("public")}},
                          done);
        });
        QVERIFY(!reply);
        QCOMPARE(reply.error().exitCode(), 5);
        QVERIFY(reply.error().message().contains(QStringLiteral("unreadable")));
    }

    void droppedConnectionIsANetworkError()
    {
        SimulatorFaults faults;
        faults.dropConnection = {QStringLiteral("/client/register")};
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        const auto reply = waitForResult<HttpJsonClient::Reply>(
            [&](auto done) { http.postJson(url(QStringLiteral("/client/register")), {}, done); });
        QVERIFY(!reply);
        QCOMPARE(reply.error().exitCode(), 5);
    }

    void refusedConnectionSaysSo()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        HttpJsonClient http;
        const auto reply = waitForResult<HttpJsonClient::Reply>([&](auto done) {
            http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort)), {}, done);
        });
        QVERIFY(!reply);
        QCOMPARE(reply.error().exitCode(), 5);
        QVERIFY(reply.error().message().contains(QStringLiteral("127.0.0.1")));
    }

    void tlsFailureIsRejected()
    {
        // The simulator speaks plain HTTP: a TLS handshake with it fails, and the client must not go on.
        HttpJsonClient http;
        QUrl https = m_simulator->baseUrl();
        https.setScheme(QStringLiteral("https"));
        https.setPath(QStringLiteral("/client/register"));
        const auto reply = waitForResult<HttpJsonClient::Reply>([&](auto done) { http.postJson(https, {}, done); });
        QVERIFY(!reply);
        QCOMPARE(reply.error().exitCode(), 5);
    }

    void unreadableCaBundleIsAConfigError()
    {
        HttpJsonClient http;
        const Status missing = http.setCaBundle(QStringLiteral("/nonexistent/ca.pem"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().exitCode(), 2);
        QTemporaryFile notPem;
        QVERIFY(notPem.open());
        notPem.write("not a certificate");
        notPem.close();
        const Status garbage = http.setCaBundle(notPem.fileName());
        QVERIFY(!garbage);
        QVERIFY(garbage.error().message().contains(QStringLiteral("PEM")));
    }
};

QTEST_GUILESS_MAIN(TestHttpJsonClient)
#include "TestHttpJsonClient.moc"
