#include "SsoSimulator.h"

#include "SimFederationApi.h"
#include "SimHttpServer.h"
#include "SimOidcApi.h"
#include "SimPortalApi.h"
#include "SimSignInPages.h"
#include "SimState.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <utility>

namespace {

using Method = QHttpServerRequest::Method;

const QString AdminPrefix = QStringLiteral("/_sim/");

bool isPortalPath(const QString &path)
{
    return path.startsWith(QLatin1String("/federation/")) || path.startsWith(QLatin1String("/assignment/")) ||
           path == QLatin1String("/logout");
}

// Takes one from the path's fault counter; true when there was one to take.
bool consume(QMap<QString, int> &counters, const QString &path)
{
    const auto it = counters.find(path);
    if (it == counters.end() || it.value() <= 0) {
        return false;
    }
    --it.value();
    return true;
}

QByteArray truncatedJson(const QByteArray &json)
{
    // Half of it, and never something that parses by accident.
    return json.size() < 4 ? QByteArrayLiteral("{\"") : json.left(json.size() / 2);
}

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Head:
        return QStringLiteral("HEAD");
    default:
        break;
    }
    return QStringLiteral("other");
}

} // namespace

SsoSimulator::SsoSimulator(SimulatorConfig config, QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<SimState>())
{
    m_state->config = std::move(config);
    m_oidc = std::make_unique<SimOidcApi>(*m_state);
    m_portal = std::make_unique<SimPortalApi>(*m_state);
    m_federation = std::make_unique<SimFederationApi>(*m_state);
    m_pages = std::make_unique<SimSignInPages>(*m_state, *m_oidc, [this] { return secondOrigin(); });
    m_server = new SimHttpServer([this](const SimRequest &request) { return handle(request); }, this);
}

SsoSimulator::~SsoSimulator()
{
    // The servers' pending answers call back into the state: end them first.
    delete m_secondServer;
    m_secondServer = nullptr;
    delete m_server;
    m_server = nullptr;
}

Result<quint16> SsoSimulator::listen(const QHostAddress &address, quint16 port)
{
    if (!m_state->baseUrl.isEmpty()) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("The simulator already listens on %1.").arg(m_state->baseUrl.toString()));
    }
    if (!address.isLoopback()) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("The simulator listens only on loopback addresses (127.0.0.1 or ::1), not %1: "
                           "it hands out tokens to whoever asks.")
                .arg(address.toString()));
    }
    const Result<quint16> bound = m_server->start(address, port);
    if (!bound) {
        return bound;
    }
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(address.toString());
    base.setPort(bound.value());
    m_state->baseUrl = base;
    return bound;
}

QUrl SsoSimulator::baseUrl() const
{
    return m_state->baseUrl;
}

SimulatorConfig &SsoSimulator::config()
{
    return m_state->config;
}

const SimulatorConfig &SsoSimulator::config() const
{
    return m_state->config;
}

void SsoSimulator::setFaults(const SimulatorFaults &faults)
{
    m_state->config.faults = faults;
}

Result<QString> SsoSimulator::approveDevice(const QString &userCode, const QString &username)
{
    return m_oidc->approveDevice(userCode, username);
}

Result<QUrl> SsoSimulator::approveAuthorization(const QUrl &authorizeUrl, const QString &username)
{
    return m_oidc->approveAuthorization(authorizeUrl, username);
}

void SsoSimulator::revokeRefreshTokens()
{
    m_state->revokeRefreshTokens();
}

void SsoSimulator::expireAccessTokens()
{
    m_state->expireAccessTokens();
}

int SsoSimulator::requestCount(const QString &path) const
{
    return m_state->requestCounts.value(path);
}

int SsoSimulator::endBrowserSessions(bool forgetDevices)
{
    if (forgetDevices) {
        m_pages->sessions().forgetDevices();
    }
    return m_pages->sessions().endSessions();
}

const SimPhishingReport &SsoSimulator::phishingReport() const
{
    return m_pages->phishingReport();
}

QUrl SsoSimulator::secondOrigin()
{
    if (m_secondServer || m_state->baseUrl.isEmpty()) {
        return m_secondOriginUrl;
    }
    m_secondServer =
        new SimHttpServer([this](const SimRequest &request) { return handleSecondOrigin(request); }, this);
    const QHostAddress address(m_state->baseUrl.host());
    const Result<quint16> bound = m_secondServer->start(address, 0);
    if (!bound) {
        qWarning("ssosim: %s", qPrintable(bound.error().message()));
        return {};
    }
    m_secondOriginUrl = m_state->baseUrl;
    m_secondOriginUrl.setPort(bound.value());
    return m_secondOriginUrl;
}

