#include "DeviceCodePoller.h"

#include <QPointer>
#include <utility>

namespace {
constexpr int SlowDownIncrementMs = 5000;
} // namespace

DeviceCodePoller::DeviceCodePoller(OidcClient *oidc, ClientRegistration registration,
                                   DeviceAuthorization authorization, QObject *parent)
    : QObject(parent)
    , m_oidc(oidc)
    , m_registration(std::move(registration))
    , m_authorization(std::move(authorization))
    , m_intervalMs(qMax(1, m_authorization.intervalSeconds) * 1000)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceCodePoller::poll);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(SsoError(SsoError::Kind::Timeout,
                        QStringLiteral("The sign-in request expired before it was approved; start the login "
                                       "again and approve it sooner.")));
    });
}

void DeviceCodePoller::start()
{
    // A small margin past the service's own expiry, so its ExpiredTokenException normally wins.
    m_deadline.start((qMax(1, m_authorization.expiresInSeconds) + 5) * 1000);
    m_timer.start(m_intervalMs);
}

void DeviceCodePoller::cancel()
{
    finish(SsoError(SsoError::Kind::Cancelled, QStringLiteral("The sign-in was cancelled.")));
}

void DeviceCodePoller::poll()
{
    const TokenRequest request = TokenRequest::forDeviceCode(
        m_registration.clientId, m_registration.clientSecret, m_authorization.deviceCode);
    m_oidc->createToken(request,
                        [self = QPointer<DeviceCodePoller>(this)](const Result<TokenResponse> &result) {
                            if (self) {
                                self->handlePollResult(result);
                            }
                        });
}

void DeviceCodePoller::handlePollResult(const Result<TokenResponse> &result)
{
    {
        if (m_done) {
            return;
        }
        if (result) {
            finish(result);
            return;
        }
        const QString &type = result.error().serviceErrorType();
        if (type == QLatin1String("AuthorizationPendingException") ||
            type == QLatin1String("authorization_pending")) {
            m_timer.start(m_intervalMs);
            return;
        }
        if (type == QLatin1String("SlowDownException") || type == QLatin1String("slow_down")) {
            m_intervalMs += SlowDownIncrementMs;
            m_timer.start(m_intervalMs);
            return;
        }
        finish(result);
    }
}

void DeviceCodePoller::finish(const Result<TokenResponse> &result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer.stop();
    m_deadline.stop();
    emit finished(result);
}
