#include "TrayMenu.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {

// n sessions with m profiles each, every one a valid [sso-session] and [profile].
SsoConfig configWith(int sessions, int profilesEach)
{
    QByteArray text;
    for (int s = 0; s < sessions; ++s) {
        text += QStringLiteral("[sso-session team%1]\nsso_start_url = https://team%1.awsapps.com/start\n"
                               "sso_region = eu-west-1\n\n")
                    .arg(s)
                    .toUtf8();
        for (int p = 0; p < profilesEach; ++p) {
            text += QStringLiteral("[profile t%1-p%2]\nsso_session = team%1\nsso_account_id = %3\n"
                                   "sso_role_name = Role%2\n\n")
                        .arg(s)
                        .arg(p)
                        .arg(100000000000LL + s * 100 + p)
                        .toUtf8();
        }
    }
    return SsoConfig::fromFile(AwsConfigFile::parse(text, QStringLiteral("test")).value());
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text().remove(QLatin1Char('&')) == text) {
            return action;
        }
        if (action->menu()) {
            if (QAction *inner = actionNamed(action->menu(), text)) {
                return inner;
            }
        }
    }
    return nullptr;
}

} // namespace

class TestTrayMenu : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_cache = std::make_unique<TokenCache>(m_home.path());
    }

    void listsEachSessionWithItsProfilesAndTheAppEntries()
    {
        TrayMenu menu;
        const SsoConfig config = configWith(2, 2);
        menu.setModel(TrayMenuModel::build(config, *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QString());
        const QStringList lines = menu.describe().split(QLatin1Char('\n'));
        QCOMPARE(lines.mid(0, 9),
                 (QStringList{QStringLiteral("team0 · team0.awsapps.com — not logged in (disabled)"),
                              QStringLiteral("t0-p0  (100000000000 · Role0)"),
                              QStringLiteral("t0-p1  (100000000001 · Role1)"),
                              QStringLiteral("Open AWS console (disabled)"),
                              QStringLiteral("  t0-p0  (100000000000 · Role0)"),
                              QStringLiteral("  t0-p1  (100000000001 · Role1)"),
                              QStringLiteral("Add profiles for all my roles (disabled)"),
                              QStringLiteral("Log out of team0 (disabled)"), QStringLiteral("----")}));
        QVERIFY(lines.contains(QStringLiteral("Log in to all")));
        QVERIFY(lines.contains(QStringLiteral("Settings…")));
        QVERIFY(lines.contains(QStringLiteral("[ ] Start at login")));
        QCOMPARE(lines.last(), QStringLiteral("Quit"));
    }

    void clickingAProfileAsksToLogItsSessionIn()
    {
        TrayMenu menu;
        const SsoConfig config = configWith(2, 2);
        menu.setModel(TrayMenuModel::build(config, *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QString());
        QSignalSpy login(&menu, &TrayMenu::loginRequested);
        actionNamed(menu.menu(), QStringLiteral("t1-p1  (100000000101 · Role1)"))->trigger();
        QCOMPARE(login.size(), 1);
        QCOMPARE(login.first().at(0).toString(), QStringLiteral("team1"));
        QCOMPARE(login.first().at(1).toString(), QStringLiteral("t1-p1"));
    }

    void aLoggedInSessionOffersTheConsoleAndProfileGeneration()
    {
        TrayMenu menu;
        const SsoConfig config = configWith(1, 2);
        SsoToken token;
        token.startUrl = config.sessions().first().startUrl;
        token.region = QStringLiteral("eu-west-1");
        token.accessToken = QStringLiteral("access");
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        QVERIFY(m_cache->writeToken(config.sessions().first(), token).ok());
        menu.setModel(TrayMenuModel::build(config, *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QString());
        QSignalSpy console(&menu, &TrayMenu::consoleRequested);
        QSignalSpy generate(&menu, &TrayMenu::generateProfilesRequested);
        QSignalSpy logout(&menu, &TrayMenu::logoutRequested);
        QMenu *consoleMenu = actionNamed(menu.menu(), QStringLiteral("Open AWS console"))->menu();
        QVERIFY(consoleMenu->isEnabled());
        actionNamed(consoleMenu, QStringLiteral("t0-p1  (100000000001 · Role1)"))->trigger();
        QCOMPARE(console.first().first().toString(), QStringLiteral("t0-p1"));
        QAction *add = actionNamed(menu.menu(), QStringLiteral("Add profiles for all my roles"));
        QVERIFY(add->isEnabled());
        add->trigger();
        QCOMPARE(generate.first().first().toString(), QStringLiteral("team0"));
        actionNamed(menu.menu(), QStringLiteral("Log out of team0"))->trigger();
        QCOMPARE(logout.size(), 1);
        m_cache->removeToken(config.sessions().first());
    }

    void longListsFoldIntoSubmenus()
    {
        TrayMenu menu;
        const SsoConfig many =
            configWith(TrayMenu::SessionsInlineLimit + 1, TrayMenu::ProfilesInlineLimit + 1);
        menu.setModel(TrayMenuModel::build(many, *m_cache, QDateTime::currentDateTimeUtc(), 900), QString());
        const QStringList lines = menu.describe().split(QLatin1Char('\n'));
        // Every session is a submenu titled with its state, its profiles one level deeper.
        QCOMPARE(lines.first(), QStringLiteral("team0 · team0.awsapps.com — not logged in"));
        QCOMPARE(lines.at(1), QStringLiteral("  Profiles (9)"));
        QCOMPARE(lines.at(2), QStringLiteral("    t0-p0  (100000000000 · Role0)"));
        // Top level: one line per session plus the app entries, whatever the number of profiles.
        const int topLevel = int(std::count_if(lines.cbegin(), lines.cend(), [](const QString &line) {
            return !line.startsWith(QLatin1Char(' '));
        }));
        QVERIFY2(topLevel <= TrayMenu::SessionsInlineLimit + 1 + 8, qPrintable(menu.describe()));
    }

    void aRunningLoginDisablesItsProfilesAndOffersCancel()
    {
        TrayMenu menu;
        const SsoConfig config = configWith(1, 1);
        QHash<QString, TrayMenuModel::Activity> activities;
        activities[QStringLiteral("team0")].running = true;
        activities[QStringLiteral("team0")].step = QStringLiteral("Entering the password");
        menu.setModel(
            TrayMenuModel::build(config, *m_cache, QDateTime::currentDateTimeUtc(), 900, activities),
            QString());
        const QString text = menu.describe();
        QVERIFY2(text.contains(QStringLiteral("signing in: Entering the password")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("t0-p0  (100000000000 · Role0) (disabled)")));
        QSignalSpy cancel(&menu, &TrayMenu::cancelRequested);
        actionNamed(menu.menu(), QStringLiteral("Cancel sign-in"))->trigger();
        QCOMPARE(cancel.size(), 1);
    }

    void aConfigErrorIsShownAboveTheLastGoodSessions()
    {
        TrayMenu menu;
        menu.setModel(TrayMenuModel::build(configWith(1, 1), *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QStringLiteral("~/.aws/config line 3: bad"));
        QVERIFY(menu.describe().startsWith(
            QStringLiteral("Cannot read the AWS config: ~/.aws/config line 3: bad")));
        QVERIFY(menu.describe().contains(QStringLiteral("t0-p0")));
    }

    void anEmptyConfigSaysHowToAddAProfile()
    {
        TrayMenu menu;
        menu.setModel(TrayMenuModel::build(configWith(0, 0), *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QString());
        QVERIFY(menu.describe().startsWith(QStringLiteral("No SSO profiles in the AWS config (disabled)")));
        QVERIFY(!actionNamed(menu.menu(), QStringLiteral("Log in to all"))->isEnabled());
    }

    void everyEntryHasAKeyboardAccelerator()
    {
        TrayMenu menu;
        menu.setModel(TrayMenuModel::build(configWith(1, 1), *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QString());
        QStringList keys;
        for (QAction *action : menu.menu()->actions()) {
            const QString text = action->text();
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            if (amp >= 0) {
                keys.append(text.mid(amp + 1, 1).toLower());
            }
        }
        // Log in to all, Settings, Start at login, Quit: four distinct keys.
        QCOMPARE(keys.size(), 4);
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), 4);
    }

    void theGermanMenu()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/aws-sso-tray_de.qm")));
        QCoreApplication::installTranslator(&german);
        TrayMenu menu;
        menu.setModel(TrayMenuModel::build(configWith(1, 1), *m_cache, QDateTime::currentDateTimeUtc(), 900),
                      QString());
        const QString text = menu.describe();
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(text.contains(QStringLiteral("nicht angemeldet")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Bei allen anmelden")));
        QVERIFY(text.contains(QStringLiteral("Beenden")));
    }

private:
    QTemporaryDir m_home;
    std::unique_ptr<TokenCache> m_cache;
};

QTEST_MAIN(TestTrayMenu)
#include "TestTrayMenu.moc"
