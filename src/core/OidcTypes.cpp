#include "OidcTypes.h"

TokenRequest TokenRequest::forDeviceCode(const QString &clientId, const QString &clientSecret,
                                         const QString &deviceCode)
{
    TokenRequest request;
    request.clientId = clientId;
    request.clientSecret = clientSecret;
    request.grantType = OidcGrant::DeviceCode;
    request.deviceCode = deviceCode;
    return request;
}

TokenRequest TokenRequest::forAuthorizationCode(const QString &clientId, const QString &clientSecret,
                                                const QString &code, const QString &redirectUri,
                                                const QString &codeVerifier)
{
    TokenRequest request;
    request.clientId = clientId;
    request.clientSecret = clientSecret;
    request.grantType = OidcGrant::AuthorizationCode;
    request.code = code;
    request.redirectUri = redirectUri;
    request.codeVerifier = codeVerifier;
    return request;
}

TokenRequest TokenRequest::forRefreshToken(const QString &clientId, const QString &clientSecret,
                                           const QString &refreshToken)
{
    TokenRequest request;
    request.clientId = clientId;
    request.clientSecret = clientSecret;
    request.grantType = OidcGrant::RefreshToken;
    request.refreshToken = refreshToken;
    return request;
}
