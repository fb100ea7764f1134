#pragma once

#include "SecretStore.h"
#include "SsoSession.h"

#include <QDialog>
#include <QList>
#include <optional>

class AppSettings;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Settings: app-wide preferences, and per start URL the sign-in secrets (kept in the OS keychain and
// never shown back) and the external identity providers' origins the user trusts. Without a keychain
// it says so and stores nothing: secrets are never written in plain text.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(QList<SsoSession> sessions, AppSettings *settings, bool startAtLogin,
                   bool startAtLoginAvailable, QWidget *parent = nullptr);

    void setStartAtLogin(bool enabled);

signals:
    void startAtLoginChanged(bool enabled);
    void settingsChanged();

private:
    QWidget *createGeneralPage(bool startAtLogin, bool startAtLoginAvailable);
    QWidget *createSessionsPage();
    void loadSession(int index);
    void saveSecrets();
    void forgetSecrets();
    void saveOriginsAndRelogin();
    void setBusy(bool busy, const QString &status);
    void updateReloginAvailability();
    const SsoSession *currentSession() const;

    QList<SsoSession> m_sessions;
    AppSettings *m_settings;
    SecretStore m_store;
    std::optional<StoredSecrets> m_stored; // what the keychain holds for the current start URL
    bool m_keychainUsable = true;

    QCheckBox *m_startAtLogin = nullptr;
    QSpinBox *m_warningLead = nullptr;
    QCheckBox *m_showBrowser = nullptr;
    QComboBox *m_sessionChoice = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_totpSecret = nullptr;
    QPlainTextEdit *m_trustedOrigins = nullptr;
    QCheckBox *m_autoRelogin = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_forget = nullptr;
    QLabel *m_status = nullptr;
};
