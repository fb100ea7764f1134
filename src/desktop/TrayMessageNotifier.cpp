#include "TrayMessageNotifier.h"

namespace {
constexpr int NormalTimeoutMs = 10000;
constexpr int CriticalTimeoutMs = 60000;
} // namespace

TrayMessageNotifier::TrayMessageNotifier(QSystemTrayIcon *trayIcon, QObject *parent)
    : DesktopNotifier(parent)
    , m_trayIcon(trayIcon)
{
    if (m_trayIcon) {
        connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, &TrayMessageNotifier::reportClick);
    }
}

void TrayMessageNotifier::notify(const QString &tag, const QString &title, const QString &body,
                                 const QList<Action> &actions, bool critical)
{
    if (!m_trayIcon) {
        qWarning("aws-sso-tray: no tray icon to show the notification \"%s\" on", qPrintable(title));
        return;
    }
    m_lastTag = tag;
    m_lastActionKey = actions.isEmpty() ? DefaultActionKey : actions.first().key;
    m_trayIcon->showMessage(title, body, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information,
                            critical ? CriticalTimeoutMs : NormalTimeoutMs);
}

void TrayMessageNotifier::withdraw(const QString &tag)
{
    // A balloon cannot be taken back everywhere; at least its click no longer acts.
    if (tag == m_lastTag) {
        m_lastTag.clear();
        m_lastActionKey.clear();
    }
}

void TrayMessageNotifier::reportClick()
{
    if (!m_lastTag.isEmpty()) {
        emit actionInvoked(m_lastTag, m_lastActionKey);
    }
}
