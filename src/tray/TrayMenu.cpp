#include "TrayMenu.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QWidgetAction>

namespace {

void describeMenu(const QMenu *menu, int depth, QStringList &lines)
{
    for (const QAction *action : menu->actions()) {
        const QString indent(depth * 2, QLatin1Char(' '));
        if (action->isSeparator()) {
            lines.append(indent + QStringLiteral("----"));
            continue;
        }
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (action->isCheckable()) {
            text = (action->isChecked() ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) + text;
        }
        if (!action->isEnabled()) {
            text += QStringLiteral(" (disabled)");
        }
        lines.append(indent + text);
        if (action->menu()) {
            describeMenu(action->menu(), depth + 1, lines);
        }
    }
}

// The colour of a state line: what the icon's badge says, in words.
QString stateColour(const TrayMenuModel::Session &session)
{
    if (session.activity.running) {
        return QStringLiteral("#1565c0");
    }
    if (!session.activity.error.isEmpty() && !session.status.isUsable()) {
        return QStringLiteral("#c62828");
    }
    switch (session.status.state) {
    case SessionStatus::State::Valid:
        return QStringLiteral("#2e7d32");
    case SessionStatus::State::Expiring:
        return QStringLiteral("#b26a00");
    case SessionStatus::State::Expired:
    case SessionStatus::State::Unreadable:
        return QStringLiteral("#c62828");
    case SessionStatus::State::NotLoggedIn:
        break;
    }
    return QString();
}

QString headerHtml(const TrayMenuModel::Session &session)
{
    const QString colour = stateColour(session);
    const QString state = session.stateText.toHtmlEscaped();
    return QStringLiteral("<b>%1</b><br>%2")
        .arg(session.title.toHtmlEscaped(),
             colour.isEmpty() ? state
                              : QStringLiteral("<span style=\"color:%1\">● %2</span>").arg(colour, state));
}

} // namespace

TrayMenu::TrayMenu(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
{
    connect(m_menu, &QMenu::aboutToHide, this, [this] {
        if (m_rebuildPending) {
            // After the menu closed and its action was delivered.
            QMetaObject::invokeMethod(this, &TrayMenu::rebuild, Qt::QueuedConnection);
        }
    });
    rebuild();
}

TrayMenu::~TrayMenu()
{
    delete m_menu;
}

void TrayMenu::setModel(const TrayMenuModel &model, const QString &configError)
{
    m_model = model;
    m_configError = configError;
    if (!m_menu->isVisible()) {
        rebuild();
        return;
    }
    // Open: refresh the state lines in place; the structure waits until it closes.
    m_rebuildPending = true;
    for (const TrayMenuModel::Session &session : model.sessions()) {
        const QPointer<QAction> header = m_sessionHeaders.value(session.id);
        if (header) {
            header->setText(headerText(session));
        }
        const QPointer<QLabel> label = m_sessionLabels.value(session.id);
        if (label) {
            label->setText(headerHtml(session));
        }
    }
}

void TrayMenu::setStartAtLogin(bool enabled, bool available)
{
    m_startAtLoginChecked = enabled;
    m_startAtLoginAvailable = available;
    if (m_startAtLogin) {
        const QSignalBlocker blocker(m_startAtLogin);
        m_startAtLogin->setChecked(enabled);
        m_startAtLogin->setEnabled(available);
    }
}

QString TrayMenu::headerText(const TrayMenuModel::Session &session) const
{
    return tr("%1 — %2").arg(session.title, session.stateText);
}

void TrayMenu::rebuild()
{
    m_rebuildPending = false;
    m_menu->clear();
    m_sessionHeaders.clear();
    m_sessionLabels.clear();
    for (QAction *action : m_menu->findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly)) {
        delete action;
    }
    for (QMenu *submenu : m_menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly)) {
        delete submenu;
    }

    if (!m_configError.isEmpty()) {
        QAction *error = m_menu->addAction(tr("Cannot read the AWS config: %1").arg(m_configError));
        error->setEnabled(false);
        m_menu->addSeparator();
    }
    const QList<TrayMenuModel::Session> &sessions = m_model.sessions();
    if (sessions.isEmpty() && m_configError.isEmpty()) {
        m_menu->addAction(tr("No SSO profiles in the AWS config"))->setEnabled(false);
        m_menu->addAction(tr("Add one with “aws configure sso”"))->setEnabled(false);
        m_menu->addSeparator();
    }
    const bool sessionsAsSubmenus = sessions.size() > SessionsInlineLimit;
    for (const TrayMenuModel::Session &session : sessions) {
        addSession(m_menu, session, sessionsAsSubmenus);
        if (!sessionsAsSubmenus) {
            m_menu->addSeparator();
        }
    }
    if (sessionsAsSubmenus) {
        m_menu->addSeparator();
    }
    if (!m_model.problems().isEmpty()) {
        QMenu *problems =
            m_menu->addMenu(tr("Problems in the AWS config (%1)").arg(m_model.problems().size()));
        for (const SsoConfig::Problem &problem : m_model.problems()) {
            problems->addAction(tr("%1: %2").arg(problem.profileName, problem.message))->setEnabled(false);
        }
        m_menu->addSeparator();
    }

    QAction *loginAll = m_menu->addAction(tr("Log in to &all"));
    loginAll->setEnabled(!sessions.isEmpty());
    connect(loginAll, &QAction::triggered, this, &TrayMenu::loginAllRequested);
    connect(m_menu->addAction(tr("&Settings…")), &QAction::triggered, this, &TrayMenu::settingsRequested);
    m_startAtLogin = m_menu->addAction(m_startAtLoginAvailable ? tr("Start at &login")
                                                               : tr("Start at &login (not in the demo)"));
    m_startAtLogin->setCheckable(true);
    m_startAtLogin->setChecked(m_startAtLoginChecked);
    m_startAtLogin->setEnabled(m_startAtLoginAvailable);
    connect(m_startAtLogin, &QAction::toggled, this, &TrayMenu::startAtLoginToggled);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("&Quit")), &QAction::triggered, this, &TrayMenu::quitRequested);
}

