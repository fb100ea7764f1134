#pragma once

#include <QStringList>

// Starting the tray: `aws-sso-tray` alone, or `aws-sso-tray --demo` against the built-in simulator.
class TrayMain
{
public:
    static bool isTrayStart(const QStringList &arguments);
    static int run(int &argc, char **argv, const QStringList &arguments);
};
