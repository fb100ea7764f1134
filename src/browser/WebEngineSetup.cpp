#include "WebEngineSetup.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>

void WebEngineSetup::prepareProcess()
{
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    for (const char *flag : {"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                             "--disable-backgrounding-occluded-windows"}) {
        if (!flags.contains(flag)) {
            flags += QByteArray(" ") + flag;
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
