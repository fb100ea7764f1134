#pragma once

#include "DesktopNotifier.h"

#include <QHash>
#include <QStringList>
#include <optional>

// Notifications through the desktop's notification server (org.freedesktop.Notifications on the session
// bus, Desktop Notifications Specification 1.2): real buttons, replacement in place, urgency. Every call is
// asynchronous; a notification asked for while the previous one of its tag is still on its way waits for
// that one's id, so it replaces it instead of appearing next to it.
class FreedesktopNotifier : public DesktopNotifier
{
    Q_OBJECT
public:
    static const QString ServiceName;
    static const QString ObjectPath;
    static const QString InterfaceName;
    static const QString ApplicationName; // app_name, app_icon and the desktop-entry hint

    explicit FreedesktopNotifier(QObject *parent = nullptr);

    // Whether a notification server runs, or would be started on demand, on the session bus.
    static bool isServerAvailable();

    void notify(const QString &tag, const QString &title, const QString &body,
                const QList<Action> &actions = {}, bool critical = false) override;
    void withdraw(const QString &tag) override;
    // What the server said in GetCapabilities; until it has answered, true (nearly all servers have buttons).
    bool supportsActions() const override;

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Request
    {
        QString title;
        QString body;
        QList<Action> actions;
        bool critical = false;
    };
    struct TagState
    {
        uint id = 0; // the server's id of the notification on screen, 0 when none
        bool waitingForId = false;
        std::optional<Request> next; // asked for while waiting
        bool withdrawWhenShown = false;
        QString clickActionKey; // what a click on the notification body reports
    };

    void send(const QString &tag, const Request &request);
    void shown(const QString &tag, uint id);
    void close(uint id);

    QHash<QString, TagState> m_tags;
    QHash<uint, QString> m_tagOfId;
    std::optional<QStringList> m_capabilities;
};
