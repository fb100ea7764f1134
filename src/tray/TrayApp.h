#pragma once

#include "AppSettings.h"
#include "ExpiryScheduler.h"
#include "SsoConfig.h"
#include "TokenCache.h"
#include "TrayIcons.h"
#include "TrayMenuModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSystemTrayIcon>
#include <QTimer>
#include <memory>
#include <optional>

class Autostart;
class CommandJob;
class ConfigWatcher;
class DesktopNotifier;
class OidcClient;
class SettingsDialog;
class TokenRefresher;
class TrayMenu;

// The tray: watches the AWS config and token cache, shows the sessions in the icon and menu, runs
// logins and logouts as child processes (aws-sso-tray login ... --desktop), refreshes tokens silently,
// and notifies before and at expiry. It observes and requests; the commands do the work.
class TrayApp : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString program;   // this executable, for the child commands
        bool demo = false; // the demo's throwaway sessions: the user's autostart is left alone
        QProcessEnvironment childEnvironment = QProcessEnvironment::systemEnvironment(); // for the commands
    };

    explicit TrayApp(Options options, QObject *parent = nullptr);
    ~TrayApp() override;

    // Shows the icon; false (with a message on stderr) when the desktop has no system tray.
    bool start();
    // Another start of the app handed its arguments over.
    void handOver(const QStringList &arguments);

    // Signs in every session that is not logged in, one after the other.
    void loginAll();
    void showMessage(const QString &title, const QString &body);

private:
    void reload();
    void updateScheduler();
    void applyModel();
    void login(const QString &sessionId, const QString &profileName, bool unattended = false);
    void loginNextQueued();
    void logout(const QString &sessionId);
    void openConsole(const QString &profileName);
    void generateProfiles(const QString &sessionId);
    // Keeps the sections of ~/.aws/credentials fresh for profiles with aws_sso_tray_export = true.
    void syncExportedCredentials();
    // Runs `aws-sso-tray ARGUMENTS` for a session and notifies its outcome.
    void runForSession(const QString &sessionId, const QStringList &arguments, const QString &successTitle,
                       const QString &successBody, const QString &failureTitle);
    void refresh(const QString &sessionId);
    void onSchedulerAction(const ExpiryScheduler::Action &action);
    void onNotificationAction(const QString &tag, const QString &actionKey);
    void onTrayActivated(QSystemTrayIcon::ActivationReason reason);
    void setStartAtLogin(bool enabled);
    void openSettings();
    void setActivity(const QString &sessionId, const TrayMenuModel::Activity &activity);
    // The selector a child command needs: --sso-session NAME, or --profile NAME for a legacy session.
    QStringList sessionSelector(const QString &sessionId, const QString &profileName) const;
    void writeMenuDescription() const;

    Options m_options;
    AppSettings m_settings;
    TokenCache m_cache;
    std::optional<SsoConfig> m_config; // the last config that could be read
    QString m_configError;
    TrayMenuModel m_model;
    QHash<QString, TrayMenuModel::Activity> m_activities;
    QHash<QString, QPointer<CommandJob>> m_jobs;
    QStringList m_loginQueue; // "Log in to all": one sign-in at a time, they may need the user
    std::unique_ptr<QSystemTrayIcon> m_icon;
    std::unique_ptr<TrayMenu> m_menu;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::unique_ptr<Autostart> m_autostart;
    std::unique_ptr<ConfigWatcher> m_watcher;
    ExpiryScheduler m_scheduler;
    TrayIcons m_icons;
    QTimer m_minuteTicker;
    QTimer m_exportTimer;
    bool m_exportRunning = false;
    bool m_exportAgain = false;
    QPointer<SettingsDialog> m_settingsDialog;
};
