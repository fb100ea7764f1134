#pragma once

#include "SimulatorConfig.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

// A client registered with POST /client/register.
struct SimClient
{
    QString clientId;
    QString clientSecret;
    QString clientName;
    QStringList scopes;
    QStringList grantTypes; // empty: the device flow (device code and refresh grants)
    QStringList redirectUris;
    QString issuerUrl;
    QDateTime issuedAt;
    QDateTime secretExpiresAt;

    bool allowsGrant(const QString &grantType) const;
    // Only this scope earns a refresh token, as with the real service.
    bool earnsRefreshTokens() const;
};

// One POST /device_authorization, from issue to redemption.
struct SimDeviceAuthorization
{
    QString deviceCode;
    QString userCode;
    QString clientId;
    QString startUrl;
    QDateTime expiresAt;
    QDateTime lastPolledAt; // invalid before the first poll
    QString approvedBy;     // empty while pending
    bool denied = false;    // a locked user answered
    bool redeemed = false;  // a token was issued; the code is spent
};

// The query of one GET /authorize, validated.
struct SimAuthorizationRequest
{
    QString clientId;
    QString redirectUri;
    QString state;
    QString codeChallenge;
    QStringList scopes;
};

// An authorization code handed to the redirect URI, waiting for its PKCE verifier.
struct SimAuthorizationCode
{
    QString code;
    QString clientId;
    QString redirectUri;
    QString codeChallenge;
    QString username;
    QStringList scopes;
    QDateTime expiresAt;
};

struct SimAccessToken
{
    QString token;
    QString clientId;
    QString username;
    QStringList scopes;
    QString refreshToken; // issued together with this access token, if any
    QDateTime expiresAt;
};

struct SimRefreshToken
{
    QString token;
    QString clientId;
    QString username;
    QStringList scopes;
    QDateTime expiresAt;
};

// Role credentials handed out by GetRoleCredentials, remembered so the federation endpoint (and tests)
// can tell them from made-up ones.
struct SimRoleCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString accountId;
    QString roleName;
    QString username;
    QDateTime expiresAt;
};

// A console sign-in token from the federation endpoint's getSigninToken.
struct SimConsoleSignIn
{
    QString token;
    QString accountId;
    QString roleName;
    QString username;
    QDateTime expiresAt;
};

// Where the next page of a portal listing starts; nextToken is an opaque key to one of these.
struct SimPageCursor
{
    QString listing; // the request path
    QString accountId;
    int offset = 0;
};

// Everything the simulated service remembers: its configuration, where it listens, and the clients,
// codes and tokens it issued. Shared by the API handlers and the test hooks.
struct SimState
{
    SimulatorConfig config;
    QUrl baseUrl;

    QHash<QString, SimClient> clients;                           // by clientId
    QHash<QString, SimDeviceAuthorization> deviceAuthorizations; // by deviceCode
    QList<SimAuthorizationRequest> pendingAuthorizations;        // seen at GET /authorize, not approved yet
    QHash<QString, SimAuthorizationCode> authorizationCodes;     // by code
    QHash<QString, SimAccessToken> accessTokens;                 // by token
    QHash<QString, SimRefreshToken> refreshTokens;               // by token
    QHash<QString, SimPageCursor> pageCursors;                   // by nextToken
    QHash<QString, SimRoleCredentials> roleCredentials;          // by accessKeyId
    QHash<QString, SimConsoleSignIn> consoleSignIns;             // by sign-in token
    QMap<QString, int> requestCounts;                            // by path

    static QDateTime now();

    SimDeviceAuthorization *deviceAuthorizationByUserCode(const QString &userCode);

    struct IssuedTokens
    {
        SimAccessToken access;
        QString refreshToken; // empty when none was issued
    };
    IssuedTokens issueTokens(const QString &clientId, const QString &username, const QStringList &scopes,
                             bool withRefreshToken);
    // The access token if it exists and has not expired or been logged out; nullptr otherwise.
    const SimAccessToken *liveAccessToken(const QString &token) const;
    const SimRefreshToken *liveRefreshToken(const QString &token) const;
    // The issued, unexpired role credentials with exactly these three parts; nullptr otherwise.
    const SimRoleCredentials *liveRoleCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                                                  const QString &sessionToken) const;

    // Returns how many were live.
    int revokeRefreshTokens();
    int expireAccessTokens();
    // Ends the access token and the refresh token issued with it; false if it was not live.
    bool logout(const QString &accessToken);
};
