#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray login (--profile NAME | --sso-session NAME) --no-browser [--timeout SECONDS]
// Signs a session in: nothing to do while its token is valid, a silent refresh where possible,
// else an OIDC sign-in whose approval URL is printed for any browser, as `aws sso login --no-browser`.
class LoginCommand
{
public:
    explicit LoginCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    CommandContext &m_context;
};
