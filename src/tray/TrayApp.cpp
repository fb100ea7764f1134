#include "TrayApp.h"

#include "Autostart.h"
#include "CacheTime.h"
#include "CommandJob.h"
#include "ConfigWatcher.h"
#include "CredentialsFileExport.h"
#include "DesktopNotifier.h"
#include "SettingsDialog.h"
#include "SsoClock.h"
#include "SsoServices.h"
#include "TokenRefresher.h"
#include "TrayMenu.h"

#include <QApplication>
#include <QCursor>
#include <QFile>
#include <QMenu>
#include <QProcessEnvironment>
#include <QTextStream>

namespace {

const QString LoginAction = QStringLiteral("login");
const QString RetryAction = QStringLiteral("retry");

// Notification tags: one live notification per kind and session, replaced rather than piled up.
QString tagFor(const QString &kind, const QString &sessionId)
{
    return kind + QLatin1Char(':') + sessionId;
}

} // namespace

TrayApp::TrayApp(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_scheduler(&SsoClock::now)
{
    connect(&m_scheduler, &ExpiryScheduler::actionDue, this, &TrayApp::onSchedulerAction);
    connect(&m_scheduler, &ExpiryScheduler::clockJumped, this, &TrayApp::reload);
    // "expires in 9 min" counts down, and "valid until" moves from a time to a weekday at midnight.
    m_minuteTicker.setInterval(30 * 1000);
    connect(&m_minuteTicker, &QTimer::timeout, this, &TrayApp::applyModel);
    m_exportTimer.setSingleShot(true);
    connect(&m_exportTimer, &QTimer::timeout, this, &TrayApp::syncExportedCredentials);
}

TrayApp::~TrayApp() = default;

bool TrayApp::start()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        QTextStream(stderr)
            << tr("aws-sso-tray: this desktop has no system tray to show the icon in; use the "
                  "command line instead (aws-sso-tray --help).")
            << Qt::endl;
        return false;
    }
    m_icon = std::make_unique<QSystemTrayIcon>();
    m_menu = std::make_unique<TrayMenu>();
    m_icon->setContextMenu(m_menu->menu());
    connect(m_icon.get(), &QSystemTrayIcon::activated, this, &TrayApp::onTrayActivated);
    connect(m_menu.get(), &TrayMenu::loginRequested, this,
            [this](const QString &id, const QString &profile) { login(id, profile); });
    connect(m_menu.get(), &TrayMenu::cancelRequested, this, [this](const QString &id) {
        if (m_jobs.value(id)) {
            m_jobs.value(id)->cancel();
        }
    });
    connect(m_menu.get(), &TrayMenu::logoutRequested, this, &TrayApp::logout);
    connect(m_menu.get(), &TrayMenu::consoleRequested, this, &TrayApp::openConsole);
    connect(m_menu.get(), &TrayMenu::generateProfilesRequested, this, &TrayApp::generateProfiles);
    connect(m_menu.get(), &TrayMenu::loginAllRequested, this, &TrayApp::loginAll);
    connect(m_menu.get(), &TrayMenu::settingsRequested, this, &TrayApp::openSettings);
    connect(m_menu.get(), &TrayMenu::startAtLoginToggled, this, &TrayApp::setStartAtLogin);
    connect(m_menu.get(), &TrayMenu::quitRequested, qApp, &QCoreApplication::quit);

    m_notifier = DesktopNotifier::create(m_icon.get());
    connect(m_notifier.get(), &DesktopNotifier::actionInvoked, this, &TrayApp::onNotificationAction);

    m_autostart = Autostart::forThisPlatform(m_options.program);
    // On by default after the first start; the menu's toggle is the user's from then on. The demo
    // never touches the user's autostart.
    if (!m_options.demo && !m_settings.autostartInitialised()) {
        const Status enabled = m_autostart->setEnabled(true);
        if (enabled) {
            m_settings.setAutostartInitialised();
        }
    }
    m_menu->setStartAtLogin(m_autostart->isEnabled(), !m_options.demo);

    m_scheduler.setWarningLeadSeconds(qint64(m_settings.warningLeadMinutes()) * 60);
    m_watcher = std::make_unique<ConfigWatcher>(AwsConfigFile::defaultPath(), m_cache.directory());
    connect(m_watcher.get(), &ConfigWatcher::changed, this, &TrayApp::reload);
    reload();
    m_icon->show();
    m_minuteTicker.start();
    return true;
}

