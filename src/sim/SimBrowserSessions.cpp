#include "SimBrowserSessions.h"

#include "SimRandom.h"
#include "SimState.h"

const QByteArray SimBrowserSessions::SessionCookie = QByteArrayLiteral("x-amz-sso_authn");
const QByteArray SimBrowserSessions::RememberedDeviceCookie =
    QByteArrayLiteral("x-amz-sso-remembered-device");

namespace {

// The portal's default session duration.
constexpr int SessionLifetimeSeconds = 8 * 3600;
constexpr int RememberedDeviceLifetimeSeconds = 30 * 24 * 3600;

} // namespace

QByteArray SimBrowserSessions::cookie(const SimRequest &request, const QByteArray &name)
{
    // "a=1; b=2": names are case-sensitive, values are taken as they are.
    const QList<QByteArray> pairs = request.header(QByteArrayLiteral("Cookie")).split(';');
    for (const QByteArray &pair : pairs) {
        const int equals = pair.indexOf('=');
        if (equals > 0 && pair.left(equals).trimmed() == name) {
            return pair.mid(equals + 1).trimmed();
        }
    }
    return {};
}

QString SimBrowserSessions::signedInUser(const SimRequest &request) const
{
    const QByteArray token = cookie(request, SessionCookie);
    const auto it = m_sessions.constFind(token);
    if (token.isEmpty() || it == m_sessions.constEnd() || it->expiresAt <= SimState::now()) {
        return {};
    }
    return it->username;
}

QByteArray SimBrowserSessions::startSession(const QString &username)
{
    const QByteArray token = SimRandom::token(QString(), 32).toLatin1();
    m_sessions.insert(token, Session{username, SimState::now().addSecs(SessionLifetimeSeconds)});
    // A session cookie (no expiry), as many identity providers use: a browser profile keeps it only when
    // it persists session cookies.
    return SessionCookie + '=' + token + QByteArrayLiteral("; Path=/; HttpOnly; SameSite=Lax");
}

bool SimBrowserSessions::isDeviceRemembered(const SimRequest &request, const QString &username) const
{
    const QByteArray token = cookie(request, RememberedDeviceCookie);
    return !token.isEmpty() && m_rememberedUsers.value(token).contains(username);
}

QByteArray SimBrowserSessions::rememberDevice(const SimRequest &request, const QString &username)
{
    QByteArray token = cookie(request, RememberedDeviceCookie);
    if (token.isEmpty() || !m_rememberedUsers.contains(token)) {
        token = SimRandom::token(QString(), 24).toLatin1();
    }
    m_rememberedUsers[token].insert(username);
    return RememberedDeviceCookie + '=' + token +
           QByteArrayLiteral("; Path=/; HttpOnly; SameSite=Lax; Max-Age=") +
           QByteArray::number(RememberedDeviceLifetimeSeconds);
}

int SimBrowserSessions::endSessions()
{
    const int live = liveSessionCount();
    m_sessions.clear();
    return live;
}

int SimBrowserSessions::forgetDevices()
{
    const int count = rememberedDeviceCount();
    m_rememberedUsers.clear();
    return count;
}

int SimBrowserSessions::liveSessionCount() const
{
    int live = 0;
    for (const Session &session : m_sessions) {
        live += session.expiresAt > SimState::now() ? 1 : 0;
    }
    return live;
}

int SimBrowserSessions::rememberedDeviceCount() const
{
    return int(m_rememberedUsers.size());
}
