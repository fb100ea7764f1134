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
    QJsonObject otherFields;        // fields this app does not know, kept and written back
    QStringList otherFieldOrder;    // their order in the file; see SsoToken::otherFieldOrder

    bool isPkce() const { return grantTypes.contains(QStringLiteral("authorization_code")); }
    // One line as the AWS CLI writes it: clientId, clientSecret, expiresAt, scopes, grantTypes.
    QByteArray toJson() const;
    // Requires clientId, clientSecret and expiresAt; the error names the file.
    static Result<ClientRegistration> fromJson(const QByteArray &json, const QString &sourceName);
};
