#include "WebEngineSetup.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QtGlobal>

void WebEngineSetup::prepareProcess()
{
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    QList<QByteArray> wanted = {"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                                "--disable-backgrounding-occluded-windows"};
    // Chromium's own error lines (GPU fallbacks and the like) mean nothing to a user on the terminal.
    if (qEnvironmentVariableIsEmpty("AWS_SSO_TRAY_DEBUG") && !flags.contains("--log-level")) {
        wanted.append("--log-level=3");
    }
    for (const QByteArray &flag : wanted) {
        if (!flags.contains(flag)) {
            flags += ' ' + flag;
        }
    }
    // Whatever the environment asks for, no DevTools endpoint in the product.
    QByteArray cleaned;
    for (const QByteArray &part : flags.split(' ')) {
        if (!part.isEmpty() && !part.startsWith("--remote-debugging")) {
            cleaned += part + ' ';
        }
    }
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", cleaned.trimmed());
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}
