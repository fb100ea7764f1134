#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray sim [--listen 127.0.0.1:PORT] [--config FILE]: runs the local IAM Identity Center
// simulator until stopped and prints the export lines that point the AWS tools at it.
class SimCommand
{
public:
    explicit SimCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    CommandContext &m_context;
};
