#include "CredentialsCommand.h"

#include "CacheTime.h"
#include "PythonJson.h"
#include "RoleCredentialsFetch.h"

#include <QCommandLineParser>

CredentialsCommand::CredentialsCommand(CommandContext &context)
    : m_context(context)
{}

int CredentialsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("The SSO profile whose role credentials to print."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("login"),
                      QStringLiteral("Sign in (as login --profile NAME does) when no silent path is left.")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    const QString profileName = parser.value(QStringLiteral("profile"));
    if (profileName.isEmpty()) {
        return m_context.usageError(QStringLiteral("credentials needs --profile NAME."));
    }
    const Result<RoleCredentialsFetch::Fetched> fetched =
        RoleCredentialsFetch(m_context).run(profileName, parser.isSet(QStringLiteral("login")));
    if (!fetched) {
        return m_context.fail(fetched.error());
    }
    const RoleCredentials &credentials = fetched->credentials;
    // The credential_process format (reference section 7), in the documented order; Version is the integer 1.
    const PythonJson::OrderedObject output{
        {QStringLiteral("Version"), 1},
        {QStringLiteral("AccessKeyId"), credentials.accessKeyId},
        {QStringLiteral("SecretAccessKey"), credentials.secretAccessKey},
        {QStringLiteral("SessionToken"), credentials.sessionToken},
        {QStringLiteral("Expiration"), CacheTime::format(credentials.expiration)}};
    m_context.out() << PythonJson::dumps(output) << '\n';
    return 0;
}

bool CredentialsCommand::needsBrowser(const QStringList &arguments)
{
    return arguments.value(1) == QLatin1String("credentials") &&
           arguments.contains(QStringLiteral("--login")) && !arguments.contains(QStringLiteral("--help")) &&
           !arguments.contains(QStringLiteral("-h"));
}
