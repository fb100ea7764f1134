#include "CommandLine.h"

#include "CommandContext.h"
#include "CredentialsCommand.h"
#include "LoginCommand.h"
#include "LogoutCommand.h"
#include "SimCommand.h"
#include "StatusCommand.h"

namespace {
const QStringList Commands = {QStringLiteral("status"), QStringLiteral("credentials"),
                              QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("sim")};
} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    return arguments.size() > 1;
}

QString CommandLine::helpText()
{
    return QStringLiteral(
        "Usage: aws-sso-tray COMMAND [OPTIONS]\n"
        "Stay logged in to AWS IAM Identity Center (AWS SSO).\n"
        "\n"
        "Commands:\n"
        "  status [--json]                          sessions and profiles, token state, expiry\n"
        "  login (--profile NAME | --sso-session NAME) --no-browser [--force] [--timeout SECONDS]\n"
        "                                           sign a session in (refreshes silently when it can)\n"
        "  credentials --profile NAME               credential_process JSON; refreshes silently, never "
        "interactive\n"
        "  logout [--sso-session NAME | --profile NAME | --all]\n"
        "                                           end sessions and remove their cached tokens\n"
        "  sim [--listen 127.0.0.1:PORT] [--config FILE]\n"
        "                                           run the local IAM Identity Center simulator\n"
        "\n"
        "Options: --help (also after a command), --version\n"
        "Exit codes: 0 success, 2 usage or configuration error, 3 authentication failed or denied,\n"
        "4 user action needed, 5 network or service error, 6 timed out.\n");
}

int CommandLine::run(const QStringList &arguments)
{
    CommandContext context;
    const QString command = arguments.value(1);
    const QStringList commandArguments =
        QStringList{arguments.value(0) + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        context.out() << helpText();
        return 0;
    }
    if (command == QLatin1String("--version")) {
        context.out() << "aws-sso-tray " << AWS_SSO_TRAY_VERSION << '\n';
        return 0;
    }
    if (command == QLatin1String("status")) {
        return StatusCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("credentials")) {
        return CredentialsCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("login")) {
        return LoginCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("logout")) {
        return LogoutCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("sim")) {
        return SimCommand(context).run(commandArguments);
    }
    return context.usageError(QStringLiteral("Unknown command \"%1\"; the commands are %2.")
                                  .arg(command, Commands.join(QStringLiteral(", "))));
}
