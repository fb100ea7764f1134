#include "HttpJsonClient.h"
#include "SimulatorTestSupport.h"
#include "SsoSimulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
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

    void droppedConnectionOfAReadIsRetriedABoundedNumberOfTimes()
    {
        SimulatorFaults faults;
        faults.dropConnection = {QStringLiteral("/assignment/accounts")};
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        const auto reply = waitForResult<HttpJsonClient::Reply>(
            [&](auto done) { http.get(url(QStringLiteral("/assignment/accounts")), {}, done); });
        QVERIFY(!reply);
        QCOMPARE(reply.error().exitCode(), 5);
        // Qt's HTTP layer itself resends a GET once when a kept-alive connection was closed under it,
        // so each of our tries is one or two requests: bounded all the same.
        const int requests = m_simulator->requestCount(QStringLiteral("/assignment/accounts"));
        QVERIFY2(requests >= HttpJsonClient::MaxAttempts && requests <= 2 * HttpJsonClient::MaxAttempts,
                 qPrintable(QString::number(requests)));
    }

    void aPostIsNotRetriedUnlessItIsSafe()
    {
        SimulatorFaults faults;
        faults.serverErrors.insert(QStringLiteral("/client/register"), 5);
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        const auto reply = waitForResult<HttpJsonClient::Reply>(
            [&](auto done) { http.postJson(url(QStringLiteral("/client/register")), {}, done); });
        QVERIFY(reply);
        QCOMPARE(reply->httpStatus, 500);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/client/register")), 1);
    }

    void cancelDuringARetryPauseEndsTheRequest()
    {
        SimulatorFaults faults;
        faults.serverErrors.insert(QStringLiteral("/assignment/accounts"), 100);
        m_simulator->setFaults(faults);
        HttpJsonClient http;
        std::optional<Result<HttpJsonClient::Reply>> outcome;
        http.get(url(QStringLiteral("/assignment/accounts")), {},
                 [&](auto r) { outcome.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor(
            [&] { return m_simulator->requestCount(QStringLiteral("/assignment/accounts")) == 1; }, 2000));
        QTest::qWait(50); // inside the 250 ms pause before the second try
        http.cancelAll();
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 1000));
        QCOMPARE(outcome->error().kind(), SsoError::Kind::Cancelled);
        QTest::qWait(600);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/assignment/accounts")), 1);
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

    void selfSignedCertificateIsRefusedBeforeAnythingIsSent()
    {
        // A real TLS server on 127.0.0.1 with a self-signed certificate nobody trusts.
        QSslServer server;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        QFile certificate(QStringLiteral(TESTS_DATA_DIR "/tls/self-signed-127.0.0.1.pem"));
        QFile key(QStringLiteral(TESTS_DATA_DIR "/tls/self-signed-127.0.0.1.key"));
        QVERIFY(certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        tls.setLocalCertificate(QSslCertificate(certificate.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
        server.setSslConfiguration(tls);
        QByteArray received;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            auto *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection());
            connect(socket, &QSslSocket::readyRead, socket, [&received, socket] {
                received += socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                              "Connection: close\r\n\r\n{}");
                socket->disconnectFromHost();
            });
        });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QUrl url(QStringLiteral("https://127.0.0.1:%1/token").arg(server.serverPort()));
        const QJsonObject secret{{QStringLiteral("refreshToken"), QStringLiteral("must-never-leave")}};

        HttpJsonClient untrusting;
        const auto refused = waitForResult<HttpJsonClient::Reply>(
            [&](auto done) { untrusting.postJson(url, secret, done, HttpJsonClient::Retry::Transient); });
        QVERIFY(!refused);
        QCOMPARE(refused.error().exitCode(), 5);
        QVERIFY2(refused.error().message().contains(QStringLiteral("TLS certificate")) &&
                     refused.error().message().contains(QStringLiteral("AWS_CA_BUNDLE")),
                 qPrintable(refused.error().message()));
        QVERIFY2(received.isEmpty(), received.constData()); // the request never left the client

        // The same server, once its certificate is trusted through AWS_CA_BUNDLE, is reached: the
        // refusal above was the certificate's, not a broken test server's.
        HttpJsonClient trusting;
        QVERIFY(trusting.setCaBundle(certificate.fileName()));
        const auto accepted =
            waitForResult<HttpJsonClient::Reply>([&](auto done) { trusting.postJson(url, secret, done); });
        QVERIFY2(accepted, qPrintable(describe(accepted)));
        QVERIFY(received.contains("must-never-leave"));
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
