#include "SimOidcApi.h"

#include "SimRandom.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace {

const QString DeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
const QString AuthorizationCodeGrant = QStringLiteral("authorization_code");
const QString RefreshTokenGrant = QStringLiteral("refresh_token");

// Polls this much early still count as on time: client timers and the network are not exact.
constexpr int PollToleranceMs = 250;
constexpr int AuthorizationCodeLifetimeSeconds = 600;

SimResponse invalidRequest(const QString &description)
{
    return SimResponse::oidcError(QStringLiteral("InvalidRequestException"), description);
}

SimResponse invalidGrant(const QString &description)
{
    return SimResponse::oidcError(QStringLiteral("InvalidGrantException"), description);
}

std::optional<QJsonObject> jsonBody(const SimRequest &request, SimResponse &refusal)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        refusal = invalidRequest(QStringLiteral("The request body must be a JSON object."));
        return std::nullopt;
    }
    return document.object();
}

// A string member that must be there; sets the InvalidRequestException answer when it is not.
bool requireString(const QJsonObject &body, const QString &key, QString &target, SimResponse &refusal)
{
    const QJsonValue value = body.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        refusal = invalidRequest(QStringLiteral("%1 is required and must be a non-empty string.").arg(key));
        return false;
    }
    target = value.toString();
    return true;
}

// An optional list of strings; sets the InvalidRequestException answer when it has another type.
bool optionalStringList(const QJsonObject &body, const QString &key, QStringList &target,
                        SimResponse &refusal)
{
    if (!body.contains(key)) {
        return true;
    }
    const QJsonValue value = body.value(key);
    bool allStrings = value.isArray();
    for (const QJsonValue &item : value.toArray()) {
        allStrings = allStrings && item.isString();
        target.append(item.toString());
    }
    if (!allStrings) {
        refusal = invalidRequest(QStringLiteral("%1 must be a list of strings.").arg(key));
    }
    return allStrings;
}

bool isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