SimResponse SsoSimulator::handleSecondOrigin(const SimRequest &request)
{
    ++m_state->requestCounts[request.path()];
    if (!SimRequest::isLoopbackHost(request.url.host())) {
        return SimResponse::adminError(
            400, QStringLiteral("The simulator answers only requests for a loopback host."));
    }
    SimResponse response = m_pages->answerSecondOrigin(request);
    response.delayMs = m_state->config.faults.latencyMs;
    return response;
}

SimResponse SsoSimulator::handle(const SimRequest &request)
{
    const QString path = request.path();
    ++m_state->requestCounts[path];
    // A web page the user visits could aim requests at this port; only loopback names reach it honestly.
    if (!SimRequest::isLoopbackHost(request.url.host())) {
        return SimResponse::adminError(
            400, QStringLiteral("The simulator answers only requests for a loopback host."));
    }
    if (path.startsWith(AdminPrefix)) {
        return handleAdmin(request);
    }

    SimulatorFaults &faults = m_state->config.faults;
    SimResponse response;
    if (faults.dropConnection.contains(path)) {
        response.dropConnection = true;
    } else if (consume(faults.serverErrors, path)) {
        const QString message = QStringLiteral("Simulated internal error.");
        response = isPortalPath(path)
                       ? SimResponse::portalError(QStringLiteral("InternalServerException"), message)
                       : SimResponse::oidcError(QStringLiteral("InternalServerException"), message);
    } else if (consume(faults.throttle, path)) {
        response = isPortalPath(path) ? SimResponse::portalError(QStringLiteral("TooManyRequestsException"),
                                                                 QStringLiteral("Rate exceeded"))
                                      : SimResponse::oidcError(QStringLiteral("SlowDownException"),
                                                               QStringLiteral("Rate exceeded."));
    } else {
        response = route(request);
        if (faults.malformedJson.contains(path)) {
            response.status = 200;
            response.contentType = QByteArrayLiteral("application/json");
            response.body = truncatedJson(response.body);
        }
    }
    response.delayMs = faults.latencyMs;
    return response;
}

SimResponse SsoSimulator::route(const SimRequest &request)
{
    const QString path = request.path();
    const Method method = request.method;
    if (method == Method::Post) {
        if (path == QLatin1String("/client/register")) {
            return m_oidc->registerClient(request);
        }
        if (path == QLatin1String("/device_authorization")) {
            return m_oidc->startDeviceAuthorization(request);
        }
        if (path == QLatin1String("/token")) {
            return m_oidc->createToken(request);
        }
        if (path == QLatin1String("/logout")) {
            return m_portal->logout(request);
        }
        if (SimSignInPages::handles(request)) {
            return m_pages->answer(request);
        }
    } else if (method == Method::Get) {
        if (path == QLatin1String("/authorize")) {
            return m_pages->authorizePage(request);
        }
        if (path == QLatin1String("/device")) {
            return m_pages->devicePage(request);
        }
        if (path == QLatin1String("/federation")) {
            return m_federation->answer(request);
        }
        if (path == QLatin1String("/federation/credentials")) {
            return m_portal->getRoleCredentials(request);
        }
        if (path == QLatin1String("/assignment/accounts")) {
            return m_portal->listAccounts(request);
        }
        if (path == QLatin1String("/assignment/roles")) {
            return m_portal->listAccountRoles(request);
        }
        if (SimSignInPages::handles(request)) {
            return m_pages->answer(request);
        }
    }
    return SimResponse::portalError(QStringLiteral("UnknownOperationException"),
                                    QStringLiteral("No operation for %1 %2.").arg(methodName(method), path));
}

