#include "CommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aws-sso-tray"));
    QCoreApplication::setOrganizationName(QStringLiteral("aws-sso-tray"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AWS_SSO_TRAY_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (!CommandLine::isCommand(arguments)) {
        QTextStream(stdout) << CommandLine::helpText();
        return 0;
    }
    return CommandLine::run(arguments);
}
