#include "SimulatorConfig.h"
#include "SsoSimulator.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>
#include <memory>

namespace {

const QString DeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
const QString AuthorizationCodeGrant = QStringLiteral("authorization_code");
const QString RefreshGrant = QStringLiteral("refresh_token");
const QString AccountAccess = QStringLiteral("sso:account:access");
const QString StartUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
const QString RegisteredRedirect = QStringLiteral("http://127.0.0.1/oauth/callback");
const QString RedirectWithPort = QStringLiteral("http://127.0.0.1:54321/oauth/callback");
const QString ErrorTypeSuffix =
    QStringLiteral(":http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/");
// Every sign-in page is the script-rendered shell with its step's data in this element.
const QByteArray SignInPageMarker = QByteArrayLiteral("id=\"sim-bootstrap\"");
// 64 characters of the RFC 7636 verifier alphabet.
const QString Verifier = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~");

QString challengeFor(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// What came back for one request, read off the wire.
struct Answer
{
    int status = 0; // 0: no HTTP answer at all
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    bool jsonParsed = false;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
    // The x-amzn-ErrorType value without its namespace suffix.
    QString errorType() const
    {
        return QString::fromLatin1(header("x-amzn-ErrorType")).section(QLatin1Char(':'), 0, 0);
    }
    QString string(const char *key) const { return json.value(QLatin1String(key)).toString(); }
};

struct Client
{
    QString clientId;
    QString clientSecret;
};

struct DeviceCode
{
    QString deviceCode;
    QString userCode;
};

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

} // namespace

class TestSsoSimulator : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;

    void startSimulator(const SimulatorConfig &config = SimulatorConfig{})
    {
        m_simulator = std::make_unique<SsoSimulator>(config);
        const Result<quint16> port = m_simulator->listen();
        QVERIFY2(port, qPrintable(port ? QString() : port.error().message()));
    }

    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const
    {
        QUrl result = m_simulator->baseUrl();
        result.setPath(path);
        if (!query.isEmpty()) {
            QUrlQuery items;
            for (const auto &[key, value] : query) {
                items.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
            }
            result.setQuery(items.query(QUrl::FullyEncoded), QUrl::StrictMode);
        }
        return result;
    }

    static Answer wait(QNetworkReply *reply, int timeoutMs = 10000)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        Answer answer;
        const std::unique_ptr<QNetworkReply> owner(reply);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs)) {
            answer.networkError = QNetworkReply::TimeoutError;
            return answer;
        }
        answer.elapsedMs = elapsed.elapsed();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.networkError = reply->error();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
        answer.jsonParsed = parseError.error == QJsonParseError::NoError && document.isObject();
        answer.json = document.object();
        return answer;
    }

    QNetworkReply *startPost(const QString &path, const QByteArray &body, const QByteArray &bearer = {})
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!bearer.isEmpty()) {
            request.setRawHeader("x-amz-sso_bearer_token", bearer);
        }
        return m_network->post(request, body);
    }

    Answer post(const QString &path, const QJsonObject &body)
    {
        return wait(startPost(path, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    Answer postRaw(const QString &path, const QByteArray &body) { return wait(startPost(path, body)); }

    Answer get(const QString &path, const QList<QPair<QString, QString>> &query = {},
               const QString &bearer = {})
    {
        QNetworkRequest request(url(path, query));
        if (!bearer.isEmpty()) {
            request.setRawHeader("x-amz-sso_bearer_token", bearer.toUtf8());
        }
        return wait(m_network->get(request));
    }

    Client registerClient(const QStringList &scopes, bool pkce = false)
    {
        QJsonObject body{{QStringLiteral("clientName"), QStringLiteral("test")},
                         {QStringLiteral("clientType"), QStringLiteral("public")}};
        if (!scopes.isEmpty()) {
            body.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(scopes));
        }
        if (pkce) {
            body.insert(QStringLiteral("grantTypes"), QJsonArray{AuthorizationCodeGrant, RefreshGrant});
            body.insert(QStringLiteral("redirectUris"), QJsonArray{RegisteredRedirect});
            body.insert(QStringLiteral("issuerUrl"), StartUrl);
        }
        const Answer answer = post(QStringLiteral("/client/register"), body);
        if (answer.status != 200) {
            qWarning() << "registration failed" << answer.status << answer.body;
        }
        return {answer.string("clientId"), answer.string("clientSecret")};
    }

    Answer startDevice(const Client &client)
    {
        return post(QStringLiteral("/device_authorization"),
                    QJsonObject{{QStringLiteral("clientId"), client.clientId},
                                {QStringLiteral("clientSecret"), client.clientSecret},
                                {QStringLiteral("startUrl"), StartUrl}});
    }

    DeviceCode deviceCode(const Client &client)
    {
        const Answer answer = startDevice(client);
        return {answer.string("deviceCode"), answer.string("userCode")};
    }

    Answer token(const Client &client, const QString &grantType, const QJsonObject &extra)
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("clientId"), client.clientId);
        body.insert(QStringLiteral("clientSecret"), client.clientSecret);
        body.insert(QStringLiteral("grantType"), grantType);
        return post(QStringLiteral("/token"), body);
    }

    Answer pollDevice(const Client &client, const QString &code)
    {
        return token(client, DeviceGrant, QJsonObject{{QStringLiteral("deviceCode"), code}});
    }

    Answer refresh(const Client &client, const QString &refreshToken)
    {
        return token(client, RefreshGrant, QJsonObject{{QStringLiteral("refreshToken"), refreshToken}});
    }

    // Start, approve in-process, redeem: the token answer.
    Answer deviceLogin(const Client &client)
    {
        const DeviceCode code = deviceCode(client);
        const Result<QString> approved = m_simulator->approveDevice(code.userCode);
        if (!approved) {
            qWarning() << approved.error().message();
        }
        return pollDevice(client, code.deviceCode);
    }

    QUrl authorizeUrl(const Client &client, const QString &state, const QString &challenge,
                      const QString &scopes = AccountAccess, const QString &redirectUri = RedirectWithPort,
                      const QString &method = QStringLiteral("S256"))
    {
        return url(QStringLiteral("/authorize"), {{QStringLiteral("response_type"), QStringLiteral("code")},
                                                  {QStringLiteral("client_id"), client.clientId},
                                                  {QStringLiteral("redirect_uri"), redirectUri},
                                                  {QStringLiteral("state"), state},
                                                  {QStringLiteral("code_challenge_method"), method},
                                                  {QStringLiteral("scopes"), scopes},
                                                  {QStringLiteral("code_challenge"), challenge}});
    }

    // A PKCE client signs in: the redirect's code.
    QString authorizationCode(const Client &client, const QString &challenge = challengeFor(Verifier))
    {
        const Result<QUrl> redirect =
            m_simulator->approveAuthorization(authorizeUrl(client, QStringLiteral("s"), challenge));
        if (!redirect) {
            qWarning() << redirect.error().message();
            return {};
        }
        return QUrlQuery(redirect.value()).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }

    Answer redeemCode(const Client &client, const QString &code, const QString &verifier = Verifier,
                      const QString &redirectUri = RedirectWithPort)
    {
        return token(client, AuthorizationCodeGrant,
                     QJsonObject{{QStringLiteral("code"), code},
                                 {QStringLiteral("redirectUri"), redirectUri},
                                 {QStringLiteral("codeVerifier"), verifier}});
    }

    Answer credentials(const QString &accessToken, const QString &accountId = QStringLiteral("111111111111"),
                       const QString &role = QStringLiteral("ReadOnly"))
    {
        return get(QStringLiteral("/federation/credentials"),
                   {{QStringLiteral("role_name"), role}, {QStringLiteral("account_id"), accountId}},
                   accessToken);
    }

    QString signedIn() { return deviceLogin(registerClient({AccountAccess})).string("accessToken"); }

    static void verifyOidcError(const Answer &answer, int status, const QString &type, const QString &code)
    {
        QCOMPARE(answer.status, status);
        QCOMPARE(QString::fromLatin1(answer.header("x-amzn-ErrorType")), type + ErrorTypeSuffix);
        QVERIFY(answer.jsonParsed);
        QCOMPARE(answer.string("error"), code);
        QVERIFY(answer.json.contains(QStringLiteral("error_description")));
        QVERIFY(answer.header("Content-Type").startsWith("application/json"));
    }

    static void verifyPortalError(const Answer &answer, int status, const QString &type)
    {
        QCOMPARE(answer.status, status);
        QCOMPARE(QString::fromLatin1(answer.header("x-amzn-ErrorType")), type + ErrorTypeSuffix);
        QVERIFY(answer.jsonParsed);
        QCOMPARE(answer.json.keys(), QStringList{QStringLiteral("message")});
        QVERIFY(!answer.string("message").isEmpty());
    }

