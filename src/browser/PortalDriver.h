#pragma once

#include "MfaCodeProvider.h"
#include "OriginPolicy.h"
#include "Result.h"
#include "SignInSecrets.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

class SignInPage;

// Walks the sign-in pages: asks the injected driver which step the page shows and tells it what to
// do, typing secrets only on trusted origins. It reports progress, and gives up to the user when a
// page is unknown or makes no progress, never spinning silently.
class PortalDriver : public QObject
{
    Q_OBJECT
public:
    PortalDriver(SignInPage *page, OriginPolicy policy, SignInSecrets secrets, MfaCodeProvider *mfa,
                 QObject *parent = nullptr);

    void start();
    void stop();
    // How long a page may stay unknown, or a step stuck, before the user is asked to take over.
    void setLostAfterMs(int milliseconds) { m_lostAfterMs = milliseconds; }
    const QString &currentStep() const { return m_step; }
    const QString &lastUrl() const { return m_url; }

signals:
    void progress(const QString &description);
    void securityKeyNeeded();
    // The driver cannot go on by itself; the reason says why (unknown page, no stored password...).
    void lost(const QString &reason);
    // The portal refused (wrong password, locked, denied) or the page is not trusted: stop the run.
    void failed(const SsoError &error);
    void portalReportedSuccess();

private:
    void tick();
    void handleState(const QJsonObject &state);
    void perform(const QString &action, const QJsonObject &values, const QString &origin);
    void enterStep(const QString &step);
    void requestMfaCode(const QString &origin);
    bool requireTrusted(const QJsonObject &state, const QString &what);
    void giveUp(const QString &reason);

    SignInPage *m_page;
    OriginPolicy m_policy;
    SignInSecrets m_secrets;
    MfaCodeProvider *m_mfa;
    QTimer m_ticker;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_cooldown;
    QString m_step;
    QString m_url;
    QString m_mfaCode; // obtained, not yet accepted by the form
    QString m_lastActedStep;
    QHash<QString, int> m_actionsDone;
    int m_mfaAttempts = 0;
    int m_lostAfterMs = 8000;
    bool m_busy = false;
    bool m_running = false;
    bool m_successReported = false;
    bool m_securityKeyAnnounced = false;
};
