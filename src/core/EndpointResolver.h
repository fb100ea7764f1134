#pragma once

#include "AwsConfigFile.h"
#include "SsoProfile.h"

#include <QProcessEnvironment>
#include <QUrl>

// Where the SSO-OIDC and portal services are, with every override the SDKs honour, in their order:
// AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL, the profile's
// [services NAME] sso_oidc / sso blocks, the profile's endpoint_url; all but the default disabled by
// ignore_configured_endpoint_urls / AWS_IGNORE_CONFIGURED_ENDPOINT_URLS.
class EndpointResolver
{
public:
    EndpointResolver(const AwsConfigFile &file, QProcessEnvironment environment);

    // profile may be nullptr (a login by --sso-session): then only the environment can override.
    QUrl oidcEndpoint(const QString &region, const SsoProfile *profile) const;
    QUrl portalEndpoint(const QString &region, const SsoProfile *profile) const;
    // AWS_CA_BUNDLE, else the profile's ca_bundle; empty when neither is set.
    QString caBundle(const SsoProfile *profile) const;

private:
    QUrl resolve(const QString &serviceEnvSuffix, const QString &servicesKey, const QUrl &defaultUrl,
                 const SsoProfile *profile) const;
    bool configuredEndpointsIgnored(const SsoProfile *profile) const;

    const AwsConfigFile &m_file;
    QProcessEnvironment m_environment;
};
