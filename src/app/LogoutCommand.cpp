#include "LogoutCommand.h"

#include "BlockingCall.h"
#include "SsoServices.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

LogoutCommand::LogoutCommand(CommandContext &context)
    : m_context(context)
{}

int LogoutCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("sso-session"), QStringLiteral("Log out this sso-session."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("profile"), QStringLiteral("Log out the session of this profile."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("Log out every session (the default).")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    const int selectors = int(parser.isSet(QStringLiteral("sso-session"))) +
                          int(parser.isSet(QStringLiteral("profile"))) +
                          int(parser.isSet(QStringLiteral("all")));
    if (selectors > 1) {
        return m_context.usageError(QStringLiteral("logout takes one of --sso-session, --profile or --all."));
    }
    if (selectors == 0 || parser.isSet(QStringLiteral("all"))) {
        return logoutAll();
    }
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    if (parser.isSet(QStringLiteral("profile"))) {
        const Result<SsoProfile> profile = config.value()->profile(parser.value(QStringLiteral("profile")));
        if (!profile) {
            return m_context.fail(profile.error());
        }
        return logoutSession(profile->session, &profile.value());
    }
    const Result<SsoSession> session = config.value()->session(parser.value(QStringLiteral("sso-session")));
    if (!session) {
        return m_context.fail(session.error());
    }
    return logoutSession(session.value(), nullptr);
}

void LogoutCommand::endPortalSession(const SsoSession &session, const SsoProfile *profile,
                                     const QString &accessToken)
{
    const Result<const SsoConfig *> config = m_context.config();
    const AwsConfigFile emptyFile;
    auto services = SsoServices::create(config ? config.value()->file() : emptyFile, session, profile,
                                        m_context.environment());
    if (!services) {
        m_context.err() << "aws-sso-tray: warning: " << services.error().message() << Qt::endl;
        return;
    }
    const Status portal = blockingCall<Done>(
        [&](auto done) { services.value()->portal().logout(accessToken, std::move(done)); });
    // An already invalid token means the portal session is over anyway.
    if (!portal && portal.error().serviceErrorType() != QLatin1String("UnauthorizedException")) {
        m_context.err() << "aws-sso-tray: warning: the portal did not confirm the logout of "
                        << session.displayName() << ": " << portal.error().message() << Qt::endl;
    }
}

int LogoutCommand::logoutSession(const SsoSession &session, const SsoProfile *profile)
{
    const Result<std::optional<SsoToken>> token = m_context.cache().readToken(session);
    if (token && !token.value()) {
        m_context.err() << "SSO session " << session.displayName() << " was not logged in." << Qt::endl;
        return 0;
    }
    if (token) {
        endPortalSession(session, profile, token.value()->accessToken);
    }
    const Status removed = m_context.cache().removeToken(session);
    if (!removed) {
        return m_context.fail(removed.error());
    }
    m_context.err() << "Logged out of " << session.displayName() << '.' << Qt::endl;
    return 0;
}

int LogoutCommand::logoutAll()
{
    // Every token in the cache, including those of sessions no longer in the config, as the CLI does.
    QDir directory(m_context.cache().directory());
    const QStringList files = directory.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const QString accessToken = json.value(QStringLiteral("accessToken")).toString();
        if (accessToken.isEmpty()) {
            continue;
        }
        SsoSession session;
        session.startUrl = json.value(QStringLiteral("startUrl")).toString();
        session.region = json.value(QStringLiteral("region")).toString();
        if (!session.region.isEmpty()) {
            endPortalSession(session, nullptr, accessToken);
        }
    }
    const Result<QStringList> removed = m_context.cache().removeAllTokens();
    if (!removed) {
        return m_context.fail(removed.error());
    }
    removeCliCredentialCache();
    m_context.err() << (removed->isEmpty()
                            ? QStringLiteral("No SSO session was logged in.")
                            : QStringLiteral("Logged out of %1 SSO session(s).").arg(removed->size()))
                    << Qt::endl;
    return 0;
}

void LogoutCommand::removeCliCredentialCache()
{
    // `aws sso logout` also drops the role credentials the CLI cached from SSO.
    QDir directory(QDir::homePath() + QStringLiteral("/.aws/cli/cache"));
    for (const QString &name : directory.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        if (json.value(QStringLiteral("ProviderType")).toString() == QLatin1String("sso")) {
            QFile::remove(directory.filePath(name));
        }
    }
}
