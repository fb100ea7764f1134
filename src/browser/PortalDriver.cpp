#include "PortalDriver.h"

#include "SignInPage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QWebEngineScript>
#include <utility>

namespace {
constexpr int TickMs = 50;
// After an action the page needs a moment to react; acting again at once would double-submit.
constexpr int CooldownMs = 700;
// A security key waits for a human touch: give it far longer than a page load.
constexpr int SecurityKeyPatienceMs = 90000;
// The same form typed this often without leaving it means the portal silently refuses it.
constexpr int MaxSubmitsPerStep = 3;

QString jsString(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString describeStep(const QString &step)
{
    if (step == QLatin1String("cookieBanner")) {
        return PortalDriver::tr("Accepting the cookie banner");
    }
    if (step == QLatin1String("deviceConfirm")) {
        return PortalDriver::tr("Confirming the device code");
    }
    if (step == QLatin1String("username")) {
        return PortalDriver::tr("Entering the username");
    }
    if (step == QLatin1String("password")) {
        return PortalDriver::tr("Entering the password");
    }
    if (step == QLatin1String("mfa")) {
        return PortalDriver::tr("Entering the MFA code");
    }
    if (step == QLatin1String("securityKey")) {
        return PortalDriver::tr("Waiting for the security key");
    }
    if (step == QLatin1String("consent")) {
        return PortalDriver::tr("Allowing access");
    }
    if (step == QLatin1String("success")) {
        return PortalDriver::tr("The portal approved the sign-in");
    }
    return {};
}
} // namespace

PortalDriver::PortalDriver(SignInPage *page, OriginPolicy policy, SignInSecrets secrets, MfaCodeProvider *mfa,
                           QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_policy(std::move(policy))
    , m_secrets(std::move(secrets))
    , m_mfa(mfa)
{
    m_ticker.setInterval(TickMs);
    connect(&m_ticker, &QTimer::timeout, this, &PortalDriver::tick);
}

void PortalDriver::start()
{
    m_running = true;
    m_sinceProgress.start();
    m_ticker.start();
}

void PortalDriver::stop()
{
    m_running = false;
    m_ticker.stop();
}

void PortalDriver::tick()
{
    if (m_busy || !m_running) {
        return;
    }
    m_busy = true;
    const QString script =
        QStringLiteral("window.__awsSsoTrayDriver ? "
                       "JSON.stringify(window.__awsSsoTrayDriver.inspect(window.__awsSsoTrayRules)) "
                       ": null");
    m_page->runJavaScript(
        script, QWebEngineScript::ApplicationWorld,
        [self = QPointer<PortalDriver>(this)](const QVariant &result) {
            if (!self) {
                return;
            }
            self->m_busy = false;
            if (!self->m_running) {
                return;
            }
            const QJsonObject state = QJsonDocument::fromJson(result.toString().toUtf8()).object();
            self->handleState(
                state.isEmpty() ? QJsonObject{{QStringLiteral("step"), QStringLiteral("loading")}} : state);
        });
}

void PortalDriver::enterStep(const QString &step)
{
    if (step == m_step) {
        return;
    }
    m_step = step;
    m_sinceProgress.restart();
    const QString description = describeStep(step);
    if (!description.isEmpty()) {
        emit progress(description);
    }
}

bool PortalDriver::requireTrusted(const QJsonObject &state, const QString &what)
{
    const QUrl url(state.value(QStringLiteral("url")).toString());
    if (m_policy.isTrusted(url)) {
        return true;
    }
    stop();
    emit failed(
        SsoError(SsoError::Kind::AuthFailed,
                 tr("A page on %1 asked for the %2, but that site is not the AWS sign-in or your start "
                    "URL, so nothing was typed. If your organisation signs in through another identity "
                    "provider, add its origin to the trusted origins.")
                     .arg(OriginPolicy::originOf(url), what)));
    return false;
}

void PortalDriver::giveUp(const QString &reason)
{
    stop();
    emit lost(reason);
}

void PortalDriver::handleState(const QJsonObject &state)
{
    const QString step = state.value(QStringLiteral("step")).toString();
    m_url = state.value(QStringLiteral("url")).toString(m_url);
    const QString origin = state.value(QStringLiteral("origin")).toString();
    enterStep(step);

    if (step == QLatin1String("error")) {
        stop();
        emit failed(
            SsoError(SsoError::Kind::AuthFailed,
                     tr("The sign-in page says: \"%1\". Nothing was written; fix the stored secret with "
                        "aws-sso-tray secret set if it is wrong.")
                         .arg(state.value(QStringLiteral("message")).toString())));
        return;
    }
    if (step == QLatin1String("success")) {
        if (!m_successReported) {
            m_successReported = true;
            emit portalReportedSuccess();
        }
        return;
    }
    if (step == QLatin1String("securityKey")) {
        if (!m_securityKeyAnnounced) {
            m_securityKeyAnnounced = true;
            emit securityKeyNeeded();
        }
        if (m_sinceProgress.elapsed() > SecurityKeyPatienceMs) {
            giveUp(tr("The security key was not used in time."));
        }
        return;
    }
    const bool actionable = state.value(QStringLiteral("actionable")).toBool();
    if (step == QLatin1String("loading") || step == QLatin1String("unknown") || !actionable) {
        if (m_sinceProgress.elapsed() > m_lostAfterMs) {
            giveUp(step == QLatin1String("unknown") || step == QLatin1String("loading")
                       ? tr("The page at %1 is not a sign-in step this app knows.").arg(m_url)
                       : tr("The %1 step at %2 made no progress.").arg(step, m_url));
        }
        return;
    }
    // Only the step just acted on waits: a new step means the page has already reacted.
    if (step == m_lastActedStep && m_cooldown.isValid() && m_cooldown.elapsed() < CooldownMs) {
        return;
    }
    if (m_actionsDone.value(step) >= MaxSubmitsPerStep) {
        if (m_sinceProgress.elapsed() > m_lostAfterMs) {
            stop();
            emit failed(
                SsoError(SsoError::Kind::AuthFailed,
                         tr("The sign-in page keeps asking for the %1 without saying why; check the stored "
                            "secrets with aws-sso-tray secret show.")
                             .arg(describeStep(step).toLower())));
        }
        return;
    }

    if (step == QLatin1String("cookieBanner")) {
        perform(QStringLiteral("acceptCookies"), {}, origin);
    } else if (step == QLatin1String("deviceConfirm")) {
        if (requireTrusted(state, tr("device code confirmation"))) {
            perform(QStringLiteral("confirmDevice"), {}, origin);
        }
    } else if (step == QLatin1String("consent")) {
        if (requireTrusted(state, tr("access consent"))) {
            perform(QStringLiteral("allow"), {}, origin);
        }
    } else if (step == QLatin1String("username")) {
        if (!requireTrusted(state, tr("username"))) {
            return;
        }
        if (m_secrets.username.isEmpty()) {
            giveUp(tr("No username is stored for this start URL (aws-sso-tray secret set)."));
            return;
        }
        perform(QStringLiteral("username"), {{QStringLiteral("username"), m_secrets.username}}, origin);
    } else if (step == QLatin1String("password")) {
        if (!requireTrusted(state, tr("password"))) {
            return;
        }
        if (m_secrets.password.isEmpty()) {
            giveUp(tr("No password is stored for this start URL (aws-sso-tray secret set)."));
            return;
        }
        perform(QStringLiteral("password"),
                {{QStringLiteral("username"), m_secrets.username},
                 {QStringLiteral("password"), m_secrets.password}},
                origin);
    } else if (step == QLatin1String("mfa")) {
        if (!requireTrusted(state, tr("MFA code"))) {
            return;
        }
        // A code already obtained is kept until the form takes it (the button may still be disabled):
        // asking again would make a person type twice, or burn a TOTP period.
        if (m_mfaCode.isEmpty()) {
            requestMfaCode(origin);
        } else {
            perform(QStringLiteral("mfa"), {{QStringLiteral("code"), m_mfaCode}}, origin);
        }
    }
}

void PortalDriver::requestMfaCode(const QString &origin)
{
    if (!m_mfa) {
        giveUp(tr("The sign-in asks for an MFA code and no way to get one is set up."));
        return;
    }
    m_busy = true;
    emit progress(tr("Getting the MFA code"));
    m_mfa->requestCode(++m_mfaAttempts, [self = QPointer<PortalDriver>(this), origin](Result<QString> code) {
        if (!self) {
            return;
        }
        self->m_busy = false;
        if (!self->m_running) {
            return;
        }
        if (!code) {
            self->stop();
            emit self->failed(code.error());
            return;
        }
        // Typing a code can take a person minutes: that is not the page being stuck.
        self->m_sinceProgress.restart();
        self->m_mfaCode = code.value();
        self->perform(QStringLiteral("mfa"), {{QStringLiteral("code"), self->m_mfaCode}}, origin);
    });
}

void PortalDriver::perform(const QString &action, const QJsonObject &values, const QString &origin)
{
    m_busy = true;
    const QString step = m_step;
    const QString script =
        QStringLiteral(
            "JSON.stringify(window.__awsSsoTrayDriver.perform(window.__awsSsoTrayRules, %1, %2, %3))")
            .arg(jsString(action), QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)),
                 jsString(origin));
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                          [self = QPointer<PortalDriver>(this), step](const QVariant &result) {
                              if (!self) {
                                  return;
                              }
                              self->m_busy = false;
                              const QJsonObject outcome =
                                  QJsonDocument::fromJson(result.toString().toUtf8()).object();
                              if (outcome.value(QStringLiteral("done")).toBool()) {
                                  if (step == QLatin1String("mfa")) {
                                      self->m_mfaCode.clear();
                                  }
                                  self->m_actionsDone[step] += 1;
                                  self->m_lastActedStep = step;
                                  self->m_cooldown.restart();
                                  self->m_sinceProgress.restart();
                              }
                          });
}
