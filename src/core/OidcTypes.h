#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// Requests and answers of the SSO-OIDC API (reference section 4).

namespace OidcGrant {
inline const QString DeviceCode = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
inline const QString AuthorizationCode = QStringLiteral("authorization_code");
inline const QString RefreshToken = QStringLiteral("refresh_token");
} // namespace OidcGrant

struct RegisterClientRequest
{
    QString clientName;
    QStringList scopes;       // empty: none sent
    QStringList grantTypes;   // empty for the device flow
    QStringList redirectUris; // PKCE only
    QString issuerUrl;        // PKCE only: the start URL
};

struct DeviceAuthorization
{
    QString deviceCode;
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete;
    int expiresInSeconds = 0;
    int intervalSeconds = 5;
};

struct TokenRequest
{
    static TokenRequest forDeviceCode(const QString &clientId, const QString &clientSecret,
                                      const QString &deviceCode);
    static TokenRequest forAuthorizationCode(const QString &clientId, const QString &clientSecret,
                                             const QString &code, const QString &redirectUri,
                                             const QString &codeVerifier);
    static TokenRequest forRefreshToken(const QString &clientId, const QString &clientSecret,
                                        const QString &refreshToken);

    QString clientId;
    QString clientSecret;
    QString grantType;
    QString deviceCode;
    QString code;
    QString redirectUri;
    QString codeVerifier;
    QString refreshToken;
};

struct TokenResponse
{
    QString accessToken;
    QString tokenType;
    qint64 expiresInSeconds = 0;
    QString refreshToken;
    QString idToken;
};
