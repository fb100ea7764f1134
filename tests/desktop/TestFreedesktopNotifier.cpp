// FreedesktopNotifier against a real notification server (NotificationServer.cpp) on a private session bus
// (with-keyring.sh): what reaches the server, replacement by tag, buttons pressed through the server's test
// control interface, and the fallback to tray messages when no server runs.
#include "DesktopNotifier.h"
#include "FreedesktopNotifier.h"
#include "TrayMessageNotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString ServerBinary = QStringLiteral(NOTIFICATION_SERVER_BINARY);

QList<QJsonObject> logged(const QString &path, const QString &event = QStringLiteral("notify"))
{
    QFile file(path);
    QList<QJsonObject> lines;
    if (!file.open(QIODevice::ReadOnly)) {
        return lines;
    }
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.value(QStringLiteral("event")).toString() == event) {
            lines << line;
        }
    }
    return lines;
}

QStringList strings(const QJsonValue &array)
{
    QStringList result;
    const QJsonArray values = array.toArray();
    for (const auto &value : values) {
        result << value.toString();
    }
    return result;
}

uint idOf(const QJsonObject &line)
{
    return uint(line.value(QStringLiteral("id")).toInteger());
}

} // namespace

class TestFreedesktopNotifier : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_scratch;
    QString m_log;
    QProcess m_server;

    void pressButton(uint id, const QString &key)
    {
        QDBusMessage call = QDBusMessage::createMethodCall(
            FreedesktopNotifier::ServiceName, QStringLiteral("/test"),
            QStringLiteral("org.awsssotray.TestNotifications"), QStringLiteral("InvokeAction"));
        call << id << key;
        const QDBusMessage reply = QDBusConnection::sessionBus().call(call);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

private slots:
    void noServerMeansTrayMessages()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run me under tests/desktop/with-keyring.sh");
        QVERIFY(!FreedesktopNotifier::isServerAvailable());
        QSystemTrayIcon icon;
        std::unique_ptr<DesktopNotifier> notifier = DesktopNotifier::create(&icon);
        auto *trayMessages = qobject_cast<TrayMessageNotifier *>(notifier.get());
        QVERIFY(trayMessages);
        QVERIFY(!notifier->supportsActions());

        // A click on the balloon (the platform's signal) is the last message's first action.
        QSignalSpy invoked(notifier.get(), &DesktopNotifier::actionInvoked);
        notifier->notify(QStringLiteral("old"), QStringLiteral("t"), QStringLiteral("b"),
                         {{QStringLiteral("x"), QStringLiteral("X")}});
        notifier->notify(QStringLiteral("expiry:dev"), QStringLiteral("Session ends"),
                         QStringLiteral("in 5 min"),
                         {{QStringLiteral("login"), QStringLiteral("Log in")},
                          {QStringLiteral("later"), QStringLiteral("Later")}});
        emit icon.messageClicked();
        QCOMPARE(invoked.size(), 1);
        QCOMPARE(invoked.at(0), (QVariantList{QStringLiteral("expiry:dev"), QStringLiteral("login")}));
        notifier->withdraw(QStringLiteral("expiry:dev"));
        emit icon.messageClicked();
        QCOMPARE(invoked.size(), 1);
    }

    void startServer()
    {
        QVERIFY(m_scratch.isValid());
        m_log = m_scratch.filePath(QStringLiteral("notifications.jsonl"));
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start(ServerBinary, {m_log});
        QVERIFY(m_server.waitForStarted());
        QVERIFY(m_server.waitForReadyRead(10000));
        QCOMPARE(m_server.readLine().trimmed(), QByteArray("ready"));
        QVERIFY(FreedesktopNotifier::isServerAvailable());
        QSystemTrayIcon icon;
        QVERIFY(qobject_cast<FreedesktopNotifier *>(DesktopNotifier::create(&icon).get()));
    }

    void notificationReachesTheServerWithItsActions()
    {
        FreedesktopNotifier notifier;
        QTRY_VERIFY(notifier.supportsActions());
        notifier.notify(QStringLiteral("expiry:dev"), QStringLiteral("Session dev ends in 5 minutes"),
                        QStringLiteral("Log in again to keep \"dev\" working – ünïcode"),
                        {{QStringLiteral("login"), QStringLiteral("Log in")},
                         {QStringLiteral("snooze"), QStringLiteral("Remind me later")}},
                        true);
        QTRY_COMPARE(logged(m_log).size(), 1);
        const QJsonObject line = logged(m_log).at(0);
        QCOMPARE(line.value(QStringLiteral("app_name")).toString(), QStringLiteral("aws-sso-tray"));
        QCOMPARE(line.value(QStringLiteral("app_icon")).toString(), QStringLiteral(AWS_SSO_TRAY_APP_ID));
        QCOMPARE(line.value(QStringLiteral("desktop_entry")).toString(), QStringLiteral(AWS_SSO_TRAY_APP_ID));
        QCOMPARE(line.value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Session dev ends in 5 minutes"));
        QCOMPARE(line.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Log in again to keep \"dev\" working – ünïcode"));
        QCOMPARE(strings(line.value(QStringLiteral("actions"))),
                 (QStringList{QStringLiteral("login"), QStringLiteral("Log in"), QStringLiteral("snooze"),
                              QStringLiteral("Remind me later"), QStringLiteral("default"),
                              QStringLiteral("Log in")}));
        QCOMPARE(line.value(QStringLiteral("urgency")).toInt(), 2);
        QCOMPARE(line.value(QStringLiteral("replaces_id")).toInt(), 0);

        notifier.notify(QStringLiteral("info"), QStringLiteral("Logged in"), QStringLiteral("dev"));
        QTRY_COMPARE(logged(m_log).size(), 2);
        const QJsonObject plain = logged(m_log).at(1);
        QCOMPARE(plain.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(strings(plain.value(QStringLiteral("actions"))), QStringList());
        QVERIFY(idOf(plain) != idOf(line));
    }

    void theSameTagReplaces()
    {
        FreedesktopNotifier notifier;
        const int before = int(logged(m_log).size());
        const QString tag = QStringLiteral("expiry:prod");
        notifier.notify(tag, QStringLiteral("10 minutes left"), QString());
        QTRY_COMPARE(logged(m_log).size(), before + 1);
        const uint first = idOf(logged(m_log).last());
        notifier.notify(tag, QStringLiteral("5 minutes left"), QString());
        QTRY_COMPARE(logged(m_log).size(), before + 2);
        QCOMPARE(logged(m_log).last().value(QStringLiteral("replaces_id")).toInteger(), first);
        QCOMPARE(idOf(logged(m_log).last()), first);

        // Asked for in one go, before the server has answered the first: still one notification.
        const QString burst = QStringLiteral("burst");
        notifier.notify(burst, QStringLiteral("one"), QString());
        notifier.notify(burst, QStringLiteral("two"), QString());
        notifier.notify(burst, QStringLiteral("three"), QString());
        QTRY_VERIFY(!logged(m_log).isEmpty() &&
                    logged(m_log).last().value(QStringLiteral("summary")).toString() ==
                        QStringLiteral("three"));
        const QList<QJsonObject> lines = logged(m_log).mid(before + 2);
        QVERIFY(lines.size() >= 2); // "two" may be skipped: only the newest matters
        for (const QJsonObject &line : lines.mid(1)) {
            QCOMPARE(idOf(line), idOf(lines.first()));
            QCOMPARE(line.value(QStringLiteral("replaces_id")).toInteger(), idOf(lines.first()));
        }

        // Another tag is another notification.
        notifier.notify(QStringLiteral("other"), QStringLiteral("x"), QString());
        QTRY_VERIFY(logged(m_log).last().value(QStringLiteral("summary")).toString() == QStringLiteral("x"));
        QVERIFY(idOf(logged(m_log).last()) != first);
        QCOMPARE(logged(m_log).last().value(QStringLiteral("replaces_id")).toInt(), 0);
    }

    void pressingAButtonReportsItsTagAndKey()
    {
        FreedesktopNotifier notifier;
        QSignalSpy invoked(&notifier, &DesktopNotifier::actionInvoked);
        notifier.notify(QStringLiteral("expiry:dev"), QStringLiteral("t"), QStringLiteral("b"),
                        {{QStringLiteral("login"), QStringLiteral("Log in")},
                         {QStringLiteral("snooze"), QStringLiteral("Later")}});
        QTRY_VERIFY(logged(m_log).last().value(QStringLiteral("summary")).toString() == QStringLiteral("t"));
        const uint id = idOf(logged(m_log).last());
        // Pressed from outside the process, the way a test script would.
        QProcess gdbus;
        gdbus.start(QStringLiteral("gdbus"),
                    {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                     FreedesktopNotifier::ServiceName, QStringLiteral("--object-path"),
                     QStringLiteral("/test"), QStringLiteral("--method"),
                     QStringLiteral("org.awsssotray.TestNotifications.InvokeAction"), QString::number(id),
                     QStringLiteral("snooze")});
        QTRY_COMPARE_WITH_TIMEOUT(gdbus.state(), QProcess::NotRunning, 10000);
        QCOMPARE(gdbus.exitCode(), 0);
        QTRY_COMPARE(invoked.size(), 1);
        QCOMPARE(invoked.at(0), (QVariantList{QStringLiteral("expiry:dev"), QStringLiteral("snooze")}));

        // A click on the notification itself is its first action; the server closed the old one, so this is
        // new.
        notifier.notify(QStringLiteral("expiry:dev"), QStringLiteral("again"), QString(),
                        {{QStringLiteral("login"), QStringLiteral("Log in")}});
        QTRY_VERIFY(logged(m_log).last().value(QStringLiteral("summary")).toString() ==
                    QStringLiteral("again"));
        QCOMPARE(logged(m_log).last().value(QStringLiteral("replaces_id")).toInt(), 0);
        pressButton(idOf(logged(m_log).last()), QStringLiteral("default"));
        QTRY_COMPARE(invoked.size(), 2);
        QCOMPARE(invoked.at(1), (QVariantList{QStringLiteral("expiry:dev"), QStringLiteral("login")}));
    }

    void otherApplicationsNotificationsAreIgnored()
    {
        FreedesktopNotifier notifier;
        QSignalSpy invoked(&notifier, &DesktopNotifier::actionInvoked);
        QDBusMessage call =
            QDBusMessage::createMethodCall(FreedesktopNotifier::ServiceName, FreedesktopNotifier::ObjectPath,
                                           FreedesktopNotifier::InterfaceName, QStringLiteral("Notify"));
        call << QStringLiteral("other-app") << 0U << QString() << QStringLiteral("theirs") << QString()
             << QStringList{QStringLiteral("open"), QStringLiteral("Open")} << QVariantMap() << -1;
        const QDBusReply<uint> id = QDBusConnection::sessionBus().call(call);
        QVERIFY(id.isValid());
        pressButton(id.value(), QStringLiteral("open"));
        QTest::qWait(200);
        QCOMPARE(invoked.size(), 0);
    }

    void withdrawClosesIt()
    {
        FreedesktopNotifier notifier;
        const int closedBefore = int(logged(m_log, QStringLiteral("closed")).size());
        notifier.notify(QStringLiteral("w"), QStringLiteral("to withdraw"), QString());
        notifier.withdraw(QStringLiteral("w")); // before the server has even answered
        QTRY_COMPARE(logged(m_log, QStringLiteral("closed")).size(), closedBefore + 1);
        const QJsonObject closed = logged(m_log, QStringLiteral("closed")).last();
        QCOMPARE(closed.value(QStringLiteral("reason")).toInt(), 3);
        QTRY_VERIFY(logged(m_log).last().value(QStringLiteral("summary")).toString() ==
                    QStringLiteral("to withdraw"));
        QCOMPARE(idOf(closed), idOf(logged(m_log).last()));

        notifier.notify(QStringLiteral("w"), QStringLiteral("back"), QString());
        QTRY_VERIFY(logged(m_log).last().value(QStringLiteral("summary")).toString() ==
                    QStringLiteral("back"));
        QCOMPARE(logged(m_log).last().value(QStringLiteral("replaces_id")).toInt(), 0);
        notifier.withdraw(QStringLiteral("never shown")); // nothing to do, no harm
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished();
        }
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestFreedesktopNotifier test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestFreedesktopNotifier.moc"
