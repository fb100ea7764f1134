#include "ExpiryScheduler.h"

#include <algorithm>

namespace {
// A wall-clock step larger than this between two wake-ups is a suspend, resume or clock change.
constexpr qint64 ClockJumpToleranceMs = 60 * 1000;
} // namespace

ExpiryScheduler::ExpiryScheduler(std::function<QDateTime()> clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ExpiryScheduler::wakeUp);
    m_heartbeat.setInterval(HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &ExpiryScheduler::wakeUp);
    m_heartbeat.start();
    m_sinceLastWake.start();
    m_lastWakeWallClock = m_clock();
}

void ExpiryScheduler::setWarningLeadSeconds(qint64 seconds)
{
    m_warningLeadSeconds = std::max<qint64>(60, seconds);
    plan();
}

void ExpiryScheduler::update(const QList<SessionFacts> &sessions)
{
    m_sessions = sessions;
    // Forget sessions that left the config, so a session added back later starts afresh.
    for (auto it = m_memory.begin(); it != m_memory.end();) {
        const bool known = std::any_of(sessions.cbegin(), sessions.cend(),
                                       [&it](const SessionFacts &facts) { return facts.id == it.key(); });
        it = known ? std::next(it) : m_memory.erase(it);
    }
    wakeUp();
}

void ExpiryScheduler::refreshFailed(const QString &sessionId, const QDateTime &expiresAt)
{
    Memory &memory = m_memory[sessionId];
    if (memory.expiresAt == expiresAt) {
        memory.refreshFailed = true;
    }
    wakeUp();
}

ExpiryScheduler::Memory &ExpiryScheduler::memoryFor(const SessionFacts &facts)
{
    const bool firstSight = !m_memory.contains(facts.id);
    Memory &memory = m_memory[facts.id];
    if (memory.expiresAt != facts.expiresAt) {
        // A new token (or none): everything said about the old one is void.
        memory = Memory{};
        memory.expiresAt = facts.expiresAt;
        // A token already expired when first seen (at start-up, or written expired by another tool) is
        // shown by the icon; a notification would only be noise.
        if (firstSight && facts.expiresAt.isValid() && facts.expiresAt <= m_clock()) {
            memory.expiredNotified = true;
        }
    }
    return memory;
}

QList<ExpiryScheduler::Action> ExpiryScheduler::takeDue(const QDateTime &now)
{
    QList<Action> due;
    for (const SessionFacts &facts : std::as_const(m_sessions)) {
        Memory &memory = memoryFor(facts);
        if (!facts.expiresAt.isValid()) {
            continue;
        }
        const qint64 secondsLeft = now.secsTo(facts.expiresAt);
        const bool refreshable = facts.canRefresh && !memory.refreshFailed;
        if (refreshable) {
            const bool retryAllowed = !memory.lastRefreshRequest.isValid() ||
                                      memory.lastRefreshRequest.secsTo(now) >= RefreshRetrySeconds ||
                                      memory.lastRefreshRequest > now; // the clock went back
            if (secondsLeft <= m_warningLeadSeconds + RefreshMarginSeconds && retryAllowed) {
                memory.lastRefreshRequest = now;
                due.append({ActionKind::Refresh, facts.id, facts.expiresAt});
            }
            continue;
        }
        if (secondsLeft > 0) {
            // Strictly less, as SessionStatus counts a session as expiring: the warning and the menu's
            // "expires in" appear together.
            if (secondsLeft < m_warningLeadSeconds && !memory.warned) {
                memory.warned = true;
                due.append(
                    {facts.autoRelogin ? ActionKind::Relogin : ActionKind::Warn, facts.id, facts.expiresAt});
            }
        } else if (!memory.expiredNotified) {
            memory.expiredNotified = true;
            memory.warned = true;
            due.append({ActionKind::NotifyExpired, facts.id, facts.expiresAt});
        }
    }
    return due;
}

QDateTime ExpiryScheduler::nextDue(const QDateTime &now) const
{
    QDateTime next;
    const auto consider = [&next, &now](const QDateTime &when) {
        const QDateTime bounded = std::max(when, now);
        if (!next.isValid() || bounded < next) {
            next = bounded;
        }
    };
    for (const SessionFacts &facts : m_sessions) {
        const auto it = m_memory.constFind(facts.id);
        if (!facts.expiresAt.isValid() || it == m_memory.constEnd()) {
            continue;
        }
        const Memory &memory = it.value();
        if (facts.canRefresh && !memory.refreshFailed) {
            QDateTime when = facts.expiresAt.addSecs(-(m_warningLeadSeconds + RefreshMarginSeconds));
            if (memory.lastRefreshRequest.isValid()) {
                when = std::max(when, memory.lastRefreshRequest.addSecs(RefreshRetrySeconds));
            }
            consider(when);
        } else if (!memory.warned) {
            consider(facts.expiresAt.addSecs(-m_warningLeadSeconds));
        } else if (!memory.expiredNotified) {
            consider(facts.expiresAt);
        }
    }
    return next;
}

void ExpiryScheduler::wakeUp()
{
    const QDateTime now = m_clock();
    const qint64 wallElapsed = m_lastWakeWallClock.msecsTo(now);
    const qint64 monotonicElapsed = m_sinceLastWake.restart();
    m_lastWakeWallClock = now;
    if (std::abs(wallElapsed - monotonicElapsed) > ClockJumpToleranceMs) {
        emit clockJumped();
    }
    const QList<Action> due = takeDue(now);
    for (const Action &action : due) {
        emit actionDue(action);
    }
    plan();
}

void ExpiryScheduler::plan()
{
    const QDateTime now = m_clock();
    const QDateTime next = nextDue(now);
    if (!next.isValid()) {
        m_timer.stop();
        return;
    }
    // Timers count awake time only: the heartbeat bounds how late a wake-up after a suspend can be.
    const qint64 delayMs = std::clamp<qint64>(now.msecsTo(next), 0, HeartbeatMs);
    m_timer.start(static_cast<int>(delayMs) + 50);
}
