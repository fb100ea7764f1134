#pragma once

#include "Result.h"
#include "SimRequest.h"
#include "SimResponse.h"
#include "SimState.h"

#include <QUrl>
#include <QUrlQuery>

// The SSO-OIDC API (reference section 4): client registration, the device and PKCE grants, refresh.
// Also the approvals a signed-in user would give in the browser, for the test hooks.
class SimOidcApi
{
public:
    explicit SimOidcApi(SimState &state);

    SimResponse registerClient(const SimRequest &request);
    SimResponse startDeviceAuthorization(const SimRequest &request);
    SimResponse createToken(const SimRequest &request);

    // Checks the query of GET /authorize as the service would; the error says what is wrong.
    Result<SimAuthorizationRequest> parseAuthorization(const QUrlQuery &query) const;
    // GET /authorize saw this request: keep it until it is approved.
    void rememberAuthorization(const SimAuthorizationRequest &authorization);

    // The user (first configured user when empty) approves the device code; returns the username.
    Result<QString> approveDevice(const QString &userCode, const QString &username);
    // The user signs in for this /authorize URL; returns where the browser would be redirected:
    // redirect_uri?code=...&state=..., or ?error=access_denied&state=... for a locked user.
    Result<QUrl> approveAuthorization(const QUrl &authorizeUrl, const QString &username);

private:
    // The client, or the 401 InvalidClientException answer.
    const SimClient *authenticate(const QString &clientId, const QString &clientSecret,
                                  SimResponse &refusal) const;
    SimResponse deviceCodeGrant(const SimClient &client, const QJsonObject &body);
    SimResponse authorizationCodeGrant(const SimClient &client, const QJsonObject &body);
    SimResponse refreshTokenGrant(const SimClient &client, const QJsonObject &body);
    SimResponse tokenAnswer(const SimState::IssuedTokens &issued) const;
    Result<const SimulatorConfig::User *> resolveUser(const QString &username) const;

    SimState &m_state;
};
