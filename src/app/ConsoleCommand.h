#pragma once

#include "CommandContext.h"

#include <QStringList>

// aws-sso-tray console --profile NAME [--print] [--destination URL] [--duration SECONDS]: signs the
// profile's role in to the AWS Management Console in the default browser, or prints the sign-in URL.
class ConsoleCommand
{
public:
    explicit ConsoleCommand(CommandContext &context);
    int run(const QStringList &arguments);

    // Whether these arguments open a browser, and so need a QGuiApplication.
    static bool needsDesktop(const QStringList &arguments);

private:
    int openInBrowser(const QUrl &signInUrl);

    CommandContext &m_context;
};
