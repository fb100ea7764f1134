#include "CommandLine.h"
#include "ConsoleCommand.h"
#include "CredentialsCommand.h"
#include "LoginCommand.h"
#include "Translations.h"
#include "TrayMain.h"
#include "WebEngineSetup.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>
#include <memory>

namespace {
// Qt WebEngine logs its graphics setup and similar internals to stderr; on the terminal that reads
// like an error. Those go only where AWS_SSO_TRAY_DEBUG asks for them; critical messages always do.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    Q_UNUSED(context)
    static const bool debugging = !qEnvironmentVariableIsEmpty("AWS_SSO_TRAY_DEBUG");
    if (debugging || type == QtCriticalMsg || type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
    }
}

QStringList rawArguments(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}
} // namespace

int main(int argc, char *argv[])
{
    const QStringList arguments = rawArguments(argc, argv);
    if (TrayMain::isTrayStart(arguments)) {
        // The tray's own messages are sentences on stderr; Qt's internals (such as WebEngine's start-up
        // asking for an OpenGL context the tray turned off) only with AWS_SSO_TRAY_DEBUG.
        qInstallMessageHandler(quietMessageHandler);
        return TrayMain::run(argc, argv, arguments);
    }
    std::unique_ptr<QCoreApplication> app;
    if (LoginCommand::needsBrowser(arguments) || CredentialsCommand::needsBrowser(arguments)) {
        // The sign-in page is invisible unless the user asks to see it: on the terminal it needs no
        // display at all, so it runs on the offscreen platform. A login the tray starts (--desktop) stays
        // on the desktop, where it may ask for a code or show the page to the user.
        const bool onDesktop = LoginCommand::wantsVisibleBrowser(arguments) || LoginCommand::forDesktop(arguments);
        if (!onDesktop && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        qInstallMessageHandler(quietMessageHandler);
        WebEngineSetup::prepareProcess();
        app = std::make_unique<QApplication>(argc, argv);
        if (onDesktop) {
            Translations::install();
        }
    } else if (ConsoleCommand::needsDesktop(arguments)) {
        // Only to hand a URL to the desktop's browser.
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("aws-sso-tray"));
    QCoreApplication::setOrganizationName(QStringLiteral("aws-sso-tray"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AWS_SSO_TRAY_VERSION));
    if (!CommandLine::isCommand(arguments)) {
        QTextStream(stdout) << CommandLine::helpText();
        return 0;
    }
    return CommandLine::run(arguments);
}
