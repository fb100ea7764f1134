#pragma once

#include "Result.h"
#include "SimulatorConfig.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

class SimFederationApi;
class SimHttpServer;
class SimOidcApi;
class SimPortalApi;
class SimSignInPages;
struct SimPhishingReport;
struct SimRequest;
struct SimResponse;
struct SimState;

// A local stand-in for IAM Identity Center: the SSO-OIDC API, the portal API, the console federation
// endpoint (/federation) and an admin API under /_sim/, all on one loopback port (point
// AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL_SSO at baseUrl()). It runs in the caller's thread on its
// event loop; latency never blocks that loop, so a client in the same thread can wait on it.
class SsoSimulator : public QObject
{
    Q_OBJECT
public:
    explicit SsoSimulator(SimulatorConfig config = {}, QObject *parent = nullptr);
    ~SsoSimulator() override;

    // Refuses non-loopback addresses: the simulator hands tokens to whoever asks. Port 0 picks a free one.
    Result<quint16> listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    // "http://127.0.0.1:PORT" (no trailing slash) once listening; empty before.
    QUrl baseUrl() const;

    // Live: changes apply to the next request.
    SimulatorConfig &config();
    const SimulatorConfig &config() const;
    // Replaces the current faults (counters included).
    void setFaults(const SimulatorFaults &faults);

    // Test hooks: what a user would do in the browser, and what an administrator would do in the console.
    // The user approves a device code (the first configured user when `username` is empty); returns the
    // username. A locked user's approval fails here and the next token poll gets AccessDeniedException.
    Result<QString> approveDevice(const QString &userCode, const QString &username = {});
    // The user signs in for a GET /authorize URL; returns the redirect with code and state, or with
    // error=access_denied when the user is locked.
    Result<QUrl> approveAuthorization(const QUrl &authorizeUrl, const QString &username = {});
    void revokeRefreshTokens();
    void expireAccessTokens();

    // Whether this simulator issued these role credentials and they are live: {"valid": false}, or
    // {"valid": true, "accountId", "roleName", "username", "expiration" (epoch ms)}.
    QJsonObject checkRoleCredentials(const QString &accessKeyId, const QString &secretAccessKey,
                                     const QString &sessionToken) const;

    // Requests received for a path (e.g. "/token"), whatever their outcome, faults included.
    int requestCount(const QString &path) const;

    // Signs every browser out of the portal (x-amz-sso_authn), and with `forgetDevices` also forgets the
    // remembered devices that skip MFA; returns how many portal sessions were live.
    int endBrowserSessions(bool forgetDevices = false);
    // What the phishing origin (SimSignInSettings::phishingOrigin) saw of the browser.
    const SimPhishingReport &phishingReport() const;

private:
    SimResponse handle(const SimRequest &request);
    SimResponse route(const SimRequest &request);
    SimResponse handleAdmin(const SimRequest &request);
    SimResponse handleSecondOrigin(const SimRequest &request);
    SimResponse signInPagesFromJson(const SimRequest &request);
    SimResponse endSessionsFromJson(const SimRequest &request);
    // POST /_sim/check-credentials {"accessKeyId","secretAccessKey","sessionToken"}: whether this simulator
    // issued them and they are live, and for which role.
    SimResponse checkCredentialsFromJson(const SimRequest &request);
    // The base URL of the second listener (another web origin), started on first use; empty on failure.
    QUrl secondOrigin();
    SimResponse approveFromJson(const SimRequest &request);
    SimResponse stateAsJson() const;

    std::unique_ptr<SimState> m_state;
    std::unique_ptr<SimOidcApi> m_oidc;
    std::unique_ptr<SimPortalApi> m_portal;
    std::unique_ptr<SimFederationApi> m_federation;
    std::unique_ptr<SimSignInPages> m_pages;
    SimHttpServer *m_server = nullptr;
    SimHttpServer *m_secondServer = nullptr;
    QUrl m_secondOriginUrl;
};
