#pragma once

#include <QStringList>

// The command-line front of the single binary: picks the command and runs it.
class CommandLine
{
public:
    // True when the arguments name a command-line command (anything but starting the tray).
    static bool isCommand(const QStringList &arguments);
    // Runs the command; returns the process exit code (0 ok, 2 usage/config, 3 auth, 4 user action,
    // 5 network/service, 6 timeout).
    static int run(const QStringList &arguments);
    static QString helpText();
};