void TrayApp::handOver(const QStringList &arguments)
{
    Q_UNUSED(arguments)
    m_notifier->notify(QStringLiteral("running"), tr("aws-sso-tray is already running"),
                       tr("Its icon is in the system tray; click it for your AWS sessions."));
    if (m_icon && m_icon->isVisible()) {
        m_menu->menu()->popup(m_icon->geometry().isValid() ? m_icon->geometry().center() : QCursor::pos());
    }
}

void TrayApp::showMessage(const QString &title, const QString &body)
{
    m_notifier->notify(QStringLiteral("message"), title, body);
}

void TrayApp::reload()
{
    const Result<AwsConfigFile> file = AwsConfigFile::load(AwsConfigFile::defaultPath());
    if (file) {
        m_config = SsoConfig::fromFile(file.value());
        m_configError.clear();
    } else {
        // Keep showing the last good config; the file on disk is the user's, never rewritten here.
        m_configError = file.error().message();
    }
    applyModel();
    updateScheduler();
    syncExportedCredentials();
}

void TrayApp::applyModel()
{
    const qint64 lead = qint64(m_settings.warningLeadMinutes()) * 60;
    m_model = m_config ? TrayMenuModel::build(*m_config, m_cache, SsoClock::now(), lead, m_activities)
                       : TrayMenuModel();
    if (!m_icon) {
        return;
    }
    m_menu->setModel(m_model, m_configError);
    const TrayMenuModel::IconState state =
        m_configError.isEmpty() ? m_model.iconState() : TrayMenuModel::IconState::Error;
    m_icon->setIcon(m_icons.icon(state, TrayIcons::glyphForPalette()));
    QString tooltip = m_model.tooltip();
    if (!m_configError.isEmpty()) {
        tooltip += QLatin1Char('\n') + m_configError;
    }
    m_icon->setToolTip(tooltip);
    writeMenuDescription();
}

void TrayApp::updateScheduler()
{
    QList<ExpiryScheduler::SessionFacts> facts;
    for (const TrayMenuModel::Session &session : m_model.sessions()) {
        ExpiryScheduler::SessionFacts fact;
        fact.id = session.id;
        if (session.status.isUsable() || session.status.state == SessionStatus::State::Expired) {
            fact.expiresAt = session.status.expiresAt;
        }
        fact.canRefresh = session.status.canRefresh;
        fact.autoRelogin = m_settings.autoRelogin(session.id);
        facts.append(fact);
    }
    m_scheduler.update(facts);
}

QStringList TrayApp::sessionSelector(const QString &sessionId, const QString &profileName) const
{
    const TrayMenuModel::Session *session = m_model.session(sessionId);
    if (!session) {
        return {};
    }
    if (!session->session.isLegacy()) {
        return {QStringLiteral("--sso-session"), session->session.name};
    }
    const QString profile =
        profileName.isEmpty() && !session->profiles.isEmpty() ? session->profiles.first().name : profileName;
    return {QStringLiteral("--profile"), profile};
}

void TrayApp::setActivity(const QString &sessionId, const TrayMenuModel::Activity &activity)
{
    m_activities.insert(sessionId, activity);
    applyModel();
}

