#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray profiles generate --sso-session NAME [--name-template T] [--region R] [--prune] [--dry-run]:
// one [profile X] per account and role of the session, written into the AWS config in place.
class ProfilesCommand
{
public:
    explicit ProfilesCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    CommandContext &m_context;
};
