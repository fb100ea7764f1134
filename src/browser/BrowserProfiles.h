#pragma once

#include "Result.h"

#include <QString>

class QObject;
class QWebEngineProfile;

// One persistent browser profile per start URL, so the portal's session cookie (session cookies
// included) and a "remembered device" survive between sign-ins: a second login skips password and MFA.
namespace BrowserProfiles {
// <app data>/browser, mode 0700; overridable for tests with AWS_SSO_TRAY_DATA_DIR.
QString rootDirectory();
// Creates the profile's directory (0700) and the profile; errors when the directory cannot be made private.
Result<QWebEngineProfile *> create(const QString &startUrl, QObject *parent);
} // namespace BrowserProfiles