void TrayApp::login(const QString &sessionId, const QString &profileName, bool unattended)
{
    const TrayMenuModel::Session *session = m_model.session(sessionId);
    if (!session || m_jobs.value(sessionId)) {
        return; // gone from the config, or a login of it is already under way
    }
    const QString name = session->session.displayName();
    QStringList arguments{QStringLiteral("login")};
    arguments += sessionSelector(sessionId, profileName);
    arguments += {QStringLiteral("--desktop"), QStringLiteral("--timeout"), QStringLiteral("300")};
    if (unattended) {
        arguments.append(QStringLiteral("--unattended"));
    } else if (!m_settings.showBrowserWhenNeeded()) {
        arguments.append(QStringLiteral("--never-show-browser"));
    }
    auto *job = new CommandJob(m_options.program, m_options.childEnvironment, arguments, this);
    m_jobs.insert(sessionId, job);
    TrayMenuModel::Activity activity;
    activity.running = true;
    setActivity(sessionId, activity);
    m_notifier->withdraw(tagFor(QStringLiteral("warn"), sessionId));

    connect(job, &CommandJob::progress, this, [this, sessionId](const QString &text) {
        TrayMenuModel::Activity progress;
        progress.running = true;
        progress.step = text;
        setActivity(sessionId, progress);
    });
    connect(job, &CommandJob::securityKeyNeeded, this, [this, sessionId, name] {
        m_notifier->notify(tagFor(QStringLiteral("login"), sessionId), tr("Touch your security key"),
                           tr("to sign in to %1.").arg(name));
    });
    connect(job, &CommandJob::browserShown, this, [this, sessionId, name](const QString &reason) {
        m_notifier->notify(tagFor(QStringLiteral("login"), sessionId), tr("%1 needs you").arg(name),
                           tr("%1 Finish the sign-in in the window that opened.").arg(reason));
    });
    connect(job, &CommandJob::finished, this,
            [this, sessionId, profileName, name, unattended, job](bool ok, const QString &message, int) {
                m_jobs.remove(sessionId);
                job->deleteLater();
                TrayMenuModel::Activity done;
                if (!ok) {
                    done.error = message;
                }
                m_activities.insert(sessionId, done);
                reload();
                const TrayMenuModel::Session *now = m_model.session(sessionId);
                if (ok) {
                    m_notifier->notify(
                        tagFor(QStringLiteral("login"), sessionId), tr("Logged in to %1").arg(name),
                        now && now->status.expiresAt.isValid()
                            ? tr("Valid until %1.")
                                  .arg(TrayMenuModel::localTimeText(now->status.expiresAt, SsoClock::now()))
                            : message);
                } else if (message != CommandJob::tr("Cancelled.")) {
                    const QString title = unattended ? tr("Automatic login to %1 failed").arg(name)
                                                     : tr("Login to %1 failed").arg(name);
                    m_notifier->notify(tagFor(QStringLiteral("login"), sessionId), title, message,
                                       {{RetryAction + QLatin1Char('|') + profileName, tr("Try again")}},
                                       true);
                }
                loginNextQueued();
            });
    job->start();
}

void TrayApp::loginAll()
{
    for (const TrayMenuModel::Session &session : m_model.sessions()) {
        if (!session.status.isUsable() && !m_loginQueue.contains(session.id)) {
            m_loginQueue.append(session.id);
        }
    }
    loginNextQueued();
}

void TrayApp::loginNextQueued()
{
    for (const QPointer<CommandJob> &job : std::as_const(m_jobs)) {
        if (job) {
            return; // one sign-in at a time: each may need the user's attention
        }
    }
    while (!m_loginQueue.isEmpty()) {
        const QString next = m_loginQueue.takeFirst();
        if (m_model.session(next)) {
            login(next, QString());
            return;
        }
    }
}

void TrayApp::logout(const QString &sessionId)
{
    const TrayMenuModel::Session *session = m_model.session(sessionId);
    if (!session || m_jobs.value(sessionId)) {
        return;
    }
    const QString name = session->session.displayName();
    auto *job =
        new CommandJob(m_options.program, m_options.childEnvironment,
                       QStringList{QStringLiteral("logout")} + sessionSelector(sessionId, QString()), this);
    m_jobs.insert(sessionId, job);
    connect(job, &CommandJob::finished, this,
            [this, sessionId, name, job](bool ok, const QString &message, int) {
                m_jobs.remove(sessionId);
                job->deleteLater();
                reload();
                if (ok) {
                    m_notifier->notify(tagFor(QStringLiteral("login"), sessionId),
                                       tr("Logged out of %1").arg(name), tr("Its cached token was removed."));
                } else {
                    m_notifier->notify(tagFor(QStringLiteral("login"), sessionId),
                                       tr("Logout of %1 failed").arg(name), message, {}, true);
                }
            });
    job->start();
}

