#pragma once

#include "SimBrowserSessions.h"
#include "SimOidcApi.h"
#include "SimRequest.h"
#include "SimSignInWorkflow.h"
#include "SimState.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <map>
#include <memory>

// What one action on a sign-in page led to.
struct SimStepOutcome
{
    SimSignInWorkflow *workflow = nullptr; // nullptr when no workflow exists (e.g. an unknown device code)
    QString error;                         // shown on the same step; empty when the action was accepted
    QList<QByteArray> setCookies;          // Set-Cookie header values to send with the answer
};

// The sign-in as the service sees it, whatever the pages look like: which step a workflow is on, what each
// step accepts, and the approvals it ends with (the same ones the /_sim/approve hooks give).
class SimSignInFlow
{
public:
    // Texts of the visible errors; the pages show them as they are.
    static const QString WrongPasswordMessage;
    static const QString LockedMessage;
    static const QString MetadataMissingMessage;

    SimSignInFlow(SimState &state, SimOidcApi &oidc, SimBrowserSessions &sessions);

    // The user confirms a device code: a workflow signing in for it, or an error to show.
    SimStepOutcome confirmDevice(const QString &userCode, const SimRequest &request);
    // GET /authorize was valid: a workflow signing in for it.
    SimSignInWorkflow &startAuthorization(const SimAuthorizationRequest &authorization,
                                          const QUrl &authorizeUrl, const SimRequest &request);
    SimSignInWorkflow *find(const QString &handle);

    // One action on the workflow's current step: "username", "password", "mfa", "securityKey",
    // "externalIdp", "allow" or "deny", with the submitted fields by name (metadata1 included). An action for
    // another step than the current one changes nothing (a stale page). `pageOrigin` is the origin the page
    // was served from ("http://127.0.0.1:PORT"), which a WebAuthn assertion must name.
    SimStepOutcome perform(SimSignInWorkflow &workflow, const QString &action, const QJsonObject &fields,
                           const SimRequest &request, const QString &pageOrigin);

    // The security key step's publicKey request options for navigator.credentials.get(), base64url-encoded.
    QJsonObject securityKeyOptions(const SimSignInWorkflow &workflow) const;
    // The credential id of the one security key a user has registered (base64url).
    static QString credentialIdFor(const QString &username);

private:
    void enterSignIn(SimSignInWorkflow &workflow, const SimRequest &request);
    void afterPassword(SimSignInWorkflow &workflow, const SimulatorConfig::User &user,
                       const SimRequest &request, SimStepOutcome &outcome);
    void finishSignIn(SimSignInWorkflow &workflow, SimStepOutcome &outcome);
    void lockOut(SimSignInWorkflow &workflow);
    void allow(SimSignInWorkflow &workflow, SimStepOutcome &outcome);
    void deny(SimSignInWorkflow &workflow);
    bool totpAccepted(const SimulatorConfig::User &user, const QString &code) const;
    QString securityKeyProblem(const SimSignInWorkflow &workflow, const QJsonObject &credential,
                               const QString &pageOrigin) const;
    void forgetPendingAuthorization(const SimSignInWorkflow &workflow);
    SimSignInWorkflow &newWorkflow();

    SimState &m_state;
    SimOidcApi &m_oidc;
    SimBrowserSessions &m_sessions;
    // By handle; pointers stay valid while the workflow lives.
    std::map<QString, std::unique_ptr<SimSignInWorkflow>> m_workflows;
};
