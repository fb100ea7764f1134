#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray status [--json]: every SSO session with its token state, expiry and profiles.
class StatusCommand
{
public:
    explicit StatusCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    // status --names profiles|sessions (hidden, for the shell completions).
    int printNames(const AwsConfigFile &file, const QString &which);

    CommandContext &m_context;
};
