// A real notification server for the tests: it owns org.freedesktop.Notifications on the session bus it is
// started on (Desktop Notifications Specification 1.2) and writes what it is asked to show, one JSON object
// a line, to the log file named on its command line:
//
//   {"event":"notify","id":3,"replaces_id":0,"app_name":..,"app_icon":..,"summary":..,"body":..,
//    "actions":["key","label",..],"urgency":2,"desktop_entry":..,"expire_timeout":-1}
//   {"event":"action","id":3,"action_key":"login"}      {"event":"closed","id":3,"reason":2}
//
// A test plays the user through the control object /test, interface org.awsssotray.TestNotifications:
//   InvokeAction(u id, s action_key)   presses a button (ActionInvoked, then NotificationClosed reason 2)
//   Dismiss(u id)                      closes a notification as the user would (NotificationClosed reason 2)
//   LastId() -> u                      the id of the newest notification
// e.g. gdbus call --session --dest org.freedesktop.Notifications --object-path /test
//        --method org.awsssotray.TestNotifications.InvokeAction 3 login
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusError>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>
#include <cstdio>

namespace {

const QString ServiceName = QStringLiteral("org.freedesktop.Notifications");

enum CloseReason : uint
{
    Expired = 1,
    DismissedByUser = 2,
    ClosedByCall = 3
};

class NotificationLog
{
public:
    explicit NotificationLog(const QString &path)
        : m_file(path)
    {}
    bool open() { return m_file.open(QIODevice::WriteOnly | QIODevice::Append); }
    QString errorString() const { return m_file.errorString(); }
    void append(const QJsonObject &line)
    {
        m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        m_file.flush();
    }

private:
    QFile m_file;
};

class Notifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit Notifications(NotificationLog &log)
        : m_log(log)
    {}

    bool isOpen(uint id) const { return m_actions.contains(id); }
    QStringList actionsOf(uint id) const { return m_actions.value(id); }
    uint lastId() const { return m_lastId; }

    void closeAs(uint id, uint reason)
    {
        if (m_actions.remove(id) == 0) {
            return;
        }
        m_log.append({{QStringLiteral("event"), QStringLiteral("closed")},
                      {QStringLiteral("id"), qint64(id)},
                      {QStringLiteral("reason"), qint64(reason)}});
        emit NotificationClosed(id, reason);
    }

    void invoke(uint id, const QString &actionKey)
    {
        m_log.append({{QStringLiteral("event"), QStringLiteral("action")},
                      {QStringLiteral("id"), qint64(id)},
                      {QStringLiteral("action_key"), actionKey}});
        emit ActionInvoked(id, actionKey);
        closeAs(id, DismissedByUser); // as most servers do after a button
    }

public slots:
    QStringList GetCapabilities() const
    {
        return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("persistence")};
    }

    uint Notify(const QString &app_name, uint replaces_id, const QString &app_icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expire_timeout)
    {
        const uint id = isOpen(replaces_id) ? replaces_id : ++m_lastId;
        m_actions.insert(id, actions);
        const QVariant urgency = hints.value(QStringLiteral("urgency"));
        m_log.append({
            {QStringLiteral("event"), QStringLiteral("notify")},
            {QStringLiteral("id"), qint64(id)},
            {QStringLiteral("replaces_id"), qint64(replaces_id)},
            {QStringLiteral("app_name"), app_name},
            {QStringLiteral("app_icon"), app_icon},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("body"), body},
            {QStringLiteral("actions"), QJsonArray::fromStringList(actions)},
            {QStringLiteral("urgency"), urgency.isValid() ? QJsonValue(urgency.toInt()) : QJsonValue()},
            {QStringLiteral("desktop_entry"), hints.value(QStringLiteral("desktop-entry")).toString()},
            {QStringLiteral("expire_timeout"), expire_timeout},
        });
        return id;
    }

    void CloseNotification(uint id) { closeAs(id, ClosedByCall); }

    QString GetServerInformation(QString &vendor, QString &version, QString &spec_version) const
    {
        vendor = QStringLiteral("aws-sso-tray tests");
        version = QStringLiteral("1.0");
        spec_version = QStringLiteral("1.2");
        return QStringLiteral("aws-sso-tray-test-notifications");
    }

signals:
    void NotificationClosed(uint id, uint reason);
    void ActionInvoked(uint id, const QString &action_key);

private:
    NotificationLog &m_log;
    QHash<uint, QStringList> m_actions; // open notifications and their key/label pairs
    uint m_lastId = 0;
};

class TestControl : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.awsssotray.TestNotifications")
public:
    explicit TestControl(Notifications &notifications)
        : m_notifications(notifications)
    {}

public slots:
    void InvokeAction(uint id, const QString &action_key)
    {
        if (!m_notifications.isOpen(id)) {
            sendErrorReply(QDBusError::InvalidArgs, QStringLiteral("No open notification %1.").arg(id));
            return;
        }
        const QStringList actions = m_notifications.actionsOf(id);
        bool known = false;
        for (int i = 0; i + 1 < actions.size(); i += 2) {
            known = known || actions.at(i) == action_key;
        }
        if (!known) {
            sendErrorReply(QDBusError::InvalidArgs,
                           QStringLiteral("Notification %1 has no action \"%2\".").arg(id).arg(action_key));
            return;
        }
        m_notifications.invoke(id, action_key);
    }

    void Dismiss(uint id) { m_notifications.closeAs(id, DismissedByUser); }

    uint LastId() const { return m_notifications.lastId(); }

private:
    Notifications &m_notifications;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        fprintf(stderr, "usage: %s LOG_FILE\n", argv[0]);
        return 2;
    }
    NotificationLog log(arguments.at(1));
    if (!log.open()) {
        fprintf(stderr, "%s: cannot open the log %s: %s\n", argv[0], argv[1], qPrintable(log.errorString()));
        return 1;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    Notifications notifications(log);
    TestControl control(notifications);
    // Objects first, then the name: whoever sees the name can call at once.
    if (!bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &notifications,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals) ||
        !bus.registerObject(QStringLiteral("/test"), &control, QDBusConnection::ExportAllSlots) ||
        !bus.registerService(ServiceName)) {
        fprintf(stderr, "%s: cannot serve %s on the session bus: %s\n", argv[0], qPrintable(ServiceName),
                qPrintable(bus.lastError().message()));
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    return QCoreApplication::exec();
}

#include "NotificationServer.moc"
