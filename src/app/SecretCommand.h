#pragma once

#include "CommandContext.h"
#include "Result.h"
#include "SecretStore.h"

#include <QCommandLineParser>
#include <QStringList>
#include <optional>

// aws-sso-tray secret (set | set-totp | delete | import-netrc | show) (--sso-session NAME | --profile NAME |
// --start-url URL) ...: the sign-in secrets of one start URL in the OS keychain. Secrets come from the
// terminal with echo off or from a pipe, never from the command line, and are never printed.
class SecretCommand
{
public:
    explicit SecretCommand(CommandContext &context);
    int run(const QStringList &arguments);

private:
    Result<QString> selectedStartUrl(const QCommandLineParser &parser);
    // The stored entry. With a non-empty whatHappensToIt, an unreadable (foreign-format) entry counts as
    // absent after a warning ending in it, so that set and delete can replace or remove it.
    Result<std::optional<StoredSecrets>> readExisting(SecretStore &store, const QString &startUrl,
                                                      const QString &whatHappensToIt);
    Status write(SecretStore &store, const QString &startUrl, const StoredSecrets &secrets);

    int set(SecretStore &store, const QString &startUrl, const QString &username);
    int setTotp(SecretStore &store, const QString &startUrl);
    int remove(SecretStore &store, const QString &startUrl);
    int importNetrc(SecretStore &store, const QString &startUrl, const QString &netrcPath,
                    const QString &machine);
    int show(SecretStore &store, const QString &startUrl);

    CommandContext &m_context;
};
