#include "SignInRun.h"

#ifdef AWS_SSO_TRAY_WEBAUTH_UX
#include "WebAuthUxHandler.h"
#endif

#include "BrowserProfiles.h"
#include "PortalDriver.h"
#include "SignInPage.h"
#include "SignInView.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTimer>
#include <QWebEngineProfile>
#include <limits>
#include <memory>

SignInRun::SignInRun(SsoSession session, OidcClient *oidc, const TokenCache &cache, OriginPolicy policy,
                     SignInSecrets secrets, MfaCodeProvider *mfa, Options options, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_oidc(oidc)
    , m_cache(cache)
    , m_policy(std::move(policy))
    , m_secrets(std::move(secrets))
    , m_mfa(mfa)
    , m_options(std::move(options))
{}

SignInRun::~SignInRun()
{
    // A page must go before its profile.
    delete m_view;
    delete m_driver;
    delete m_page;
    delete m_profile;
}

bool SignInRun::prepare()
{
    Result<QWebEngineProfile *> profile = BrowserProfiles::create(m_session.startUrl, nullptr);
    if (!profile) {
        finish(profile.error());
        return false;
    }
    m_profile = profile.value();
    m_page = new SignInPage(m_profile);
    m_page->installScripts(m_options.extraMainWorldScript);
    m_view = new SignInView(m_page);
    connect(m_page, &SignInPage::certificateRejected, this,
            [this](const QUrl &url, const QString &description) {
                finish(SsoError(
                    SsoError::Kind::Network,
                    tr("The certificate of %1 was rejected (%2); the sign-in stopped. If a proxy re-signs "
                       "traffic, its CA must be trusted by the system.")
                        .arg(OriginPolicy::originOf(url), description)));
            });

#ifdef AWS_SSO_TRAY_WEBAUTH_UX
    // Qt 6.7+: a PIN-protected or multi-account security key asks the user through this.
    auto *webAuth = new WebAuthUxHandler(this);
    connect(m_page, &QWebEnginePage::webAuthUxRequested, webAuth, &WebAuthUxHandler::handle);
    connect(webAuth, &WebAuthUxHandler::touchNeeded, this, &SignInRun::securityKeyNeeded);
    connect(webAuth, &WebAuthUxHandler::failed, this, &SignInRun::progress);
#endif
    m_driver = new PortalDriver(m_page, m_policy, m_secrets, m_mfa);
    m_driver->setLostAfterMs(m_options.lostAfterMs);
    connect(m_driver, &PortalDriver::progress, this, &SignInRun::progress);
    connect(m_driver, &PortalDriver::securityKeyNeeded, this, &SignInRun::securityKeyNeeded);
    connect(m_driver, &PortalDriver::lost, this, &SignInRun::onLost);
    connect(m_driver, &PortalDriver::failed, this, [this](const SsoError &error) { finish(error); });
    if (m_options.showBrowserFromStart) {
        showBrowser();
    }
    return true;
}

void SignInRun::startExternal(const QUrl &url)
{
    m_external = true;
    if (!prepare()) {
        return;
    }
    m_page->setCaptureRedirect(false);
    // The redirect reaching the other program's listener, or the portal's success page, ends our part.
    connect(m_page, &SignInPage::redirectCaptured, this, [this] { finish(SsoToken{}); });
    connect(m_driver, &PortalDriver::portalReportedSuccess, this, [this] { finish(SsoToken{}); });
    openInPage(url);
}

void SignInRun::start()
{
    if (!prepare()) {
        return;
    }
    m_login = new SsoLogin(m_session, m_options.flow, m_oidc, m_cache, this);
    connect(m_login, &SsoLogin::progress, this, &SignInRun::progress);
    connect(m_login, &SsoLogin::authorizationUrlReady, this, &SignInRun::openInPage);
    connect(m_login, &SsoLogin::deviceAuthorizationReady, this,
            [this](const DeviceAuthorization &authorization) {
                openInPage(authorization.verificationUriComplete);
            });
    connect(m_page, &SignInPage::redirectCaptured, m_login, &SsoLogin::completeAuthorization);
    connect(m_login, &SsoLogin::finished, this, [this](const Result<SsoToken> &result) { finish(result); });
    m_login->start();
}

void SignInRun::openInPage(const QUrl &url)
{
    emit progress(tr("Opening the sign-in page"));
    m_page->load(url);
    m_driver->start();
}

void SignInRun::cancel()
{
    finish(SsoError(SsoError::Kind::Cancelled, tr("The sign-in was cancelled.")));
}

void SignInRun::onLost(const QString &reason)
{
    if (m_done) {
        return;
    }
    if (m_options.whenLost == WhenLost::ShowBrowser) {
        showBrowser();
        emit browserShownToUser(reason);
        // The user drives now; the driver still helps on pages it knows (e.g. consent after an IdP).
        m_driver->setLostAfterMs(std::numeric_limits<int>::max());
        m_driver->start();
        return;
    }
    // Keep what the user would need to see, then stop. toHtml answers asynchronously (never from
    // inside another page callback, so no nested event loop); a page that does not answer in time
    // still gets its screenshot.
    auto saved = std::make_shared<bool>(false);
    const auto save = [self = QPointer<SignInRun>(this), reason, saved](const QString &html) {
        if (!self || *saved || self->m_done) {
            return;
        }
        *saved = true;
        const QString where = self->saveDiagnostics(reason, html);
        self->finish(
            SsoError(SsoError::Kind::UserAction,
                     tr("The sign-in of %1 needs you: %2 %3Run the login again with --show-browser to "
                        "finish it by hand.")
                         .arg(self->m_session.displayName(), reason, where)));
    };
    m_page->toHtml(save);
    QTimer::singleShot(3000, this, [save] { save(QString()); });
}

bool SignInRun::browserShown() const
{
    return m_view && m_view->isRevealed();
}

void SignInRun::showBrowser()
{
    if (m_view) {
        m_view->revealToUser(tr("Sign in to %1 - aws-sso-tray").arg(m_session.displayName()));
    }
}

QString SignInRun::saveDiagnostics(const QString &reason, const QString &html)
{
    const QString directory = m_options.diagnosticsDirectory;
    if (directory.isEmpty() || !QDir().mkpath(directory)) {
        return {};
    }
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = directory + QStringLiteral("/signin-") + stamp;
    QStringList written;
    QFile htmlFile(base + QStringLiteral(".html"));
    if (!html.isEmpty() && htmlFile.open(QIODevice::WriteOnly)) {
        htmlFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        htmlFile.write(
            QStringLiteral("<!-- %1\n     %2 -->\n").arg(m_page->url().toString(), reason).toUtf8());
        htmlFile.write(html.toUtf8());
        written.append(htmlFile.fileName());
    }
    // The view is laid out even though it is not on screen, so it can be grabbed.
    const QString png = base + QStringLiteral(".png");
    if (m_view && m_view->grab().save(png)) {
        QFile::setPermissions(png, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        written.append(png);
    }
    return written.isEmpty() ? QString() : tr("The page was saved as %1. ").arg(written.join(tr(" and ")));
}

void SignInRun::finish(const Result<SsoToken> &result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_driver) {
        m_driver->stop();
    }
    if (m_login && !result) {
        m_login->cancel();
    }
    if (m_external) {
        // Let the redirect or the last page finish loading for the other program before stopping.
        emit externalFinished(result ? Status(Done{}) : Status(result.error()));
        return;
    }
    if (m_page) {
        m_page->triggerAction(QWebEnginePage::Stop);
    }
    emit finished(result);
}
