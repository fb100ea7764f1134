#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray credentials --profile NAME: credential_process JSON for the profile's role.
// Refreshes the SSO token silently when it can; never interactive, unless --login allows a sign-in.
class CredentialsCommand
{
public:
    explicit CredentialsCommand(CommandContext &context);
    int run(const QStringList &arguments);
    // Whether these arguments may sign in (--login), and so need a QApplication prepared for the browser.
    static bool needsBrowser(const QStringList &arguments);

private:
    CommandContext &m_context;
};
