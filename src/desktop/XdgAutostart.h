#pragma once

#include "Autostart.h"

// An XDG autostart entry (freedesktop Desktop Application Autostart Specification): the desktop entry
// <directory>/aws-sso-tray.desktop, which GNOME, KDE, Xfce and the rest run at login. A package may also
// install one system-wide (in a systemDirectories() entry): the user's file then overrides it, so turning
// autostart off writes a user file with Hidden=true instead of touching the system's.
class XdgAutostart : public Autostart
{
public:
    XdgAutostart(QString autostartDirectory, QString program, QStringList arguments,
                 QStringList systemDirectories = {});

    // $XDG_CONFIG_HOME/autostart, by default ~/.config/autostart.
    static QString defaultDirectory();
    // $XDG_CONFIG_DIRS/autostart, by default /etc/xdg/autostart, most important first.
    static QStringList defaultSystemDirectories();
    // The Exec value for a program and its arguments, quoted and escaped as the Desktop Entry Specification
    // says (quoting rules, %% for a literal %, then the escapes of a string value).
    static QString execValue(const QString &program, const QStringList &arguments);

    // The user's entry, else the system's; false also when the user turned it off in the desktop's
    // settings (Hidden=true or X-GNOME-Autostart-enabled=false).
    bool isEnabled() const override;
    Status setEnabled(bool enabled) override;
    QString location() const override;

    // The whole desktop entry this writes; `hidden` for the override of a system-wide entry.
    QByteArray desktopEntry(bool hidden = false) const;

private:
    // The system-wide entry of ours, empty when there is none.
    QString systemEntry() const;

    QString m_directory;
    QStringList m_systemDirectories;
    QString m_program;
    QStringList m_arguments;
};
