#include "SimResponse.h"

#include <QHash>
#include <QJsonDocument>

namespace {

const QByteArray ErrorTypeHeader = QByteArrayLiteral("x-amzn-ErrorType");
const QByteArray JsonContentType = QByteArrayLiteral("application/json");

struct OidcErrorShape
{
    int status;
    const char *code; // the OAuth 2.0 error code in the body
};

// botocore's sso-oidc model gives the statuses; RFC 6749/8628 the codes.
const QHash<QString, OidcErrorShape> &oidcErrorShapes()
{
    static const QHash<QString, OidcErrorShape> shapes{
        {QStringLiteral("AuthorizationPendingException"), {400, "authorization_pending"}},
        {QStringLiteral("SlowDownException"), {400, "slow_down"}},
        {QStringLiteral("ExpiredTokenException"), {400, "expired_token"}},
        {QStringLiteral("AccessDeniedException"), {400, "access_denied"}},
        {QStringLiteral("InvalidGrantException"), {400, "invalid_grant"}},
        {QStringLiteral("InvalidRequestException"), {400, "invalid_request"}},
        {QStringLiteral("InvalidScopeException"), {400, "invalid_scope"}},
        {QStringLiteral("UnauthorizedClientException"), {400, "unauthorized_client"}},
        {QStringLiteral("UnsupportedGrantTypeException"), {400, "unsupported_grant_type"}},
        {QStringLiteral("InvalidClientMetadataException"), {400, "invalid_client_metadata"}},
        {QStringLiteral("InvalidRedirectUriException"), {400, "invalid_redirect_uri"}},
        {QStringLiteral("InvalidClientException"), {401, "invalid_client"}},
        {QStringLiteral("InternalServerException"), {500, "server_error"}},
        {QStringLiteral("UnknownOperationException"), {404, "invalid_request"}},
    };
    return shapes;
}

// botocore's sso model gives these, except ForbiddenException, which the real portal sends unmodelled
// ("An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access").
int portalErrorStatus(const QString &type)
{
    static const QHash<QString, int> statuses{
        {QStringLiteral("InvalidRequestException"), 400},
        {QStringLiteral("UnauthorizedException"), 401},
        {QStringLiteral("ForbiddenException"), 403},
        {QStringLiteral("ResourceNotFoundException"), 404},
        {QStringLiteral("UnknownOperationException"), 404},
        {QStringLiteral("TooManyRequestsException"), 429},
        {QStringLiteral("InternalServerException"), 500},
    };
    Q_ASSERT_X(statuses.contains(type), "SimResponse::portalError", "unknown portal error type");
    return statuses.value(type, 400);
}

// The x-amzn-ErrorType value for `type`, as the real services send it.
QByteArray errorTypeHeader(const QString &type)
{
    return type.toLatin1() +
           QByteArrayLiteral(":http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/");
}

} // namespace

SimResponse SimResponse::json(const QJsonObject &object, int status)
{
    SimResponse response;
    response.status = status;
    response.contentType = JsonContentType;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

SimResponse SimResponse::html(const QString &title, const QString &bodyHtml, int status)
{
    SimResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.body =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>"
                       "</head>\n<body>\n<h1>%1</h1>\n%2\n</body></html>\n")
            .arg(title.toHtmlEscaped(), bodyHtml)
            .toUtf8();
    return response;
}

SimResponse SimResponse::empty(int status)
{
    SimResponse response;
    response.status = status;
    return response;
}

SimResponse SimResponse::oidcError(const QString &type, const QString &description)
{
    Q_ASSERT_X(oidcErrorShapes().contains(type), "SimResponse::oidcError", "unknown OIDC error type");
    const OidcErrorShape shape = oidcErrorShapes().value(type, {400, "invalid_request"});
    SimResponse response = json(QJsonObject{{QStringLiteral("error"), QLatin1String(shape.code)},
                                            {QStringLiteral("error_description"), description}},
                                shape.status);
    response.headers.append({ErrorTypeHeader, errorTypeHeader(type)});
    return response;
}

SimResponse SimResponse::portalError(const QString &type, const QString &message)
{
    SimResponse response = json(QJsonObject{{QStringLiteral("message"), message}}, portalErrorStatus(type));
    response.headers.append({ErrorTypeHeader, errorTypeHeader(type)});
    return response;
}

SimResponse SimResponse::adminError(int status, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("message"), message}}, status);
}
