#pragma once

#include "MfaCodeProvider.h"
#include "OidcClient.h"
#include "OriginPolicy.h"
#include "Result.h"
#include "SignInSecrets.h"
#include "SsoLogin.h"
#include "SsoSession.h"
#include "SsoToken.h"
#include "TokenCache.h"

#include <QObject>
#include <QPointer>

class PortalDriver;
class QWebEngineProfile;
class SignInView;
class SignInPage;

// One browser sign-in of a session, from the OIDC start to the token in the cache: an invisible
// page with the session's persistent profile, the portal driver on it, and the OIDC flow around it.
// When the driver is lost, the page is either shown to the user (desktop) or saved for diagnosis
// and the run fails with "user action needed" (terminal).
class SignInRun : public QObject
{
    Q_OBJECT
public:
    enum class WhenLost
    {
        ShowBrowser,
        Fail
    };

    struct Options
    {
        SsoLogin::Flow flow = SsoLogin::Flow::AuthorizationCode;
        WhenLost whenLost = WhenLost::Fail;
        bool showBrowserFromStart = false;
        int lostAfterMs = 8000;
        QString diagnosticsDirectory; // where a lost page's HTML and screenshot go
        QString extraMainWorldScript; // tests: e.g. a navigator.credentials.get stand-in
    };

    SignInRun(SsoSession session, OidcClient *oidc, const TokenCache &cache, OriginPolicy policy,
              SignInSecrets secrets, MfaCodeProvider *mfa, Options options, QObject *parent = nullptr);
    ~SignInRun() override;

    void start();
    // Completes a sign-in another program started (aws sso login --no-browser | aws-sso-tray login
    // --stdin): drives the pages at url; that program polls or receives the redirect and writes the token.
    void startExternal(const QUrl &url);
    void cancel();
    bool browserShown() const;

signals:
    void progress(const QString &description);
    void securityKeyNeeded();
    void browserShownToUser(const QString &reason);
    void finished(const Result<SsoToken> &result);
    void externalFinished(const Status &result);

private:
    bool prepare();
    void openInPage(const QUrl &url);
    void onLost(const QString &reason);
    void showBrowser();
    QString saveDiagnostics(const QString &reason, const QString &html);
    void finish(const Result<SsoToken> &result);

    SsoSession m_session;
    OidcClient *m_oidc;
    const TokenCache &m_cache;
    OriginPolicy m_policy;
    SignInSecrets m_secrets;
    MfaCodeProvider *m_mfa;
    Options m_options;
    QWebEngineProfile *m_profile = nullptr;
    SignInPage *m_page = nullptr;
    SignInView *m_view = nullptr;
    PortalDriver *m_driver = nullptr;
    SsoLogin *m_login = nullptr;
    bool m_done = false;
    bool m_external = false;
};