void TrayApp::runForSession(const QString &sessionId, const QStringList &arguments,
                            const QString &successTitle, const QString &successBody,
                            const QString &failureTitle)
{
    auto *job = new CommandJob(m_options.program, m_options.childEnvironment, arguments, this);
    connect(job, &CommandJob::finished, this,
            [this, sessionId, job, successTitle, successBody, failureTitle](bool ok, const QString &message,
                                                                            int) {
                job->deleteLater();
                const QString tag = tagFor(QStringLiteral("command"), sessionId);
                if (ok) {
                    m_notifier->notify(tag, successTitle, successBody);
                } else {
                    m_notifier->notify(tag, failureTitle, message, {}, true);
                }
            });
    job->start();
}

void TrayApp::openConsole(const QString &profileName)
{
    const TrayMenuModel::Session *session = m_model.sessionOfProfile(profileName);
    if (!session) {
        return;
    }
    runForSession(session->id, {QStringLiteral("console"), QStringLiteral("--profile"), profileName},
                  tr("AWS console opened"), tr("Signed in as profile %1 in your browser.").arg(profileName),
                  tr("The AWS console for %1 could not be opened").arg(profileName));
}

void TrayApp::generateProfiles(const QString &sessionId)
{
    const TrayMenuModel::Session *session = m_model.session(sessionId);
    if (!session || session->session.isLegacy()) {
        return;
    }
    const QString name = session->session.name;
    runForSession(
        sessionId,
        {QStringLiteral("profiles"), QStringLiteral("generate"), QStringLiteral("--sso-session"), name},
        tr("Profiles added for %1").arg(name),
        tr("Every account and role of %1 has a profile in the AWS config now.").arg(name),
        tr("Profiles for %1 could not be added").arg(name));
}

void TrayApp::syncExportedCredentials()
{
    if (!m_config) {
        return;
    }
    if (m_exportRunning) {
        m_exportAgain = true; // the config or a token changed meanwhile
        return;
    }
    m_exportRunning = true;
    // The export works on this snapshot while the tray may reload its own config.
    auto config = std::make_shared<SsoConfig>(*m_config);
    const QProcessEnvironment &environment = m_options.childEnvironment;
    auto *exporter = new CredentialsFileExport(*config, m_cache, AwsConfigFile::credentialsPath(environment),
                                               environment, this);
    exporter->sync([this, exporter, config](const Result<CredentialsFileExport::Report> &report) {
        exporter->deleteLater();
        m_exportRunning = false;
        if (!report) {
            m_notifier->notify(QStringLiteral("export"), tr("The credentials file could not be updated"),
                               report.error().message(), {}, true);
        } else if (report->nextRefresh.isValid()) {
            const qint64 delayMs = std::max<qint64>(1000, SsoClock::now().msecsTo(report->nextRefresh));
            m_exportTimer.start(static_cast<int>(std::min<qint64>(delayMs, ExpiryScheduler::HeartbeatMs)));
        }
        if (m_exportAgain) {
            m_exportAgain = false;
            QTimer::singleShot(0, this, &TrayApp::syncExportedCredentials);
        }
    });
}

void TrayApp::refresh(const QString &sessionId)
{
    const TrayMenuModel::Session *entry = m_model.session(sessionId);
    if (!entry || !m_config || m_jobs.value(sessionId)) {
        return;
    }
    const SsoSession session = entry->session;
    const QDateTime expiresAt = entry->status.expiresAt;
    auto services = SsoServices::create(m_config->file(), session, nullptr, m_options.childEnvironment);
    if (!services) {
        m_scheduler.refreshFailed(sessionId, expiresAt);
        return;
    }
    // Silent: in this process (no browser needed), and the user hears of it only if it fails. The
    // services and their refresher live until the answer, then go with the event loop's next turn
    // (not inside their own callback).
    SsoServices *running = std::move(services).value().release();
    running->setParent(this);
    auto *refresher = new TokenRefresher(m_cache, &running->oidc(), running);
    refresher->refresh(session, [this, sessionId, expiresAt, running,
                                 name = session.displayName()](const Result<SsoToken> &result) {
        if (!result) {
            m_scheduler.refreshFailed(sessionId, expiresAt);
            m_notifier->notify(tagFor(QStringLiteral("warn"), sessionId),
                               tr("%1 could not be refreshed").arg(name),
                               tr("%1 Log in again before it expires.").arg(result.error().message()),
                               {{LoginAction, tr("Log in now")}});
        }
        running->deleteLater();
        reload();
    });
}

