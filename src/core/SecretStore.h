#pragma once

#include "Result.h"

#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

// What the sign-in types into the portal for one start URL.
struct StoredSecrets
{
    QString username;
    QString password;
    QString totpSecret; // base32 or an otpauth:// URI; empty when MFA codes come from elsewhere

    bool hasPassword() const { return !password.isEmpty(); }
    bool hasTotpSecret() const { return !totpSecret.isEmpty(); }
};

// The sign-in secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager)
// through QtKeychain, never anywhere else: the plaintext fallback stays off.
//
// Layout: one entry per start URL, service "aws-sso-tray", key = the normalised start URL, value = a small
// JSON object {"version":1,"username":...,"password":...,"totpSecret":...}. One entry keeps the three
// consistent, costs one keychain round trip and at most one unlock prompt per sign-in.
//
// Every job is bounded by timeout(): a locked keyring waiting on a prompt nobody sees, or a stuck daemon,
// ends in SsoError(Kind::Timeout) instead of a hung app (a write that timed out may still land if the
// keychain wakes up later). Callbacks run on the thread of the store, exactly once per call, and never
// after the store is destroyed. No message ever contains a secret.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultTimeout{10000};

    using ReadCallback = std::function<void(Result<std::optional<StoredSecrets>>)>;
    using StatusCallback = std::function<void(Status)>;

    explicit SecretStore(QObject *parent = nullptr);

    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // The secrets of this start URL, or an empty optional when none are stored.
    void read(const QString &startUrl, ReadCallback done);
    // Replaces whatever was stored for this start URL.
    void write(const QString &startUrl, const StoredSecrets &secrets, StatusCallback done);
    // Removes the entry; removing what is not there succeeds.
    void remove(const QString &startUrl, StatusCallback done);

    static QString serviceName();
    // The keychain's key for a start URL: scheme, host and path without trailing '/', query or fragment,
    // so ".../start", ".../start/" and ".../start/#/" share one entry.
    static QString entryKey(const QString &startUrl);
    // "the Secret Service keyring", "the macOS Keychain", ...: how messages name the keychain.
    static QString keychainName();
    // The user's sentence for a failed job (code is a QKeychain::Error); nullopt for EntryNotFound, which
    // is not a failure. backendMessage is the keychain's own text, kept for the unexpected cases.
    static std::optional<SsoError> describeFailure(int code, const QString &backendMessage);
    static SsoError timeoutError(std::chrono::milliseconds timeout);
    static SsoError lockedError();

private:
    // The backend found nothing; on Linux a locked item looks the same, so ask the Secret Service.
    void reportMissingOrLocked(const QString &startUrl, const ReadCallback &done);
    // Starts job and calls exactly one of finished(job) or timedOut() unless this store is gone first.
    void runBounded(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished,
                    std::function<void()> timedOut);

    std::chrono::milliseconds m_timeout = DefaultTimeout;
};
