#include "ExportCredentialsCommand.h"

#include "AwsConfigFile.h"
#include "BlockingCall.h"
#include "CacheTime.h"
#include "CredentialsFileExport.h"

#include <QCommandLineParser>

ExportCredentialsCommand::ExportCredentialsCommand(CommandContext &context)
    : m_context(context)
{}

int ExportCredentialsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("profile"), QStringLiteral("Export only this profile."), QStringLiteral("NAME")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("profile")) && parser.value(QStringLiteral("profile")).isEmpty()) {
        return m_context.usageError(QStringLiteral("--profile wants a profile name."));
    }
    if (!parser.positionalArguments().isEmpty()) {
        return m_context.usageError(
            QStringLiteral("export-credentials takes no arguments besides --profile."));
    }
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    CredentialsFileExport exporter(*config.value(), m_context.cache(),
                                   AwsConfigFile::credentialsPath(m_context.environment()),
                                   m_context.environment());
    const Result<CredentialsFileExport::Report> report = blockingCall<CredentialsFileExport::Report>(
        [&](auto done) { exporter.sync(std::move(done), parser.value(QStringLiteral("profile"))); });
    if (!report) {
        return m_context.fail(report.error());
    }
    using Kind = CredentialsFileExport::Outcome::Kind;
    int exitCode = 0;
    for (const CredentialsFileExport::Outcome &outcome : report->outcomes) {
        switch (outcome.kind) {
        case Kind::Written:
            m_context.out() << "wrote " << outcome.profileName << " (expires "
                            << CacheTime::format(outcome.expiration) << ")\n";
            break;
        case Kind::Kept:
            m_context.out() << "kept " << outcome.profileName << " (expires "
                            << CacheTime::format(outcome.expiration) << ")\n";
            break;
        case Kind::Removed:
            m_context.out() << "removed " << outcome.profileName << "\n";
            break;
        case Kind::Conflict:
        case Kind::Failed:
            // Every profile gets its say; the exit code is the first failure's.
            m_context.err() << "aws-sso-tray: " << outcome.profileName << ": " << outcome.error.message()
                            << Qt::endl;
            exitCode = exitCode ? exitCode : outcome.error.exitCode();
            break;
        }
    }
    if (report->outcomes.isEmpty()) {
        m_context.out() << "No profile has " << CredentialsFileExport::optionKey() << " = true.\n";
    }
    if (report->nextRefresh.isValid()) {
        m_context.out() << "Next refresh due at " << CacheTime::format(report->nextRefresh) << ".\n";
    }
    return exitCode;
}