SimResponse SsoSimulator::handleAdmin(const SimRequest &request)
{
    const QString path = request.path();
    const Method method = request.method;
    if (method == Method::Post && path == QLatin1String("/_sim/approve")) {
        return approveFromJson(request);
    }
    if (method == Method::Post && path == QLatin1String("/_sim/faults")) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject()) {
            return SimResponse::adminError(
                400, QStringLiteral("POST /_sim/faults wants a JSON object of faults."));
        }
        const Result<SimulatorFaults> faults = SimulatorFaults::fromJson(document.object());
        if (!faults) {
            return SimResponse::adminError(400, faults.error().message());
        }
        setFaults(faults.value());
        return SimResponse::json(QJsonObject{{QStringLiteral("faults"), faults->toJson()}});
    }
    if (method == Method::Get && path == QLatin1String("/_sim/faults")) {
        return SimResponse::json(QJsonObject{{QStringLiteral("faults"), m_state->config.faults.toJson()}});
    }
    if (method == Method::Post && path == QLatin1String("/_sim/revoke-refresh-tokens")) {
        return SimResponse::json(QJsonObject{{QStringLiteral("revoked"), m_state->revokeRefreshTokens()}});
    }
    if (method == Method::Post && path == QLatin1String("/_sim/expire-access-tokens")) {
        return SimResponse::json(QJsonObject{{QStringLiteral("expired"), m_state->expireAccessTokens()}});
    }
    if (method == Method::Get && path == QLatin1String("/_sim/state")) {
        return stateAsJson();
    }
    if (method == Method::Post && path == QLatin1String("/_sim/pages")) {
        return signInPagesFromJson(request);
    }
    if (method == Method::Get && path == QLatin1String("/_sim/pages")) {
        return SimResponse::json(
            QJsonObject{{QStringLiteral("signInPages"), m_state->config.signInPages.toJson()}});
    }
    if (method == Method::Post && path == QLatin1String("/_sim/check-credentials")) {
        return checkCredentialsFromJson(request);
    }
    if (method == Method::Post && path == QLatin1String("/_sim/end-sessions")) {
        return endSessionsFromJson(request);
    }
    return SimResponse::adminError(
        404, QStringLiteral("No admin operation %1 %2; see GET /_sim/state.").arg(methodName(method), path));
}

SimResponse SsoSimulator::signInPagesFromJson(const SimRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        return SimResponse::adminError(
            400, QStringLiteral("POST /_sim/pages wants a JSON object of sign-in page settings, e.g. "
                                "{\"generation\": \"classic\"}."));
    }
    // Partial: what the object names changes, the rest stays.
    const Result<SimSignInSettings> settings =
        SimSignInSettings::fromJson(document.object(), m_state->config.signInPages);
    if (!settings) {
        return SimResponse::adminError(400, settings.error().message());
    }
    m_state->config.signInPages = settings.value();
    return SimResponse::json(QJsonObject{{QStringLiteral("signInPages"), settings->toJson()}});
}

QJsonObject SsoSimulator::checkRoleCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                                               const QString &sessionToken) const
{
    const SimRoleCredentials *issued =
        m_state->liveRoleCredentials(accessKeyId, secretAccessKey, sessionToken);
    if (!issued) {
        return QJsonObject{{QStringLiteral("valid"), false}};
    }
    return QJsonObject{{QStringLiteral("valid"), true},
                       {QStringLiteral("accountId"), issued->accountId},
                       {QStringLiteral("roleName"), issued->roleName},
                       {QStringLiteral("username"), issued->username},
                       {QStringLiteral("expiration"), issued->expiresAt.toMSecsSinceEpoch()}};
}

SimResponse SsoSimulator::checkCredentialsFromJson(const SimRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    return SimResponse::json(checkRoleCredentials(body.value(QStringLiteral("accessKeyId")).toString(),
                                                  body.value(QStringLiteral("secretAccessKey")).toString(),
                                                  body.value(QStringLiteral("sessionToken")).toString()));
}

SimResponse SsoSimulator::endSessionsFromJson(const SimRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonValue forget = document.object().value(QStringLiteral("rememberedDevices"));
    if ((!request.body.trimmed().isEmpty() && !document.isObject()) ||
        !(forget.isUndefined() || forget.isBool())) {
        return SimResponse::adminError(
            400, QStringLiteral("POST /_sim/end-sessions wants no body or {\"rememberedDevices\": true}."));
    }
    const int devices = forget.toBool() ? m_pages->sessions().rememberedDeviceCount() : 0;
    const int sessions = endBrowserSessions(forget.toBool());
    return SimResponse::json(QJsonObject{{QStringLiteral("endedSessions"), sessions},
                                         {QStringLiteral("forgottenDevices"), devices}});
}

