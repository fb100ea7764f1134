#include "TrayMenuModel.h"

#include <QLocale>
#include <QUrl>

namespace {

QString hostOf(const QString &startUrl)
{
    const QUrl url(startUrl);
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

TrayMenuModel TrayMenuModel::build(const SsoConfig &config, const TokenCache &cache, const QDateTime &now,
                                   qint64 warningLeadSeconds, const QHash<QString, Activity> &activities)
{
    TrayMenuModel model;
    model.m_problems = config.problems();
    for (const SsoSession &ssoSession : config.sessions()) {
        Session entry;
        entry.id = ssoSession.id();
        entry.session = ssoSession;
        entry.title = ssoSession.isLegacy()
                          ? hostOf(ssoSession.startUrl)
                          : QStringLiteral("%1 · %2").arg(ssoSession.name, hostOf(ssoSession.startUrl));
        entry.status =
            SessionStatus::evaluate(ssoSession, cache.readToken(ssoSession), now, warningLeadSeconds);
        entry.activity = activities.value(entry.id);
        entry.stateText = stateText(entry.status, entry.activity, now);
        for (const SsoProfile &profile : config.profilesOf(ssoSession)) {
            Profile item;
            item.name = profile.name;
            item.accountId = profile.accountId;
            item.roleName = profile.roleName;
            item.label =
                profile.hasRole()
                    ? QStringLiteral("%1  (%2 · %3)").arg(profile.name, profile.accountId, profile.roleName)
                    : profile.name;
            entry.profiles.append(item);
        }
        model.m_sessions.append(entry);
    }
    return model;
}

const TrayMenuModel::Session *TrayMenuModel::session(const QString &id) const
{
    for (const Session &entry : m_sessions) {
        if (entry.id == id) {
            return &entry;
        }
    }
    return nullptr;
}

const TrayMenuModel::Session *TrayMenuModel::sessionOfProfile(const QString &profileName) const
{
    for (const Session &entry : m_sessions) {
        for (const Profile &profile : entry.profiles) {
            if (profile.name == profileName) {
                return &entry;
            }
        }
    }
    return nullptr;
}

TrayMenuModel::IconState TrayMenuModel::iconState() const
{
    bool error = !m_problems.isEmpty();
    bool expired = false;
    bool expiring = false;
    bool valid = false;
    for (const Session &entry : m_sessions) {
        if (entry.activity.running) {
            return IconState::Busy;
        }
        error = error || !entry.activity.error.isEmpty() ||
                entry.status.state == SessionStatus::State::Unreadable;
        expired = expired || entry.status.state == SessionStatus::State::Expired;
        expiring = expiring || entry.status.state == SessionStatus::State::Expiring;
        valid = valid || entry.status.state == SessionStatus::State::Valid;
    }
    if (error) {
        return IconState::Error;
    }
    if (expired) {
        return IconState::Expired;
    }
    if (expiring) {
        return IconState::Expiring;
    }
    return valid ? IconState::Valid : IconState::NotLoggedIn;
}

QString TrayMenuModel::tooltip() const
{
    if (m_sessions.isEmpty()) {
        return tr("AWS SSO: no SSO profiles configured");
    }
    QStringList lines{tr("AWS SSO")};
    for (const Session &entry : m_sessions) {
        lines.append(QStringLiteral("%1: %2").arg(entry.session.displayName(), entry.stateText));
    }
    return lines.join(QLatin1Char('\n'));
}

QString TrayMenuModel::localTimeText(const QDateTime &when, const QDateTime &now)
{
    const QLocale locale;
    const QDateTime local = when.toLocalTime();
    // The locale's short time, without seconds even where its short format has them (the C locale).
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    const QString time = locale.toString(local.time(), format);
    if (local.date() == now.toLocalTime().date()) {
        return time;
    }
    return QStringLiteral("%1 %2").arg(locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat), time);
}

QString TrayMenuModel::stateText(const SessionStatus &status, const Activity &activity, const QDateTime &now)
{
    if (activity.running) {
        return activity.step.isEmpty() ? tr("signing in…") : tr("signing in: %1").arg(activity.step);
    }
    if (!activity.error.isEmpty() && !status.isUsable()) {
        return tr("login failed: %1").arg(activity.error);
    }
    switch (status.state) {
    case SessionStatus::State::NotLoggedIn:
        return tr("not logged in");
    case SessionStatus::State::Valid:
        return tr("valid until %1").arg(localTimeText(status.expiresAt, now));
    case SessionStatus::State::Expiring: {
        const qint64 minutes = (status.secondsLeft(now) + 59) / 60;
        return tr("expires in %n min", nullptr, static_cast<int>(minutes));
    }
    case SessionStatus::State::Expired:
        return tr("expired");
    case SessionStatus::State::Unreadable:
        return tr("cache file unreadable: %1").arg(status.problem);
    }
    return {};
}
