#include "EndpointResolver.h"

#include <QRegularExpression>
#include <utility>

// Follows botocore: ConfiguredEndpointProvider (configprovider.py) for the overrides, ClientArgsCreator.
// _compute_configured_endpoint_url (args.py) for the ignore switch, and the services' endpoint rule sets
// with partitions.json for the defaults.

namespace {

struct Partition
{
    const char *regionPattern;
    const char *dnsSuffix;
    const char *globalRegion; // a pseudo-region listed by name, not matched by the pattern
};

// partitions.json (botocore 1.43), in its order: the first partition that lists or matches the region.
constexpr Partition Partitions[] = {
    {"^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$", "amazonaws.com", "aws-global"},
    {"^cn\\-\\w+\\-\\d+$", "amazonaws.com.cn", "aws-cn-global"},
    {"^eusc\\-(de)\\-\\w+\\-\\d+$", "amazonaws.eu", ""},
    {"^us\\-iso\\-\\w+\\-\\d+$", "c2s.ic.gov", "aws-iso-global"},
    {"^us\\-isob\\-\\w+\\-\\d+$", "sc2s.sgov.gov", "aws-iso-b-global"},
    {"^eu\\-isoe\\-\\w+\\-\\d+$", "cloud.adc-e.uk", "aws-iso-e-global"},
    {"^us\\-isof\\-\\w+\\-\\d+$", "csp.hci.ic.gov", "aws-iso-f-global"},
    {"^us\\-gov\\-\\w+\\-\\d+$", "amazonaws.com", "aws-us-gov-global"},
};

QString dnsSuffixFor(const QString &region)
{
    for (const Partition &partition : Partitions) {
        const QRegularExpression pattern(QString::fromLatin1(partition.regionPattern));
        if (region == QLatin1String(partition.globalRegion) || pattern.match(region).hasMatch()) {
            return QString::fromLatin1(partition.dnsSuffix);
        }
    }
    return QString::fromLatin1(Partitions[0].dnsSuffix); // unknown regions fall back to "aws"
}

// botocore's ensure_boolean: only "true", in any case, is true.
bool isTrue(const QString &value)
{
    return value.toLower() == QLatin1String("true");
}

} // namespace

EndpointResolver::EndpointResolver(const AwsConfigFile &file, QProcessEnvironment environment)
    : m_file(file)
    , m_environment(std::move(environment))
{}

QUrl EndpointResolver::oidcEndpoint(const QString &region, const SsoProfile *profile) const
{
    return resolve(QStringLiteral("SSO_OIDC"), QStringLiteral("sso_oidc"),
                   QUrl(QStringLiteral("https://oidc.") + region + QLatin1Char('.') + dnsSuffixFor(region)),
                   profile);
}

QUrl EndpointResolver::portalEndpoint(const QString &region, const SsoProfile *profile) const
{
    return resolve(
        QStringLiteral("SSO"), QStringLiteral("sso"),
        QUrl(QStringLiteral("https://portal.sso.") + region + QLatin1Char('.') + dnsSuffixFor(region)),
        profile);
}

QString EndpointResolver::caBundle(const SsoProfile *profile) const
{
    // As in botocore's config chain, a set variable wins even when empty (then no bundle is used).
    const QString variable = QStringLiteral("AWS_CA_BUNDLE");
    if (m_environment.contains(variable)) {
        return m_environment.value(variable);
    }
    return profile ? profile->caBundle : QString();
}

QUrl EndpointResolver::resolve(const QString &serviceEnvSuffix, const QString &servicesKey,
                               const QUrl &defaultUrl, const SsoProfile *profile) const
{
    if (configuredEndpointsIgnored(profile)) {
        return defaultUrl;
    }
    // An empty value is skipped, not used: botocore tests each candidate for truth.
    const QString serviceVariable =
        m_environment.value(QStringLiteral("AWS_ENDPOINT_URL_") + serviceEnvSuffix);
    if (!serviceVariable.isEmpty()) {
        return QUrl(serviceVariable);
    }
    const QString globalVariable = m_environment.value(QStringLiteral("AWS_ENDPOINT_URL"));
    if (!globalVariable.isEmpty()) {
        return QUrl(globalVariable);
    }
    if (!profile) {
        return defaultUrl;
    }
    if (!profile->servicesName.isEmpty()) {
        if (const AwsConfigFile::Section *services = m_file.services(profile->servicesName)) {
            // The block's key is lowercased like every key; the nested endpoint_url is matched as written.
            const QString fromServices =
                services->values.value(servicesKey).nested.value(QStringLiteral("endpoint_url"));
            if (!fromServices.isEmpty()) {
                return QUrl(fromServices);
            }
        }
    }
    if (!profile->endpointUrl.isEmpty()) {
        return QUrl(profile->endpointUrl);
    }
    return defaultUrl;
}

bool EndpointResolver::configuredEndpointsIgnored(const SsoProfile *profile) const
{
    // The environment variable, once set (even to "false" or ""), decides over the profile.
    const QString variable = QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    if (m_environment.contains(variable)) {
        return isTrue(m_environment.value(variable));
    }
    return profile && isTrue(profile->ignoreConfiguredEndpointUrls);
}