private slots:
    void init()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        startSimulator();
    }

    void cleanup()
    {
        m_network.reset();
        m_simulator.reset();
    }

    // --- configuration ---------------------------------------------------------------------------------

    void defaultsNeedNoFile()
    {
        const SimulatorConfig config;
        QCOMPARE(config.region, QStringLiteral("us-east-1"));
        QCOMPARE(config.users.size(), 1);
        QCOMPARE(config.users.first().username, QStringLiteral("alice"));
        QCOMPARE(config.users.first().password, QStringLiteral("correct horse battery staple"));
        QCOMPARE(config.accounts.size(), 3);
        for (const SimulatorConfig::Account &account : config.accounts) {
            QVERIFY(account.roles.size() >= 2 && account.roles.size() <= 3);
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{12}$")).match(account.accountId).hasMatch());
        }
        QCOMPARE(config.accessTokenLifetimeSeconds, 28800);
        QCOMPARE(config.refreshTokenLifetimeSeconds, 7776000);
        QCOMPARE(config.clientSecretLifetimeSeconds, 7776000);
        QCOMPARE(config.deviceCodeLifetimeSeconds, 600);
        QCOMPARE(config.pollIntervalSeconds, 1);
        QCOMPARE(config.listPageSize, 2);
        QCOMPARE(config.roleCredentialLifetimeSeconds, 3600);
        QCOMPARE(config.faults.latencyMs, 0);
    }

    void demoConfigLoads()
    {
        const Result<SimulatorConfig> config =
            SimulatorConfig::load(QStringLiteral(TESTS_DATA_DIR "/sim/demo.json"));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message()));
        QCOMPARE(config->region, QStringLiteral("eu-west-1"));
        QCOMPARE(config->users.size(), 4);
        QCOMPARE(config->findUser(QStringLiteral("bob"))->mfa, SimulatorConfig::Mfa::Totp);
        QCOMPARE(config->findUser(QStringLiteral("carol"))->mfa, SimulatorConfig::Mfa::SecurityKey);
        QVERIFY(config->findUser(QStringLiteral("mallory"))->locked);
        QCOMPARE(config->accounts.size(), 3);
        QCOMPARE(config->findAccount(QStringLiteral("222222222222"))->roles.size(), 2);
        QCOMPARE(config->faults.latencyMs, 150);
    }

    void partialConfigKeepsDefaults()
    {
        const Result<SimulatorConfig> config = SimulatorConfig::fromJson(
            QJsonObject{{QStringLiteral("pollIntervalSeconds"), 5},
                        {QStringLiteral("faults"), QJsonObject{{QStringLiteral("slowDown"), 2}}}});
        QVERIFY(config);
        QCOMPARE(config->pollIntervalSeconds, 5);
        QCOMPARE(config->faults.slowDown, 2);
        QCOMPARE(config->users.size(), 1);
        QCOMPARE(config->accounts.size(), 3);
        QCOMPARE(config->listPageSize, 2);
    }

    void configErrorsSayWhatToFix_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("not JSON") << QByteArray("{\n\"region\": \"us-east-1\",\n}")
                                  << QStringList{QStringLiteral("not valid JSON"), QStringLiteral("line 3")};
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringList{QStringLiteral("JSON object")};
        QTest::newRow("typo") << QByteArray("{\"pollInterval\": 1}")
                              << QStringList{QStringLiteral("pollInterval is not a known setting")};
        QTest::newRow("wrong type") << QByteArray("{\"listPageSize\": \"2\"}")
                                    << QStringList{QStringLiteral(
                                           "listPageSize must be a whole number from 1 to 100, not \"2\"")};
        QTest::newRow("out of range")
            << QByteArray("{\"deviceCodeLifetimeSeconds\": 0}")
            << QStringList{QStringLiteral("deviceCodeLifetimeSeconds must be a whole number")};
        QTest::newRow("fraction") << QByteArray("{\"pollIntervalSeconds\": 1.5}")
                                  << QStringList{QStringLiteral("pollIntervalSeconds"),
                                                 QStringLiteral("1.5")};
        QTest::newRow("region") << QByteArray("{\"region\": \"Mars\"}")
                                << QStringList{QStringLiteral("region must look like")};
        QTest::newRow("no users") << QByteArray("{\"users\": []}")
                                  << QStringList{QStringLiteral("users must hold at least one user")};
        QTest::newRow("users not a list") << QByteArray("{\"users\": {}}")
                                          << QStringList{QStringLiteral("users must be an array of objects")};
        QTest::newRow("bad mfa")
            << QByteArray("{\"users\": [{\"username\": \"a\", \"password\": \"p\"}, {\"username\": \"b\", "
                          "\"password\": \"p\", \"mfa\": \"sms\"}]}")
            << QStringList{
                   QStringLiteral("users[1].mfa must be \"totp\", \"securityKey\" or \"none\", not \"sms\"")};
        QTest::newRow("totp without secret")
            << QByteArray("{\"users\": [{\"username\": \"a\", \"password\": \"p\", \"mfa\": \"totp\"}]}")
            << QStringList{QStringLiteral("users[0].totpSecret is required")};
        QTest::newRow("secret not base32")
            << QByteArray(
                   "{\"users\": [{\"username\": \"a\", \"password\": \"p\", \"totpSecret\": \"0189\"}]}")
            << QStringList{QStringLiteral("users[0].totpSecret must be base32")};
        QTest::newRow("no password") << QByteArray("{\"users\": [{\"username\": \"a\"}]}")
                                     << QStringList{QStringLiteral("users[0].password is required")};
        QTest::newRow("duplicate user") << QByteArray("{\"users\": [{\"username\": \"a\", \"password\": "
                                                      "\"p\"}, {\"username\": \"a\", \"password\": \"q\"}]}")
                                        << QStringList{QStringLiteral("users[1] repeats the username \"a\"")};
        QTest::newRow("short account id")
            << QByteArray(
                   "{\"accounts\": [{\"accountId\": \"123\", \"accountName\": \"x\", \"roles\": [\"R\"]}]}")
            << QStringList{QStringLiteral("accounts[0].accountId must be 12 digits")};
        QTest::newRow("no roles") << QByteArray("{\"accounts\": [{\"accountId\": \"123456789012\", "
                                                "\"accountName\": \"x\", \"roles\": []}]}")
                                  << QStringList{
                                         QStringLiteral("accounts[0].roles must name at least one role")};
        QTest::newRow("role not a string")
            << QByteArray("{\"accounts\": [{\"accountId\": \"123456789012\", \"accountName\": \"x\", "
                          "\"roles\": [1]}]}")
            << QStringList{QStringLiteral("accounts[0].roles[0] must be a string, not 1")};
        QTest::newRow("fault path") << QByteArray("{\"faults\": {\"serverErrors\": {\"token\": 1}}}")
                                    << QStringList{QStringLiteral(
                                           "faults.serverErrors[\"token\"] is not a request path")};
        QTest::newRow("fault count") << QByteArray("{\"faults\": {\"serverErrors\": {\"/token\": -1}}}")
                                     << QStringList{QStringLiteral(
                                            "faults.serverErrors[\"/token\"] must be a whole number")};
        QTest::newRow("fault latency")
            << QByteArray("{\"faults\": {\"latencyMs\": -5}}")
            << QStringList{QStringLiteral("faults.latencyMs must be a whole number")};
        QTest::newRow("fault typo") << QByteArray("{\"faults\": {\"latency\": 5}}")
                                    << QStringList{QStringLiteral("faults.latency is not a known setting")};
        QTest::newRow("fault list") << QByteArray("{\"faults\": {\"dropConnection\": \"/token\"}}")
                                    << QStringList{QStringLiteral(
                                           "faults.dropConnection must be an array of strings")};
    }

    void configErrorsSayWhatToFix()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sim.json"));
        writeFile(path, content);
        const Result<SimulatorConfig> config = SimulatorConfig::load(path);
        QVERIFY(!config);
        QCOMPARE(config.error().kind(), SsoError::Kind::Config);
        const QString message = config.error().message();
        QVERIFY2(message.contains(path), qPrintable(message));
        for (const QString &part : expected) {
            QVERIFY2(message.contains(part), qPrintable(message));
        }
        QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
    }

    void missingConfigFileSaysSo()
    {
        const QString path = QStringLiteral("/nonexistent/sim.json");
        const Result<SimulatorConfig> config = SimulatorConfig::load(path);
        QVERIFY(!config);
        QCOMPARE(config.error().kind(), SsoError::Kind::Config);
        QVERIFY(config.error().message().contains(path));
        QVERIFY(config.error().message().contains(QStringLiteral("cannot be read")));
    }

    void faultsRoundTripThroughJson()
    {
        SimulatorFaults faults;
        faults.latencyMs = 10;
        faults.serverErrors.insert(QStringLiteral("/token"), 2);
        faults.throttle.insert(QStringLiteral("/logout"), 1);
        faults.slowDown = 3;
        faults.expireDeviceCodes = true;
        faults.revokeRefreshTokens = true;
        faults.malformedJson = {QStringLiteral("/client/register")};
        faults.dropConnection = {QStringLiteral("/device_authorization")};
        const Result<SimulatorFaults> back = SimulatorFaults::fromJson(faults.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), faults.toJson());
        QCOMPARE(back->serverErrors.value(QStringLiteral("/token")), 2);
    }

    // --- listening --------------------------------------------------------------------------------------

    void listensOnLoopbackOnly_data()
    {
        QTest::addColumn<QHostAddress>("address");
        QTest::newRow("any") << QHostAddress(QHostAddress::Any);
        QTest::newRow("any IPv4") << QHostAddress(QHostAddress::AnyIPv4);
        QTest::newRow("any IPv6") << QHostAddress(QHostAddress::AnyIPv6);
        QTest::newRow("LAN") << QHostAddress(QStringLiteral("192.168.1.10"));
    }

    void listensOnLoopbackOnly()
    {
        QFETCH(QHostAddress, address);
        SsoSimulator simulator;
        const Result<quint16> port = simulator.listen(address, 0);
        QVERIFY(!port);
        QCOMPARE(port.error().kind(), SsoError::Kind::Usage);
        QVERIFY2(port.error().message().contains(QStringLiteral("loopback")),
                 qPrintable(port.error().message()));
        QVERIFY(simulator.baseUrl().isEmpty());
    }

    void baseUrlNamesTheLoopbackPort()
    {
        const QUrl base = m_simulator->baseUrl();
        QCOMPARE(base.scheme(), QStringLiteral("http"));
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(base.port() > 0);
        QVERIFY(base.path().isEmpty());
        QVERIFY(!m_simulator->listen());
    }

    void busyPortIsAClearError()
    {
        SsoSimulator second;
        const Result<quint16> port =
            second.listen(QHostAddress::LocalHost, quint16(m_simulator->baseUrl().port()));
        QVERIFY(!port);
        QCOMPARE(port.error().kind(), SsoError::Kind::Network);
        QVERIFY(port.error().message().contains(QString::number(m_simulator->baseUrl().port())));
    }

    void answersOnlyForLoopbackHostNames()
    {
        // A page in a browser could aim at this port under another name (DNS rebinding).
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_simulator->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /_sim/state HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n\r\n{");
            },
            5000));
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QCOMPARE(get(QStringLiteral("/_sim/state")).status, 200);
    }

    // --- OIDC: registration -----------------------------------------------------------------------------

    void registersADeviceClient()
    {
        const Answer answer =
            post(QStringLiteral("/client/register"),
                 QJsonObject{{QStringLiteral("clientName"), QStringLiteral("botocore-client-x")},
                             {QStringLiteral("clientType"), QStringLiteral("public")},
                             {QStringLiteral("scopes"), QJsonArray{AccountAccess}}});
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.string("clientId").isEmpty());
        QVERIFY(!answer.string("clientSecret").isEmpty());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 issuedAt = answer.json.value(QStringLiteral("clientIdIssuedAt")).toInteger();
        const qint64 expiresAt = answer.json.value(QStringLiteral("clientSecretExpiresAt")).toInteger();
        QVERIFY(qAbs(issuedAt - now) <= 5);
        QVERIFY(qAbs(expiresAt - (now + 7776000)) <= 5);
        QVERIFY(!answer.json.contains(QStringLiteral("authorizationEndpoint")));
        QVERIFY(!answer.json.contains(QStringLiteral("tokenEndpoint")));
    }

    void registersAPkceClientWithEndpoints()
    {
        QJsonObject body{{QStringLiteral("clientName"), QStringLiteral("test")},
                         {QStringLiteral("clientType"), QStringLiteral("public")},
                         {QStringLiteral("scopes"), QJsonArray{AccountAccess}},
                         {QStringLiteral("grantTypes"), QJsonArray{AuthorizationCodeGrant, RefreshGrant}},
                         {QStringLiteral("redirectUris"), QJsonArray{RegisteredRedirect}},
                         {QStringLiteral("issuerUrl"), StartUrl}};
        const Answer answer = post(QStringLiteral("/client/register"), body);
        QCOMPARE(answer.status, 200);
        const QString base = m_simulator->baseUrl().toString();
        QCOMPARE(answer.string("authorizationEndpoint"), QString(base + QStringLiteral("/authorize")));
        QCOMPARE(answer.string("tokenEndpoint"), QString(base + QStringLiteral("/token")));
    }

    void registrationRefusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        const QJsonObject base{{QStringLiteral("clientName"), QStringLiteral("t")},
                               {QStringLiteral("clientType"), QStringLiteral("public")}};
        auto with = [&base](const QString &key, const QJsonValue &value) {
            QJsonObject body = base;
            body.insert(key, value);
            return body;
        };
        QJsonObject noName = base;
        noName.remove(QStringLiteral("clientName"));
        QTest::newRow("no clientName")
            << noName << QStringLiteral("InvalidRequestException") << QStringLiteral("invalid_request");
        QTest::newRow("confidential")
            << with(QStringLiteral("clientType"), QStringLiteral("confidential"))
            << QStringLiteral("InvalidClientMetadataException") << QStringLiteral("invalid_client_metadata");
        QTest::newRow("bad scope") << with(QStringLiteral("scopes"),
                                           QJsonArray{QStringLiteral("not a scope")})
                                   << QStringLiteral("InvalidScopeException")
                                   << QStringLiteral("invalid_scope");
        QTest::newRow("scopes not a list")
            << with(QStringLiteral("scopes"), AccountAccess) << QStringLiteral("InvalidRequestException")
            << QStringLiteral("invalid_request");
        QTest::newRow("bad grant") << with(QStringLiteral("grantTypes"),
                                           QJsonArray{QStringLiteral("password")})
                                   << QStringLiteral("UnsupportedGrantTypeException")
                                   << QStringLiteral("unsupported_grant_type");
        QTest::newRow("PKCE without redirect")
            << with(QStringLiteral("grantTypes"), QJsonArray{AuthorizationCodeGrant})
            << QStringLiteral("InvalidRedirectUriException") << QStringLiteral("invalid_redirect_uri");
        QTest::newRow("plain http elsewhere")
            << with(QStringLiteral("redirectUris"), QJsonArray{QStringLiteral("http://example.com/cb")})
            << QStringLiteral("InvalidRedirectUriException") << QStringLiteral("invalid_redirect_uri");
        QTest::newRow("bad issuer") << with(QStringLiteral("issuerUrl"), QStringLiteral("not a url"))
                                    << QStringLiteral("InvalidRequestException")
                                    << QStringLiteral("invalid_request");
    }

    void registrationRefusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, type);
        QFETCH(QString, code);
        verifyOidcError(post(QStringLiteral("/client/register"), body), 400, type, code);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/client/register")), 1);
    }

    void bodyThatIsNotJsonIsAnInvalidRequest()
    {
        verifyOidcError(postRaw(QStringLiteral("/token"), QByteArrayLiteral("clientId=x")), 400,
                        QStringLiteral("InvalidRequestException"), QStringLiteral("invalid_request"));
    }

    // --- OIDC: client authentication --------------------------------------------------------------------

    void unknownClientOrWrongSecretIsInvalidClient()
    {
        const Answer unknown = token(Client{QStringLiteral("nobody"), QStringLiteral("x")}, RefreshGrant,
                                     QJsonObject{{QStringLiteral("refreshToken"), QStringLiteral("x")}});
        verifyOidcError(unknown, 401, QStringLiteral("InvalidClientException"),
                        QStringLiteral("invalid_client"));
        Client client = registerClient({AccountAccess});
        client.clientSecret = QStringLiteral("wrong");
        verifyOidcError(startDevice(client), 401, QStringLiteral("InvalidClientException"),
                        QStringLiteral("invalid_client"));
    }

    void expiredClientSecretIsInvalidClient()
    {
        SimulatorConfig config;
        config.clientSecretLifetimeSeconds = 1;
        startSimulator(config);
        const Client client = registerClient({AccountAccess});
        QTRY_COMPARE_WITH_TIMEOUT(startDevice(client).errorType(), QStringLiteral("InvalidClientException"),
                                  5000);
    }

    // --- OIDC: device flow ------------------------------------------------------------------------------

    void deviceAuthorizationAnswer()
    {
        const Client client = registerClient({AccountAccess});
        const Answer answer = startDevice(client);
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.string("deviceCode").isEmpty());
        const QString userCode = answer.string("userCode");
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z]{4}-[A-Z]{4}$")).match(userCode).hasMatch(),
                 qPrintable(userCode));
        const QString verification = m_simulator->baseUrl().toString() + QStringLiteral("/device");
        QCOMPARE(answer.string("verificationUri"), verification);
        QCOMPARE(answer.string("verificationUriComplete"),
                 QString(verification + QStringLiteral("?user_code=") + userCode));
        QCOMPARE(answer.json.value(QStringLiteral("expiresIn")).toInt(), 600);
        QCOMPARE(answer.json.value(QStringLiteral("interval")).toInt(), 1);
    }

    void deviceAuthorizationRefusals()
    {
        const Client client = registerClient({AccountAccess});
        verifyOidcError(post(QStringLiteral("/device_authorization"),
                             QJsonObject{{QStringLiteral("clientId"), client.clientId},
                                         {QStringLiteral("clientSecret"), client.clientSecret}}),
                        400, QStringLiteral("InvalidRequestException"), QStringLiteral("invalid_request"));
        const Client pkce = registerClient({AccountAccess}, true);
        verifyOidcError(startDevice(pkce), 400, QStringLiteral("UnauthorizedClientException"),
                        QStringLiteral("unauthorized_client"));
    }

    void verificationPageIsTheSignInPage()
    {
        const Client client = registerClient({AccountAccess});
        const Answer started = startDevice(client);
        const Answer page =
            wait(m_network->get(QNetworkRequest(QUrl(started.string("verificationUriComplete")))));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.body.contains(SignInPageMarker));
        QVERIFY(page.body.contains(started.string("userCode").toUtf8()));
    }

    void deviceFlowPendingThenApprovedThenSpent()
    {
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        verifyOidcError(pollDevice(client, code.deviceCode), 400,
                        QStringLiteral("AuthorizationPendingException"),
                        QStringLiteral("authorization_pending"));
        const Result<QString> approved = m_simulator->approveDevice(code.userCode.toLower());
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().message()));
        QCOMPARE(approved.value(), QStringLiteral("alice"));
        // Right after a pending poll, yet not told to slow down: the token is ready.
        const Answer granted = pollDevice(client, code.deviceCode);
        QCOMPARE(granted.status, 200);
        QVERIFY(granted.string("accessToken").startsWith(QStringLiteral("aoa")));
        QVERIFY(granted.string("refreshToken").startsWith(QStringLiteral("aor")));
        QCOMPARE(granted.string("tokenType"), QStringLiteral("Bearer"));
        QCOMPARE(granted.json.value(QStringLiteral("expiresIn")).toInt(), 28800);
        QCOMPARE(credentials(granted.string("accessToken")).status, 200);
        verifyOidcError(pollDevice(client, code.deviceCode), 400, QStringLiteral("InvalidGrantException"),
                        QStringLiteral("invalid_grant"));
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/token")), 3);
    }

    void deviceCodeOfAnotherClientIsInvalidGrant()
    {
        const Client owner = registerClient({AccountAccess});
        const Client other = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(owner);
        QVERIFY(m_simulator->approveDevice(code.userCode));
        QCOMPARE(pollDevice(other, code.deviceCode).errorType(), QStringLiteral("InvalidGrantException"));
        QCOMPARE(pollDevice(owner, QStringLiteral("made-up")).errorType(),
                 QStringLiteral("InvalidGrantException"));
    }

    void pollingFasterThanTheIntervalIsSlowDown()
    {
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        QCOMPARE(pollDevice(client, code.deviceCode).errorType(),
                 QStringLiteral("AuthorizationPendingException"));
        verifyOidcError(pollDevice(client, code.deviceCode), 400, QStringLiteral("SlowDownException"),
                        QStringLiteral("slow_down"));
        QTest::qWait(1100); // the configured interval, 1 s
        QCOMPARE(pollDevice(client, code.deviceCode).errorType(),
                 QStringLiteral("AuthorizationPendingException"));
    }

    void deviceCodeExpires()
    {
        SimulatorConfig config;
        config.deviceCodeLifetimeSeconds = 1;
        startSimulator(config);
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        QCOMPARE(pollDevice(client, code.deviceCode).errorType(),
                 QStringLiteral("AuthorizationPendingException"));
        QTRY_COMPARE_WITH_TIMEOUT(pollDevice(client, code.deviceCode).errorType(),
                                  QStringLiteral("ExpiredTokenException"), 5000);
        verifyOidcError(pollDevice(client, code.deviceCode), 400, QStringLiteral("ExpiredTokenException"),
                        QStringLiteral("expired_token"));
        const Result<QString> late = m_simulator->approveDevice(code.userCode);
        QVERIFY(!late);
        QCOMPARE(late.error().kind(), SsoError::Kind::Timeout);
    }

    void lockedUserIsDeniedOnTheDevice()
    {
        SimulatorConfig config;
        SimulatorConfig::User mallory;
        mallory.username = QStringLiteral("mallory");
        mallory.password = QStringLiteral("pw");
        mallory.locked = true;
        config.users.append(mallory);
        startSimulator(config);
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        const Result<QString> denied = m_simulator->approveDevice(code.userCode, QStringLiteral("mallory"));
        QVERIFY(!denied);
        QCOMPARE(denied.error().kind(), SsoError::Kind::AuthFailed);
        verifyOidcError(pollDevice(client, code.deviceCode), 400, QStringLiteral("AccessDeniedException"),
                        QStringLiteral("access_denied"));
    }

    void approvalHookRefusals()
    {
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        const Result<QString> nobody = m_simulator->approveDevice(code.userCode, QStringLiteral("nobody"));
        QVERIFY(!nobody);
        QVERIFY(nobody.error().message().contains(QStringLiteral("nobody")));
        const Result<QString> unknown = m_simulator->approveDevice(QStringLiteral("ZZZZ-ZZZZ"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message().contains(QStringLiteral("ZZZZ-ZZZZ")));
        const Client pkce = registerClient({AccountAccess}, true);
        const Result<QUrl> nobodySignsIn = m_simulator->approveAuthorization(
            authorizeUrl(pkce, QStringLiteral("s"), challengeFor(Verifier)), QStringLiteral("nobody"));
        QVERIFY(!nobodySignsIn);
        QVERIFY(nobodySignsIn.error().message().contains(QStringLiteral("nobody")));
    }

    // --- OIDC: PKCE -------------------------------------------------------------------------------------

    void pkceFlowEndToEnd()
    {
        const Client client = registerClient({AccountAccess}, true);
        // A state with characters that need encoding comes back intact.
        const QString state = QStringLiteral("a b&c=d+e%f/g");
        const QUrl authorize = authorizeUrl(client, state, challengeFor(Verifier));
        const Answer page = wait(m_network->get(QNetworkRequest(authorize)));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains(SignInPageMarker));

        const Result<QUrl> redirect = m_simulator->approveAuthorization(authorize);
        QVERIFY2(redirect, qPrintable(redirect ? QString() : redirect.error().message()));
        QCOMPARE(redirect->adjusted(QUrl::RemoveQuery), QUrl(RedirectWithPort));
        const QUrlQuery query(redirect.value());
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), state);
        const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QVERIFY(!code.isEmpty());
        QVERIFY(!query.hasQueryItem(QStringLiteral("error")));

        const Answer granted = redeemCode(client, code);
        QCOMPARE(granted.status, 200);
        QVERIFY(!granted.string("accessToken").isEmpty());
        QVERIFY(!granted.string("refreshToken").isEmpty());
        QCOMPARE(credentials(granted.string("accessToken")).status, 200);
        verifyOidcError(redeemCode(client, code), 400, QStringLiteral("InvalidGrantException"),
                        QStringLiteral("invalid_grant"));
    }

    void pkceWrongVerifierIsRejectedAndBurnsTheCode()
    {
        const Client client = registerClient({AccountAccess}, true);
        const QString code = authorizationCode(client);
        const QString otherVerifier = QString(Verifier).replace(QLatin1Char('a'), QLatin1Char('b'));
        verifyOidcError(redeemCode(client, code, otherVerifier), 400, QStringLiteral("InvalidGrantException"),
                        QStringLiteral("invalid_grant"));
        QCOMPARE(redeemCode(client, code).errorType(), QStringLiteral("InvalidGrantException"));
    }

    void pkceRedirectUriMustMatchAuthorize()
    {
        const Client client = registerClient({AccountAccess}, true);
        const QString code = authorizationCode(client);
        QCOMPARE(redeemCode(client, code, Verifier, QStringLiteral("http://127.0.0.1:1/oauth/callback"))
                     .errorType(),
                 QStringLiteral("InvalidGrantException"));
    }

    void pkceCodeOfAnotherClientIsInvalidGrant()
    {
        const Client owner = registerClient({AccountAccess}, true);
        const Client other = registerClient({AccountAccess}, true);
        QCOMPARE(redeemCode(other, authorizationCode(owner)).errorType(),
                 QStringLiteral("InvalidGrantException"));
    }

    void authorizeRefusals_data()
    {
        QTest::addColumn<QString>("clientKind");
        QTest::addColumn<QString>("redirectUri");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("challenge");
        QTest::addColumn<QString>("scopes");
        QTest::addColumn<QString>("expected");
        const QString challenge = challengeFor(Verifier);
        QTest::newRow("unknown client")
            << QStringLiteral("unknown") << RedirectWithPort << QStringLiteral("S256") << challenge
            << AccountAccess << QStringLiteral("invalid_client");
        QTest::newRow("device client")
            << QStringLiteral("device") << RedirectWithPort << QStringLiteral("S256") << challenge
            << QString() << QStringLiteral("unauthorized_client");
        QTest::newRow("foreign redirect")
            << QStringLiteral("pkce") << QStringLiteral("https://attacker.example/oauth/callback")
            << QStringLiteral("S256") << challenge << AccountAccess << QStringLiteral("redirect_uri");
        QTest::newRow("other path") << QStringLiteral("pkce")
                                    << QStringLiteral("http://127.0.0.1:5/elsewhere")
                                    << QStringLiteral("S256") << challenge << AccountAccess
                                    << QStringLiteral("redirect_uri");
        QTest::newRow("plain method")
            << QStringLiteral("pkce") << RedirectWithPort << QStringLiteral("plain") << challenge
            << AccountAccess << QStringLiteral("code_challenge_method");
        QTest::newRow("no challenge") << QStringLiteral("pkce") << RedirectWithPort << QStringLiteral("S256")
                                      << QString() << AccountAccess << QStringLiteral("code_challenge");
        QTest::newRow("unregistered scope")
            << QStringLiteral("pkce") << RedirectWithPort << QStringLiteral("S256") << challenge
            << QStringLiteral("sso:account:access,codewhisperer:completions")
            << QStringLiteral("invalid_scope");
    }

    void authorizeRefusals()
    {
        QFETCH(QString, clientKind);
        QFETCH(QString, redirectUri);
        QFETCH(QString, method);
        QFETCH(QString, challenge);
        QFETCH(QString, scopes);
        QFETCH(QString, expected);
        Client client{QStringLiteral("unknown"), QString()};
        if (clientKind != QLatin1String("unknown")) {
            client = registerClient({AccountAccess}, clientKind == QLatin1String("pkce"));
        }
        const QUrl authorize =
            authorizeUrl(client, QStringLiteral("s"), challenge, scopes, redirectUri, method);
        const Answer page = wait(m_network->get(QNetworkRequest(authorize)));
        QCOMPARE(page.status, 400);
        QVERIFY2(page.body.contains(expected.toUtf8()), page.body.constData());
        const Result<QUrl> approved = m_simulator->approveAuthorization(authorize);
        QVERIFY(!approved);
        QVERIFY2(approved.error().message().contains(expected), qPrintable(approved.error().message()));
    }

    void lockedUserIsRedirectedWithAccessDenied()
    {
        SimulatorConfig config;
        config.users.first().locked = true;
        startSimulator(config);
        const Client client = registerClient({AccountAccess}, true);
        const Result<QUrl> redirect = m_simulator->approveAuthorization(
            authorizeUrl(client, QStringLiteral("st"), challengeFor(Verifier)));
        QVERIFY(redirect);
        const QUrlQuery query(redirect.value());
        QCOMPARE(query.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("st"));
        QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
    }

    void grantsTheClientWasNotRegisteredFor()
    {
        const Client device = registerClient({AccountAccess});
        verifyOidcError(redeemCode(device, QStringLiteral("any")), 400,
                        QStringLiteral("UnauthorizedClientException"), QStringLiteral("unauthorized_client"));
        const Client pkce = registerClient({AccountAccess}, true);
        QCOMPARE(pollDevice(pkce, QStringLiteral("any")).errorType(),
                 QStringLiteral("UnauthorizedClientException"));
        verifyOidcError(token(device, QStringLiteral("password"), {}), 400,
                        QStringLiteral("UnsupportedGrantTypeException"),
                        QStringLiteral("unsupported_grant_type"));
    }

    // --- OIDC: refresh ----------------------------------------------------------------------------------

    void refreshRotatesTheRefreshToken()
    {
        const Client client = registerClient({AccountAccess});
        const Answer first = deviceLogin(client);
        const Answer renewed = refresh(client, first.string("refreshToken"));
        QCOMPARE(renewed.status, 200);
        QVERIFY(renewed.string("accessToken") != first.string("accessToken"));
        QVERIFY(!renewed.string("refreshToken").isEmpty());
        QVERIFY(renewed.string("refreshToken") != first.string("refreshToken"));
        QCOMPARE(credentials(renewed.string("accessToken")).status, 200);
        // The old access token lives on until it expires; the old refresh token is retired.
        QCOMPARE(credentials(first.string("accessToken")).status, 200);
        QCOMPARE(refresh(client, first.string("refreshToken")).errorType(),
                 QStringLiteral("InvalidGrantException"));
        QCOMPARE(refresh(client, renewed.string("refreshToken")).status, 200);
    }

    void refreshWithoutRotationKeepsTheOldToken()
    {
        SimulatorConfig config;
        config.rotateRefreshTokens = false;
        startSimulator(config);
        const Client client = registerClient({AccountAccess});
        const QString refreshToken = deviceLogin(client).string("refreshToken");
        const Answer renewed = refresh(client, refreshToken);
        QCOMPARE(renewed.status, 200);
        QVERIFY(!renewed.json.contains(QStringLiteral("refreshToken")));
        QCOMPARE(refresh(client, refreshToken).status, 200);
    }

    void noAccountAccessScopeMeansNoRefreshToken_data()
    {
        QTest::addColumn<QStringList>("scopes");
        QTest::newRow("no scopes") << QStringList();
        QTest::newRow("other scope") << QStringList{QStringLiteral("codewhisperer:completions")};
    }

    void noAccountAccessScopeMeansNoRefreshToken()
    {
        QFETCH(QStringList, scopes);
        const Client client = registerClient(scopes);
        const Answer granted = deviceLogin(client);
        QCOMPARE(granted.status, 200);
        QVERIFY(!granted.string("accessToken").isEmpty());
        QVERIFY(!granted.json.contains(QStringLiteral("refreshToken")));
        verifyOidcError(refresh(client, QStringLiteral("aor-made-up")), 400,
                        QStringLiteral("InvalidGrantException"), QStringLiteral("invalid_grant"));
    }

    void revokedRefreshTokensAreInvalidGrant()
    {
        const Client client = registerClient({AccountAccess});
        const QString refreshToken = deviceLogin(client).string("refreshToken");
        m_simulator->revokeRefreshTokens();
        verifyOidcError(refresh(client, refreshToken), 400, QStringLiteral("InvalidGrantException"),
                        QStringLiteral("invalid_grant"));
    }

    void refreshTokenOfAnotherClientIsInvalidGrant()
    {
        const Client owner = registerClient({AccountAccess});
        const Client other = registerClient({AccountAccess});
        const QString refreshToken = deviceLogin(owner).string("refreshToken");
        QCOMPARE(refresh(other, refreshToken).errorType(), QStringLiteral("InvalidGrantException"));
        QCOMPARE(refresh(owner, refreshToken).status, 200);
    }

    void refreshTokenExpires()
    {
        SimulatorConfig config;
        config.refreshTokenLifetimeSeconds = 1;
        config.rotateRefreshTokens = false; // so the early, successful refresh does not retire it
        startSimulator(config);
        const Client client = registerClient({AccountAccess});
        const QString refreshToken = deviceLogin(client).string("refreshToken");
        QCOMPARE(refresh(client, refreshToken).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(refresh(client, refreshToken).errorType(),
                                  QStringLiteral("InvalidGrantException"), 5000);
    }

    // --- portal -----------------------------------------------------------------------------------------

    void roleCredentialsHaveTheRealShape()
    {
        const Answer answer = credentials(signedIn());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.keys(), QStringList{QStringLiteral("roleCredentials")});
        const QJsonObject role = answer.json.value(QStringLiteral("roleCredentials")).toObject();
        const QString keyId = role.value(QStringLiteral("accessKeyId")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^ASIA[A-Z0-9]{16}$")).match(keyId).hasMatch(),
                 qPrintable(keyId));
        QCOMPARE(role.value(QStringLiteral("secretAccessKey")).toString().size(), 40);
        QVERIFY(role.value(QStringLiteral("sessionToken")).toString().size() > 100);
        // Epoch milliseconds, an hour ahead.
        const qint64 expiration = role.value(QStringLiteral("expiration")).toInteger();
        const qint64 expected = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
        QVERIFY2(qAbs(expiration - expected) < 60 * 1000, qPrintable(QString::number(expiration)));
    }

    void portalRefusals()
    {
        const QString accessToken = signedIn();
        const Answer noToken = credentials(QString());
        verifyPortalError(noToken, 401, QStringLiteral("UnauthorizedException"));
        QCOMPARE(noToken.string("message"), QStringLiteral("Session token not found or invalid"));
        verifyPortalError(credentials(QStringLiteral("aoa-made-up")), 401,
                          QStringLiteral("UnauthorizedException"));
        const Answer notMine =
            credentials(accessToken, QStringLiteral("111111111111"), QStringLiteral("Billing"));
        verifyPortalError(notMine, 403, QStringLiteral("ForbiddenException"));
        QCOMPARE(notMine.string("message"), QStringLiteral("No access"));
        verifyPortalError(credentials(accessToken, QStringLiteral("999999999999")), 403,
                          QStringLiteral("ForbiddenException"));
        verifyPortalError(get(QStringLiteral("/federation/credentials"),
                              {{QStringLiteral("account_id"), QStringLiteral("111111111111")}}, accessToken),
                          400, QStringLiteral("InvalidRequestException"));
        verifyPortalError(get(QStringLiteral("/assignment/roles"), {}, accessToken), 400,
                          QStringLiteral("InvalidRequestException"));
        verifyPortalError(get(QStringLiteral("/assignment/roles"),
                              {{QStringLiteral("account_id"), QStringLiteral("999999999999")}}, accessToken),
                          404, QStringLiteral("ResourceNotFoundException"));
        verifyPortalError(get(QStringLiteral("/assignment/accounts"),
                              {{QStringLiteral("max_result"), QStringLiteral("0")}}, accessToken),
                          400, QStringLiteral("InvalidRequestException"));
        verifyPortalError(get(QStringLiteral("/assignment/accounts"),
                              {{QStringLiteral("next_token"), QStringLiteral("forged")}}, accessToken),
                          400, QStringLiteral("InvalidRequestException"));
    }

    void accountsArePaginated_data()
    {
        QTest::addColumn<QString>("maxResult");
        QTest::addColumn<int>("pages");
        QTest::newRow("page size of the config") << QString() << 2;
        QTest::newRow("max_result above it") << QStringLiteral("100") << 2;
        QTest::newRow("max_result below it") << QStringLiteral("1") << 3;
    }

    void accountsArePaginated()
    {
        QFETCH(QString, maxResult);
        QFETCH(int, pages);
        const QString accessToken = signedIn();
        QStringList ids;
        QString nextToken;
        int pageCount = 0;
        do {
            QList<QPair<QString, QString>> query;
            if (!maxResult.isEmpty()) {
                query.append({QStringLiteral("max_result"), maxResult});
            }
            if (!nextToken.isEmpty()) {
                query.append({QStringLiteral("next_token"), nextToken});
            }
            const Answer page = get(QStringLiteral("/assignment/accounts"), query, accessToken);
            QCOMPARE(page.status, 200);
            const QJsonArray accounts = page.json.value(QStringLiteral("accountList")).toArray();
            QVERIFY(!accounts.isEmpty() && accounts.size() <= 2);
            for (const QJsonValue &account : accounts) {
                const QJsonObject info = account.toObject();
                QCOMPARE(info.keys(), (QStringList{QStringLiteral("accountId"), QStringLiteral("accountName"),
                                                   QStringLiteral("emailAddress")}));
                ids.append(info.value(QStringLiteral("accountId")).toString());
            }
            nextToken = page.string("nextToken");
            ++pageCount;
        } while (!nextToken.isEmpty() && pageCount < 10);
        QCOMPARE(pageCount, pages);
        QCOMPARE(ids, (QStringList{QStringLiteral("111111111111"), QStringLiteral("222222222222"),
                                   QStringLiteral("333333333333")}));
    }

    void rolesArePaginated()
    {
        const QString accessToken = signedIn();
        const QString account = QStringLiteral("111111111111");
        QStringList roles;
        QString nextToken;
        int pages = 0;
        do {
            QList<QPair<QString, QString>> query{{QStringLiteral("account_id"), account},
                                                 {QStringLiteral("max_result"), QStringLiteral("1")}};
            if (!nextToken.isEmpty()) {
                query.append({QStringLiteral("next_token"), nextToken});
            }
            const Answer page = get(QStringLiteral("/assignment/roles"), query, accessToken);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &role : page.json.value(QStringLiteral("roleList")).toArray()) {
                QCOMPARE(role.toObject().value(QStringLiteral("accountId")).toString(), account);
                roles.append(role.toObject().value(QStringLiteral("roleName")).toString());
            }
            nextToken = page.string("nextToken");
            ++pages;
        } while (!nextToken.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(roles, m_simulator->config().findAccount(account)->roles);
    }

    void nextTokenBelongsToItsListing()
    {
        const QString accessToken = signedIn();
        const QString fromAccounts =
            get(QStringLiteral("/assignment/accounts"), {}, accessToken).string("nextToken");
        QVERIFY(!fromAccounts.isEmpty());
        QCOMPARE(get(QStringLiteral("/assignment/roles"),
                     {{QStringLiteral("account_id"), QStringLiteral("111111111111")},
                      {QStringLiteral("next_token"), fromAccounts}},
                     accessToken)
                     .errorType(),
                 QStringLiteral("InvalidRequestException"));
    }

    void logoutEndsTheAccessAndRefreshTokens()
    {
        const Client client = registerClient({AccountAccess});
        const Answer login = deviceLogin(client);
        const QByteArray accessToken = login.string("accessToken").toUtf8();
        const Answer loggedOut = wait(startPost(QStringLiteral("/logout"), QByteArray(), accessToken));
        QCOMPARE(loggedOut.status, 200);
        QVERIFY(loggedOut.body.isEmpty());
        verifyPortalError(credentials(login.string("accessToken")), 401,
                          QStringLiteral("UnauthorizedException"));
        QCOMPARE(refresh(client, login.string("refreshToken")).errorType(),
                 QStringLiteral("InvalidGrantException"));
        verifyPortalError(wait(startPost(QStringLiteral("/logout"), QByteArray(), accessToken)), 401,
                          QStringLiteral("UnauthorizedException"));
    }

    void expiredAccessTokensAreUnauthorized()
    {
        const QString accessToken = signedIn();
        QCOMPARE(credentials(accessToken).status, 200);
        m_simulator->expireAccessTokens();
        verifyPortalError(credentials(accessToken), 401, QStringLiteral("UnauthorizedException"));
    }

    void accessTokensExpireByLifetime()
    {
        SimulatorConfig config;
        config.accessTokenLifetimeSeconds = 1;
        startSimulator(config);
        const Answer login = deviceLogin(registerClient({AccountAccess}));
        QCOMPARE(login.json.value(QStringLiteral("expiresIn")).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(credentials(login.string("accessToken")).status, 401, 5000);
    }

    void unknownOperationsAre404()
    {
        const Answer unknown = get(QStringLiteral("/nope"));
        verifyPortalError(unknown, 404, QStringLiteral("UnknownOperationException"));
        QCOMPARE(get(QStringLiteral("/token")).status, 404);
        QCOMPARE(get(QStringLiteral("/_sim/nope")).status, 404);
    }

    // --- faults -----------------------------------------------------------------------------------------

    void serverErrorsHitTheNextRequests()
    {
        const Client client = registerClient({AccountAccess});
        const QString refreshToken = deviceLogin(client).string("refreshToken");
        const QString accessToken = refresh(client, refreshToken).string("accessToken");
        SimulatorFaults faults;
        faults.serverErrors.insert(QStringLiteral("/token"), 2);
        faults.serverErrors.insert(QStringLiteral("/assignment/accounts"), 1);
        m_simulator->setFaults(faults);
        verifyOidcError(pollDevice(client, QStringLiteral("x")), 500,
                        QStringLiteral("InternalServerException"), QStringLiteral("server_error"));
        QCOMPARE(pollDevice(client, QStringLiteral("x")).status, 500);
        QCOMPARE(pollDevice(client, QStringLiteral("x")).errorType(),
                 QStringLiteral("InvalidGrantException"));
        verifyPortalError(get(QStringLiteral("/assignment/accounts"), {}, accessToken), 500,
                          QStringLiteral("InternalServerException"));
        QCOMPARE(get(QStringLiteral("/assignment/accounts"), {}, accessToken).status, 200);
        QCOMPARE(m_simulator->config().faults.serverErrors.value(QStringLiteral("/token")), 0);
    }

    void throttleAnswersTooManyRequests()
    {
        const QString accessToken = signedIn();
        SimulatorFaults faults;
        faults.throttle.insert(QStringLiteral("/federation/credentials"), 1);
        faults.throttle.insert(QStringLiteral("/client/register"), 1);
        m_simulator->setFaults(faults);
        verifyPortalError(credentials(accessToken), 429, QStringLiteral("TooManyRequestsException"));
        QCOMPARE(credentials(accessToken).status, 200);
        const Answer registration = post(QStringLiteral("/client/register"), QJsonObject{});
        verifyOidcError(registration, 400, QStringLiteral("SlowDownException"), QStringLiteral("slow_down"));
    }

    void slowDownFaultHitsTheNextPolls()
    {
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        QVERIFY(m_simulator->approveDevice(code.userCode));
        SimulatorFaults faults;
        faults.slowDown = 2;
        m_simulator->setFaults(faults);
        QCOMPARE(pollDevice(client, code.deviceCode).errorType(), QStringLiteral("SlowDownException"));
        QCOMPARE(pollDevice(client, code.deviceCode).errorType(), QStringLiteral("SlowDownException"));
        QCOMPARE(pollDevice(client, code.deviceCode).status, 200);
    }

    void expireDeviceCodesFault()
    {
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        SimulatorFaults faults;
        faults.expireDeviceCodes = true;
        m_simulator->setFaults(faults);
        QVERIFY(!m_simulator->approveDevice(code.userCode));
        QCOMPARE(pollDevice(client, code.deviceCode).errorType(), QStringLiteral("ExpiredTokenException"));
    }

    void revokeRefreshTokensFault()
    {
        const Client client = registerClient({AccountAccess});
        const QString refreshToken = deviceLogin(client).string("refreshToken");
        SimulatorFaults faults;
        faults.revokeRefreshTokens = true;
        m_simulator->setFaults(faults);
        QCOMPARE(refresh(client, refreshToken).errorType(), QStringLiteral("InvalidGrantException"));
        m_simulator->setFaults({});
        QCOMPARE(refresh(client, refreshToken).status, 200);
    }

    void malformedJsonFault()
    {
        SimulatorFaults faults;
        faults.malformedJson = {QStringLiteral("/client/register"), QStringLiteral("/logout")};
        m_simulator->setFaults(faults);
        const Answer registration =
            post(QStringLiteral("/client/register"),
                 QJsonObject{{QStringLiteral("clientName"), QStringLiteral("t")},
                             {QStringLiteral("clientType"), QStringLiteral("public")}});
        QCOMPARE(registration.status, 200);
        QVERIFY(registration.header("Content-Type").startsWith("application/json"));
        QVERIFY(!registration.body.isEmpty());
        QVERIFY(!registration.jsonParsed);
        // Even an empty answer or an error becomes broken JSON.
        const Answer logout = wait(startPost(QStringLiteral("/logout"), QByteArray()));
        QCOMPARE(logout.status, 200);
        QVERIFY(!logout.body.isEmpty());
        QVERIFY(!logout.jsonParsed);
        QCOMPARE(get(QStringLiteral("/_sim/state")).jsonParsed, true);
    }

    void dropConnectionFault()
    {
        SimulatorFaults faults;
        faults.dropConnection = {QStringLiteral("/device_authorization")};
        m_simulator->setFaults(faults);
        const Client client = registerClient({AccountAccess});
        QVERIFY(!client.clientId.isEmpty());
        const Answer dropped = startDevice(client);
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.networkError != QNetworkReply::NoError);
        QVERIFY(dropped.networkError != QNetworkReply::TimeoutError);
        QVERIFY(m_simulator->requestCount(QStringLiteral("/device_authorization")) >= 1);
        m_simulator->setFaults({});
        QCOMPARE(startDevice(client).status, 200);
    }

    void latencyDelaysWithoutBlocking()
    {
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        SimulatorFaults faults;
        faults.latencyMs = 600;
        m_simulator->setFaults(faults);
        QElapsedTimer elapsed;
        elapsed.start();
        // Three slow requests at once, an admin request beside them, and an in-process hook meanwhile.
        QList<QNetworkReply *> slow;
        for (int i = 0; i < 3; ++i) {
            slow.append(
                startPost(QStringLiteral("/client/register"),
                          QJsonDocument(QJsonObject{{QStringLiteral("clientName"), QStringLiteral("t")},
                                                    {QStringLiteral("clientType"), QStringLiteral("public")}})
                              .toJson()));
        }
        const Answer state = get(QStringLiteral("/_sim/state"));
        QCOMPARE(state.status, 200);
        QVERIFY2(state.elapsedMs < 500, qPrintable(QString::number(state.elapsedMs)));
        QVERIFY(m_simulator->approveDevice(code.userCode));
        for (QNetworkReply *reply : slow) {
            QVERIFY(!reply->isFinished());
        }
        for (QNetworkReply *reply : slow) {
            QCOMPARE(wait(reply).status, 200);
        }
        // Answered side by side, not one after the other.
        QVERIFY2(elapsed.elapsed() >= 550 && elapsed.elapsed() < 1500,
                 qPrintable(QString::number(elapsed.elapsed())));
        const Answer granted = pollDevice(client, code.deviceCode);
        QCOMPARE(granted.status, 200);
        QVERIFY(granted.elapsedMs >= 550);
    }

    void clientGoneDuringLatencyIsHarmless()
    {
        SimulatorFaults faults;
        faults.latencyMs = 300;
        m_simulator->setFaults(faults);
        QNetworkReply *reply = startPost(QStringLiteral("/client/register"), QByteArrayLiteral("{}"));
        QTest::qWait(50);
        reply->abort();
        delete reply;
        QTest::qWait(450); // past the delayed answer, which must find the socket gone
        m_simulator->setFaults({});
        QCOMPARE(registerClient({AccountAccess}).clientId.isEmpty(), false);
    }

    // --- admin API --------------------------------------------------------------------------------------

    void adminApprovesADeviceCode()
    {
        SimulatorConfig config;
        SimulatorConfig::User mallory;
        mallory.username = QStringLiteral("mallory");
        mallory.password = QStringLiteral("pw");
        mallory.locked = true;
        config.users.append(mallory);
        startSimulator(config);
        const Client client = registerClient({AccountAccess});
        const DeviceCode code = deviceCode(client);
        const Answer approved =
            post(QStringLiteral("/_sim/approve"), QJsonObject{{QStringLiteral("userCode"), code.userCode}});
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json.value(QStringLiteral("approved")).toBool(), true);
        QCOMPARE(approved.string("username"), QStringLiteral("alice"));
        QCOMPARE(pollDevice(client, code.deviceCode).status, 200);

        const DeviceCode second = deviceCode(client);
        const Answer denied = post(QStringLiteral("/_sim/approve"),
                                   QJsonObject{{QStringLiteral("userCode"), second.userCode},
                                               {QStringLiteral("username"), QStringLiteral("mallory")}});
        QCOMPARE(denied.status, 200);
        QCOMPARE(denied.json.value(QStringLiteral("approved")).toBool(true), false);
        QCOMPARE(denied.string("error"), QStringLiteral("access_denied"));
        QCOMPARE(pollDevice(client, second.deviceCode).errorType(), QStringLiteral("AccessDeniedException"));

        const Answer unknown = post(QStringLiteral("/_sim/approve"),
                                    QJsonObject{{QStringLiteral("userCode"), QStringLiteral("QQQQ-QQQQ")}});
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.string("message").contains(QStringLiteral("QQQQ-QQQQ")));
        QCOMPARE(post(QStringLiteral("/_sim/approve"), QJsonObject{}).status, 400);
        QCOMPARE(postRaw(QStringLiteral("/_sim/approve"), QByteArrayLiteral("nonsense")).status, 400);
    }

    void adminApprovesAnAuthorization()
    {
        const Client client = registerClient({AccountAccess}, true);
        const QUrl authorize = authorizeUrl(client, QStringLiteral("xyz"), challengeFor(Verifier));
        QCOMPARE(wait(m_network->get(QNetworkRequest(authorize))).status, 200);
        QCOMPARE(
            get(QStringLiteral("/_sim/state")).json.value(QStringLiteral("pendingAuthorizations")).toInt(),
            1);
        const Answer approved =
            post(QStringLiteral("/_sim/approve"),
                 QJsonObject{{QStringLiteral("authorizeUrl"), authorize.toString(QUrl::FullyEncoded)},
                             {QStringLiteral("username"), QStringLiteral("alice")}});
        QCOMPARE(approved.status, 200);
        const QUrl redirect(approved.string("redirect"));
        QCOMPARE(redirect.adjusted(QUrl::RemoveQuery), QUrl(RedirectWithPort));
        QCOMPARE(QUrlQuery(redirect).queryItemValue(QStringLiteral("state")), QStringLiteral("xyz"));
        QCOMPARE(
            get(QStringLiteral("/_sim/state")).json.value(QStringLiteral("pendingAuthorizations")).toInt(),
            0);
        const QString code = QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QCOMPARE(redeemCode(client, code).status, 200);
    }

    void adminSetsAndShowsFaults()
    {
        const Answer set =
            postRaw(QStringLiteral("/_sim/faults"),
                    QByteArrayLiteral("{\"serverErrors\": {\"/client/register\": 1}, \"latencyMs\": 0}"));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json.value(QStringLiteral("faults"))
                     .toObject()
                     .value(QStringLiteral("serverErrors"))
                     .toObject()
                     .value(QStringLiteral("/client/register"))
                     .toInt(),
                 1);
        QCOMPARE(m_simulator->config().faults.serverErrors.value(QStringLiteral("/client/register")), 1);
        QCOMPARE(post(QStringLiteral("/client/register"), QJsonObject{}).status, 500);
        const Answer shown = get(QStringLiteral("/_sim/faults"));
        QCOMPARE(shown.json.value(QStringLiteral("faults"))
                     .toObject()
                     .value(QStringLiteral("serverErrors"))
                     .toObject()
                     .value(QStringLiteral("/client/register"))
                     .toInt(),
                 0);

        // Replaces, rather than merges with, what was there.
        QCOMPARE(postRaw(QStringLiteral("/_sim/faults"), QByteArrayLiteral("{\"slowDown\": 1}")).status, 200);
        QVERIFY(m_simulator->config().faults.serverErrors.isEmpty());
        QCOMPARE(m_simulator->config().faults.slowDown, 1);

        const Answer invalid =
            postRaw(QStringLiteral("/_sim/faults"), QByteArrayLiteral("{\"latencyMs\": \"slow\"}"));
        QCOMPARE(invalid.status, 400);
        QVERIFY2(invalid.string("message").contains(QStringLiteral("faults.latencyMs")),
                 invalid.body.constData());
        QCOMPARE(m_simulator->config().faults.slowDown, 1);
    }

    void adminRevokesAndExpiresTokens()
    {
        const Client client = registerClient({AccountAccess});
        const Answer login = deviceLogin(client);
        const Answer revoked = wait(startPost(QStringLiteral("/_sim/revoke-refresh-tokens"), QByteArray()));
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.json.value(QStringLiteral("revoked")).toInt(), 1);
        QCOMPARE(refresh(client, login.string("refreshToken")).errorType(),
                 QStringLiteral("InvalidGrantException"));
        const Answer expired = wait(startPost(QStringLiteral("/_sim/expire-access-tokens"), QByteArray()));
        QCOMPARE(expired.status, 200);
        QCOMPARE(expired.json.value(QStringLiteral("expired")).toInt(), 1);
        QCOMPARE(credentials(login.string("accessToken")).status, 401);
    }

    void adminStateCountsRequests()
    {
        registerClient({AccountAccess});
        registerClient({});
        get(QStringLiteral("/assignment/accounts"));
        const Answer state = get(QStringLiteral("/_sim/state"));
        QCOMPARE(state.status, 200);
        const QJsonObject requests = state.json.value(QStringLiteral("requests")).toObject();
        QCOMPARE(requests.value(QStringLiteral("/client/register")).toInt(), 2);
        QCOMPARE(requests.value(QStringLiteral("/assignment/accounts")).toInt(), 1);
        QCOMPARE(requests.value(QStringLiteral("/_sim/state")).toInt(), 1);
        QCOMPARE(state.json.value(QStringLiteral("clients")).toInt(), 2);
        QCOMPARE(state.json.value(QStringLiteral("pendingDeviceAuthorizations")).toInt(), 0);
        QCOMPARE(state.json.value(QStringLiteral("liveAccessTokens")).toInt(), 0);
        QCOMPARE(state.json.value(QStringLiteral("users")).toArray().size(), 1);
        QCOMPARE(state.string("baseUrl"), m_simulator->baseUrl().toString());
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/client/register")), 2);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/never")), 0);
    }
};

QTEST_GUILESS_MAIN(TestSsoSimulator)
#include "TestSsoSimulator.moc"
