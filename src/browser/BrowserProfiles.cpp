#include "BrowserProfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QWebEngineProfile>

namespace {
Status makePrivateDirectory(const QString &path)
{
    if (!QDir().mkpath(path)) {
        return SsoError(SsoError::Kind::Cache,
                        QStringLiteral("Cannot create the browser profile directory %1; check its parent's "
                                       "permissions.")
                            .arg(path));
    }
    if (!QFile::setPermissions(path,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return SsoError(
            SsoError::Kind::Cache,
            QStringLiteral("Cannot make the browser profile directory %1 private (mode 0700).").arg(path));
    }
    return Done{};
}
} // namespace

QString BrowserProfiles::rootDirectory()
{
    const QString overridden = qEnvironmentVariable("AWS_SSO_TRAY_DATA_DIR");
    const QString base = overridden.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                             : overridden;
    return base + QStringLiteral("/browser");
}

Result<QWebEngineProfile *> BrowserProfiles::create(const QString &startUrl, QObject *parent)
{
    const QString root = rootDirectory();
    const QString name =
        QStringLiteral("signin-") +
        QString::fromLatin1(
            QCryptographicHash::hash(startUrl.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    const QString profileDirectory = root + QLatin1Char('/') + name;
    for (const QString &directory : QStringList{QFileInfo(root).path(), root, profileDirectory}) {
        const Status made = makePrivateDirectory(directory);
        if (!made) {
            return made.error();
        }
    }
    auto *profile = new QWebEngineProfile(name, parent);
    profile->setPersistentStoragePath(profileDirectory);
    profile->setCachePath(profileDirectory + QStringLiteral("/cache"));
    // Identity providers keep the sign-in in session cookies; without this they die with the process.
    profile->setPersistentCookiesPolicy(QWebEngineProfile::ForcePersistentCookies);
    profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    profile->setSpellCheckEnabled(false);
    return profile;
}