void TrayApp::onSchedulerAction(const ExpiryScheduler::Action &action)
{
    const TrayMenuModel::Session *session = m_model.session(action.sessionId);
    if (!session) {
        return;
    }
    const QString name = session->session.displayName();
    const QDateTime now = SsoClock::now();
    switch (action.kind) {
    case ExpiryScheduler::ActionKind::Refresh:
        refresh(action.sessionId);
        break;
    case ExpiryScheduler::ActionKind::Relogin:
        login(action.sessionId, QString(), true);
        break;
    case ExpiryScheduler::ActionKind::Warn: {
        const qint64 minutes = (now.secsTo(action.expiresAt) + 59) / 60;
        m_notifier->notify(tagFor(QStringLiteral("warn"), action.sessionId),
                           tr("%1 expires in %n min", nullptr, static_cast<int>(minutes)).arg(name),
                           tr("The AWS SSO session ends at %1; log in again to keep working.")
                               .arg(TrayMenuModel::localTimeText(action.expiresAt, now)),
                           {{LoginAction, tr("Log in now")}});
        break;
    }
    case ExpiryScheduler::ActionKind::NotifyExpired:
        m_notifier->notify(tagFor(QStringLiteral("warn"), action.sessionId), tr("%1 has expired").arg(name),
                           tr("AWS tools using it will fail until you log in again."),
                           {{LoginAction, tr("Log in now")}}, true);
        break;
    }
    applyModel();
}

void TrayApp::onNotificationAction(const QString &tag, const QString &actionKey)
{
    const QString sessionId = tag.section(QLatin1Char(':'), 1);
    if (actionKey == LoginAction || actionKey == QLatin1String("default")) {
        if (tag.startsWith(QLatin1String("warn:"))) {
            login(sessionId, QString());
        }
    } else if (actionKey.startsWith(RetryAction + QLatin1Char('|'))) {
        login(sessionId, actionKey.section(QLatin1Char('|'), 1));
    }
}

void TrayApp::onTrayActivated(QSystemTrayIcon::ActivationReason reason)
{
    // A left click shows the menu too: the menu is the whole interface.
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::MiddleClick) {
        m_menu->menu()->popup(QCursor::pos());
    }
}

void TrayApp::setStartAtLogin(bool enabled)
{
    const Status changed = m_autostart->setEnabled(enabled);
    if (!changed) {
        m_notifier->notify(QStringLiteral("autostart"), tr("Start at login could not be changed"),
                           changed.error().message(), {}, true);
    }
    m_settings.setAutostartInitialised();
    m_menu->setStartAtLogin(m_autostart->isEnabled(), !m_options.demo);
    if (m_settingsDialog) {
        m_settingsDialog->setStartAtLogin(m_autostart->isEnabled());
    }
}

void TrayApp::openSettings()
{
    if (!m_settingsDialog) {
        QList<SsoSession> sessions;
        for (const TrayMenuModel::Session &session : m_model.sessions()) {
            sessions.append(session.session);
        }
        m_settingsDialog =
            new SettingsDialog(sessions, &m_settings, m_autostart->isEnabled(), !m_options.demo);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::startAtLoginChanged, this, &TrayApp::setStartAtLogin);
        connect(m_settingsDialog, &SettingsDialog::settingsChanged, this, [this] {
            m_scheduler.setWarningLeadSeconds(qint64(m_settings.warningLeadMinutes()) * 60);
            reload();
        });
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void TrayApp::writeMenuDescription() const
{
#ifdef AWS_SSO_TRAY_TEST_HOOKS
    // Tests read what the menu says (and click it with the real mouse and keyboard).
    const QString path = qEnvironmentVariable("AWS_SSO_TRAY_TEST_MENU_FILE");
    if (!path.isEmpty()) {
        QFile file(path + QStringLiteral(".part"));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            file.write(m_menu->describe().toUtf8() + '\n');
            file.close();
            QFile::remove(path);
            file.rename(path);
        }
    }
#endif
}
