#pragma once

#include "SessionStatus.h"
#include "SsoConfig.h"
#include "TokenCache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

// What the tray shows, derived in one place from the AWS config, the token cache, the clock and the
// logins under way: one entry per SSO session with its state line and profiles, plus the icon's state.
// Plain data, no widgets, so it is tested without a display.
class TrayMenuModel
{
    Q_DECLARE_TR_FUNCTIONS(TrayMenuModel)

public:
    // The icon's state, most urgent first when sessions disagree.
    enum class IconState
    {
        Busy,        // a login or refresh is under way
        Error,       // the last login failed, the config or a cache file is unreadable
        Expired,     // a session that was logged in has expired
        Expiring,    // a session expires within the warning lead time
        Valid,       // every session that is logged in is valid
        NotLoggedIn, // no session is logged in
    };

    // A login, refresh or logout the tray runs for a session, as the menu reports it.
    struct Activity
    {
        bool running = false;
        QString step;  // the login's last progress line
        QString error; // why the last attempt failed; cleared by the next success
    };

    struct Profile
    {
        QString name;
        QString accountId;
        QString roleName;
        QString label; // "dev  (111122223333 · ReadOnly)"
    };

    struct Session
    {
        QString id; // SsoSession::id()
        SsoSession session;
        QString title;     // "my-sso · portal.awsapps.com"
        QString stateText; // "valid until 18:20", "expires in 9 min", "signing in: Typing the password"...
        SessionStatus status;
        Activity activity;
        QList<Profile> profiles;
    };

    static TrayMenuModel build(const SsoConfig &config, const TokenCache &cache, const QDateTime &now,
                               qint64 warningLeadSeconds, const QHash<QString, Activity> &activities = {});

    const QList<Session> &sessions() const { return m_sessions; }
    const QList<SsoConfig::Problem> &problems() const { return m_problems; }
    const Session *session(const QString &id) const;
    const Session *sessionOfProfile(const QString &profileName) const;

    IconState iconState() const;
    // One line per session for the icon's tooltip.
    QString tooltip() const;

    // The state line of one session, in the user's language and time format.
    static QString stateText(const SessionStatus &status, const Activity &activity, const QDateTime &now);
    // "valid until 18:20" today, "valid until Tue 09:00" on another day, in local time.
    static QString localTimeText(const QDateTime &when, const QDateTime &now);

private:
    QList<Session> m_sessions;
    QList<SsoConfig::Problem> m_problems;
};