void TrayMenu::addSession(QMenu *menu, const TrayMenuModel::Session &session, bool asSubmenu)
{
    QMenu *target = menu;
    if (asSubmenu) {
        target = menu->addMenu(headerText(session));
        m_sessionHeaders.insert(session.id, target->menuAction());
    } else {
        // A title and a coloured state line, readable (not greyed out) though it is not clickable.
        auto *header = new QWidgetAction(menu);
        auto *label = new QLabel(headerHtml(session));
        label->setTextFormat(Qt::RichText);
        label->setContentsMargins(28, 5, 22, 3);
        QPalette palette = label->palette();
        for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text}) {
            palette.setColor(QPalette::Disabled, role, palette.color(QPalette::Active, role));
        }
        label->setPalette(palette);
        header->setDefaultWidget(label);
        header->setText(headerText(session));
        header->setEnabled(false);
        menu->addAction(header);
        m_sessionHeaders.insert(session.id, header);
        m_sessionLabels.insert(session.id, label);
    }

    const QString id = session.id;
    QMenu *profileMenu = target;
    if (session.profiles.size() > ProfilesInlineLimit) {
        profileMenu = target->addMenu(tr("Profiles (%1)").arg(session.profiles.size()));
    }
    const bool running = session.activity.running;
    for (const TrayMenuModel::Profile &profile : session.profiles) {
        QAction *action = profileMenu->addAction(profile.label);
        action->setToolTip(
            tr("Log in to %1 for profile %2").arg(session.session.displayName(), profile.name));
        action->setEnabled(!running);
        const QString name = profile.name;
        connect(action, &QAction::triggered, this, [this, id, name] { emit loginRequested(id, name); });
    }
    if (session.profiles.isEmpty()) {
        QAction *login = target->addAction(tr("Log in"));
        login->setEnabled(!running);
        connect(login, &QAction::triggered, this, [this, id] { emit loginRequested(id, QString()); });
    }
    if (running) {
        connect(target->addAction(tr("Cancel sign-in")), &QAction::triggered, this,
                [this, id] { emit cancelRequested(id); });
    }
    const bool usable = session.status.isUsable();
    QList<const TrayMenuModel::Profile *> roles;
    for (const TrayMenuModel::Profile &profile : session.profiles) {
        if (!profile.roleName.isEmpty()) {
            roles.append(&profile);
        }
    }
    if (!roles.isEmpty()) {
        QMenu *console = target->addMenu(tr("Open AWS console"));
        console->setEnabled(usable && !running);
        for (const TrayMenuModel::Profile *profile : roles) {
            const QString name = profile->name;
            connect(console->addAction(profile->label), &QAction::triggered, this,
                    [this, name] { emit consoleRequested(name); });
        }
    }
    if (!session.session.isLegacy()) {
        QAction *generate = target->addAction(tr("Add profiles for all my roles"));
        generate->setToolTip(
            tr("Writes a profile into the AWS config for every account and role this session "
               "can use; existing profiles are left as they are."));
        generate->setEnabled(usable && !running);
        connect(generate, &QAction::triggered, this, [this, id] { emit generateProfilesRequested(id); });
    }
    // A legacy session's name is its whole start URL: its host says enough here.
    QAction *logout = target->addAction(
        tr("Log out of %1").arg(session.session.isLegacy() ? session.title : session.session.displayName()));
    logout->setEnabled(!running && session.status.state != SessionStatus::State::NotLoggedIn);
    connect(logout, &QAction::triggered, this, [this, id] { emit logoutRequested(id); });
}

QString TrayMenu::describe() const
{
    QStringList lines;
    describeMenu(m_menu, 0, lines);
    return lines.join(QLatin1Char('\n'));
}
