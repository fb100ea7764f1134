#include "SettingsDialog.h"

#include "AppSettings.h"
#include "OriginPolicy.h"
#include "Totp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(QList<SsoSession> sessions, AppSettings *settings, bool startAtLogin,
                               bool startAtLoginAvailable, QWidget *parent)
    : QDialog(parent)
    , m_sessions(std::move(sessions))
    , m_settings(settings)
{
    setWindowTitle(tr("aws-sso-tray Settings"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral(AWS_SSO_TRAY_APP_ID)));
    auto *tabs = new QTabWidget;
    tabs->addTab(createGeneralPage(startAtLogin, startAtLoginAvailable), tr("&General"));
    tabs->addTab(createSessionsPage(), tr("Sign-&in"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(560, 460);
    if (!m_sessions.isEmpty()) {
        loadSession(0);
    }
}

QWidget *SettingsDialog::createGeneralPage(bool startAtLogin, bool startAtLoginAvailable)
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_startAtLogin = new QCheckBox(tr("Start aws-sso-tray when I log in to the desktop"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setChecked(startAtLogin);
    m_startAtLogin->setEnabled(startAtLoginAvailable);
    connect(m_startAtLogin, &QCheckBox::toggled, this, &SettingsDialog::startAtLoginChanged);
    form->addRow(m_startAtLogin);

    m_warningLead = new QSpinBox;
    m_warningLead->setObjectName(QStringLiteral("warningLead"));
    m_warningLead->setRange(1, 240);
    m_warningLead->setSuffix(tr(" min"));
    m_warningLead->setValue(m_settings->warningLeadMinutes());
    connect(m_warningLead, &QSpinBox::valueChanged, this, [this](int minutes) {
        m_settings->setWarningLeadMinutes(minutes);
        emit settingsChanged();
    });
    form->addRow(tr("&Warn before a session expires:"), m_warningLead);

    m_showBrowser = new QCheckBox(tr("Show the sign-in window when the sign-in needs me"));
    m_showBrowser->setObjectName(QStringLiteral("showBrowser"));
    m_showBrowser->setToolTip(
        tr("For pages the automatic sign-in does not know, such as an external identity "
           "provider. When off, such a login fails with a notification."));
    m_showBrowser->setChecked(m_settings->showBrowserWhenNeeded());
    connect(m_showBrowser, &QCheckBox::toggled, this, [this](bool show) {
        m_settings->setShowBrowserWhenNeeded(show);
        emit settingsChanged();
    });
    form->addRow(m_showBrowser);
    return page;
}

QWidget *SettingsDialog::createSessionsPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_sessionChoice = new QComboBox;
    m_sessionChoice->setObjectName(QStringLiteral("session"));
    for (const SsoSession &session : m_sessions) {
        m_sessionChoice->addItem(session.isLegacy() ? session.startUrl
                                                    : tr("%1 (%2)").arg(session.name, session.startUrl));
    }
    connect(m_sessionChoice, &QComboBox::currentIndexChanged, this, &SettingsDialog::loadSession);
    form->addRow(tr("S&ession:"), m_sessionChoice);

    m_username = new QLineEdit;
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAutoFillBackground(true);
    form->addRow(tr("&Username:"), m_username);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    m_totpSecret = new QLineEdit;
    m_totpSecret->setObjectName(QStringLiteral("totpSecret"));
    m_totpSecret->setEchoMode(QLineEdit::Password);
    m_totpSecret->setToolTip(
        tr("The base32 secret or otpauth:// URI of your authenticator app, to answer MFA "
           "codes by itself. Leave empty to be asked for each code."));
    form->addRow(tr("&TOTP secret (optional):"), m_totpSecret);
    connect(m_password, &QLineEdit::textChanged, this, &SettingsDialog::updateReloginAvailability);
    connect(m_totpSecret, &QLineEdit::textChanged, this, &SettingsDialog::updateReloginAvailability);

    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("Save to &keychain"));
    m_save->setObjectName(QStringLiteral("save"));
    m_forget = new QPushButton(tr("&Forget stored secrets"));
    m_forget->setObjectName(QStringLiteral("forget"));
    connect(m_save, &QPushButton::clicked, this, &SettingsDialog::saveSecrets);
    connect(m_forget, &QPushButton::clicked, this, &SettingsDialog::forgetSecrets);
    buttons->addWidget(m_save);
    buttons->addWidget(m_forget);
    buttons->addStretch();
    form->addRow(buttons);

    m_trustedOrigins = new QPlainTextEdit;
    m_trustedOrigins->setObjectName(QStringLiteral("trustedOrigins"));
    m_trustedOrigins->setPlaceholderText(tr("https://login.example-idp.com (one origin per line)"));
    m_trustedOrigins->setToolTip(
        tr("Origins of an external identity provider that may receive your username and "
           "password, besides the start URL's and AWS's own sign-in pages."));
    m_trustedOrigins->setMaximumHeight(80);
    connect(m_trustedOrigins, &QPlainTextEdit::textChanged, this, &SettingsDialog::saveOriginsAndRelogin);
    form->addRow(tr("Trusted &identity providers:"), m_trustedOrigins);

    m_autoRelogin = new QCheckBox(tr("Log in again automatically before the session expires"));
    m_autoRelogin->setObjectName(QStringLiteral("autoRelogin"));
    connect(m_autoRelogin, &QCheckBox::toggled, this, &SettingsDialog::saveOriginsAndRelogin);
    form->addRow(m_autoRelogin);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    form->addRow(m_status);
    if (m_sessions.isEmpty()) {
        page->setEnabled(false);
        m_status->setText(tr("No SSO sessions in the AWS config yet."));
    }
    return page;
}

const SsoSession *SettingsDialog::currentSession() const
{
    const int index = m_sessionChoice ? m_sessionChoice->currentIndex() : -1;
    return index >= 0 && index < m_sessions.size() ? &m_sessions.at(index) : nullptr;
}

void SettingsDialog::setStartAtLogin(bool enabled)
{
    const QSignalBlocker blocker(m_startAtLogin);
    m_startAtLogin->setChecked(enabled);
}

void SettingsDialog::setBusy(bool busy, const QString &status)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
                            static_cast<QWidget *>(m_totpSecret), static_cast<QWidget *>(m_save),
                            static_cast<QWidget *>(m_forget)}) {
        widget->setEnabled(!busy && m_keychainUsable);
    }
    m_status->setText(status);
}

