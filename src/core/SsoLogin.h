#pragma once

#include "ClientRegistration.h"
#include "OidcClient.h"
#include "OidcTypes.h"
#include "Pkce.h"
#include "Result.h"
#include "SsoSession.h"
#include "SsoToken.h"
#include "TokenCache.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class DeviceCodePoller;

// One OIDC sign-in of a session, up to the token written to the cache: client registration (reused
// from the cache when still valid for this flow), then either the device-code flow (someone approves
// verificationUriComplete) or the authorization-code flow with PKCE (a browser opens the authorize
// URL and the loopback redirect is handed back through completeAuthorization()).
class SsoLogin : public QObject
{
    Q_OBJECT
public:
    enum class Flow { AuthorizationCode, DeviceCode };

    SsoLogin(SsoSession session, Flow flow, OidcClient *oidc, const TokenCache &cache, QObject *parent = nullptr);
    ~SsoLogin() override;

    // The port of the loopback redirect URI. The redirect is captured by the caller (a browser
    // engine or a listener), so any port works; 0 picks one.
    void setRedirectPort(quint16 port);
    QUrl redirectUri() const;

    void start();
    // PKCE: the URL the browser was redirected to, http://127.0.0.1:PORT/oauth/callback?code=..&state=..
    void completeAuthorization(const QUrl &redirect);
    void cancel();

    const SsoSession &session() const { return m_session; }

signals:
    void progress(const QString &step);
    void deviceAuthorizationReady(const DeviceAuthorization &authorization);
    void authorizationUrlReady(const QUrl &authorizeUrl);
    void finished(const Result<SsoToken> &result);

private:
    void withRegistration();
    void registered(const ClientRegistration &registration);
    void exchangeCode(const QString &code);
    void tokenReceived(const TokenResponse &response);
    void fail(const SsoError &error);
    void finish(const Result<SsoToken> &result);
    bool registrationFits(const ClientRegistration &registration) const;
    QStringList requestedScopes() const;

    SsoSession m_session;
    Flow m_flow;
    OidcClient *m_oidc;
    const TokenCache &m_cache;
    ClientRegistration m_registration;
    Pkce m_pkce;
    QString m_state;
    quint16 m_redirectPort = 0;
    bool m_awaitingRedirect = false;
    bool m_done = false;
    QPointer<DeviceCodePoller> m_poller;
};
