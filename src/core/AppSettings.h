#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <memory>

// The app's own preferences (never secrets: those live in the keychain). Shared by the tray, which
// edits them, and the login process, which reads the trusted origins. Stored with QSettings in the
// user's config directory (~/.config/aws-sso-tray/aws-sso-tray.ini on Linux).
class AppSettings
{
public:
    static constexpr int DefaultWarningLeadMinutes = 15;

    AppSettings();
    // Tests: settings in a file of their own.
    explicit AppSettings(const QString &iniPath);

    int warningLeadMinutes() const;
    void setWarningLeadMinutes(int minutes);

    // Show the sign-in window when the invisible sign-in cannot go on alone (unknown page, external
    // identity provider); otherwise such a login fails with a notification.
    bool showBrowserWhenNeeded() const;
    void setShowBrowserWhenNeeded(bool show);

    // Sessions (SsoSession::id()) that log in again by themselves before expiry when stored
    // credentials and a TOTP secret make it possible without the user.
    bool autoRelogin(const QString &sessionId) const;
    void setAutoRelogin(const QString &sessionId, bool enabled);

    // Origins of external identity providers the user trusts with the secrets of this start URL.
    QStringList trustedOrigins(const QString &startUrl) const;
    void setTrustedOrigins(const QString &startUrl, const QStringList &origins);

    // Whether the tray already turned "Start at login" on once (it does so at its first start only).
    bool autostartInitialised() const;
    void setAutostartInitialised();

    void sync();

private:
    static QString groupKey(const QString &text);

    std::unique_ptr<QSettings> m_settings;
};
