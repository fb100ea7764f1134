#include "CommandLine.h"

#include "CommandContext.h"
#include "ConsoleCommand.h"
#include "CredentialsCommand.h"
#include "ExportCredentialsCommand.h"
#include "LoginCommand.h"
#include "LogoutCommand.h"
#include "ProfilesCommand.h"
#include "SecretCommand.h"
#include "SimCommand.h"
#include "StatusCommand.h"

namespace {
const QStringList Commands = {QStringLiteral("status"),   QStringLiteral("credentials"),
                              QStringLiteral("login"),    QStringLiteral("logout"),
                              QStringLiteral("secret"),   QStringLiteral("sim"),
                              QStringLiteral("profiles"), QStringLiteral("export-credentials"),
                              QStringLiteral("console")};
} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    return arguments.size() > 1;
}

QString CommandLine::helpText()
{
    return QStringLiteral(
        "Usage: aws-sso-tray [--demo] | COMMAND [OPTIONS]\n"
        "Stay logged in to AWS IAM Identity Center (AWS SSO).\n"
        "\n"
        "Without a command it starts the tray icon (one per user; a second start hands over to it).\n"
        "  --demo                                   the tray against the built-in simulator, in a throwaway home\n"
        "\n"
        "Commands:\n"
        "  status [--json]                          sessions and profiles, token state, expiry\n"
        "  login (--profile NAME | --sso-session NAME) [--device-code] [--show-browser] [--no-browser]\n"
        "        [--force] [--timeout SECONDS]      sign a session in: nothing while its token is valid, a "
        "silent\n"
        "                                           refresh when possible, else the invisible browser "
        "sign-in\n"
        "        [--desktop [--unattended] [--never-show-browser]]\n"
        "                                           --desktop: as the tray runs it (MFA code dialog, sign-in "
        "window\n"
        "                                           when needed, JSON events on stdout)\n"
        "  login --stdin [--profile NAME | --sso-session NAME]\n"
        "                                           complete the sign-in printed by `aws sso login "
        "--no-browser`\n"
        "  credentials --profile NAME [--login]     credential_process JSON; refreshes silently, never "
        "interactive\n"
        "                                           unless --login lets it sign in like login --profile\n"
        "  console --profile NAME [--print] [--destination URL] [--duration SECONDS]\n"
        "                                           open the AWS console as the profile's role (--print: "
        "print the\n"
        "                                           sign-in URL, a secret for 15 minutes)\n"
        "  logout [--sso-session NAME | --profile NAME | --all]\n"
        "                                           end sessions and remove their cached tokens\n"
        "  secret (set --username USER | set-totp | delete | import-netrc [--machine NAME] [--netrc FILE] | "
        "show)\n"
        "         (--sso-session NAME | --profile NAME | --start-url URL) [--timeout SECONDS]\n"
        "                                           sign-in secrets in the OS keychain, read from the "
        "terminal\n"
        "                                           (no echo) or stdin, never from the command line\n"
        "  profiles generate --sso-session NAME [--name-template T] [--region R] [--prune] [--dry-run]\n"
        "                                           write a [profile X] per account and role of the session\n"
        "  export-credentials [--profile NAME]      role credentials of the profiles with aws_sso_tray_export = "
        "true,\n"
        "                                           kept fresh in the shared credentials file\n"
        "  sim [--listen 127.0.0.1:PORT] [--config FILE]\n"
        "                                           run the local IAM Identity Center simulator\n"
        "\n"
        "Options: --help (also after a command), --version\n"
        "Exit codes: 0 success, 2 usage or configuration error, 3 authentication failed or denied,\n"
        "4 user action needed, 5 network or service error (or no keychain running), 6 timed out.\n");
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
    if (command == QLatin1String("secret")) {
        return SecretCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("profiles")) {
        return ProfilesCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("export-credentials")) {
        return ExportCredentialsCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("console")) {
        return ConsoleCommand(context).run(commandArguments);
    }
    if (command == QLatin1String("sim")) {
        return SimCommand(context).run(commandArguments);
    }
    return context.usageError(QStringLiteral("Unknown command \"%1\"; the commands are %2.")
                                  .arg(command, Commands.join(QStringLiteral(", "))));
}
