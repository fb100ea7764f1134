#include "FreedesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

const QString FreedesktopNotifier::ServiceName = QStringLiteral("org.freedesktop.Notifications");
const QString FreedesktopNotifier::ObjectPath = QStringLiteral("/org/freedesktop/Notifications");
const QString FreedesktopNotifier::InterfaceName = QStringLiteral("org.freedesktop.Notifications");
const QString FreedesktopNotifier::ApplicationName = QStringLiteral("aws-sso-tray");

namespace {

// Urgency levels of the specification; critical ones stay until the user dismisses them.
constexpr uchar NormalUrgency = 1;
constexpr uchar CriticalUrgency = 2;
constexpr int ServerDefaultTimeout = -1;

QDBusMessage methodCall(const QString &method)
{
    return QDBusMessage::createMethodCall(FreedesktopNotifier::ServiceName, FreedesktopNotifier::ObjectPath,
                                          FreedesktopNotifier::InterfaceName, method);
}

} // namespace

FreedesktopNotifier::FreedesktopNotifier(QObject *parent)
    : DesktopNotifier(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(ServiceName, ObjectPath, InterfaceName, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(ServiceName, ObjectPath, InterfaceName, QStringLiteral("NotificationClosed"), this,
                SLOT(onNotificationClosed(uint, uint)));
    auto *watcher =
        new QDBusPendingCallWatcher(bus.asyncCall(methodCall(QStringLiteral("GetCapabilities"))), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        const QDBusPendingReply<QStringList> reply = *call;
        if (!reply.isError()) {
            m_capabilities = reply.value();
        }
        call->deleteLater();
    });
}

bool FreedesktopNotifier::isServerAvailable()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || bus.interface() == nullptr) {
        return false;
    }
    return bus.interface()->isServiceRegistered(ServiceName).value() ||
           bus.interface()->activatableServiceNames().value().contains(ServiceName);
}

bool FreedesktopNotifier::supportsActions() const
{
    return !m_capabilities || m_capabilities->contains(QStringLiteral("actions"));
}

void FreedesktopNotifier::notify(const QString &tag, const QString &title, const QString &body,
                                 const QList<Action> &actions, bool critical)
{
    Request request{title, body, actions, critical};
    TagState &state = m_tags[tag];
    state.withdrawWhenShown = false;
    if (state.waitingForId) {
        state.next = std::move(request); // only the newest matters
        return;
    }
    send(tag, request);
}

void FreedesktopNotifier::send(const QString &tag, const Request &request)
{
    TagState &state = m_tags[tag];
    state.waitingForId = true;
    QStringList actions;
    bool hasDefault = false;
    for (const Action &action : request.actions) {
        actions << action.key << action.label;
        hasDefault = hasDefault || action.key == DefaultActionKey;
    }
    // A click on the notification itself means its first action, as it does on a tray balloon.
    state.clickActionKey = DefaultActionKey;
    if (!request.actions.isEmpty() && !hasDefault) {
        actions << DefaultActionKey << request.actions.first().label;
        state.clickActionKey = request.actions.first().key;
    }
    const QVariantMap hints{
        {QStringLiteral("urgency"), QVariant::fromValue(request.critical ? CriticalUrgency : NormalUrgency)},
        {QStringLiteral("desktop-entry"), QStringLiteral(AWS_SSO_TRAY_APP_ID)},
    };
    QDBusMessage call = methodCall(QStringLiteral("Notify"));
    call << ApplicationName << state.id << QStringLiteral(AWS_SSO_TRAY_APP_ID) << request.title << request.body << actions
         << hints << ServerDefaultTimeout;

    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, tag](QDBusPendingCallWatcher *pending) {
        const QDBusPendingReply<uint> reply = *pending;
        pending->deleteLater();
        if (reply.isError()) {
            qWarning("aws-sso-tray: the notification server refused a notification: %s",
                     qPrintable(reply.error().message()));
            shown(tag, 0);
            return;
        }
        shown(tag, reply.value());
    });
}

void FreedesktopNotifier::shown(const QString &tag, uint id)
{
    TagState &state = m_tags[tag];
    state.waitingForId = false;
    if (id != 0) {
        if (state.id != id) {
            m_tagOfId.remove(state.id);
        }
        state.id = id;
        m_tagOfId.insert(id, tag);
    }
    if (state.next) {
        const Request next = *std::move(state.next);
        state.next.reset();
        send(tag, next);
        return;
    }
    if (state.withdrawWhenShown) {
        state.withdrawWhenShown = false;
        close(state.id);
    }
}

void FreedesktopNotifier::withdraw(const QString &tag)
{
    const auto found = m_tags.find(tag);
    if (found == m_tags.end()) {
        return;
    }
    found->next.reset();
    if (found->waitingForId) {
        found->withdrawWhenShown = true;
        return;
    }
    close(found->id);
}

void FreedesktopNotifier::close(uint id)
{
    if (id == 0) {
        return;
    }
    QDBusMessage call = methodCall(QStringLiteral("CloseNotification"));
    call << id;
    // The server answers with NotificationClosed, which forgets the id.
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, watcher, &QObject::deleteLater);
}

void FreedesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    // The server tells every client about every notification: only ours have a tag.
    const auto found = m_tagOfId.constFind(id);
    if (found == m_tagOfId.cend()) {
        return;
    }
    // Copies, not references: a slot may notify again and change the hashes while the signal runs.
    const QString tag = *found; // NOLINT(performance-unnecessary-copy-initialization)
    const QString key = actionKey == DefaultActionKey ? m_tags.value(tag).clickActionKey : actionKey;
    emit actionInvoked(tag, key);
}

void FreedesktopNotifier::onNotificationClosed(uint id, uint /*reason*/)
{
    const QString tag = m_tagOfId.take(id);
    if (tag.isEmpty()) {
        return;
    }
    TagState &state = m_tags[tag];
    if (state.id == id) {
        state.id = 0; // the next one of this tag is a new notification
    }
    if (!state.waitingForId && !state.next) {
        m_tags.remove(tag);
    }
}
