#include "SimSignInFlow.h"

#include "SimRandom.h"
#include "Totp.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <algorithm>

const QString SimSignInFlow::WrongPasswordMessage =
    QStringLiteral("Your authentication information is incorrect. Please try again.");
const QString SimSignInFlow::LockedMessage =
    QStringLiteral("Your account is locked. Contact your administrator to unlock it.");
const QString SimSignInFlow::MetadataMissingMessage =
    QStringLiteral("We couldn't verify your browser. Wait a moment, then try again.");

namespace {

const QString UsernameMissingMessage = QStringLiteral("Enter your username.");
const QString WrongCodeMessage = QStringLiteral("The MFA code you entered is incorrect. Please try again.");
const QString SecurityKeyMessage =
    QStringLiteral("Your security key could not be verified. Try again, or use another key.");
const QString ExternalIdpMessage = QStringLiteral("Invalid Corporate ID or Passcode.");
const QString UnknownDeviceCodeMessage = QStringLiteral(
    "The code you entered is not valid. Check the code shown by your application and try again.");
// The hidden input the page script fills; its value starts like the real anti-automation blob.
const QString MetadataPrefix = QStringLiteral("ECdITeCs:");

constexpr int TotpToleranceSteps = 1;
constexpr int WebAuthnTimeoutMs = 60000;
// Old workflows are dropped beyond this many: a long demo session must not grow without bound.
constexpr std::size_t MaximumWorkflows = 500;

QString base64Url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray fromBase64Url(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}

bool metadataPresent(const QJsonObject &fields)
{
    return fields.value(QStringLiteral("metadata1")).toString().startsWith(MetadataPrefix);
}

QUrl withQueryItems(QUrl url, const QList<QPair<QString, QString>> &items)
{
    QUrlQuery query(url);
    for (const auto &[key, value] : items) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

SimSignInFlow::SimSignInFlow(SimState &state, SimOidcApi &oidc, SimBrowserSessions &sessions)
    : m_state(state)
    , m_oidc(oidc)
    , m_sessions(sessions)
{}

SimSignInWorkflow &SimSignInFlow::newWorkflow()
{
    if (m_workflows.size() >= MaximumWorkflows) {
        const auto oldest =
            std::min_element(m_workflows.begin(), m_workflows.end(), [](const auto &a, const auto &b) {
                return a.second->createdAt < b.second->createdAt;
            });
        m_workflows.erase(oldest);
    }
    auto workflow = std::make_unique<SimSignInWorkflow>();
    workflow->handle = QUuid::createUuid().toString(QUuid::WithoutBraces);
    workflow->createdAt = SimState::now();
    SimSignInWorkflow &created = *workflow;
    m_workflows.emplace(created.handle, std::move(workflow));
    return created;
}

SimSignInWorkflow *SimSignInFlow::find(const QString &handle)
{
    const auto it = m_workflows.find(handle);
    return it == m_workflows.end() ? nullptr : it->second.get();
}

SimStepOutcome SimSignInFlow::confirmDevice(const QString &userCode, const SimRequest &request)
{
    SimStepOutcome outcome;
    const SimDeviceAuthorization *authorization = m_state.deviceAuthorizationByUserCode(userCode);
    if (!authorization || authorization->redeemed || !authorization->approvedBy.isEmpty() ||
        authorization->denied) {
        outcome.error = UnknownDeviceCodeMessage;
        return outcome;
    }
    if (m_state.config.faults.expireDeviceCodes || authorization->expiresAt <= SimState::now()) {
        outcome.error =
            QStringLiteral("The code %1 has expired. Start the sign-in again from your application.")
                .arg(authorization->userCode);
        return outcome;
    }
    SimSignInWorkflow &workflow = newWorkflow();
    workflow.flow = SimSignInWorkflow::Flow::Device;
    workflow.userCode = authorization->userCode;
    workflow.clientName = m_state.clients.value(authorization->clientId).clientName;
    enterSignIn(workflow, request);
    outcome.workflow = &workflow;
    return outcome;
}

SimSignInWorkflow &SimSignInFlow::startAuthorization(const SimAuthorizationRequest &authorization,
                                                     const QUrl &authorizeUrl, const SimRequest &request)
{
    SimSignInWorkflow &workflow = newWorkflow();
    workflow.flow = SimSignInWorkflow::Flow::Pkce;
    workflow.authorizeUrl = authorizeUrl;
    workflow.clientName = m_state.clients.value(authorization.clientId).clientName;
    enterSignIn(workflow, request);
    return workflow;
}

void SimSignInFlow::enterSignIn(SimSignInWorkflow &workflow, const SimRequest &request)
{
    const QString signedIn = m_sessions.signedInUser(request);
    const SimulatorConfig::User *user = signedIn.isEmpty() ? nullptr : m_state.config.findUser(signedIn);
    if (!user) {
        workflow.step = SimSignInWorkflow::Step::Username;
        return;
    }
    // A live portal session: the browser is signed in already, only the consent is left.
    workflow.username = user->username;
    if (user->locked) {
        lockOut(workflow);
        return;
    }
    workflow.step = SimSignInWorkflow::Step::Consent;
}

SimStepOutcome SimSignInFlow::perform(SimSignInWorkflow &workflow, const QString &action,
                                      const QJsonObject &fields, const SimRequest &request,
                                      const QString &pageOrigin)
{
    using Step = SimSignInWorkflow::Step;
    SimStepOutcome outcome;
    outcome.workflow = &workflow;
    const Step step = workflow.step;
    const bool consentAction = action == QLatin1String("allow") || action == QLatin1String("deny");
    if ((consentAction && step != Step::Consent) ||
        (!consentAction && action != SimSignInWorkflow::stepName(step))) {
        return outcome;
    }
    const bool formStep = step == Step::Username || step == Step::Password || step == Step::Mfa;
    if (formStep && !metadataPresent(fields)) {
        outcome.error = MetadataMissingMessage;
        return outcome;
    }
    const SimulatorConfig::User *user = m_state.config.findUser(workflow.username);
    if (workflow.username.isEmpty()) {
        user = nullptr; // findUser("") is the first user; nobody was named yet
    }
    switch (step) {
    case Step::Username: {
        const QString username = fields.value(QStringLiteral("username")).toString().trimmed();
        if (username.isEmpty()) {
            outcome.error = UsernameMissingMessage;
            break;
        }
        workflow.username = username;
        const SimulatorConfig::User *named = m_state.config.findUser(username);
        // An unknown name still gets a password step: the service does not tell who has an account.
        workflow.step = named && named->identityProvider == SimulatorConfig::IdentityProvider::External
                            ? Step::ExternalIdp
                            : Step::Password;
        break;
    }
    case Step::Password:
        if (!user || fields.value(QStringLiteral("password")).toString() != user->password) {
            outcome.error = WrongPasswordMessage;
        } else {
            afterPassword(workflow, *user, request, outcome);
        }
        break;
    case Step::ExternalIdp:
        if (!user || fields.value(QStringLiteral("corporateId")).toString().trimmed() != user->username ||
            fields.value(QStringLiteral("passcode")).toString() != user->password) {
            outcome.error = ExternalIdpMessage;
        } else if (user->locked) {
            lockOut(workflow);
        } else {
            // The external provider does its own second factor; Identity Center asks for none.
            finishSignIn(workflow, outcome);
        }
        break;
    case Step::Mfa:
        if (!user || !totpAccepted(*user, fields.value(QStringLiteral("code")).toString())) {
            outcome.error = WrongCodeMessage;
        } else {
            outcome.setCookies.append(m_sessions.rememberDevice(request, user->username));
            finishSignIn(workflow, outcome);
        }
        break;
    case Step::SecurityKey: {
        const QString problem =
            user ? securityKeyProblem(workflow, fields.value(QStringLiteral("credential")).toObject(),
                                      pageOrigin)
                 : QStringLiteral("no user");
        if (!problem.isEmpty()) {
            outcome.error = SecurityKeyMessage;
        } else {
            outcome.setCookies.append(m_sessions.rememberDevice(request, user->username));
            finishSignIn(workflow, outcome);
        }
        break;
    }
    case Step::Consent:
        if (action == QLatin1String("allow")) {
            allow(workflow, outcome);
        } else {
            deny(workflow);
        }
        break;
    case Step::Success:
    case Step::Denied:
    case Step::Locked:
    case Step::Redirect:
        break;
    }
    return outcome;
}

void SimSignInFlow::afterPassword(SimSignInWorkflow &workflow, const SimulatorConfig::User &user,
                                  const SimRequest &request, SimStepOutcome &outcome)
{
    if (user.locked) {
        lockOut(workflow);
        return;
    }
    if (user.mfa == SimulatorConfig::Mfa::None || m_sessions.isDeviceRemembered(request, user.username)) {
        finishSignIn(workflow, outcome);
        return;
    }
    if (user.mfa == SimulatorConfig::Mfa::Totp) {
        workflow.step = SimSignInWorkflow::Step::Mfa;
        return;
    }
    workflow.webAuthnChallenge = SimRandom::token(QString(), 32);
    workflow.step = SimSignInWorkflow::Step::SecurityKey;
}

void SimSignInFlow::finishSignIn(SimSignInWorkflow &workflow, SimStepOutcome &outcome)
{
    outcome.setCookies.append(m_sessions.startSession(workflow.username));
    workflow.step = SimSignInWorkflow::Step::Consent;
}

void SimSignInFlow::lockOut(SimSignInWorkflow &workflow)
{
    workflow.step = SimSignInWorkflow::Step::Locked;
    // The same refusal the approval hooks give a locked user: the device code is denied, the PKCE client is
    // sent error=access_denied.
    if (workflow.flow == SimSignInWorkflow::Flow::Device) {
        m_oidc.approveDevice(workflow.userCode, workflow.username);
        return;
    }
    const Result<QUrl> redirect = m_oidc.approveAuthorization(workflow.authorizeUrl, workflow.username);
    if (redirect) {
        workflow.redirect = redirect.value();
    }
}

void SimSignInFlow::allow(SimSignInWorkflow &workflow, SimStepOutcome &outcome)
{
    if (workflow.flow == SimSignInWorkflow::Flow::Device) {
        const Result<QString> approved = m_oidc.approveDevice(workflow.userCode, workflow.username);
        if (approved) {
            workflow.step = SimSignInWorkflow::Step::Success;
        } else if (approved.error().kind() == SsoError::Kind::AuthFailed) {
            workflow.step = SimSignInWorkflow::Step::Locked;
        } else {
            outcome.error = approved.error().message();
        }
        return;
    }
    const Result<QUrl> redirect = m_oidc.approveAuthorization(workflow.authorizeUrl, workflow.username);
    if (!redirect) {
        outcome.error = redirect.error().message();
        return;
    }
    workflow.redirect = redirect.value();
    if (m_state.config.signInPages.wrongState) {
        QUrlQuery query(workflow.redirect);
        const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        query.removeAllQueryItems(QStringLiteral("state"));
        query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(
                                                        state + QStringLiteral("-not-yours"))));
        workflow.redirect.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    workflow.step = SimSignInWorkflow::Step::Redirect;
}

void SimSignInFlow::deny(SimSignInWorkflow &workflow)
{
    if (workflow.flow == SimSignInWorkflow::Flow::Device) {
        if (SimDeviceAuthorization *authorization =
                m_state.deviceAuthorizationByUserCode(workflow.userCode)) {
            authorization->denied = true;
        }
        workflow.step = SimSignInWorkflow::Step::Denied;
        return;
    }
    forgetPendingAuthorization(workflow);
    workflow.redirect = withQueryItems(
        QUrl(queryValue(workflow.authorizeUrl, QStringLiteral("redirect_uri"))),
        {{QStringLiteral("error"), QStringLiteral("access_denied")},
         {QStringLiteral("error_description"), QStringLiteral("The user denied the authorization request.")},
         {QStringLiteral("state"), queryValue(workflow.authorizeUrl, QStringLiteral("state"))}});
    workflow.step = SimSignInWorkflow::Step::Redirect;
}

void SimSignInFlow::forgetPendingAuthorization(const SimSignInWorkflow &workflow)
{
    const QString clientId = queryValue(workflow.authorizeUrl, QStringLiteral("client_id"));
    const QString state = queryValue(workflow.authorizeUrl, QStringLiteral("state"));
    auto &pending = m_state.pendingAuthorizations;
    pending.erase(std::remove_if(pending.begin(), pending.end(),
                                 [&](const SimAuthorizationRequest &other) {
                                     return other.clientId == clientId && other.state == state;
                                 }),
                  pending.end());
}

bool SimSignInFlow::totpAccepted(const SimulatorConfig::User &user, const QString &code) const
{
    const Result<Totp> totp = Totp::fromBase32Secret(user.totpSecret);
    const QString typed = QString(code).remove(QLatin1Char(' '));
    if (!totp || typed.isEmpty()) {
        return false;
    }
    // RFC 6238 section 5.2: one step either way absorbs clock drift and a slow typist.
    const qint64 now = SimState::now().toSecsSinceEpoch();
    for (int step = -TotpToleranceSteps; step <= TotpToleranceSteps; ++step) {
        if (totp->codeAt(now + qint64(step) * totp->periodSeconds()) == typed) {
            return true;
        }
    }
    return false;
}

QString SimSignInFlow::credentialIdFor(const QString &username)
{
    return base64Url(
        QCryptographicHash::hash(QByteArray(QByteArrayLiteral("ssosim-security-key:") + username.toUtf8()),
                                 QCryptographicHash::Sha256));
}

QJsonObject SimSignInFlow::securityKeyOptions(const SimSignInWorkflow &workflow) const
{
    return QJsonObject{
        {QStringLiteral("challenge"), workflow.webAuthnChallenge},
        {QStringLiteral("timeout"), WebAuthnTimeoutMs},
        {QStringLiteral("userVerification"), QStringLiteral("discouraged")},
        {QStringLiteral("allowCredentials"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                {QStringLiteral("id"), credentialIdFor(workflow.username)},
                                {QStringLiteral("transports"), QJsonArray{QStringLiteral("usb")}}}}},
    };
}

