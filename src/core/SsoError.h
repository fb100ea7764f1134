#pragma once

#include <QString>

// One failure, phrased for the user: what happened and what to do.
// The kind decides the process exit code, shared by every command.
class SsoError
{
public:
    enum class Kind {
        Usage,          // bad command line
        Config,         // ~/.aws/config is wrong or incomplete
        Cache,          // a cache file is unreadable or unwritable
        AuthFailed,     // the service or portal refused the user
        UserAction,     // the user must do something (log in, finish a page)
        Network,        // connection failed, 5xx, unexpected response
        Timeout,        // a request or the whole operation ran out of time
        Cancelled,      // the caller stopped the operation
    };

    SsoError() = default;
    SsoError(Kind kind, QString message, QString serviceErrorType = {});

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    // The AWS error type without its namespace suffix, e.g. "SlowDownException"; empty when not from AWS.
    const QString &serviceErrorType() const { return m_serviceErrorType; }

    // The process exit code for this kind: 2 usage/config, 3 auth, 4 user action, 5 network, 6 timeout.
    int exitCode() const;

    static int exitCodeFor(Kind kind);

private:
    Kind m_kind = Kind::Network;
    QString m_message;
    QString m_serviceErrorType;
};
