// Proves with-desktop.sh: under it a Qt app finds a system tray, its icon is really embedded in (and drawn
// by) trayer on the X server, and a notification reaches the notification server's log.
#include "DesktopNotifier.h"
#include "FreedesktopNotifier.h"

#include <QApplication>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QtTest>

namespace {

// AWS orange: a colour nothing else on the empty screen has.
const QColor IconColour(0xff, 0x99, 0x00);

QString treeUnder(const QString &window)
{
    QProcess xwininfo;
    xwininfo.start(QStringLiteral("xwininfo"), {QStringLiteral("-tree"), QStringLiteral("-id"), window});
    xwininfo.waitForFinished(5000);
    return QString::fromUtf8(xwininfo.readAllStandardOutput());
}

QByteArray notificationLog()
{
    QFile log(qEnvironmentVariable("AWS_SSO_TRAY_TEST_NOTIFICATIONS"));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

int iconPixelsOnScreen()
{
    const QImage screen = QGuiApplication::primaryScreen()->grabWindow(0).toImage();
    int count = 0;
    for (int y = 0; y < screen.height(); ++y) {
        for (int x = 0; x < screen.width(); ++x) {
            count += screen.pixelColor(x, y) == IconColour ? 1 : 0;
        }
    }
    return count;
}

} // namespace

class TestDesktopHarness : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QGuiApplication::platformName() == QStringLiteral("xcb"), "run me with QT_QPA_PLATFORM=xcb");
        QVERIFY2(qEnvironmentVariableIsSet("AWS_SSO_TRAY_TEST_TRAY_WINDOW"), "run me under with-desktop.sh");
    }

    void trayIconIsEmbeddedAndDrawn()
    {
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
        const QString tray = qEnvironmentVariable("AWS_SSO_TRAY_TEST_TRAY_WINDOW");
        const QString ourClass = QStringLiteral("\"%1\")").arg(QCoreApplication::applicationName());
        QVERIFY(!treeUnder(tray).contains(ourClass));
        QCOMPARE(iconPixelsOnScreen(), 0);

        QPixmap pixmap(64, 64);
        pixmap.fill(IconColour);
        QSystemTrayIcon icon{QIcon(pixmap)};
        icon.setToolTip(QStringLiteral("aws-sso-tray harness"));
        icon.show();
        // Embedded: our icon's window now lives inside trayer's panel ...
        QTRY_VERIFY_WITH_TIMEOUT(treeUnder(tray).contains(ourClass), 10000);
        // ... and trayer shows it: the panel sits at the top right, so that is where the colour must be.
        QTRY_VERIFY_WITH_TIMEOUT(iconPixelsOnScreen() > 16 * 16, 10000);
        const QImage screen = QGuiApplication::primaryScreen()->grabWindow(0).toImage();
        int rightmost = -1;
        for (int x = 0; x < screen.width(); ++x) {
            if (screen.pixelColor(x, 10) == IconColour) {
                rightmost = x;
            }
        }
        QVERIFY2(rightmost > screen.width() - 64, qPrintable(QString::number(rightmost)));
        // For a human to look at: AWS_SSO_TRAY_TEST_SCREENSHOT=/tmp/tray.png, taken by another X client.
        const QString screenshot = qEnvironmentVariable("AWS_SSO_TRAY_TEST_SCREENSHOT");
        if (!screenshot.isEmpty()) {
            QCOMPARE(QProcess::execute(QStringLiteral("import"),
                                       {QStringLiteral("-window"), QStringLiteral("root"), screenshot}),
                     0);
        }

        icon.hide();
        QTRY_VERIFY_WITH_TIMEOUT(!treeUnder(tray).contains(ourClass), 10000);
    }

    void notificationReachesTheServer()
    {
        QSystemTrayIcon icon;
        std::unique_ptr<DesktopNotifier> notifier = DesktopNotifier::create(&icon);
        QVERIFY(qobject_cast<FreedesktopNotifier *>(notifier.get()));
        notifier->notify(QStringLiteral("harness"), QStringLiteral("Harness works"), QStringLiteral("body"),
                         {{QStringLiteral("ok"), QStringLiteral("OK")}});
        QTRY_VERIFY_WITH_TIMEOUT(notificationLog().contains("\"summary\":\"Harness works\""), 10000);
    }
};

QTEST_MAIN(TestDesktopHarness)

#include "TestDesktopHarness.moc"
