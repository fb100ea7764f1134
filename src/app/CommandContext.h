#pragma once

#include "AwsConfigFile.h"
#include "Result.h"
#include "SsoConfig.h"
#include "TokenCache.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>
#include <cstdio>
#include <memory>

// What every command needs: the AWS config as the CLI would read it, the token cache, the environment,
// and the two output streams (results on stdout, progress and errors on stderr).
class CommandContext
{
public:
    // results: where out() writes; stderr for a command run inside another whose stdout is taken.
    explicit CommandContext(FILE *results = stdout);

    // Reads AWS_CONFIG_FILE / ~/.aws/config once; a file that cannot be parsed is an error (exit 2).
    Result<const SsoConfig *> config();
    const TokenCache &cache() const { return m_cache; }
    const QProcessEnvironment &environment() const { return m_environment; }

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    // Prints "aws-sso-tray: <message>" on stderr and returns the error's exit code.
    int fail(const SsoError &error);
    int usageError(const QString &message);

    // For a parent process (the tray): each progress step and the outcome also go to stdout as one JSON
    // line each ({"event":"progress","text":...}, {"event":"failed","message":...,"exitCode":N}, ...).
    void enableEvents() { m_eventsEnabled = true; }
    bool eventsEnabled() const { return m_eventsEnabled; }
    // "<step>..." on stderr, and a progress event.
    void progress(const QString &step);
    void event(const QString &kind, const QJsonObject &fields = {});

private:
    QProcessEnvironment m_environment;
    TokenCache m_cache;
    std::unique_ptr<SsoConfig> m_config;
    QTextStream m_out;
    QTextStream m_err;
    bool m_eventsEnabled = false;
};
