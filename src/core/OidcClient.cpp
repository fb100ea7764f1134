#include "OidcClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>
#include <utility>

namespace {

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list) {
        array.append(item);
    }
    return array;
}

SsoError malformed(const QString &operation, const QString &missing)
{
    return SsoError(SsoError::Kind::Network,
                    QStringLiteral("The SSO sign-in service answered %1 without %2; try again later.")
                        .arg(operation, missing));
}

} // namespace

OidcClient::OidcClient(QUrl endpoint, HttpJsonClient *http, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_http(http)
{
}

QUrl OidcClient::operationUrl(const QString &path) const
{
    QUrl url = m_endpoint;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);
    return url;
}

SsoError OidcClient::errorFor(const HttpJsonClient::Reply &reply, const QString &operation)
{
    using Kind = SsoError::Kind;
    const QString &type = reply.errorType;
    const QString detail = reply.errorMessage.isEmpty() ? type : reply.errorMessage;
    auto make = [&](Kind kind, const QString &sentence) { return SsoError(kind, sentence, type); };

    if (type == QLatin1String("AuthorizationPendingException") || type == QLatin1String("authorization_pending")) {
        return make(Kind::UserAction, QStringLiteral("The sign-in has not been approved in the browser yet."));
    }
    if (type == QLatin1String("SlowDownException") || type == QLatin1String("slow_down")) {
        return make(Kind::Network, QStringLiteral("The SSO sign-in service asked to poll more slowly."));
    }
    if (type == QLatin1String("ExpiredTokenException") || type == QLatin1String("expired_token")) {
        return make(Kind::Timeout, QStringLiteral("The sign-in request expired before it was approved; "
                                                  "start the login again and approve it sooner."));
    }
    if (type == QLatin1String("AccessDeniedException") || type == QLatin1String("access_denied")) {
        return make(Kind::AuthFailed, QStringLiteral("The sign-in was denied (%1). Check the user and its "
                                                     "assignments in IAM Identity Center.")
                                          .arg(detail));
    }
    if (type == QLatin1String("InvalidGrantException") || type == QLatin1String("invalid_grant")) {
        return make(Kind::UserAction, QStringLiteral("The sign-in grant is no longer valid (%1); log in again.")
                                          .arg(detail));
    }
    if (type == QLatin1String("InvalidClientException") || type == QLatin1String("invalid_client")) {
        return make(Kind::AuthFailed,
                    QStringLiteral("The SSO sign-in service no longer accepts this app's client registration "
                                   "(%1); log in again to register anew.")
                        .arg(detail));
    }
    if (type == QLatin1String("InternalServerException") || reply.httpStatus >= 500) {
        return make(Kind::Network, QStringLiteral("The SSO sign-in service had an internal error during %1 "
                                                  "(HTTP %2); try again in a minute.")
                                       .arg(operation)
                                       .arg(reply.httpStatus));
    }
    // InvalidRequest, InvalidScope, UnauthorizedClient, UnsupportedGrantType, InvalidClientMetadata,
    // InvalidRedirectUri, InvalidRequestRegion: the request itself or the configuration is wrong.
    return make(Kind::Config, QStringLiteral("The SSO sign-in service rejected %1: %2 (%3). Check sso_start_url, "
                                             "sso_region and sso_registration_scopes in the AWS config.")
                                  .arg(operation, detail, type.isEmpty() ? QStringLiteral("HTTP %1").arg(reply.httpStatus)
                                                                         : type));
}

void OidcClient::registerClient(const RegisterClientRequest &request, Callback<ClientRegistration> callback)
{
    QJsonObject body{{QStringLiteral("clientName"), request.clientName},
                     {QStringLiteral("clientType"), QStringLiteral("public")}};
    if (!request.scopes.isEmpty()) {
        body.insert(QStringLiteral("scopes"), toJsonArray(request.scopes));
    }
    if (!request.grantTypes.isEmpty()) {
        body.insert(QStringLiteral("grantTypes"), toJsonArray(request.grantTypes));
    }
    if (!request.redirectUris.isEmpty()) {
        body.insert(QStringLiteral("redirectUris"), toJsonArray(request.redirectUris));
    }
    if (!request.issuerUrl.isEmpty()) {
        body.insert(QStringLiteral("issuerUrl"), request.issuerUrl);
    }
    m_http->postJson(operationUrl(QStringLiteral("/client/register")), body,
                     [request, callback = std::move(callback)](Result<HttpJsonClient::Reply> reply) {
                         callback(reply ? registrationFrom(*reply, request)
                                        : Result<ClientRegistration>(reply.error()));
                     });
}

void OidcClient::startDeviceAuthorization(const ClientRegistration &registration, const QString &startUrl,
                                          Callback<DeviceAuthorization> callback)
{
    const QJsonObject body{{QStringLiteral("clientId"), registration.clientId},
                           {QStringLiteral("clientSecret"), registration.clientSecret},
                           {QStringLiteral("startUrl"), startUrl}};
    m_http->postJson(operationUrl(QStringLiteral("/device_authorization")), body,
                     [callback = std::move(callback)](Result<HttpJsonClient::Reply> reply) {
                         callback(reply ? deviceAuthorizationFrom(*reply)
                                        : Result<DeviceAuthorization>(reply.error()));
                     });
}

