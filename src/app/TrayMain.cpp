#include "TrayMain.h"

#include "DemoEnvironment.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "TrayApp.h"

#include <QApplication>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT end the tray through the event loop, so the demo cleans up after itself.
void quitOnTerminationSignals()
{
    if (::pipe(signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
    std::signal(SIGTERM, onTerminationSignal);
    std::signal(SIGINT, onTerminationSignal);
}

} // namespace

bool TrayMain::isTrayStart(const QStringList &arguments)
{
    return arguments.size() == 1 || (arguments.size() == 2 && arguments.at(1) == QLatin1String("--demo"));
}

int TrayMain::run(int &argc, char **argv, const QStringList &arguments)
{
    const bool demo = arguments.contains(QStringLiteral("--demo"));
    // The tray draws no OpenGL: without the GLX integration, Mesa (and on many machines LLVM) never
    // loads into the idle tray, about 50 MiB less resident memory (tests/benchmarks/tray_benchmark.py).
    const bool glTurnedOff = qEnvironmentVariableIsEmpty("QT_XCB_GL_INTEGRATION");
    if (glTurnedOff) {
        qputenv("QT_XCB_GL_INTEGRATION", "none");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("aws-sso-tray"));
    QApplication::setOrganizationName(QStringLiteral("aws-sso-tray"));
    QApplication::setApplicationVersion(QStringLiteral(AWS_SSO_TRAY_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);
    QGuiApplication::setDesktopFileName(QStringLiteral(AWS_SSO_TRAY_APP_ID));
    Translations::install();

    // One tray per user (and one demo): a second start hands over to the running one.
    SingleInstance instance(demo ? QStringLiteral("aws-sso-tray-demo") : QStringLiteral("aws-sso-tray"));
    if (!instance.claim()) {
        if (instance.sendToPrimary(arguments.mid(1))) {
            QTextStream(stderr) << QCoreApplication::translate(
                                       "TrayMain", "aws-sso-tray is already running; its icon is in "
                                                   "the system tray.")
                                << Qt::endl;
            return 0;
        }
        QTextStream(stderr) << QCoreApplication::translate(
                                   "TrayMain",
                                   "aws-sso-tray: another instance is starting or not answering; try "
                                   "again in a moment.")
                            << Qt::endl;
        return 1;
    }

    DemoEnvironment demoEnvironment;
    if (demo) {
        const Status prepared = demoEnvironment.prepare(QCoreApplication::applicationFilePath());
        if (!prepared) {
            QTextStream(stderr) << "aws-sso-tray: " << prepared.error().message() << Qt::endl;
            return prepared.error().exitCode();
        }
        QTextStream(stderr) << QCoreApplication::translate(
                                   "TrayMain", "Demo: the simulator and a throwaway home are in %1.")
                                   .arg(demoEnvironment.directory())
                            << Qt::endl;
    }

    // The logins (WebEngine draws with OpenGL where it can) get the environment without that switch.
    QProcessEnvironment childEnvironment = QProcessEnvironment::systemEnvironment();
    if (glTurnedOff) {
        childEnvironment.remove(QStringLiteral("QT_XCB_GL_INTEGRATION"));
    }
    TrayApp tray({QCoreApplication::applicationFilePath(), demo, childEnvironment});
    if (!tray.start()) {
        return 1;
    }
    QObject::connect(&instance, &SingleInstance::messageReceived, &tray, &TrayApp::handOver);
    quitOnTerminationSignals();
    if (demo) {
        demoEnvironment.storeSecrets([&tray](const Status &stored) {
            if (!stored) {
                tray.showMessage(
                    QCoreApplication::translate("TrayMain", "No keychain for the demo's passwords"),
                    stored.error().message() + QLatin1Char(' ') + DemoEnvironment::credentialsHint());
            }
            tray.loginAll();
        });
    }
    return QApplication::exec();
}
