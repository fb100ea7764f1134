#pragma once

#include "SsoSession.h"

#include <QMap>
#include <QString>

// A [profile X] that signs in through IAM Identity Center, resolved against its sso-session.
struct SsoProfile
{
    QString name;
    SsoSession session;
    QString accountId;          // sso_account_id; may be empty (token-only profiles)
    QString roleName;           // sso_role_name; may be empty
    QString region;             // the profile's region, if any
    QString servicesName;       // "services = NAME", if any
    QString endpointUrl;        // the profile's endpoint_url, if any
    QString ignoreConfiguredEndpointUrls; // raw value of ignore_configured_endpoint_urls
    QString caBundle;           // ca_bundle, if any

    bool hasRole() const { return !accountId.isEmpty() && !roleName.isEmpty(); }
};
