#pragma once

#include "Result.h"
#include "SsoSession.h"
#include "SsoToken.h"

#include <QDateTime>
#include <optional>

// Where one SSO session stands at a moment: what the menu, `status` and the scheduler show.
struct SessionStatus
{
    enum class State {
        NotLoggedIn,    // no token file, or one for another start URL
        Valid,          // more than the warning window left
        Expiring,       // valid, but less than the warning window left
        Expired,        // expiresAt <= now (the SDKs allow no grace)
        Unreadable,     // the token file exists but cannot be used; see problem
    };

    // The CLI's login fetchers treat a token as stale this early; the tray warns in this window too.
    static constexpr qint64 DefaultExpiringWindowSeconds = 15 * 60;

    SsoSession session;
    State state = State::NotLoggedIn;
    QDateTime expiresAt;        // UTC; invalid when there is no token
    bool canRefresh = false;    // a refresh token and an unexpired client registration are cached
    QString problem;            // why a token is unreadable or unusable

    static SessionStatus evaluate(const SsoSession &session, const Result<std::optional<SsoToken>> &token,
                                  const QDateTime &now,
                                  qint64 expiringWindowSeconds = DefaultExpiringWindowSeconds);
    // Whether the token can be refreshed silently: refresh token, client id/secret, registration valid.
    static bool refreshable(const SsoToken &token, const QDateTime &now);

    bool isUsable() const { return state == State::Valid || state == State::Expiring; }
    // "not-logged-in", "valid", "expiring", "expired", "unreadable": stable names for --json.
    QString stateName() const;
    qint64 secondsLeft(const QDateTime &now) const;
};
