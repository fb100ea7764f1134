#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <memory>

class QSystemTrayIcon;

// Desktop notifications with buttons, whatever the platform offers. A tag names what a notification is about
// (e.g. "expiry:dev"): a new one with the same tag replaces the old, and actions come back with their tag.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    struct Action
    {
        QString key;
        QString label;
    };
    // The key reported when the notification itself (not one of its buttons) is clicked and it has no
    // actions; with actions, a click on the notification reports the first action's key.
    static const QString DefaultActionKey;

    using QObject::QObject;

    // Shows (or replaces the earlier one with the same tag) a notification. Never blocks the UI.
    virtual void notify(const QString &tag, const QString &title, const QString &body,
                        const QList<Action> &actions = {}, bool critical = false) = 0;
    virtual void withdraw(const QString &tag) = 0;
    virtual bool supportsActions() const = 0;

    // Linux: FreedesktopNotifier when org.freedesktop.Notifications is on the session bus (running or
    // activatable), else TrayMessageNotifier; TrayMessageNotifier elsewhere. Pass a parent only when the
    // caller release()s the pointer, or the two would both delete it.
    static std::unique_ptr<DesktopNotifier> create(QSystemTrayIcon *trayIcon, QObject *parent = nullptr);

signals:
    void actionInvoked(const QString &tag, const QString &actionKey);
};
