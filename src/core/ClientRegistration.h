#pragma once

#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The cached SSO-OIDC client registration, ~/.aws/sso/cache/<registration key>.json.
struct ClientRegistration
{
    QString clientId;
    QString clientSecret;
    QDateTime expiresAt;            // UTC, from clientSecretExpiresAt
    QStringList scopes;
    bool hasScopes = false;
    QStringList grantTypes;         // ["authorization_code","refresh_token"] for PKCE; empty for device
    QJsonObject otherFields;

    bool isPkce() const { return grantTypes.contains(QStringLiteral("authorization_code")); }
    QByteArray toJson() const;
    static Result<ClientRegistration> fromJson(const QByteArray &json, const QString &sourceName);
};
