#pragma once

#include "Result.h"
#include "SsoSession.h"

#include <QLockFile>
#include <QString>
#include <functional>

class TokenCache;

// One sign-in per SSO session at a time, across processes: the tray's login child and a login typed
// in a terminal would otherwise both open the portal and both write the token. The lock is a
// QLockFile beside the token (<key>.lock in the cache directory, so it follows HOME and the cache);
// a lock left by a process that died is taken over.
class SignInLock
{
public:
    SignInLock(const TokenCache &cache, const SsoSession &session);

    const QString &path() const { return m_path; }

    // Takes the lock at once when it is free; otherwise calls onWait once and waits up to timeoutMs.
    // A Timeout error when another sign-in still holds it then, a Cache error when the lock file
    // cannot be made.
    Status take(int timeoutMs, const std::function<void()> &onWait);
    // True when take() had to wait for another holder.
    bool waited() const { return m_waited; }

private:
    QString m_path;
    QString m_sessionName;
    QLockFile m_lock;
    bool m_waited = false;
};
