#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

// Decides, from the sessions' expiry times and the clock, when the tray refreshes a token silently,
// warns before expiry, logs in again by itself, or says that a session expired; each at most once per
// token. It re-plans from the wall clock on every wake-up, so sleep, resume and clock changes never
// leave a stale plan: a heartbeat catches up whatever a suspended timer missed.
class ExpiryScheduler : public QObject
{
    Q_OBJECT
public:
    enum class ActionKind
    {
        Refresh,       // refresh silently now (refresh token present)
        Warn,          // notify "expires in N min" with a "Log in now" action
        Relogin,       // log in again without the user (auto re-login is on)
        NotifyExpired, // notify that the session has expired
    };

    struct Action
    {
        ActionKind kind = ActionKind::Warn;
        QString sessionId;
        QDateTime expiresAt;

        bool operator==(const Action &other) const
        {
            return kind == other.kind && sessionId == other.sessionId && expiresAt == other.expiresAt;
        }
    };

    // What the scheduler needs to know of one session.
    struct SessionFacts
    {
        QString id;
        QDateTime expiresAt; // invalid when not logged in or unreadable
        bool canRefresh = false;
        bool autoRelogin = false;
    };

    // Refresh this long before the warning would come, so a refreshable session never warns.
    static constexpr qint64 RefreshMarginSeconds = 5 * 60;
    // At most one refresh request per session in this time (botocore waits as long).
    static constexpr qint64 RefreshRetrySeconds = 60;
    static constexpr int HeartbeatMs = 30 * 1000;

    explicit ExpiryScheduler(std::function<QDateTime()> clock, QObject *parent = nullptr);

    void setWarningLeadSeconds(qint64 seconds);

    // Replaces what is known of the sessions and plans again (emits what is due now).
    void update(const QList<SessionFacts> &sessions);
    // A refresh failed: this token goes the warning (or re-login) way instead.
    void refreshFailed(const QString &sessionId, const QDateTime &expiresAt);

    // What is due at `now`, remembered as asked for. Public for tests with a fake clock.
    QList<Action> takeDue(const QDateTime &now);
    // When something will next be due; invalid when nothing is planned.
    QDateTime nextDue(const QDateTime &now) const;

signals:
    void actionDue(const ExpiryScheduler::Action &action);
    // The wall clock moved differently from the time that passed (suspend, resume, clock change).
    void clockJumped();

private:
    struct Memory
    {
        QDateTime expiresAt; // the token the flags below are about
        bool warned = false;
        bool expiredNotified = false;
        bool refreshFailed = false;
        QDateTime lastRefreshRequest;
    };

    void wakeUp();
    void plan();
    Memory &memoryFor(const SessionFacts &facts);

    std::function<QDateTime()> m_clock;
    qint64 m_warningLeadSeconds = 15 * 60;
    QList<SessionFacts> m_sessions;
    QHash<QString, Memory> m_memory;
    QTimer m_timer;
    QTimer m_heartbeat;
    QElapsedTimer m_sinceLastWake;
    QDateTime m_lastWakeWallClock;
};
