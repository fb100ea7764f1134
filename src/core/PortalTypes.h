#pragma once

#include <QDateTime>
#include <QString>

// Answers of the SSO portal API (reference section 5).

struct RoleCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QDateTime expiration;   // UTC, from epoch milliseconds
};

struct AccountInfo
{
    QString accountId;
    QString accountName;
    QString emailAddress;
};

struct RoleInfo
{
    QString roleName;
    QString accountId;
};
