#pragma once

#include "Autostart.h"

// An XDG autostart entry (freedesktop Desktop Application Autostart Specification): the desktop entry
// <directory>/aws-sso-tray.desktop, which GNOME, KDE, Xfce and the rest run at login.
class XdgAutostart : public Autostart
{
public:
    XdgAutostart(QString autostartDirectory, QString program, QStringList arguments);

    // $XDG_CONFIG_HOME/autostart, by default ~/.config/autostart.
    static QString defaultDirectory();
    // The Exec value for a program and its arguments, quoted and escaped as the Desktop Entry Specification
    // says (quoting rules, %% for a literal %, then the escapes of a string value).
    static QString execValue(const QString &program, const QStringList &arguments);

    // False also when the user turned our entry off in the desktop's settings (Hidden=true or
    // X-GNOME-Autostart-enabled=false).
    bool isEnabled() const override;
    Status setEnabled(bool enabled) override;
    QString location() const override;

    // The whole desktop entry this writes.
    QByteArray desktopEntry() const;

private:
    QString m_directory;
    QString m_program;
    QStringList m_arguments;
};
