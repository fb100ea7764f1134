#include "SignInPage.h"

#include <QFile>
#include <QWebEngineCertificateError>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>

namespace {
QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool isLoopbackRedirect(const QUrl &url)
{
    const QString host = url.host();
    return url.scheme() == QLatin1String("http") &&
           (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
            host == QLatin1String("::1")) &&
           url.path() == QLatin1String("/oauth/callback");
}
} // namespace

SignInPage::SignInPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    connect(this, &QWebEnginePage::certificateError, this, &SignInPage::onCertificateError);
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            [this](const QUrl &origin, QWebEnginePage::Feature feature) {
                setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
            });
}

void SignInPage::installScripts(const QString &extraMainWorldSource)
{
    QWebEngineScript visibility;
    visibility.setName(QStringLiteral("aws-sso-tray-visibility"));
    visibility.setInjectionPoint(QWebEngineScript::DocumentCreation);
    visibility.setWorldId(QWebEngineScript::MainWorld);
    visibility.setRunsOnSubFrames(false);
    visibility.setSourceCode(resourceText(QStringLiteral(":/portal/page-visibility.js")) +
                             extraMainWorldSource);
    scripts().insert(visibility);

    QWebEngineScript driver;
    driver.setName(QStringLiteral("aws-sso-tray-driver"));
    driver.setInjectionPoint(QWebEngineScript::DocumentCreation);
    driver.setWorldId(QWebEngineScript::ApplicationWorld);
    driver.setRunsOnSubFrames(false);
    driver.setSourceCode(QStringLiteral("window.__awsSsoTrayRules = %1;\n%2")
                             .arg(resourceText(QStringLiteral(":/portal/rules.json")),
                                  resourceText(QStringLiteral(":/portal/driver.js"))));
    scripts().insert(driver);
}

bool SignInPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isLoopbackRedirect(url)) {
        // The authorization code arrives here; nothing is listening on that port, and nothing needs to.
        emit redirectCaptured(url);
        return !m_captureRedirect;
    }
    return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
}

QWebEnginePage *SignInPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    // Sign-in never needs a second window; a pop-up would escape the driver's origin checks.
    return nullptr;
}

void SignInPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                          int lineNumber, const QString &sourceId)
{
    // Page console output is not logged: a page could echo what was typed into it.
    Q_UNUSED(level)
    Q_UNUSED(message)
    Q_UNUSED(lineNumber)
    Q_UNUSED(sourceId)
}

void SignInPage::onCertificateError(const QWebEngineCertificateError &error)
{
    // Never overridden: a certificate the system does not trust ends the sign-in.
    QWebEngineCertificateError copy = error;
    copy.rejectCertificate();
    emit certificateRejected(error.url(), error.description());
}
