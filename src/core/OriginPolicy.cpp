#include "OriginPolicy.h"

namespace {
// Hosts AWS serves IAM Identity Center sign-in pages from (portal-dom.md), https only.
const char *const AwsSignInSuffixes[] = {
    ".awsapps.com",   // portals: <name>.awsapps.com/start
    ".signin.aws",    // <region>.signin.aws/platform/...
    ".app.aws",       // newer portals
    ".amazonaws.com", // device.sso.<region>.amazonaws.com, oidc.<region>.amazonaws.com
    ".amazonaws.com.cn", ".signin.aws.amazon.com",
};
} // namespace

OriginPolicy::OriginPolicy(const QUrl &startUrl, const QUrl &oidcEndpoint, const QStringList &extraOrigins)
{
    for (const QUrl &url : {startUrl, oidcEndpoint}) {
        const QString origin = originOf(url);
        if (!origin.isEmpty()) {
            m_trustedOrigins.append(origin);
        }
    }
    for (const QString &extra : extraOrigins) {
        const QString origin = originOf(QUrl(extra));
        if (!origin.isEmpty()) {
            m_trustedOrigins.append(origin);
        }
    }
}

QString OriginPolicy::originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return {};
    }
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const int port = url.port(defaultPort);
    QString origin = url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded).toLower();
    if (port != defaultPort) {
        origin += QLatin1Char(':') + QString::number(port);
    }
    return origin;
}

bool OriginPolicy::isAwsSignInHost(const QString &host)
{
    const QString lower = host.toLower();
    for (const char *suffix : AwsSignInSuffixes) {
        const QLatin1String text(suffix);
        if (lower.endsWith(text) && lower.size() > text.size()) {
            return true;
        }
    }
    return false;
}

bool OriginPolicy::isTrusted(const QUrl &url) const
{
    const QString origin = originOf(url);
    if (origin.isEmpty()) {
        return false;
    }
    if (m_trustedOrigins.contains(origin)) {
        return true;
    }
    return url.scheme() == QLatin1String("https") && isAwsSignInHost(url.host());
}
