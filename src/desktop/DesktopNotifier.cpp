#include "DesktopNotifier.h"

#include "TrayMessageNotifier.h"

#ifdef Q_OS_LINUX
#include "FreedesktopNotifier.h"
#endif

const QString DesktopNotifier::DefaultActionKey = QStringLiteral("default");

std::unique_ptr<DesktopNotifier> DesktopNotifier::create(QSystemTrayIcon *trayIcon, QObject *parent)
{
#ifdef Q_OS_LINUX
    if (FreedesktopNotifier::isServerAvailable()) {
        return std::make_unique<FreedesktopNotifier>(parent);
    }
#endif
    return std::make_unique<TrayMessageNotifier>(trayIcon, parent);
}