QString SimSignInFlow::securityKeyProblem(const SimSignInWorkflow &workflow, const QJsonObject &credential,
                                          const QString &pageOrigin) const
{
    // What a relying party checks of an assertion, short of the signature: the simulator has no key pair.
    if (credential.value(QStringLiteral("type")).toString() != QLatin1String("public-key")) {
        return QStringLiteral("not a public-key credential");
    }
    if (credential.value(QStringLiteral("id")).toString() != credentialIdFor(workflow.username)) {
        return QStringLiteral("not the user's registered key");
    }
    const QJsonObject response = credential.value(QStringLiteral("response")).toObject();
    const QJsonObject clientData =
        QJsonDocument::fromJson(fromBase64Url(response.value(QStringLiteral("clientDataJSON")).toString()))
            .object();
    if (clientData.value(QStringLiteral("type")).toString() != QLatin1String("webauthn.get")) {
        return QStringLiteral("clientDataJSON is not of an assertion");
    }
    if (clientData.value(QStringLiteral("challenge")).toString() != workflow.webAuthnChallenge) {
        return QStringLiteral("the challenge does not match");
    }
    if (clientData.value(QStringLiteral("origin")).toString() != pageOrigin) {
        return QStringLiteral("the origin does not match");
    }
    return {};
}
