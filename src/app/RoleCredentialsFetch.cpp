#include "RoleCredentialsFetch.h"

#include "BlockingCall.h"
#include "LoginCommand.h"
#include "SsoServices.h"
#include "TokenRefresher.h"

RoleCredentialsFetch::RoleCredentialsFetch(CommandContext &context)
    : m_context(context)
{}

Result<RoleCredentialsFetch::Fetched> RoleCredentialsFetch::run(const QString &profileName, bool mayLogIn)
{
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return config.error();
    }
    Result<SsoProfile> profile = config.value()->profile(profileName);
    if (!profile) {
        return profile.error();
    }
    if (!profile->hasRole()) {
        return SsoError(
            SsoError::Kind::Config,
            QStringLiteral("The profile \"%1\" has no sso_account_id and sso_role_name, so it has no "
                           "role credentials; add both to the profile.")
                .arg(profileName));
    }
    auto services = SsoServices::create(config.value()->file(), profile->session, &profile.value(),
                                        m_context.environment());
    if (!services) {
        return services.error();
    }
    TokenRefresher refresher(m_context.cache(), &services.value()->oidc());
    Result<SsoToken> token =
        blockingCall<SsoToken>([&](auto done) { refresher.ensureFresh(profile->session, std::move(done)); });
    if (!token && mayLogIn && token.error().kind() == SsoError::Kind::UserAction) {
        // The sign-in's own output goes to stderr: stdout belongs to this command's result.
        CommandContext loginContext(stderr);
        const int loggedIn =
            LoginCommand(loginContext)
                .run({QStringLiteral("aws-sso-tray login"), QStringLiteral("--profile"), profileName});
        if (loggedIn != 0) {
            // Keep what the sign-in's exit code meant (3 denied, 5 network, 6 timed out...).
            SsoError::Kind kind = SsoError::Kind::UserAction;
            for (const SsoError::Kind candidate : {SsoError::Kind::Config, SsoError::Kind::AuthFailed,
                                                   SsoError::Kind::Network, SsoError::Kind::Timeout}) {
                kind = SsoError::exitCodeFor(candidate) == loggedIn ? candidate : kind;
            }
            return SsoError(kind,
                            QStringLiteral("The sign-in for profile \"%1\" did not succeed (see above).")
                                .arg(profileName));
        }
        token = blockingCall<SsoToken>(
            [&](auto done) { refresher.ensureFresh(profile->session, std::move(done)); });
    }
    if (!token) {
        return token.error();
    }
    const Result<RoleCredentials> credentials = blockingCall<RoleCredentials>([&](auto done) {
        services.value()->portal().getRoleCredentials(token->accessToken, profile->accountId,
                                                      profile->roleName, std::move(done));
    });
    if (!credentials) {
        return credentials.error();
    }
    return Fetched{std::move(profile).value(), credentials.value()};
}
