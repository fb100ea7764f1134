// SingleInstance with real sockets and real processes: the test binary re-invokes itself as a second
// instance (--secondary) or as a primary it can kill (--primary), so a crash is a real SIGKILL.
#include "SingleInstance.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace {

const QString PrimaryRole = QStringLiteral("--primary");
const QString SecondaryRole = QStringLiteral("--secondary");

// The helper roles, run instead of the tests when the binary is started with one of them.
int runRole(const QStringList &arguments)
{
    const QString role = arguments.value(1);
    SingleInstance instance(arguments.value(2));
    QTextStream out(stdout);
    if (role == SecondaryRole) {
        if (instance.claim()) {
            out << "claimed\n";
            return 1;
        }
        return instance.sendToPrimary(arguments.mid(3)) ? 0 : 2;
    }
    if (!instance.claim()) {
        out << "not primary: " << instance.errorString() << '\n';
        return 1;
    }
    QObject::connect(&instance, &SingleInstance::messageReceived, [&out](const QStringList &message) {
        out << "message: " << message.join(QLatin1Char('|')) << '\n';
        out.flush();
    });
    out << "primary\n";
    out.flush();
    return QCoreApplication::exec();
}

QString readLine(QProcess &process, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine() && !deadline.hasExpired()) {
        process.waitForReadyRead(50);
    }
    return QString::fromUtf8(process.readLine()).trimmed();
}

