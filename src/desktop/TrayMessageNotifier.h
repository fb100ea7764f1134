#pragma once

#include "DesktopNotifier.h"

#include <QPointer>
#include <QSystemTrayIcon>

// Notifications as the tray icon's balloon messages (macOS, Windows, Linux without a notification server).
// They have no buttons: a click on the message reports the first action of the last message shown.
class TrayMessageNotifier : public DesktopNotifier
{
    Q_OBJECT
public:
    explicit TrayMessageNotifier(QSystemTrayIcon *trayIcon, QObject *parent = nullptr);

    void notify(const QString &tag, const QString &title, const QString &body,
                const QList<Action> &actions = {}, bool critical = false) override;
    void withdraw(const QString &tag) override;
    bool supportsActions() const override { return false; }

private:
    void reportClick();

    QPointer<QSystemTrayIcon> m_trayIcon;
    // A balloon cannot be updated: only the last one shown can still be clicked.
    QString m_lastTag;
    QString m_lastActionKey;
};
