#include "TokenCache.h"

#include "AtomicFile.h"
#include "SsoClock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <utility>

namespace {

QString loginCommand(const SsoSession &session)
{
    return session.isLegacy() ? QStringLiteral("aws-sso-tray login --profile <a profile with start URL %1>")
                                    .arg(session.startUrl)
                              : QStringLiteral("aws-sso-tray login --sso-session %1").arg(session.name);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

struct FileContent
{
    bool exists = false;
    QByteArray bytes;
    QString readError; // set when the file exists but cannot be read
};

FileContent readWholeFile(const QString &path)
{
    FileContent content;
    QFile file(path);
    // A dangling symlink counts as existing: writing through it must not go unnoticed.
    content.exists = QFileInfo(path).isSymLink() || file.exists();
    if (!content.exists) {
        return content;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        content.readError = file.errorString();
        return content;
    }
    content.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        content.readError = file.errorString();
    }
    return content;
}

// The error for a cache file that exists but cannot be used, with what to do about it.
SsoError unreadable(const QString &problem, const SsoSession &session)
{
    return SsoError(SsoError::Kind::Cache,
                    QStringLiteral("%1 Run %2 to replace it; the old file will be kept beside it with a "
                                   ".corrupt-<time> suffix.")
                        .arg(problem, loginCommand(session)));
}

} // namespace

TokenCache::TokenCache(QString directory)
    : m_directory(std::move(directory))
{}

QString TokenCache::defaultDirectory()
{
    return QDir::homePath() + QStringLiteral("/.aws/sso/cache");
}

QString TokenCache::tokenPath(const SsoSession &session) const
{
    return m_directory + u'/' + session.tokenCacheKey() + QStringLiteral(".json");
}

QString TokenCache::registrationPath(const SsoSession &session) const
{
    return m_directory + u'/' + session.registrationCacheKey() + QStringLiteral(".json");
}

Result<std::optional<SsoToken>> TokenCache::readToken(const SsoSession &session) const
{
    const QString path = tokenPath(session);
    const FileContent content = readWholeFile(path);
    if (!content.exists) {
        return std::optional<SsoToken>{};
    }
    if (!content.readError.isEmpty()) {
        return unreadable(
            QStringLiteral("Cannot read the SSO token file %1: %2.").arg(native(path), content.readError),
            session);
    }
    Result<SsoToken> token = SsoToken::fromJson(content.bytes, path);
    if (!token) {
        return unreadable(token.error().message(), session);
    }
    return std::optional<SsoToken>(std::move(token).value());
}

Status TokenCache::writeToken(const SsoSession &session, const SsoToken &token, QString *notice) const
{
    return writeFile(tokenPath(session), token.toJson(), FileKind::Token, notice);
}

Status TokenCache::removeToken(const SsoSession &session) const
{
    const QString path = tokenPath(session);
    QFile file(path);
    if (!file.exists() && !QFileInfo(path).isSymLink()) {
        return Done{};
    }
    if (!file.remove()) {
        return SsoError(SsoError::Kind::Cache,
                        QStringLiteral("Could not remove %1: %2.").arg(native(path), file.errorString()));
    }
    return Done{};
}

Result<std::optional<ClientRegistration>> TokenCache::readRegistration(const SsoSession &session) const
{
    const QString path = registrationPath(session);
    const FileContent content = readWholeFile(path);
    if (!content.exists) {
        return std::optional<ClientRegistration>{};
    }
    if (!content.readError.isEmpty()) {
        return unreadable(QStringLiteral("Cannot read the SSO client registration file %1: %2.")
                              .arg(native(path), content.readError),
                          session);
    }
    Result<ClientRegistration> registration = ClientRegistration::fromJson(content.bytes, path);
    if (!registration) {
        return unreadable(registration.error().message(), session);
    }
    return std::optional<ClientRegistration>(std::move(registration).value());
}

Status TokenCache::writeRegistration(const SsoSession &session, const ClientRegistration &registration,
                                     QString *notice) const
{
    return writeFile(registrationPath(session), registration.toJson(), FileKind::Registration, notice);
}

Result<QStringList> TokenCache::removeAllTokens() const
{
    QStringList removed;
    QStringList failures;
    const QDir directory(m_directory);
    if (!directory.exists()) {
        return removed;
    }
    const QFileInfoList candidates =
        directory.entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo &candidate : candidates) {
        const FileContent content = readWholeFile(candidate.filePath());
        const QJsonDocument document = QJsonDocument::fromJson(content.bytes);
        // Like `aws sso logout`: whatever holds an access token goes; registrations and unreadable
        // files stay.
        if (!document.isObject() || !document.object().contains(QStringLiteral("accessToken"))) {
            continue;
        }
        QFile file(candidate.filePath());
        if (file.remove()) {
            removed.append(candidate.filePath());
        } else {
            failures.append(QStringLiteral("%1 (%2)").arg(native(candidate.filePath()), file.errorString()));
        }
    }
    if (!failures.isEmpty()) {
        return SsoError(
            SsoError::Kind::Cache,
            QStringLiteral("Could not remove the cached SSO token(s) %1; %2 other(s) were removed.")
                .arg(failures.join(QStringLiteral(", ")))
                .arg(removed.size()));
    }
    return removed;
}

Status TokenCache::ensureDirectory() const
{
    const QString target = QDir::cleanPath(m_directory);
    if (QFileInfo(target).isDir()) {
        return Done{};
    }
    // ~/.aws and ~/.aws/sso may be missing too; every directory made here is the owner's alone.
    if (!AtomicFile::makeOwnerOnlyDirectory(target) && !QFileInfo::exists(target)) {
        return SsoError(SsoError::Kind::Cache,
                        QStringLiteral("Could not create the SSO cache directory %1.").arg(native(target)));
    }
    if (!QFileInfo(target).isDir()) {
        return SsoError(SsoError::Kind::Cache,
                        QStringLiteral("The SSO cache directory %1 is not a directory.").arg(native(target)));
    }
    return Done{};
}

Status TokenCache::writeFile(const QString &path, const QByteArray &content, FileKind kind,
                             QString *notice) const
{
    const Status directoryReady = ensureDirectory();
    if (!directoryReady) {
        return directoryReady;
    }

    const FileContent existing = readWholeFile(path);
    if (existing.exists) {
        const bool usable =
            existing.readError.isEmpty() &&
            (kind == FileKind::Token ? bool(SsoToken::fromJson(existing.bytes, path))
                                     : bool(ClientRegistration::fromJson(existing.bytes, path)));
        if (!usable) {
            // Nothing is lost silently: what we cannot read may still matter to someone.
            const QString stamp = SsoClock::now().toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
            const QString base = path + QStringLiteral(".corrupt-") + stamp;
            QString keptAs = base;
            for (int attempt = 2; QFileInfo(keptAs).exists() || QFileInfo(keptAs).isSymLink(); ++attempt) {
                keptAs = base + u'-' + QString::number(attempt);
            }
            if (!QFile::rename(path, keptAs)) {
                return SsoError(
                    SsoError::Kind::Cache,
                    QStringLiteral("%1 cannot be read and could not be moved aside to %2; remove or "
                                   "fix it, then try again.")
                        .arg(native(path), native(keptAs)));
            }
            if (notice) {
                *notice = QStringLiteral("The unreadable file %1 was kept as %2 and a new one written in its "
                                         "place.")
                              .arg(native(path), native(keptAs));
            }
        }
    }
    return AtomicFile::write(path, content);
}