int uniqueNumber = 0;

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_runtime;
    QString m_name;

    void startRole(QProcess &process, const QString &role, const QStringList &extra = {})
    {
        process.setProgram(QCoreApplication::applicationFilePath());
        process.setArguments(QStringList{role, m_name} + extra);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start();
        QVERIFY(process.waitForStarted());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        // The user's runtime directory is private to the test (children inherit it).
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void init() { m_name = QStringLiteral("aws-sso-tray-test-%1").arg(++uniqueNumber); }

    void firstClaimsSecondDoesNot()
    {
        SingleInstance first(m_name);
        SingleInstance second(m_name);
        QVERIFY(first.claim());
        QVERIFY(first.isPrimary());
        QVERIFY(!second.claim());
        QVERIFY(second.errorString().isEmpty());
        QVERIFY(first.claim()); // claiming again changes nothing
        QCOMPARE(QFileInfo(first.serverName()).path(), m_runtime.path());
    }

    void twoObjectsInOneProcessExchangeAMessage()
    {
        SingleInstance primary(m_name);
        QVERIFY(primary.claim());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        const QStringList message{QStringLiteral("--profile"), QStringLiteral("dev team ü"), QString()};
        // sendToPrimary blocks, so the secondary runs on a thread while the primary's event loop turns here.
        std::atomic<int> acknowledged{-1};
        std::thread secondary([&] {
            SingleInstance instance(m_name);
            acknowledged = instance.sendToPrimary(message, 5000) ? 1 : 0;
        });
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged.load(), 1, 10000);
        secondary.join();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), message);
    }

    void aPrimaryStillStartingIsWaitedFor()
    {
        std::atomic<int> acknowledged{-1};
        std::thread secondary([&] {
            SingleInstance instance(m_name);
            acknowledged = instance.sendToPrimary({QStringLiteral("early")}, 5000) ? 1 : 0;
        });
        QTest::qWait(300); // the secondary is knocking on a door that is not there yet
        SingleInstance primary(m_name);
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        QVERIFY(primary.claim());
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged.load(), 1, 10000);
        secondary.join();
        QCOMPARE(received.size(), 1);
    }

    void aSecondProcessHandsOverItsArguments()
    {
        SingleInstance primary(m_name);
        QVERIFY(primary.claim());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        QProcess secondary;
        startRole(secondary, SecondaryRole,
                  {QStringLiteral("show-menu"), QStringLiteral("naïve \"quoted\"")});
        QTRY_COMPARE_WITH_TIMEOUT(secondary.state(), QProcess::NotRunning, 10000);
        QCOMPARE(secondary.exitStatus(), QProcess::NormalExit);
        QCOMPARE(secondary.exitCode(), 0);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("show-menu"), QStringLiteral("naïve \"quoted\"")}));
    }

    void aPrimaryInAnotherProcessReceives()
    {
        QProcess primary;
        startRole(primary, PrimaryRole);
        QCOMPARE(readLine(primary), QStringLiteral("primary"));
        SingleInstance secondary(m_name);
        QVERIFY(!secondary.claim());
        QVERIFY2(secondary.sendToPrimary({QStringLiteral("a"), QStringLiteral("b c")}),
                 qPrintable(secondary.errorString()));
        QCOMPARE(readLine(primary), QStringLiteral("message: a|b c"));
        primary.kill();
        primary.waitForFinished();
    }

    void aCrashedPrimaryDoesNotBlockTheNextStart()
    {
        QProcess crashed;
        startRole(crashed, PrimaryRole);
        QCOMPARE(readLine(crashed), QStringLiteral("primary"));
        ::kill(pid_t(crashed.processId()), SIGKILL);
        QVERIFY(crashed.waitForFinished());
        SingleInstance next(m_name);
        // The crash left its socket (and lock) behind; nobody listens on it.
        QVERIFY(QFileInfo::exists(next.serverName()));
        QVERIFY(next.claim());
        QSignalSpy received(&next, &SingleInstance::messageReceived);
        QProcess secondary;
        startRole(secondary, SecondaryRole, {QStringLiteral("hello")});
        QTRY_COMPARE_WITH_TIMEOUT(secondary.state(), QProcess::NotRunning, 10000);
        QCOMPARE(secondary.exitCode(), 0);
        QCOMPARE(received.size(), 1);
    }

    void aStaleSocketFileIsRecovered()
    {
        SingleInstance instance(m_name);
        // A socket file nobody listens on, as a crash leaves it (bound, never unlinked).
        const QByteArray path = QFile::encodeName(instance.serverName());
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        QVERIFY(QFileInfo::exists(instance.serverName()));
        QVERIFY(!SingleInstance(m_name).sendToPrimary({QStringLiteral("x")}, 500));

        QVERIFY2(instance.claim(), qPrintable(instance.errorString()));
        QProcess secondary;
        startRole(secondary, SecondaryRole, {QStringLiteral("again")});
        QTRY_COMPARE_WITH_TIMEOUT(secondary.state(), QProcess::NotRunning, 10000);
        QCOMPARE(secondary.exitCode(), 0);
    }

    void onlyTheUserMayConnect()
    {
        SingleInstance instance(m_name);
        QVERIFY(instance.claim());
        const QFileInfo socket(instance.serverName());
        QVERIFY(socket.exists());
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(socket.permissions() & others, QFileDevice::Permissions());
        QVERIFY(socket.permissions() & QFileDevice::WriteOwner);
    }

    void noPrimaryMeansAClearFailure()
    {
        SingleInstance lonely(m_name);
        QVERIFY(!lonely.sendToPrimary({QStringLiteral("x")}, 1000));
        QVERIFY(lonely.errorString().contains(lonely.serverName()));
    }

    void garbageDoesNotDisturbThePrimary()
    {
        SingleInstance primary(m_name);
        QVERIFY(primary.claim());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);
        QLocalSocket intruder;
        intruder.connectToServer(primary.serverName());
        QVERIFY(intruder.waitForConnected(2000));
        intruder.write(QByteArray("\xff\xff\xff\xff garbage", 12)); // claims a 4 GiB message
        intruder.flush();
        QTRY_COMPARE_WITH_TIMEOUT(intruder.state(), QLocalSocket::UnconnectedState, 5000);
        QCOMPARE(received.size(), 0);

        QProcess secondary;
        startRole(secondary, SecondaryRole, {QStringLiteral("still here")});
        QTRY_COMPARE_WITH_TIMEOUT(secondary.state(), QProcess::NotRunning, 10000);
        QCOMPARE(secondary.exitCode(), 0);
        QCOMPARE(received.size(), 1);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == PrimaryRole || arguments.value(1) == SecondaryRole) {
        return runRole(arguments);
    }
    TestSingleInstance test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestSingleInstance.moc"