void SettingsDialog::loadSession(int index)
{
    if (index < 0 || index >= m_sessions.size()) {
        return;
    }
    const SsoSession session = m_sessions.at(index);
    m_stored.reset();
    m_username->clear();
    m_password->clear();
    m_totpSecret->clear();
    {
        const QSignalBlocker originsBlocker(m_trustedOrigins);
        const QSignalBlocker reloginBlocker(m_autoRelogin);
        m_trustedOrigins->setPlainText(m_settings->trustedOrigins(session.startUrl).join(QLatin1Char('\n')));
        m_autoRelogin->setChecked(m_settings->autoRelogin(session.id()));
    }
    m_keychainUsable = true;
    setBusy(true, tr("Reading %1…").arg(SecretStore::keychainName()));
    m_store.read(session.startUrl, [this, index](const Result<std::optional<StoredSecrets>> &stored) {
        if (m_sessionChoice->currentIndex() != index) {
            return; // the user moved on to another session meanwhile
        }
        if (!stored) {
            m_keychainUsable = false;
            setBusy(false, tr("%1 Secrets cannot be stored, and aws-sso-tray never keeps them in plain text: "
                              "the sign-in will ask for them in its window.")
                               .arg(stored.error().message()));
            updateReloginAvailability();
            return;
        }
        m_stored = stored.value();
        if (m_stored) {
            m_username->setText(m_stored->username);
        }
        m_password->setPlaceholderText(m_stored && m_stored->hasPassword() ? tr("stored — type to replace")
                                                                           : QString());
        m_totpSecret->setPlaceholderText(
            m_stored && m_stored->hasTotpSecret() ? tr("stored — type to replace") : QString());
        setBusy(false,
                m_stored ? tr("Secrets for this start URL are stored in %1.").arg(SecretStore::keychainName())
                         : tr("Nothing stored for this start URL yet."));
        updateReloginAvailability();
    });
}

