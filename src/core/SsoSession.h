#pragma once

#include <QString>
#include <QStringList>

// What one sign-in is for: an [sso-session] section, or the start URL of legacy profiles.
// Its cache key names ~/.aws/sso/cache/<key>.json exactly as the AWS CLI does.
struct SsoSession
{
    QString name;               // the sso-session name; empty for a legacy (start URL) session
    QString startUrl;           // exactly as configured
    QString region;             // sso_region
    QStringList scopes;         // sso_registration_scopes, stripped, empties dropped
    bool hasScopes = false;     // whether sso_registration_scopes was configured at all

    bool isLegacy() const { return name.isEmpty(); }
    // sha1 hex of the session name (session form) or of the start URL (legacy form).
    QString tokenCacheKey() const;
    // sha1 hex of botocore's json.dumps({"region","scopes","session_name","startUrl","tool"}, sort_keys=True).
    QString registrationCacheKey() const;
    // "my-sso" or, for legacy sessions, the start URL; used in messages and menus.
    QString displayName() const;
    // Stable identity to group profiles: the session name, or "url:" + start URL for legacy ones.
    QString id() const;
};
