#include "SessionStatus.h"

SessionStatus SessionStatus::evaluate(const SsoSession &session, const Result<std::optional<SsoToken>> &token,
                                      const QDateTime &now, qint64 expiringWindowSeconds)
{
    SessionStatus status;
    status.session = session;
    if (!token) {
        status.state = State::Unreadable;
        status.problem = token.error().message();
        return status;
    }
    if (!token.value().has_value()) {
        status.state = State::NotLoggedIn;
        return status;
    }
    const SsoToken &cached = *token.value();
    // A session whose start URL changed keeps the cache key of its name; the old token is not for it.
    if (!session.isLegacy() && !cached.startUrl.isEmpty() && cached.startUrl != session.startUrl) {
        status.state = State::NotLoggedIn;
        status.problem = QStringLiteral("The cached token is for %1, not %2; log in again.")
                             .arg(cached.startUrl, session.startUrl);
        return status;
    }
    status.expiresAt = cached.expiresAt;
    status.canRefresh = refreshable(cached, now);
    const qint64 left = now.secsTo(cached.expiresAt);
    if (left <= 0) {
        status.state = State::Expired;
    } else if (left < expiringWindowSeconds) {
        status.state = State::Expiring;
    } else {
        status.state = State::Valid;
    }
    return status;
}

bool SessionStatus::refreshable(const SsoToken &token, const QDateTime &now)
{
    if (token.refreshToken.isEmpty() || token.clientId.isEmpty() || token.clientSecret.isEmpty()) {
        return false;
    }
    return !token.registrationExpiresAt.isValid() || token.registrationExpiresAt > now;
}

QString SessionStatus::stateName() const
{
    switch (state) {
    case State::NotLoggedIn:
        return QStringLiteral("not-logged-in");
    case State::Valid:
        return QStringLiteral("valid");
    case State::Expiring:
        return QStringLiteral("expiring");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Unreadable:
        return QStringLiteral("unreadable");
    }
    return QStringLiteral("unknown");
}

qint64 SessionStatus::secondsLeft(const QDateTime &now) const
{
    return expiresAt.isValid() ? now.secsTo(expiresAt) : 0;
}
