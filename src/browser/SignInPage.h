#pragma once

#include <QUrl>
#include <QWebEnginePage>

class QWebEngineCertificateError;

// The web page of one sign-in. It catches the loopback OAuth redirect before any request leaves
// (there is no listener), rejects certificate errors, refuses pop-ups and permission requests,
// and runs the portal driver in an isolated world.
class SignInPage : public QWebEnginePage
{
    Q_OBJECT
public:
    SignInPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    // Scripts of resources/portal: the driver (isolated world) and, for a hidden page, the
    // animation-frame shim (page world). Extra main-world source is for tests (e.g. a WebAuthn stub).
    void installScripts(const QString &extraMainWorldSource = {});
    // false: let the loopback redirect through to whoever listens there (the AWS CLI, with --stdin).
    void setCaptureRedirect(bool capture) { m_captureRedirect = capture; }

signals:
    void redirectCaptured(const QUrl &url);
    void certificateRejected(const QUrl &url, const QString &description);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                  const QString &sourceId) override;

private:
    void onCertificateError(const QWebEngineCertificateError &error);

    bool m_captureRedirect = true;
};