SimResponse SsoSimulator::approveFromJson(const SimRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonObject body = document.object();
    const QString userCode = body.value(QStringLiteral("userCode")).toString();
    const QString authorizeUrl = body.value(QStringLiteral("authorizeUrl")).toString();
    const QJsonValue username = body.value(QStringLiteral("username"));
    if (!document.isObject() || userCode.isEmpty() == authorizeUrl.isEmpty() ||
        !(username.isUndefined() || username.isString())) {
        return SimResponse::adminError(
            400, QStringLiteral("POST /_sim/approve wants {\"userCode\": \"ABCD-EFGH\"} or "
                                "{\"authorizeUrl\": \"...\"}, and optionally "
                                "\"username\"."));
    }
    if (!userCode.isEmpty()) {
        const Result<QString> approved = approveDevice(userCode, username.toString());
        if (approved) {
            return SimResponse::json(QJsonObject{{QStringLiteral("approved"), true},
                                                 {QStringLiteral("username"), approved.value()}});
        }
        if (approved.error().kind() == SsoError::Kind::AuthFailed) {
            // A locked user: the approval happened and was a refusal.
            return SimResponse::json(QJsonObject{{QStringLiteral("approved"), false},
                                                 {QStringLiteral("error"), QStringLiteral("access_denied")},
                                                 {QStringLiteral("message"), approved.error().message()}});
        }
        return SimResponse::adminError(400, approved.error().message());
    }
    const Result<QUrl> redirect = approveAuthorization(QUrl(authorizeUrl), username.toString());
    if (!redirect) {
        return SimResponse::adminError(400, redirect.error().message());
    }
    return SimResponse::json(
        QJsonObject{{QStringLiteral("redirect"), redirect->toString(QUrl::FullyEncoded)}});
}

SimResponse SsoSimulator::stateAsJson() const
{
    QJsonObject requests;
    for (auto it = m_state->requestCounts.constBegin(); it != m_state->requestCounts.constEnd(); ++it) {
        requests.insert(it.key(), it.value());
    }
    int pendingDevices = 0;
    for (const SimDeviceAuthorization &authorization : std::as_const(m_state->deviceAuthorizations)) {
        pendingDevices += !authorization.redeemed && authorization.expiresAt > SimState::now() ? 1 : 0;
    }
    int liveAccessTokens = 0;
    for (const SimAccessToken &access : std::as_const(m_state->accessTokens)) {
        liveAccessTokens += access.expiresAt > SimState::now() ? 1 : 0;
    }
    int liveRefreshTokens = 0;
    for (const SimRefreshToken &refresh : std::as_const(m_state->refreshTokens)) {
        liveRefreshTokens += refresh.expiresAt > SimState::now() ? 1 : 0;
    }
    QJsonArray users;
    for (const SimulatorConfig::User &user : std::as_const(m_state->config.users)) {
        users.append(QJsonObject{{QStringLiteral("username"), user.username},
                                 {QStringLiteral("locked"), user.locked},
                                 {QStringLiteral("mfa"), SimulatorConfig::mfaName(user.mfa)},
                                 {QStringLiteral("identityProvider"),
                                  SimulatorConfig::identityProviderName(user.identityProvider)}});
    }
    return SimResponse::json(QJsonObject{
        {QStringLiteral("baseUrl"), m_state->baseUrl.toString()},
        {QStringLiteral("region"), m_state->config.region},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("clients"), int(m_state->clients.size())},
        {QStringLiteral("pendingDeviceAuthorizations"), pendingDevices},
        {QStringLiteral("pendingAuthorizations"), int(m_state->pendingAuthorizations.size())},
        {QStringLiteral("liveAccessTokens"), liveAccessTokens},
        {QStringLiteral("liveRefreshTokens"), liveRefreshTokens},
        {QStringLiteral("users"), users},
        {QStringLiteral("faults"), m_state->config.faults.toJson()},
        {QStringLiteral("signInPages"), m_state->config.signInPages.toJson()},
        {QStringLiteral("portalSessions"), m_pages->sessions().liveSessionCount()},
        {QStringLiteral("rememberedDevices"), m_pages->sessions().rememberedDeviceCount()},
        {QStringLiteral("phishing"), m_pages->phishingReport().toJson()},
    });
}
