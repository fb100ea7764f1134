#include "ProfilesCommand.h"

#include "AtomicFile.h"
#include "BlockingCall.h"
#include "ProfileGenerator.h"
#include "SsoServices.h"
#include "TokenRefresher.h"

#include <QCommandLineParser>

ProfilesCommand::ProfilesCommand(CommandContext &context)
    : m_context(context)
{}

int ProfilesCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("generate"),
                                 QStringLiteral("Write a profile per account and role."));
    parser.addOption({QStringLiteral("sso-session"),
                      QStringLiteral("The [sso-session NAME] to list roles of."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("name-template"),
         QStringLiteral("Profile names, from {account_id} {account_name} {role_name} {session}."),
         QStringLiteral("TEMPLATE"), ProfileGenerator::defaultNameTemplate()});
    parser.addOption({QStringLiteral("region"), QStringLiteral("Write region = R into each new profile."),
                      QStringLiteral("R")});
    parser.addOption({QStringLiteral("prune"),
                      QStringLiteral("Remove generated profiles whose account or role is gone.")});
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Print the change as a diff; write nothing.")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments() != QStringList{QStringLiteral("generate")}) {
        return m_context.usageError(QStringLiteral("profiles wants the subcommand generate."));
    }
    ProfileGenerator::Options options;
    options.sessionName = parser.value(QStringLiteral("sso-session"));
    options.nameTemplate = parser.value(QStringLiteral("name-template"));
    options.region = parser.value(QStringLiteral("region"));
    options.prune = parser.isSet(QStringLiteral("prune"));
    if (options.sessionName.isEmpty()) {
        return m_context.usageError(QStringLiteral("profiles generate needs --sso-session NAME."));
    }
    if (const Status valid = ProfileGenerator::checkNameTemplate(options.nameTemplate); !valid) {
        return m_context.usageError(valid.error().message());
    }
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    const Result<SsoSession> session = config.value()->session(options.sessionName);
    if (!session) {
        return m_context.fail(session.error());
    }
    auto services =
        SsoServices::create(config.value()->file(), session.value(), nullptr, m_context.environment());
    if (!services) {
        return m_context.fail(services.error());
    }
    TokenRefresher refresher(m_context.cache(), &services.value()->oidc());
    const Result<SsoToken> token =
        blockingCall<SsoToken>([&](auto done) { refresher.ensureFresh(session.value(), std::move(done)); });
    if (!token) {
        return m_context.fail(token.error());
    }
    ProfileGenerator generator(&services.value()->portal());
    const Result<QList<ProfileGenerator::Assignment>> assignments =
        blockingCall<QList<ProfileGenerator::Assignment>>(
            [&](auto done) { generator.listAssignments(token->accessToken, std::move(done)); });
    if (!assignments) {
        return m_context.fail(assignments.error());
    }

    // Read again: the config may have changed while the portal answered.
    const QString path = config.value()->file().path();
    const Result<QByteArray> text = AwsConfigFile::readParsableText(path);
    if (!text) {
        return m_context.fail(text.error());
    }
    const Result<ProfileGenerator::Plan> plan = ProfileGenerator::plan(
        text.value(), config.value()->file().sourceName(), assignments.value(), options);
    if (!plan) {
        return m_context.fail(plan.error());
    }
    using Kind = ProfileGenerator::Change::Kind;
    for (const ProfileGenerator::Change &change : plan->changes) {
        const QString role = QStringLiteral("%1 in %2").arg(change.roleName, change.accountId);
        switch (change.kind) {
        case Kind::Added:
            m_context.out() << (parser.isSet(QStringLiteral("dry-run")) ? "would add " : "added ")
                            << change.profileName << " (" << role << ")\n";
            break;
        case Kind::Removed:
            m_context.out() << (parser.isSet(QStringLiteral("dry-run")) ? "would remove " : "removed ")
                            << change.profileName << " (" << role << " is no longer assigned)\n";
            break;
        case Kind::Unchanged:
            break;
        case Kind::Conflict:
            m_context.err() << "aws-sso-tray: skipped profile \"" << change.profileName << "\" for " << role
                            << ": " << change.reason << '\n';
            break;
        }
    }
    const QString summary = QStringLiteral("%1 added, %2 already there, %3 skipped, %4 removed")
                                .arg(plan->count(Kind::Added))
                                .arg(plan->count(Kind::Unchanged))
                                .arg(plan->count(Kind::Conflict))
                                .arg(plan->count(Kind::Removed));
    if (parser.isSet(QStringLiteral("dry-run"))) {
        m_context.out() << plan->diff << "Dry run, nothing written: " << summary << ".\n";
        return 0;
    }
    if (plan->changesFile()) {
        const Status written = AtomicFile::replace(path, plan->updatedText);
        if (!written) {
            return m_context.fail(written.error());
        }
    }
    m_context.out() << (plan->changesFile() ? "Updated " : "No change to ")
                    << config.value()->file().sourceName() << ": " << summary << ".\n";
    return 0;
}
