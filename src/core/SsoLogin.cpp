#include "SsoLogin.h"

#include "DeviceCodePoller.h"
#include "SsoClock.h"

#include <QRandomGenerator>
#include <QUrlQuery>
#include <utility>

namespace {
const QString DefaultScope = QStringLiteral("sso:account:access");
// botocore re-registers when fewer than 15 minutes of the client secret are left.
constexpr qint64 RegistrationMarginSeconds = 15 * 60;
const QString RegisteredRedirectUri = QStringLiteral("http://127.0.0.1/oauth/callback");
} // namespace

SsoLogin::SsoLogin(SsoSession session, Flow flow, OidcClient *oidc, const TokenCache &cache, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_flow(flow)
    , m_oidc(oidc)
    , m_cache(cache)
{}

SsoLogin::~SsoLogin() = default;

void SsoLogin::setRedirectPort(quint16 port)
{
    m_redirectPort = port;
}

QUrl SsoLogin::redirectUri() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/callback").arg(m_redirectPort));
}

QStringList SsoLogin::requestedScopes() const
{
    if (m_session.hasScopes) {
        return m_session.scopes;
    }
    // The CLI asks for sso:account:access in the PKCE flow when nothing is configured.
    return m_flow == Flow::AuthorizationCode ? QStringList{DefaultScope} : QStringList{};
}

void SsoLogin::start()
{
    if (m_flow == Flow::AuthorizationCode && m_redirectPort == 0) {
        m_redirectPort = static_cast<quint16>(QRandomGenerator::system()->bounded(49152, 65535));
    }
    withRegistration();
}

bool SsoLogin::registrationFits(const ClientRegistration &registration) const
{
    if (SsoClock::now().secsTo(registration.expiresAt) < RegistrationMarginSeconds) {
        return false;
    }
    // The device flow refuses a registration that allows authorization_code, and PKCE requires it.
    return registration.isPkce() == (m_flow == Flow::AuthorizationCode);
}

void SsoLogin::withRegistration()
{
    const Result<std::optional<ClientRegistration>> cached = m_cache.readRegistration(m_session);
    if (cached && cached.value() && registrationFits(*cached.value())) {
        registered(*cached.value());
        return;
    }
    emit progress(tr("Registering this app with the SSO service"));
    RegisterClientRequest request;
    request.clientName = QStringLiteral("aws-sso-tray-%1").arg(SsoClock::now().toSecsSinceEpoch());
    request.scopes = requestedScopes();
    if (m_flow == Flow::AuthorizationCode) {
        request.grantTypes = QStringList{OidcGrant::AuthorizationCode, OidcGrant::RefreshToken};
        request.redirectUris = QStringList{RegisteredRedirectUri};
        request.issuerUrl = m_session.startUrl;
    }
    m_oidc->registerClient(request,
                           [self = QPointer<SsoLogin>(this)](const Result<ClientRegistration> &result) {
                               if (!self || self->m_done) {
                                   return;
                               }
                               if (!result) {
                                   self->fail(result.error());
                                   return;
                               }
                               // A registration that cannot be cached is only slower next time; the login
                               // goes on.
                               self->m_cache.writeRegistration(self->m_session, result.value());
                               self->registered(result.value());
                           });
}

void SsoLogin::registered(const ClientRegistration &registration)
{
    m_registration = registration;
    if (m_flow == Flow::AuthorizationCode) {
        m_pkce = Pkce::generate();
        m_state = Pkce::newState();
        m_awaitingRedirect = true;
        const QUrl url = m_oidc->authorizeUrl(registration.clientId, redirectUri().toString(), m_state,
                                              m_pkce.challenge, requestedScopes());
        emit progress(tr("Waiting for the sign-in in the browser"));
        emit authorizationUrlReady(url);
        return;
    }
    emit progress(tr("Requesting a device authorization"));
    m_oidc->startDeviceAuthorization(
        registration, m_session.startUrl,
        [self = QPointer<SsoLogin>(this)](const Result<DeviceAuthorization> &authorization) {
            if (!self || self->m_done) {
                return;
            }
            if (!authorization) {
                self->fail(authorization.error());
                return;
            }
            emit self->deviceAuthorizationReady(authorization.value());
            emit self->progress(tr("Waiting for the sign-in to be approved"));
            self->m_poller =
                new DeviceCodePoller(self->m_oidc, self->m_registration, authorization.value(), self);
            connect(self->m_poller, &DeviceCodePoller::finished, self,
                    [self](const Result<TokenResponse> &token) {
                        if (!self) {
                            return;
                        }
                        if (!token) {
                            self->fail(token.error());
                            return;
                        }
                        self->tokenReceived(token.value());
                    });
            self->m_poller->start();
        });
}

void SsoLogin::completeAuthorization(const QUrl &redirect)
{
    if (!m_awaitingRedirect || m_done) {
        return;
    }
    const QUrlQuery query(redirect);
    if (query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded) != m_state) {
        fail(SsoError(
            SsoError::Kind::AuthFailed,
            QStringLiteral("The sign-in came back with a state that this login did not send, so it was "
                           "rejected (possible forgery); start the login again.")));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        fail(SsoError(
            SsoError::Kind::AuthFailed,
            QStringLiteral("The sign-in was refused: %1%2.")
                .arg(error, description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description))));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        fail(SsoError(
            SsoError::Kind::AuthFailed,
            QStringLiteral("The sign-in redirect carried no authorization code; start the login again.")));
        return;
    }
    m_awaitingRedirect = false;
    exchangeCode(code);
}

void SsoLogin::exchangeCode(const QString &code)
{
    emit progress(tr("Exchanging the authorization code for a token"));
    const TokenRequest request =
        TokenRequest::forAuthorizationCode(m_registration.clientId, m_registration.clientSecret, code,
                                           redirectUri().toString(), m_pkce.verifier);
    m_oidc->createToken(request, [self = QPointer<SsoLogin>(this)](const Result<TokenResponse> &token) {
        if (!self || self->m_done) {
            return;
        }
        if (!token) {
            self->fail(token.error());
            return;
        }
        self->tokenReceived(token.value());
    });
}

void SsoLogin::tokenReceived(const TokenResponse &response)
{
    SsoToken token;
    // Fields this app does not write survive a new login, as the Go SDK keeps them.
    const Result<std::optional<SsoToken>> previous = m_cache.readToken(m_session);
    if (previous && previous.value()) {
        token.otherFields = previous.value()->otherFields;
        token.otherFieldOrder = previous.value()->otherFieldOrder;
    }
    token.startUrl = m_session.startUrl;
    token.region = m_session.region;
    token.accessToken = response.accessToken;
    token.expiresAt = SsoClock::now().addSecs(response.expiresInSeconds);
    token.clientId = m_registration.clientId;
    token.clientSecret = m_registration.clientSecret;
    token.registrationExpiresAt = m_registration.expiresAt;
    token.refreshToken = response.refreshToken;
    QString notice;
    const Status written = m_cache.writeToken(m_session, token, &notice);
    if (!notice.isEmpty()) {
        emit progress(notice);
    }
    if (!written) {
        fail(written.error());
        return;
    }
    finish(token);
}

void SsoLogin::cancel()
{
    if (m_poller) {
        m_poller->cancel();
    }
    fail(SsoError(SsoError::Kind::Cancelled, QStringLiteral("The sign-in was cancelled.")));
}

void SsoLogin::fail(const SsoError &error)
{
    finish(error);
}

void SsoLogin::finish(const Result<SsoToken> &result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_awaitingRedirect = false;
    emit finished(result);
}
