#include "StatusCommand.h"

#include "CacheTime.h"
#include "SessionStatus.h"
#include "SsoClock.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QString durationText(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    if (hours > 0) {
        return QStringLiteral("%1 h %2 min").arg(hours).arg(minutes);
    }
    if (minutes > 0) {
        return QStringLiteral("%1 min").arg(minutes);
    }
    return QStringLiteral("%1 s").arg(seconds);
}

QString stateText(const SessionStatus &status, const QDateTime &now)
{
    const QString localExpiry =
        QLocale::c().toString(status.expiresAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    switch (status.state) {
    case SessionStatus::State::NotLoggedIn:
        return status.problem.isEmpty() ? QStringLiteral("not logged in") : status.problem;
    case SessionStatus::State::Valid:
    case SessionStatus::State::Expiring:
        return QStringLiteral("%1 until %2 (%3 left)%4")
            .arg(status.state == SessionStatus::State::Valid ? QStringLiteral("valid")
                                                             : QStringLiteral("expiring"),
                 localExpiry, durationText(status.secondsLeft(now)),
                 status.canRefresh ? QStringLiteral(", refreshes silently") : QString());
    case SessionStatus::State::Expired:
        return QStringLiteral("expired at %1%2")
            .arg(localExpiry, status.canRefresh ? QStringLiteral(", refreshes silently") : QString());
    case SessionStatus::State::Unreadable:
        return QStringLiteral("cache unreadable: %1").arg(status.problem);
    }
    return {};
}

} // namespace

StatusCommand::StatusCommand(CommandContext &context)
    : m_context(context)
{}

int StatusCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    // For the shell completions: the names in the config, one a line.
    QCommandLineOption names(QStringLiteral("names"), QStringLiteral("List profile or sso-session names."),
                             QStringLiteral("profiles|sessions"));
    names.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(names);
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return m_context.usageError(QStringLiteral("status takes no arguments."));
    }
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    if (parser.isSet(names)) {
        return printNames(config.value()->file(), parser.value(names));
    }
    const QDateTime now = SsoClock::now();
    QJsonArray sessionsJson;
    QString text;
    for (const SsoSession &session : config.value()->sessions()) {
        const SessionStatus status =
            SessionStatus::evaluate(session, m_context.cache().readToken(session), now);
        const QList<SsoProfile> profiles = config.value()->profilesOf(session);
        QJsonArray profilesJson;
        QStringList profileTexts;
        for (const SsoProfile &profile : profiles) {
            profilesJson.append(QJsonObject{{QStringLiteral("name"), profile.name},
                                            {QStringLiteral("accountId"), profile.accountId},
                                            {QStringLiteral("roleName"), profile.roleName},
                                            {QStringLiteral("region"), profile.region}});
            profileTexts.append(
                profile.hasRole()
                    ? QStringLiteral("%1 (%2, %3)").arg(profile.name, profile.accountId, profile.roleName)
                    : profile.name);
        }
        QJsonObject sessionJson{
            {QStringLiteral("name"), session.isLegacy() ? QJsonValue() : QJsonValue(session.name)},
            {QStringLiteral("startUrl"), session.startUrl},
            {QStringLiteral("region"), session.region},
            {QStringLiteral("state"), status.stateName()},
            {QStringLiteral("expiresAt"),
             status.expiresAt.isValid() ? QJsonValue(CacheTime::format(status.expiresAt)) : QJsonValue()},
            {QStringLiteral("secondsLeft"),
             status.expiresAt.isValid() ? QJsonValue(status.secondsLeft(now)) : QJsonValue()},
            {QStringLiteral("canRefresh"), status.canRefresh},
            {QStringLiteral("problem"), status.problem.isEmpty() ? QJsonValue() : QJsonValue(status.problem)},
            {QStringLiteral("cacheFile"), m_context.cache().tokenPath(session)},
            {QStringLiteral("profiles"), profilesJson}};
        sessionsJson.append(sessionJson);
        text += QStringLiteral("%1 %2 (%3)\n  %4\n")
                    .arg(session.isLegacy() ? QStringLiteral("Start URL") : QStringLiteral("SSO session"),
                         session.isLegacy() ? session.startUrl : session.name,
                         session.isLegacy() ? session.region
                                            : session.startUrl + QStringLiteral(", ") + session.region,
                         stateText(status, now));
        if (!profileTexts.isEmpty()) {
            text += QStringLiteral("  profiles: %1\n").arg(profileTexts.join(QStringLiteral(", ")));
        }
    }
    QJsonArray problemsJson;
    for (const SsoConfig::Problem &problem : config.value()->problems()) {
        problemsJson.append(QJsonObject{{QStringLiteral("profile"), problem.profileName},
                                        {QStringLiteral("message"), problem.message}});
        text += QStringLiteral("Problem in %1: %2\n").arg(problem.profileName, problem.message);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject root{{QStringLiteral("configFile"), config.value()->file().path()},
                               {QStringLiteral("sessions"), sessionsJson},
                               {QStringLiteral("problems"), problemsJson}};
        m_context.out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (sessionsJson.isEmpty() && problemsJson.isEmpty()) {
        m_context.out() << QStringLiteral("No SSO profiles in %1. Add one with 'aws configure sso'.\n")
                               .arg(config.value()->file().sourceName());
        return 0;
    }
    m_context.out() << text;
    return 0;
}

int StatusCommand::printNames(const AwsConfigFile &file, const QString &which)
{
    if (which != QLatin1String("profiles") && which != QLatin1String("sessions")) {
        return m_context.usageError(QStringLiteral("--names wants profiles or sessions."));
    }
    const QString kind =
        which == QLatin1String("profiles") ? QStringLiteral("profile") : QStringLiteral("sso-session");
    for (const AwsConfigFile::Section &section : file.sections()) {
        if (section.kind == kind) {
            m_context.out() << section.name << '\n';
        }
    }
    return 0;
}
