#pragma once

#include "CommandContext.h"
#include "PortalTypes.h"
#include "Result.h"
#include "SsoProfile.h"

#include <QString>

// The role credentials of a profile, for the commands that need them (credentials, console): the
// profile resolved, its SSO token refreshed silently when needed, then the portal's GetRoleCredentials.
class RoleCredentialsFetch
{
public:
    struct Fetched
    {
        SsoProfile profile;
        RoleCredentials credentials;
    };

    explicit RoleCredentialsFetch(CommandContext &context);
    // With mayLogIn, a session that has no silent path is signed in as `login --profile NAME` does (the
    // invisible browser; its progress on stderr) and the fetch tried once more.
    Result<Fetched> run(const QString &profileName, bool mayLogIn = false);

private:
    CommandContext &m_context;
};
