#pragma once

#include "OidcClient.h"
#include "Result.h"
#include "SsoSession.h"
#include "SsoToken.h"
#include "TokenCache.h"

#include <QObject>
#include <functional>

// Renews a session's access token with its refresh token, silently, and writes the cache as the CLI
// does (keeping the old refresh token when none comes back). On any failure the cache is untouched.
class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<SsoToken>)>;

    TokenRefresher(const TokenCache &cache, OidcClient *oidc, QObject *parent = nullptr);

    void refresh(const SsoSession &session, Callback callback);
    // A token the SDKs will accept: the cached one while it has more than the CLI's 15-minute margin,
    // else a refreshed one; a failed refresh still returns the cached token while it is unexpired.
    void ensureFresh(const SsoSession &session, Callback callback);

private:
    static QString loginHint(const SsoSession &session);
    void store(const SsoSession &session, const SsoToken &original, const TokenResponse &response,
               const Callback &callback);

    const TokenCache &m_cache;
    OidcClient *m_oidc;
};
