#include "CredentialsCommand.h"

#include "BlockingCall.h"
#include "CacheTime.h"
#include "PythonJson.h"
#include "SsoServices.h"
#include "TokenRefresher.h"

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
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    const Result<SsoProfile> profile = config.value()->profile(profileName);
    if (!profile) {
        return m_context.fail(profile.error());
    }
    if (!profile->hasRole()) {
        return m_context.fail(
            SsoError(SsoError::Kind::Config,
                     QStringLiteral("The profile \"%1\" has no sso_account_id and sso_role_name, so "
                                    "it has no role credentials; add both to the profile.")
                         .arg(profileName)));
    }
    auto services = SsoServices::create(config.value()->file(), profile->session, &profile.value(),
                                        m_context.environment());
    if (!services) {
        return m_context.fail(services.error());
    }
    TokenRefresher refresher(m_context.cache(), &services.value()->oidc());
    const Result<SsoToken> token =
        blockingCall<SsoToken>([&](auto done) { refresher.ensureFresh(profile->session, std::move(done)); });
    if (!token) {
        return m_context.fail(token.error());
    }
    const Result<RoleCredentials> credentials = blockingCall<RoleCredentials>([&](auto done) {
        services.value()->portal().getRoleCredentials(token->accessToken, profile->accountId,
                                                      profile->roleName, std::move(done));
    });
    if (!credentials) {
        return m_context.fail(credentials.error());
    }
    // The credential_process format (reference section 7), in the documented order; Version is the integer 1.
    const PythonJson::OrderedObject output{
        {QStringLiteral("Version"), 1},
        {QStringLiteral("AccessKeyId"), credentials->accessKeyId},
        {QStringLiteral("SecretAccessKey"), credentials->secretAccessKey},
        {QStringLiteral("SessionToken"), credentials->sessionToken},
        {QStringLiteral("Expiration"), CacheTime::format(credentials->expiration)}};
    m_context.out() << PythonJson::dumps(output) << '\n';
    return 0;
}
