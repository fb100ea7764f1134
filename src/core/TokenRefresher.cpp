#include "TokenRefresher.h"

#include "CacheTime.h"
#include "SessionStatus.h"
#include "SsoClock.h"

#include <QPointer>

TokenRefresher::TokenRefresher(const TokenCache &cache, OidcClient *oidc, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_oidc(oidc)
{}

void TokenRefresher::refresh(const SsoSession &session, Callback callback)
{
    const Result<std::optional<SsoToken>> cached = m_cache.readToken(session);
    if (!cached) {
        callback(cached.error());
        return;
    }
    const QString hint = loginHint(session);
    if (!cached.value()) {
        callback(SsoError(
            SsoError::Kind::UserAction,
            QStringLiteral("SSO session %1 is not logged in; run %2.").arg(session.displayName(), hint)));
        return;
    }
    const SsoToken original = *cached.value();
    if (!SessionStatus::refreshable(original, SsoClock::now())) {
        callback(
            SsoError(SsoError::Kind::UserAction,
                     QStringLiteral("SSO session %1 cannot be refreshed silently (no refresh token, or its "
                                    "client registration expired); run %2.")
                         .arg(session.displayName(), hint)));
        return;
    }
    const TokenRequest request =
        TokenRequest::forRefreshToken(original.clientId, original.clientSecret, original.refreshToken);
    m_oidc->createToken(request, [self = QPointer<TokenRefresher>(this), session, original, hint,
                                  callback = std::move(callback)](const Result<TokenResponse> &response) {
        if (!self) {
            return;
        }
        if (!response) {
            const SsoError &error = response.error();
            if (error.kind() == SsoError::Kind::UserAction || error.kind() == SsoError::Kind::AuthFailed) {
                callback(SsoError(SsoError::Kind::UserAction,
                                  QStringLiteral("SSO session %1 could not be refreshed: %2 Run %3.")
                                      .arg(session.displayName(), error.message(), hint),
                                  error.serviceErrorType()));
            } else if (error.serviceErrorType() == QLatin1String("SlowDownException")) {
                // "poll more slowly" is the device flow's wording; for a refresh it is throttling.
                callback(
                    SsoError(SsoError::Kind::Network,
                             QStringLiteral("SSO session %1 could not be refreshed: the SSO sign-in service "
                                            "is throttling requests; try again in a minute.")
                                 .arg(session.displayName()),
                             error.serviceErrorType()));
            } else {
                callback(error);
            }
            return;
        }
        self->store(session, original, response.value(), callback);
    });
}

QString TokenRefresher::loginHint(const SsoSession &session)
{
    return session.isLegacy() ? QStringLiteral("aws-sso-tray login --profile <a profile with this start URL>")
                              : QStringLiteral("aws-sso-tray login --sso-session %1").arg(session.name);
}

void TokenRefresher::ensureFresh(const SsoSession &session, Callback callback)
{
    const QDateTime now = SsoClock::now();
    const Result<std::optional<SsoToken>> cached = m_cache.readToken(session);
    const SessionStatus status = SessionStatus::evaluate(session, cached, now);
    switch (status.state) {
    case SessionStatus::State::Unreadable:
        callback(cached.error());
        return;
    case SessionStatus::State::NotLoggedIn:
        callback(SsoError(
            SsoError::Kind::UserAction,
            QStringLiteral("SSO session %1 is not logged in%2; run %3.")
                .arg(session.displayName(),
                     status.problem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(status.problem),
                     loginHint(session))));
        return;
    case SessionStatus::State::Valid:
        callback(*cached.value());
        return;
    case SessionStatus::State::Expiring:
    case SessionStatus::State::Expired:
        break;
    }
    if (!status.canRefresh) {
        if (status.state == SessionStatus::State::Expiring) {
            callback(*cached.value());
            return;
        }
        callback(SsoError(
            SsoError::Kind::UserAction,
            QStringLiteral("The SSO session %1 expired at %2 and cannot be refreshed silently; run %3.")
                .arg(session.displayName(), CacheTime::format(status.expiresAt), loginHint(session))));
        return;
    }
    const SsoToken current = *cached.value();
    refresh(session, [current, callback = std::move(callback)](Result<SsoToken> refreshed) {
        if (!refreshed && current.expiresAt > SsoClock::now()) {
            callback(current);
            return;
        }
        callback(std::move(refreshed));
    });
}

void TokenRefresher::store(const SsoSession &session, const SsoToken &original, const TokenResponse &response,
                           const Callback &callback)
{
    SsoToken renewed = original;
    renewed.accessToken = response.accessToken;
    renewed.expiresAt = SsoClock::now().addSecs(response.expiresInSeconds);
    if (!response.refreshToken.isEmpty()) {
        renewed.refreshToken = response.refreshToken;
    }
    // Another tool (aws sso login, a second refresher) may have written a newer token meanwhile;
    // keep whichever lasts longer rather than clobbering it.
    const Result<std::optional<SsoToken>> current = m_cache.readToken(session);
    if (current && current.value() && current.value()->accessToken != original.accessToken &&
        current.value()->expiresAt >= renewed.expiresAt) {
        callback(*current.value());
        return;
    }
    const Status written = m_cache.writeToken(session, renewed);
    if (!written) {
        callback(written.error());
        return;
    }
    callback(renewed);
}
