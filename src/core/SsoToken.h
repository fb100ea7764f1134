#pragma once

#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The contents of ~/.aws/sso/cache/<key>.json as the AWS CLI writes them.
struct SsoToken
{
    QString startUrl;
    QString region;
    QString accessToken;
    QDateTime expiresAt;            // UTC
    QString clientId;
    QString clientSecret;
    QDateTime registrationExpiresAt; // UTC; invalid when absent
    QString refreshToken;           // empty when the service returned none
    QJsonObject otherFields;        // fields this app does not know, kept and written back
    // The order otherFields had in the file (QJsonObject sorts its keys). Keys missing here are
    // written after the listed ones, sorted; copy it along with otherFields to keep the file's order.
    QStringList otherFieldOrder;

    // One line, the CLI's field order and separators: {"startUrl": "...", "region": "...", ...}
    QByteArray toJson() const;
    // Requires accessToken and expiresAt; the error names the file and says what to do.
    static Result<SsoToken> fromJson(const QByteArray &json, const QString &sourceName);
};
