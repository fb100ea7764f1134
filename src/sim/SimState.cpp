#include "SimState.h"

#include "SimRandom.h"

namespace {
const QString AccountAccessScope = QStringLiteral("sso:account:access");
const QString DeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
const QString RefreshTokenGrant = QStringLiteral("refresh_token");
} // namespace

bool SimClient::allowsGrant(const QString &grantType) const
{
    if (grantTypes.isEmpty()) {
        // Clients registered without grant types are the device flow's, as botocore registers them.
        return grantType == DeviceCodeGrant || grantType == RefreshTokenGrant;
    }
    return grantTypes.contains(grantType);
}

bool SimClient::earnsRefreshTokens() const
{
    return scopes.contains(AccountAccessScope);
}

QDateTime SimState::now()
{
    return QDateTime::currentDateTimeUtc();
}

SimDeviceAuthorization *SimState::deviceAuthorizationByUserCode(const QString &userCode)
{
    const QString wanted = userCode.trimmed().toUpper();
    for (auto it = deviceAuthorizations.begin(); it != deviceAuthorizations.end(); ++it) {
        if (it->userCode == wanted) {
            return &it.value();
        }
    }
    return nullptr;
}

SimState::IssuedTokens SimState::issueTokens(const QString &clientId, const QString &username,
                                             const QStringList &scopes, bool withRefreshToken)
{
    IssuedTokens issued;
    // The real service's tokens start with "aoa" (access) and "aor" (refresh).
    issued.access.token = SimRandom::token(QStringLiteral("aoa"), 48);
    issued.access.clientId = clientId;
    issued.access.username = username;
    issued.access.scopes = scopes;
    const SimulatorConfig::User *user = config.findUser(username);
    const int lifetime = user && user->accessTokenLifetimeSeconds > 0 ? user->accessTokenLifetimeSeconds
                                                                       : config.accessTokenLifetimeSeconds;
    issued.access.expiresAt = now().addSecs(lifetime);
    if (withRefreshToken) {
        SimRefreshToken refresh;
        refresh.token = SimRandom::token(QStringLiteral("aor"), 48);
        refresh.clientId = clientId;
        refresh.username = username;
        refresh.scopes = scopes;
        refresh.expiresAt = now().addSecs(config.refreshTokenLifetimeSeconds);
        refreshTokens.insert(refresh.token, refresh);
        issued.refreshToken = refresh.token;
        issued.access.refreshToken = refresh.token;
    }
    accessTokens.insert(issued.access.token, issued.access);
    return issued;
}

const SimAccessToken *SimState::liveAccessToken(const QString &token) const
{
    const auto it = accessTokens.constFind(token);
    if (token.isEmpty() || it == accessTokens.constEnd() || it->expiresAt <= now()) {
        return nullptr;
    }
    return &it.value();
}

const SimRefreshToken *SimState::liveRefreshToken(const QString &token) const
{
    const auto it = refreshTokens.constFind(token);
    if (token.isEmpty() || it == refreshTokens.constEnd() || it->expiresAt <= now()) {
        return nullptr;
    }
    return &it.value();
}

int SimState::revokeRefreshTokens()
{
    int live = 0;
    for (const SimRefreshToken &refresh : std::as_const(refreshTokens)) {
        live += refresh.expiresAt > now() ? 1 : 0;
    }
    refreshTokens.clear();
    return live;
}

int SimState::expireAccessTokens()
{
    int live = 0;
    // Expired rather than removed: a client sees the same 401 either way, and the records stay inspectable.
    const QDateTime past = now().addSecs(-1);
    for (SimAccessToken &access : accessTokens) {
        live += access.expiresAt > now() ? 1 : 0;
        access.expiresAt = qMin(access.expiresAt, past);
    }
    return live;
}

bool SimState::logout(const QString &accessToken)
{
    if (!liveAccessToken(accessToken)) {
        return false;
    }
    const SimAccessToken access = accessTokens.take(accessToken);
    refreshTokens.remove(access.refreshToken);
    return true;
}

const SimRoleCredentials *SimState::liveRoleCredentials(const QString &accessKeyId,
                                                        const QString &secretAccessKey,
                                                        const QString &sessionToken) const
{
    const auto found = roleCredentials.constFind(accessKeyId);
    if (found == roleCredentials.constEnd() || found->secretAccessKey != secretAccessKey ||
        found->sessionToken != sessionToken || found->expiresAt <= now()) {
        return nullptr;
    }
    return &found.value();
}