void SettingsDialog::updateReloginAvailability()
{
    // Logging in without the user takes a password and a TOTP secret, stored or about to be.
    const bool password = !m_password->text().isEmpty() || (m_stored && m_stored->hasPassword());
    const bool totp = !m_totpSecret->text().isEmpty() || (m_stored && m_stored->hasTotpSecret());
    m_autoRelogin->setEnabled(m_keychainUsable && password && totp);
    if (!m_autoRelogin->isEnabled()) {
        m_autoRelogin->setToolTip(tr("Needs a stored password and TOTP secret."));
    } else {
        m_autoRelogin->setToolTip(QString());
    }
}

void SettingsDialog::saveSecrets()
{
    const SsoSession *session = currentSession();
    if (!session) {
        return;
    }
    StoredSecrets secrets = m_stored.value_or(StoredSecrets{});
    secrets.username = m_username->text().trimmed();
    if (!m_password->text().isEmpty()) {
        secrets.password = m_password->text();
    }
    if (!m_totpSecret->text().isEmpty()) {
        const Result<Totp> totp = Totp::parse(m_totpSecret->text().trimmed());
        if (!totp) {
            m_status->setText(tr("The TOTP secret is not usable: %1").arg(totp.error().message()));
            return;
        }
        secrets.totpSecret = m_totpSecret->text().trimmed();
    }
    if (secrets.username.isEmpty()) {
        m_status->setText(tr("Enter the username that goes with the password."));
        return;
    }
    setBusy(true, tr("Saving to %1…").arg(SecretStore::keychainName()));
    const int index = m_sessionChoice->currentIndex();
    m_store.write(session->startUrl, secrets, [this, index, secrets](const Status &written) {
        if (!written) {
            setBusy(false, written.error().message());
            return;
        }
        m_stored = secrets;
        m_password->clear();
        m_totpSecret->clear();
        if (m_sessionChoice->currentIndex() == index) {
            loadSession(index);
        }
    });
}

void SettingsDialog::forgetSecrets()
{
    const SsoSession *session = currentSession();
    if (!session) {
        return;
    }
    setBusy(true, tr("Removing from %1…").arg(SecretStore::keychainName()));
    const int index = m_sessionChoice->currentIndex();
    m_store.remove(session->startUrl, [this, index](const Status &removed) {
        if (!removed) {
            setBusy(false, removed.error().message());
            return;
        }
        m_settings->setAutoRelogin(m_sessions.at(index).id(), false);
        loadSession(index);
    });
}

void SettingsDialog::saveOriginsAndRelogin()
{
    const SsoSession *session = currentSession();
    if (!session) {
        return;
    }
    QStringList origins;
    QStringList rejected;
    for (const QString &line : m_trustedOrigins->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QUrl url(line.trimmed(), QUrl::StrictMode);
        const QString origin = OriginPolicy::originOf(url);
        // Credentials only ever go over https (plain http only to this machine).
        const bool secure =
            url.scheme() == QLatin1String("https") ||
            (url.scheme() == QLatin1String("http") &&
             (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost")));
        if (origin.isEmpty() || !secure) {
            rejected.append(line.trimmed());
        } else if (!origins.contains(origin)) {
            origins.append(origin);
        }
    }
    m_settings->setTrustedOrigins(session->startUrl, origins);
    m_settings->setAutoRelogin(session->id(), m_autoRelogin->isEnabled() && m_autoRelogin->isChecked());
    m_settings->sync();
    if (!rejected.isEmpty()) {
        m_status->setText(
            tr("Not trusted (an https origin is needed): %1").arg(rejected.join(QStringLiteral(", "))));
    }
    emit settingsChanged();
}
