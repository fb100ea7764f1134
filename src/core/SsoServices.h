#pragma once

#include "AwsConfigFile.h"
#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "PortalClient.h"
#include "Result.h"
#include "SsoProfile.h"
#include "SsoSession.h"

#include <QObject>
#include <QProcessEnvironment>
#include <memory>

// The OIDC and portal clients for one session, wired to the endpoints and CA bundle the SDKs would use.
class SsoServices : public QObject
{
    Q_OBJECT
public:
    // profile may be nullptr (a session chosen by name): then only the environment overrides endpoints.
    static Result<std::unique_ptr<SsoServices>> create(const AwsConfigFile &file, const SsoSession &session,
                                                       const SsoProfile *profile,
                                                       const QProcessEnvironment &environment);

    HttpJsonClient &http() { return m_http; }
    OidcClient &oidc() { return *m_oidc; }
    PortalClient &portal() { return *m_portal; }

private:
    SsoServices() = default;

    HttpJsonClient m_http;
    OidcClient *m_oidc = nullptr;
    PortalClient *m_portal = nullptr;
};
