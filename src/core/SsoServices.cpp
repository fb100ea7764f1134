#include "SsoServices.h"

#include "EndpointResolver.h"

Result<std::unique_ptr<SsoServices>> SsoServices::create(const AwsConfigFile &file, const SsoSession &session,
                                                         const SsoProfile *profile,
                                                         const QProcessEnvironment &environment)
{
    const EndpointResolver resolver(file, environment);
    std::unique_ptr<SsoServices> services(new SsoServices);
    const QString caBundle = resolver.caBundle(profile);
    if (!caBundle.isEmpty()) {
        const Status loaded = services->m_http.setCaBundle(caBundle);
        if (!loaded) {
            return loaded.error();
        }
    }
    services->m_http.setServiceName(QStringLiteral("the AWS SSO service"));
    services->m_oidc = new OidcClient(resolver.oidcEndpoint(session.region, profile), &services->m_http,
                                      services.get());
    services->m_portal = new PortalClient(resolver.portalEndpoint(session.region, profile), &services->m_http,
                                          services.get());
    return services;
}
