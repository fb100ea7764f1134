#pragma once

#include "Autostart.h"

#include <QSettings>
#include <memory>

// The per-user Run key of the Windows registry: value "AwsSsoTray" (the name the installer also uses, so
// its uninstaller removes it) holds the command line Explorer runs at
// login. Settings are injected, so the same code writes the registry on Windows and an INI file in tests.
class WindowsRunKeyAutostart : public Autostart
{
public:
    static const QString RunKeyPath; // HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run
    static const QString ValueName;

    WindowsRunKeyAutostart(std::unique_ptr<QSettings> runKey, QString program, QStringList arguments);

    // The command line, quoted as the Microsoft C runtime (CommandLineToArgvW) splits it back.
    static QString commandLine(const QString &program, const QStringList &arguments);

    bool isEnabled() const override;
    Status setEnabled(bool enabled) override;
    QString location() const override;

private:
    std::unique_ptr<QSettings> m_runKey;
    QString m_program;
    QStringList m_arguments;
};
