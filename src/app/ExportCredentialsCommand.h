#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray export-credentials [--profile NAME]: writes, refreshes and removes the role credentials of
// the profiles with "aws_sso_tray_export = true" in the shared credentials file, once. Prints what it
// did, never the secrets.
class ExportCredentialsCommand
{
public:
    explicit ExportCredentialsCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    CommandContext &m_context;
};
