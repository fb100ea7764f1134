#pragma once

#include <QStringList>
#include <QUrl>

// Which web origins may receive the user's credentials: the start URL's origin, the SSO-OIDC
// endpoint's origin (where /authorize lives), AWS's own sign-in domains over https, and origins
// the user added for an external identity provider. Everything else gets nothing typed into it.
class OriginPolicy
{
public:
    OriginPolicy(const QUrl &startUrl, const QUrl &oidcEndpoint, const QStringList &extraOrigins = {});

    bool isTrusted(const QUrl &url) const;
    // "https://host[:port]", the form of location.origin; empty for URLs without one.
    static QString originOf(const QUrl &url);
    static bool isAwsSignInHost(const QString &host);

private:
    QStringList m_trustedOrigins;
};