// RFC 8252 section 7.3: a loopback redirect URI matches on any port.
bool redirectUriMatches(const QString &registered, const QString &given)
{
    const QUrl expected(registered);
    const QUrl actual(given);
    if (expected == actual) {
        return true;
    }
    return expected.scheme() == QLatin1String("http") && SimRequest::isLoopbackHost(expected.host()) &&
           expected.port() == -1 && expected.adjusted(QUrl::RemovePort) == actual.adjusted(QUrl::RemovePort);
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString percentEncoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl withQuery(QUrl url, const QList<QPair<QString, QString>> &items)
{
    QUrlQuery query(url);
    for (const auto &[key, value] : items) {
        query.addQueryItem(key, percentEncoded(value));
    }
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

SsoError authorizationError(const QString &code, const QString &description)
{
    return SsoError(SsoError::Kind::Usage, QStringLiteral("%1: %2").arg(code, description));
}

} // namespace

SimOidcApi::SimOidcApi(SimState &state)
    : m_state(state)
{}

const SimClient *SimOidcApi::authenticate(const QString &clientId, const QString &clientSecret,
                                          SimResponse &refusal) const
{
    const auto it = m_state.clients.constFind(clientId);
    if (it == m_state.clients.constEnd()) {
        refusal = SimResponse::oidcError(QStringLiteral("InvalidClientException"),
                                         QStringLiteral("Client %1 is not registered.").arg(clientId));
        return nullptr;
    }
    if (it->clientSecret != clientSecret) {
        refusal =
            SimResponse::oidcError(QStringLiteral("InvalidClientException"),
                                   QStringLiteral("Invalid client secret for client %1.").arg(clientId));
        return nullptr;
    }
    if (it->secretExpiresAt <= SimState::now()) {
        refusal = SimResponse::oidcError(
            QStringLiteral("InvalidClientException"),
            QStringLiteral("The client secret of client %1 has expired.").arg(clientId));
        return nullptr;
    }
    return &it.value();
}

SimResponse SimOidcApi::registerClient(const SimRequest &request)
{
    SimResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body) {
        return refusal;
    }
    SimClient client;
    QString clientType;
    if (!requireString(*body, QStringLiteral("clientName"), client.clientName, refusal) ||
        !requireString(*body, QStringLiteral("clientType"), clientType, refusal) ||
        !optionalStringList(*body, QStringLiteral("scopes"), client.scopes, refusal) ||
        !optionalStringList(*body, QStringLiteral("grantTypes"), client.grantTypes, refusal) ||
        !optionalStringList(*body, QStringLiteral("redirectUris"), client.redirectUris, refusal)) {
        return refusal;
    }
    if (clientType != QLatin1String("public")) {
        return SimResponse::oidcError(
            QStringLiteral("InvalidClientMetadataException"),
            QStringLiteral("clientType must be \"public\", not \"%1\".").arg(clientType));
    }
    static const QRegularExpression scopeShape(QStringLiteral("^[A-Za-z0-9_.*-]+(:[A-Za-z0-9_.*-]+)+$"));
    for (const QString &scope : std::as_const(client.scopes)) {
        if (!scopeShape.match(scope).hasMatch()) {
            return SimResponse::oidcError(QStringLiteral("InvalidScopeException"),
                                          QStringLiteral("Invalid scope \"%1\".").arg(scope));
        }
    }
    for (const QString &grant : std::as_const(client.grantTypes)) {
        if (grant != DeviceCodeGrant && grant != AuthorizationCodeGrant && grant != RefreshTokenGrant) {
            return SimResponse::oidcError(QStringLiteral("UnsupportedGrantTypeException"),
                                          QStringLiteral("Unsupported grant type \"%1\".").arg(grant));
        }
    }
    for (const QString &uri : std::as_const(client.redirectUris)) {
        if (!isWebUrl(uri) ||
            (QUrl(uri).scheme() == QLatin1String("http") && !SimRequest::isLoopbackHost(QUrl(uri).host()))) {
            return SimResponse::oidcError(
                QStringLiteral("InvalidRedirectUriException"),
                QStringLiteral("Invalid redirect URI \"%1\": use https, or http on a "
                               "loopback address.")
                    .arg(uri));
        }
    }
    const bool pkce = client.grantTypes.contains(AuthorizationCodeGrant);
    if (pkce && client.redirectUris.isEmpty()) {
        return SimResponse::oidcError(
            QStringLiteral("InvalidRedirectUriException"),
            QStringLiteral("A client for the authorization_code grant needs redirectUris."));
    }
    if (body->contains(QStringLiteral("issuerUrl"))) {
        client.issuerUrl = body->value(QStringLiteral("issuerUrl")).toString();
        if (!isWebUrl(client.issuerUrl)) {
            return invalidRequest(QStringLiteral("issuerUrl must be an http(s) URL."));
        }
    }

    // Shaped like the real ids: random, then the base64 of the region.
    client.clientId = SimRandom::token(QString(), 16) +
                      QString::fromLatin1(m_state.config.region.toLatin1().toBase64(
                          QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    client.clientSecret = SimRandom::token(QString(), 96);
    client.issuedAt = SimState::now();
    client.secretExpiresAt = client.issuedAt.addSecs(m_state.config.clientSecretLifetimeSeconds);
    m_state.clients.insert(client.clientId, client);

    QJsonObject answer{
        {QStringLiteral("clientId"), client.clientId},
        {QStringLiteral("clientSecret"), client.clientSecret},
        {QStringLiteral("clientIdIssuedAt"), client.issuedAt.toSecsSinceEpoch()},
        {QStringLiteral("clientSecretExpiresAt"), client.secretExpiresAt.toSecsSinceEpoch()},
    };
    if (pkce) {
        answer.insert(QStringLiteral("authorizationEndpoint"),
                      QString(m_state.baseUrl.toString() + QStringLiteral("/authorize")));
        answer.insert(QStringLiteral("tokenEndpoint"),
                      QString(m_state.baseUrl.toString() + QStringLiteral("/token")));
    }
    return SimResponse::json(answer);
}

SimResponse SimOidcApi::startDeviceAuthorization(const SimRequest &request)
{
    SimResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body) {
        return refusal;
    }
    QString clientId;
    QString clientSecret;
    QString startUrl;
    if (!requireString(*body, QStringLiteral("clientId"), clientId, refusal) ||
        !requireString(*body, QStringLiteral("clientSecret"), clientSecret, refusal)) {
        return refusal;
    }
    const SimClient *client = authenticate(clientId, clientSecret, refusal);
    if (!client) {
        return refusal;
    }
    if (!requireString(*body, QStringLiteral("startUrl"), startUrl, refusal)) {
        return refusal;
    }
    if (!isWebUrl(startUrl)) {
        return invalidRequest(QStringLiteral("startUrl must be an http(s) URL, not \"%1\".").arg(startUrl));
    }
    if (!client->allowsGrant(DeviceCodeGrant)) {
        return SimResponse::oidcError(
            QStringLiteral("UnauthorizedClientException"),
            QStringLiteral("Client %1 is not registered for the device code grant.").arg(clientId));
    }

    SimDeviceAuthorization authorization;
    authorization.deviceCode = SimRandom::token(QString(), 48);
    do {
        authorization.userCode = SimRandom::userCode();
    } while (m_state.deviceAuthorizationByUserCode(authorization.userCode));
    authorization.clientId = clientId;
    authorization.startUrl = startUrl;
    authorization.expiresAt = SimState::now().addSecs(m_state.config.deviceCodeLifetimeSeconds);
    m_state.deviceAuthorizations.insert(authorization.deviceCode, authorization);

    const QString verificationUri = m_state.baseUrl.toString() + QStringLiteral("/device");
    const QString verificationUriComplete =
        verificationUri + QStringLiteral("?user_code=") + authorization.userCode;
    return SimResponse::json(QJsonObject{
        {QStringLiteral("deviceCode"), authorization.deviceCode},
        {QStringLiteral("userCode"), authorization.userCode},
        {QStringLiteral("verificationUri"), verificationUri},
        {QStringLiteral("verificationUriComplete"), verificationUriComplete},
        {QStringLiteral("expiresIn"), m_state.config.deviceCodeLifetimeSeconds},
        {QStringLiteral("interval"), m_state.config.pollIntervalSeconds},
    });
}

SimResponse SimOidcApi::createToken(const SimRequest &request)
{
    SimResponse refusal;
    const std::optional<QJsonObject> body = jsonBody(request, refusal);
    if (!body) {
        return refusal;
    }
    QString clientId;
    QString clientSecret;
    QString grantType;
    if (!requireString(*body, QStringLiteral("clientId"), clientId, refusal) ||
        !requireString(*body, QStringLiteral("clientSecret"), clientSecret, refusal) ||
        !requireString(*body, QStringLiteral("grantType"), grantType, refusal)) {
        return refusal;
    }
    const SimClient *client = authenticate(clientId, clientSecret, refusal);
    if (!client) {
        return refusal;
    }
    if (grantType != DeviceCodeGrant && grantType != AuthorizationCodeGrant &&
        grantType != RefreshTokenGrant) {
        return SimResponse::oidcError(QStringLiteral("UnsupportedGrantTypeException"),
                                      QStringLiteral("Unsupported grant type \"%1\".").arg(grantType));
    }
    if (!client->allowsGrant(grantType)) {
        return SimResponse::oidcError(
            QStringLiteral("UnauthorizedClientException"),
            QStringLiteral("Client %1 is not registered for the %2 grant.").arg(clientId, grantType));
    }
    if (grantType == DeviceCodeGrant) {
        return deviceCodeGrant(*client, *body);
    }
    if (grantType == AuthorizationCodeGrant) {
        return authorizationCodeGrant(*client, *body);
    }
    return refreshTokenGrant(*client, *body);
}

SimResponse SimOidcApi::deviceCodeGrant(const SimClient &client, const QJsonObject &body)
{
    SimResponse refusal;
    QString deviceCode;
    if (!requireString(body, QStringLiteral("deviceCode"), deviceCode, refusal)) {
        return refusal;
    }
    const auto found = m_state.deviceAuthorizations.find(deviceCode);
    if (found == m_state.deviceAuthorizations.end() || found->clientId != client.clientId) {
        return invalidGrant(QStringLiteral("Invalid device code provided."));
    }
    SimDeviceAuthorization &authorization = found.value();
    const QDateTime now = SimState::now();
    if (m_state.config.faults.expireDeviceCodes || authorization.expiresAt <= now) {
        return SimResponse::oidcError(QStringLiteral("ExpiredTokenException"),
                                      QStringLiteral("Device code has expired."));
    }
    const QDateTime previousPoll = authorization.lastPolledAt;
    authorization.lastPolledAt = now;
    if (m_state.config.faults.slowDown > 0) {
        --m_state.config.faults.slowDown;
        return SimResponse::oidcError(QStringLiteral("SlowDownException"),
                                      QStringLiteral("Client is polling too fast."));
    }
    if (authorization.redeemed) {
        return invalidGrant(QStringLiteral("The device code has already been used."));
    }
    if (authorization.denied) {
        return SimResponse::oidcError(QStringLiteral("AccessDeniedException"),
                                      QStringLiteral("The user denied the authorization request."));
    }
    if (!authorization.approvedBy.isEmpty()) {
        authorization.redeemed = true;
        return tokenAnswer(m_state.issueTokens(client.clientId, authorization.approvedBy, client.scopes,
                                               client.earnsRefreshTokens()));
    }
    // Only a pending code is told to slow down: once approved, the token is ready whenever asked for.
    const qint64 minimumGapMs = qint64(m_state.config.pollIntervalSeconds) * 1000 - PollToleranceMs;
    if (previousPoll.isValid() && previousPoll.msecsTo(now) < minimumGapMs) {
        return SimResponse::oidcError(QStringLiteral("SlowDownException"),
                                      QStringLiteral("Client is polling too fast."));
    }
    return SimResponse::oidcError(QStringLiteral("AuthorizationPendingException"),
                                  QStringLiteral("Authorization is still pending."));
}

SimResponse SimOidcApi::authorizationCodeGrant(const SimClient &client, const QJsonObject &body)
{
    SimResponse refusal;
    QString code;
    QString redirectUri;
    QString codeVerifier;
    if (!requireString(body, QStringLiteral("code"), code, refusal) ||
        !requireString(body, QStringLiteral("redirectUri"), redirectUri, refusal) ||
        !requireString(body, QStringLiteral("codeVerifier"), codeVerifier, refusal)) {
        return refusal;
    }
    if (!m_state.authorizationCodes.contains(code)) {
        return invalidGrant(QStringLiteral("Invalid authorization code provided."));
    }
    // A code is good for one attempt, right or wrong (RFC 6749 section 4.1.2).
    const SimAuthorizationCode grant = m_state.authorizationCodes.take(code);
    if (grant.clientId != client.clientId) {
        return invalidGrant(QStringLiteral("The authorization code was issued to another client."));
    }
    if (grant.expiresAt <= SimState::now()) {
        return invalidGrant(QStringLiteral("The authorization code has expired."));
    }
    if (redirectUri != grant.redirectUri) {
        return invalidGrant(
            QStringLiteral("redirectUri does not match the redirect_uri given to /authorize."));
    }
    if (s256(codeVerifier) != grant.codeChallenge) {
        return invalidGrant(
            QStringLiteral("codeVerifier does not match the code_challenge given to /authorize."));
    }
    return tokenAnswer(
        m_state.issueTokens(client.clientId, grant.username, grant.scopes, client.earnsRefreshTokens()));
}

SimResponse SimOidcApi::refreshTokenGrant(const SimClient &client, const QJsonObject &body)
{
    SimResponse refusal;
    QString refreshToken;
    if (!requireString(body, QStringLiteral("refreshToken"), refreshToken, refusal)) {
        return refusal;
    }
    if (m_state.config.faults.revokeRefreshTokens) {
        return invalidGrant(QStringLiteral("The refresh token has been revoked."));
    }
    const SimRefreshToken *live = m_state.liveRefreshToken(refreshToken);
    if (!live || live->clientId != client.clientId) {
        return invalidGrant(QStringLiteral("Invalid refresh token provided."));
    }
    const SimRefreshToken old = *live;
    if (m_state.config.rotateRefreshTokens) {
        m_state.refreshTokens.remove(old.token);
        return tokenAnswer(m_state.issueTokens(client.clientId, old.username, old.scopes, true));
    }
    SimState::IssuedTokens issued = m_state.issueTokens(client.clientId, old.username, old.scopes, false);
    // The old refresh token lives on; logging out with the new access token must end it too.
    m_state.accessTokens[issued.access.token].refreshToken = old.token;
    return tokenAnswer(issued);
}

SimResponse SimOidcApi::tokenAnswer(const SimState::IssuedTokens &issued) const
{
    QJsonObject answer{
        {QStringLiteral("accessToken"), issued.access.token},
        {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
        {QStringLiteral("expiresIn"), SimState::now().secsTo(issued.access.expiresAt)},
    };
    if (!issued.refreshToken.isEmpty()) {
        answer.insert(QStringLiteral("refreshToken"), issued.refreshToken);
    }
    return SimResponse::json(answer);
}

Result<SimAuthorizationRequest> SimOidcApi::parseAuthorization(const QUrlQuery &query) const
{
    const auto value = [&query](const char *key) {
        return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    SimAuthorizationRequest authorization;
    authorization.clientId = value("client_id");
    authorization.redirectUri = value("redirect_uri");
    authorization.state = value("state");
    authorization.codeChallenge = value("code_challenge");
    const auto client = m_state.clients.constFind(authorization.clientId);
    if (client == m_state.clients.constEnd()) {
        return authorizationError(
            QStringLiteral("invalid_client"),
            QStringLiteral("client_id \"%1\" is not a registered client.").arg(authorization.clientId));
    }
    if (!client->allowsGrant(AuthorizationCodeGrant)) {
        return authorizationError(QStringLiteral("unauthorized_client"),
                                  QStringLiteral("client %1 is registered for the device flow, not for the "
                                                 "authorization_code grant.")
                                      .arg(authorization.clientId));
    }
    const bool knownRedirect = std::any_of(
        client->redirectUris.cbegin(), client->redirectUris.cend(),
        [&](const QString &registered) { return redirectUriMatches(registered, authorization.redirectUri); });
    if (!knownRedirect) {
        return authorizationError(
            QStringLiteral("invalid_request"),
            QStringLiteral("redirect_uri \"%1\" is not one of the client's redirectUris (%2).")
                .arg(authorization.redirectUri, client->redirectUris.join(QStringLiteral(", "))));
    }
    if (value("response_type") != QLatin1String("code")) {
        return authorizationError(
            QStringLiteral("unsupported_response_type"),
            QStringLiteral("response_type must be \"code\", not \"%1\".").arg(value("response_type")));
    }
    if (value("code_challenge_method") != QLatin1String("S256")) {
        return authorizationError(QStringLiteral("invalid_request"),
                                  QStringLiteral("code_challenge_method must be \"S256\", not \"%1\".")
                                      .arg(value("code_challenge_method")));
    }
    static const QRegularExpression challengeShape(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    if (!challengeShape.match(authorization.codeChallenge).hasMatch()) {
        return authorizationError(
            QStringLiteral("invalid_request"),
            QStringLiteral("code_challenge must be the 43-character base64url SHA-256 of the "
                           "verifier."));
    }
    static const QRegularExpression scopeSeparators(QStringLiteral("[ ,]+"));
    authorization.scopes = value("scopes").split(scopeSeparators, Qt::SkipEmptyParts);
    for (const QString &scope : std::as_const(authorization.scopes)) {
        if (!client->scopes.contains(scope)) {
            return authorizationError(QStringLiteral("invalid_scope"),
                                      QStringLiteral("scope \"%1\" was not registered for client %2.")
                                          .arg(scope, authorization.clientId));
        }
    }
    return authorization;
}

void SimOidcApi::rememberAuthorization(const SimAuthorizationRequest &authorization)
{
    auto &pending = m_state.pendingAuthorizations;
    pending.erase(std::remove_if(pending.begin(), pending.end(),
                                 [&](const SimAuthorizationRequest &other) {
                                     return other.clientId == authorization.clientId &&
                                            other.state == authorization.state;
                                 }),
                  pending.end());
    pending.append(authorization);
}

Result<const SimulatorConfig::User *> SimOidcApi::resolveUser(const QString &username) const
{
    const SimulatorConfig::User *user = m_state.config.findUser(username);
    if (!user) {
        return SsoError(SsoError::Kind::Usage,
                        QStringLiteral("The simulator has no user \"%1\".").arg(username));
    }
    return user;
}

Result<QString> SimOidcApi::approveDevice(const QString &userCode, const QString &username)
{
    const Result<const SimulatorConfig::User *> user = resolveUser(username);
    if (!user) {
        return user.error();
    }
    SimDeviceAuthorization *authorization = m_state.deviceAuthorizationByUserCode(userCode);
    if (!authorization) {
        return SsoError(SsoError::Kind::UserAction,
                        QStringLiteral("No device authorization has the user code \"%1\".").arg(userCode));
    }
    if (m_state.config.faults.expireDeviceCodes || authorization->expiresAt <= SimState::now()) {
        return SsoError(SsoError::Kind::Timeout,
                        QStringLiteral("The user code %1 has expired.").arg(authorization->userCode));
    }
    if (authorization->redeemed) {
        return SsoError(
            SsoError::Kind::UserAction,
            QStringLiteral("The user code %1 was already used for a token.").arg(authorization->userCode));
    }
    if (user.value()->locked) {
        authorization->denied = true;
        return SsoError(SsoError::Kind::AuthFailed,
                        QStringLiteral("User %1 is locked; the sign-in for %2 is denied.")
                            .arg(user.value()->username, authorization->userCode));
    }
    authorization->approvedBy = user.value()->username;
    return user.value()->username;
}

Result<QUrl> SimOidcApi::approveAuthorization(const QUrl &authorizeUrl, const QString &username)
{
    const Result<SimAuthorizationRequest> authorization = parseAuthorization(QUrlQuery(authorizeUrl));
    if (!authorization) {
        return authorization.error();
    }
    const Result<const SimulatorConfig::User *> user = resolveUser(username);
    if (!user) {
        return user.error();
    }
    auto &pending = m_state.pendingAuthorizations;
    pending.erase(std::remove_if(pending.begin(), pending.end(),
                                 [&](const SimAuthorizationRequest &other) {
                                     return other.clientId == authorization->clientId &&
                                            other.state == authorization->state;
                                 }),
                  pending.end());
    const QUrl redirect(authorization->redirectUri);
    if (user.value()->locked) {
        return withQuery(redirect, {{QStringLiteral("error"), QStringLiteral("access_denied")},
                                    {QStringLiteral("error_description"),
                                     QStringLiteral("User %1 is locked.").arg(user.value()->username)},
                                    {QStringLiteral("state"), authorization->state}});
    }
    SimAuthorizationCode grant;
    grant.code = SimRandom::token(QString(), 32);
    grant.clientId = authorization->clientId;
    grant.redirectUri = authorization->redirectUri;
    grant.codeChallenge = authorization->codeChallenge;
    grant.username = user.value()->username;
    grant.scopes = authorization->scopes;
    grant.expiresAt = SimState::now().addSecs(AuthorizationCodeLifetimeSeconds);
    m_state.authorizationCodes.insert(grant.code, grant);
    return withQuery(redirect,
                     {{QStringLiteral("code"), grant.code}, {QStringLiteral("state"), authorization->state}});
}
