#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

// One sign-in a browser walks through, from the device code confirmation or GET /authorize to its end.
// The pages name it by its workflowStateHandle (a UUID in their URLs), as the real sign-in pages do.
struct SimSignInWorkflow
{
    enum class Flow
    {
        Device, // the device authorization grant: ends on a "Request approved" page
        Pkce,   // the authorization code grant: ends by navigating to the client's redirect_uri
    };
    enum class Step
    {
        Username,
        Password,
        ExternalIdp, // the user's external identity provider has the password
        Mfa,         // a TOTP code
        SecurityKey, // navigator.credentials.get()
        Consent,
        Success,  // the device flow is approved
        Denied,   // the user chose "Deny"
        Locked,   // the account is locked: refused for good
        Redirect, // the PKCE flow is over: only the redirect is left
    };

    QString handle;
    Flow flow = Flow::Device;
    Step step = Step::Username;
    QString userCode;          // the device flow's
    QUrl authorizeUrl;         // the PKCE flow's GET /authorize, validated
    QString clientName;        // shown on the consent page
    QString username;          // as typed on the username step (possibly not a user at all)
    QString webAuthnChallenge; // base64url, the security key step's
    QUrl redirect;             // the PKCE redirect once decided (code, or error=access_denied)
    QDateTime createdAt;

    // Steps where the user has proven nothing yet or is proving who they are.
    bool isSigningIn() const;
    static QString stepName(Step step);
};
