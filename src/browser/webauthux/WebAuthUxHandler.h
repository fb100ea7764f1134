#pragma once

#include <QObject>
#include <QPointer>

class QInputDialog;
class QWebEngineWebAuthUxRequest;

// Qt 6.7+ only (built where QWebEnginePage::webAuthUxRequested exists): answers what Chromium asks of
// the user during a security-key ceremony: which account (resident keys), the key's PIN (with the
// attempts left and why a PIN was refused), "touch the key", and why the ceremony failed. Without it a
// PIN-protected key waits until the page gives up. On a display the questions are small dialogs; a
// sign-in with no display (the terminal's offscreen page) cannot ask, so it cancels the ceremony and
// says how to finish instead. Secrets typed here go to the key only, never anywhere else.
class WebAuthUxHandler : public QObject
{
    Q_OBJECT
public:
    explicit WebAuthUxHandler(QObject *parent = nullptr);
    ~WebAuthUxHandler() override;

    // Connected to QWebEnginePage::webAuthUxRequested; the request lives until it completes or is cancelled.
    void handle(QWebEngineWebAuthUxRequest *request);

signals:
    // "Touch your security key" (the key is waiting for a touch).
    void touchNeeded();
    // The ceremony failed or was cancelled for this reason; the sign-in page reports the rest.
    void failed(const QString &reason);

private:
    void onStateChanged();
    void askForAccount();
    void askForPin();
    void closeDialog();
    static bool canAskTheUser();

    QPointer<QWebEngineWebAuthUxRequest> m_request;
    QPointer<QInputDialog> m_dialog;
};
