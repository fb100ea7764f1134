#pragma once

#include "ClientRegistration.h"
#include "OidcClient.h"
#include "OidcTypes.h"

#include <QObject>
#include <QTimer>

// Polls CreateToken for a device authorization until the user approves it: waits `interval`
// between polls, adds 5 s on SlowDown, stops at ExpiredToken, denial, or the authorization's expiry.
class DeviceCodePoller : public QObject
{
    Q_OBJECT
public:
    DeviceCodePoller(OidcClient *oidc, ClientRegistration registration, DeviceAuthorization authorization,
                     QObject *parent = nullptr);

    void start();
    void cancel();
    int currentIntervalMs() const { return m_intervalMs; }

signals:
    void finished(const Result<TokenResponse> &result);

private:
    void poll();
    void handlePollResult(const Result<TokenResponse> &result);
    void finish(const Result<TokenResponse> &result);

    OidcClient *m_oidc;
    ClientRegistration m_registration;
    DeviceAuthorization m_authorization;
    QTimer m_timer;
    QTimer m_deadline;
    int m_intervalMs;
    bool m_done = false;
};
