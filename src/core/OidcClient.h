#pragma once

#include "ClientRegistration.h"
#include "HttpJsonClient.h"
#include "OidcTypes.h"
#include "Result.h"

#include <QObject>
#include <QUrl>
#include <functional>

// The SSO-OIDC service: RegisterClient, StartDeviceAuthorization, CreateToken, and the /authorize
// URL of the PKCE flow. Each call ends in one callback; service errors become SsoErrors that say
// what to do, with the AWS error type kept for callers that react to it (polling, re-registration).
class OidcClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    OidcClient(QUrl endpoint, HttpJsonClient *http, QObject *parent = nullptr);

    const QUrl &endpoint() const { return m_endpoint; }

    void registerClient(const RegisterClientRequest &request, Callback<ClientRegistration> callback);
    void startDeviceAuthorization(const ClientRegistration &registration, const QString &startUrl,
                                  Callback<DeviceAuthorization> callback);
    void createToken(const TokenRequest &request, Callback<TokenResponse> callback);

    // {endpoint}/authorize?response_type=code&client_id=..&redirect_uri=..&state=..
    //   &code_challenge_method=S256&scopes=..&code_challenge=..
    QUrl authorizeUrl(const QString &clientId, const QString &redirectUri, const QString &state,
                      const QString &codeChallenge, const QStringList &scopes) const;

    // The user-facing error for a failed OIDC reply; public so the tests can check every type.
    static SsoError errorFor(const HttpJsonClient::Reply &reply, const QString &operation);
    // What each answer means: its content, or the error it is (also when fields are missing).
    // Public for the fuzzers, which feed them arbitrary replies.
    static Result<ClientRegistration> registrationFrom(const HttpJsonClient::Reply &reply,
                                                       const RegisterClientRequest &request);
    static Result<DeviceAuthorization> deviceAuthorizationFrom(const HttpJsonClient::Reply &reply);
    static Result<TokenResponse> tokenFrom(const HttpJsonClient::Reply &reply);

private:
    QUrl operationUrl(const QString &path) const;

    QUrl m_endpoint;
    HttpJsonClient *m_http;
};
