#pragma once

#include "ClientRegistration.h"
#include "Result.h"
#include "SsoSession.h"
#include "SsoToken.h"

#include <QString>
#include <optional>

// ~/.aws/sso/cache: token and client-registration files, shared with the AWS CLI and SDKs.
// Writes are atomic (temp file in the same directory + rename), files 0600, the directory 0700.
// A corrupt file is reported, never silently replaced: before a write over an unreadable file it is
// kept beside it as <name>.corrupt-<UTC time> and the write's notice says so.
class TokenCache
{
public:
    explicit TokenCache(QString directory = defaultDirectory());

    // ~/.aws/sso/cache under the current HOME (not moved by AWS_CONFIG_FILE).
    static QString defaultDirectory();
    const QString &directory() const { return m_directory; }

    QString tokenPath(const SsoSession &session) const;
    QString registrationPath(const SsoSession &session) const;

    // std::nullopt when there is no file; an error when it exists but cannot be used.
    Result<std::optional<SsoToken>> readToken(const SsoSession &session) const;
    // notice (may be null) receives a sentence when a corrupt file was kept aside.
    Status writeToken(const SsoSession &session, const SsoToken &token, QString *notice = nullptr) const;
    Status removeToken(const SsoSession &session) const;

    Result<std::optional<ClientRegistration>> readRegistration(const SsoSession &session) const;
    Status writeRegistration(const SsoSession &session, const ClientRegistration &registration,
                             QString *notice = nullptr) const;

    // What `aws sso logout` deletes: every file here holding "accessToken" (registrations are kept).
    // Returns the removed paths.
    Result<QStringList> removeAllTokens() const;

    // Creates the directory (and missing parents) with mode 0700.
    Status ensureDirectory() const;

private:
    enum class FileKind { Token, Registration };

    // Keeps an existing file of `kind` that cannot be read aside, then writes `content` atomically.
    Status writeFile(const QString &path, const QByteArray &content, FileKind kind, QString *notice) const;

    QString m_directory;
};
