#pragma once

#include "Autostart.h"

// A per-user launchd agent (macOS): <directory>/<Label>.plist, an XML property list that launchd loads at
// login (RunAtLoad) in the user's graphical session only (LimitLoadToSessionType Aqua).
class LaunchAgentAutostart : public Autostart
{
public:
    // The agent's Label and file name, reverse-DNS as launchd expects.
    static const QString Label;

    LaunchAgentAutostart(QString launchAgentsDirectory, QString program, QStringList arguments);

    // ~/Library/LaunchAgents.
    static QString defaultDirectory();

    bool isEnabled() const override;
    Status setEnabled(bool enabled) override;
    QString location() const override;

    // The whole property list this writes.
    QByteArray propertyList() const;

private:
    QString m_directory;
    QString m_program;
    QStringList m_arguments;
};
