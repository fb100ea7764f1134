#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray logout [--sso-session NAME | --profile NAME | --all]: ends sessions at the portal and
// removes their cached tokens, as `aws sso logout` does; registrations stay.
class LogoutCommand
{
public:
    explicit LogoutCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    // Tells the portal, then removes the file. A portal that cannot be reached only earns a warning:
    // the local token is what the user wants gone.
    void endPortalSession(const SsoSession &session, const SsoProfile *profile, const QString &accessToken);
    int logoutSession(const SsoSession &session, const SsoProfile *profile);
    int logoutAll();
    void removeCliCredentialCache();

    CommandContext &m_context;
};