void OidcClient::createToken(const TokenRequest &request, Callback<TokenResponse> callback)
{
    QJsonObject body{{QStringLiteral("clientId"), request.clientId},
                     {QStringLiteral("clientSecret"), request.clientSecret},
                     {QStringLiteral("grantType"), request.grantType}};
    const std::pair<const char *, const QString *> optionalFields[] = {
        {"deviceCode", &request.deviceCode},     {"code", &request.code},
        {"redirectUri", &request.redirectUri},   {"codeVerifier", &request.codeVerifier},
        {"refreshToken", &request.refreshToken},
    };
    for (const auto &[name, value] : optionalFields) {
        if (!value->isEmpty()) {
            body.insert(QLatin1String(name), *value);
        }
    }
    m_http->postJson(
        operationUrl(QStringLiteral("/token")), body,
        [callback = std::move(callback)](Result<HttpJsonClient::Reply> reply) {
            callback(reply ? tokenFrom(*reply) : Result<TokenResponse>(reply.error()));
        },
        // A refresh may be repeated; a device-code poll or code exchange has its own rules.
        request.grantType == OidcGrant::RefreshToken ? HttpJsonClient::Retry::Transient
                                                     : HttpJsonClient::Retry::Never);
}

Result<ClientRegistration> OidcClient::registrationFrom(const HttpJsonClient::Reply &reply,
                                                        const RegisterClientRequest &request)
{
    if (reply.isError()) {
        return errorFor(reply, QStringLiteral("the client registration"));
    }
    const QJsonObject &json = reply.body;
    ClientRegistration registration;
    registration.clientId = json.value(QStringLiteral("clientId")).toString();
    registration.clientSecret = json.value(QStringLiteral("clientSecret")).toString();
    const qint64 expires = json.value(QStringLiteral("clientSecretExpiresAt")).toVariant().toLongLong();
    if (registration.clientId.isEmpty() || registration.clientSecret.isEmpty() || expires <= 0) {
        return malformed(QStringLiteral("the client registration"),
                         QStringLiteral("clientId, clientSecret or clientSecretExpiresAt"));
    }
    registration.expiresAt = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    registration.scopes = request.scopes;
    registration.hasScopes = !request.scopes.isEmpty();
    registration.grantTypes = request.grantTypes;
    return registration;
}

Result<DeviceAuthorization> OidcClient::deviceAuthorizationFrom(const HttpJsonClient::Reply &reply)
{
    if (reply.isError()) {
        return errorFor(reply, QStringLiteral("the device authorization"));
    }
    const QJsonObject &json = reply.body;
    DeviceAuthorization authorization;
    authorization.deviceCode = json.value(QStringLiteral("deviceCode")).toString();
    authorization.userCode = json.value(QStringLiteral("userCode")).toString();
    authorization.verificationUri = QUrl(json.value(QStringLiteral("verificationUri")).toString());
    authorization.verificationUriComplete =
        QUrl(json.value(QStringLiteral("verificationUriComplete")).toString());
    authorization.expiresInSeconds = json.value(QStringLiteral("expiresIn")).toInt(600);
    authorization.intervalSeconds = json.value(QStringLiteral("interval")).toInt(5);
    if (authorization.deviceCode.isEmpty() || !authorization.verificationUriComplete.isValid()) {
        return malformed(QStringLiteral("the device authorization"),
                         QStringLiteral("deviceCode or verificationUriComplete"));
    }
    return authorization;
}

Result<TokenResponse> OidcClient::tokenFrom(const HttpJsonClient::Reply &reply)
{
    if (reply.isError()) {
        return errorFor(reply, QStringLiteral("the token request"));
    }
    const QJsonObject &json = reply.body;
    TokenResponse token;
    token.accessToken = json.value(QStringLiteral("accessToken")).toString();
    token.tokenType = json.value(QStringLiteral("tokenType")).toString();
    token.expiresInSeconds = json.value(QStringLiteral("expiresIn")).toVariant().toLongLong();
    token.refreshToken = json.value(QStringLiteral("refreshToken")).toString();
    token.idToken = json.value(QStringLiteral("idToken")).toString();
    if (token.accessToken.isEmpty() || token.expiresInSeconds <= 0) {
        return malformed(QStringLiteral("the token request"), QStringLiteral("accessToken or expiresIn"));
    }
    return token;
}

QUrl OidcClient::authorizeUrl(const QString &clientId, const QString &redirectUri, const QString &state,
                              const QString &codeChallenge, const QStringList &scopes) const
{
    QUrl url = operationUrl(QStringLiteral("/authorize"));
    QUrlQuery query;
    const auto encode = [](const QString &value) {
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), encode(clientId));
    query.addQueryItem(QStringLiteral("redirect_uri"), encode(redirectUri));
    query.addQueryItem(QStringLiteral("state"), encode(state));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("scopes"), encode(scopes.join(QLatin1Char(','))));
    query.addQueryItem(QStringLiteral("code_challenge"), encode(codeChallenge));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}
