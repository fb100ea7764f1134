#include "SignInLock.h"

#include "TokenCache.h"

#include <QDir>
#include <QFileInfo>

SignInLock::SignInLock(const TokenCache &cache, const SsoSession &session)
    : m_path(cache.directory() + u'/' + session.tokenCacheKey() + QStringLiteral(".lock"))
    , m_sessionName(session.displayName())
    , m_lock(m_path)
{
    // A sign-in may take minutes (MFA on a phone); only a dead holder makes the lock stale, never age.
    m_lock.setStaleLockTime(0);
}

Status SignInLock::take(int timeoutMs, const std::function<void()> &onWait)
{
    const Status directoryReady = TokenCache(QFileInfo(m_path).path()).ensureDirectory();
    if (!directoryReady) {
        return directoryReady;
    }
    if (m_lock.tryLock(0)) {
        return Done{};
    }
    if (m_lock.error() == QLockFile::LockFailedError) {
        m_waited = true;
        if (onWait) {
            onWait();
        }
        if (m_lock.tryLock(timeoutMs)) {
            return Done{};
        }
    }
    if (m_lock.error() == QLockFile::LockFailedError) {
        return SsoError(SsoError::Kind::Timeout,
                        QStringLiteral("Another sign-in of %1 is still running after %2 s; finish or stop it "
                                       "(its lock is %3), then try again.")
                            .arg(m_sessionName)
                            .arg(timeoutMs / 1000)
                            .arg(QDir::toNativeSeparators(m_path)));
    }
    return SsoError(SsoError::Kind::Cache,
                    QStringLiteral("Could not create the sign-in lock %1 (%2); check the permissions of the "
                                   "SSO cache directory.")
                        .arg(QDir::toNativeSeparators(m_path), m_lock.error() == QLockFile::PermissionError
                                                                   ? QStringLiteral("permission denied")
                                                                   : QStringLiteral("unknown error")));
}
