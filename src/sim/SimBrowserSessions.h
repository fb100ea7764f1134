#pragma once

#include "SimRequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

// What the simulated portal remembers about browsers through their cookies: the portal session
// (x-amz-sso_authn) that lets a signed-in browser skip the sign-in, and the "remembered device" that lets
// a user skip MFA on a browser where they passed it before.
class SimBrowserSessions
{
public:
    static const QByteArray SessionCookie;
    static const QByteArray RememberedDeviceCookie;

    // The user of the request's live portal session; empty when there is none.
    QString signedInUser(const SimRequest &request) const;
    // A new portal session for the user: the Set-Cookie header value to send.
    QByteArray startSession(const QString &username);

    bool isDeviceRemembered(const SimRequest &request, const QString &username) const;
    // Remembers the request's browser for the user (a new device token when it has none): a Set-Cookie
    // header value.
    QByteArray rememberDevice(const SimRequest &request, const QString &username);

    // Return how many there were.
    int endSessions();
    int forgetDevices();
    int liveSessionCount() const;
    int rememberedDeviceCount() const;

    // The value of one cookie of the request's Cookie header; empty when absent.
    static QByteArray cookie(const SimRequest &request, const QByteArray &name);

private:
    struct Session
    {
        QString username;
        QDateTime expiresAt;
    };

    QHash<QByteArray, Session> m_sessions;              // by cookie value
    QHash<QByteArray, QSet<QString>> m_rememberedUsers; // by device cookie value
};
