#include "TrayMenuModel.h"

#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {
const QDateTime Now = QDateTime::currentDateTimeUtc();

const QByteArray Config = R"([sso-session team]
sso_start_url = https://team-portal.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = team
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile tokens-only]
sso_session = team

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = Admin

[profile broken]
sso_session = missing
sso_account_id = 1
sso_role_name = X
)";

SsoToken token(const SsoSession &session, qint64 secondsLeft, bool refreshable)
{
    SsoToken token;
    token.startUrl = session.startUrl;
    token.region = session.region;
    token.accessToken = QStringLiteral("access");
    token.expiresAt = Now.addSecs(secondsLeft);
    if (refreshable) {
        token.clientId = QStringLiteral("client");
        token.clientSecret = QStringLiteral("secret");
        token.registrationExpiresAt = Now.addDays(30);
        token.refreshToken = QStringLiteral("refresh");
    }
    return token;
}
} // namespace

class TestTrayMenuModel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_cache = std::make_unique<TokenCache>(m_home.path() + QStringLiteral("/cache"));
        const Result<AwsConfigFile> file = AwsConfigFile::parse(Config, QStringLiteral("test config"));
        QVERIFY(file.ok());
        m_config = std::make_unique<SsoConfig>(SsoConfig::fromFile(file.value()));
        QCOMPARE(m_config->sessions().size(), 2);
    }

    void cleanup()
    {
        for (const SsoSession &session : m_config->sessions()) {
            m_cache->removeToken(session);
        }
    }

    void listsSessionsWithTheirProfilesAndProblems()
    {
        const TrayMenuModel model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60);
        QCOMPARE(model.sessions().size(), 2);
        const TrayMenuModel::Session &team = model.sessions().at(0);
        QCOMPARE(team.title, QStringLiteral("team · team-portal.awsapps.com"));
        QCOMPARE(team.stateText, QStringLiteral("not logged in"));
        QCOMPARE(team.profiles.size(), 2);
        QCOMPARE(team.profiles.at(0).label, QStringLiteral("dev  (111122223333 · ReadOnly)"));
        QCOMPARE(team.profiles.at(1).label, QStringLiteral("tokens-only"));
        const TrayMenuModel::Session &legacy = model.sessions().at(1);
        QCOMPARE(legacy.title, QStringLiteral("legacy.awsapps.com"));
        QCOMPARE(legacy.profiles.at(0).name, QStringLiteral("legacy"));
        QCOMPARE(model.sessionOfProfile(QStringLiteral("legacy"))->id, legacy.id);
        QCOMPARE(model.problems().size(), 1);
        QCOMPARE(model.problems().first().profileName, QStringLiteral("broken"));
        // The broken profile is a problem of the config: the icon says so.
        QCOMPARE(model.iconState(), TrayMenuModel::IconState::Error);
    }

    void stateLinesFollowTheToken()
    {
        const SsoSession team = m_config->sessions().at(0);
        QVERIFY(m_cache->writeToken(team, token(team, 3 * 3600, true)).ok());
        TrayMenuModel model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60);
        QCOMPARE(
            model.sessions().at(0).stateText,
            QStringLiteral("valid until %1").arg(TrayMenuModel::localTimeText(Now.addSecs(3 * 3600), Now)));
        QVERIFY(model.sessions().at(0).status.canRefresh);

        QVERIFY(m_cache->writeToken(team, token(team, 9 * 60 - 5, false)).ok());
        model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60);
        QCOMPARE(model.sessions().at(0).stateText, QStringLiteral("expires in 9 min"));

        QVERIFY(m_cache->writeToken(team, token(team, -10, false)).ok());
        model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60);
        QCOMPARE(model.sessions().at(0).stateText, QStringLiteral("expired"));
    }

    void localTimeTextNamesTheDayWhenNotToday()
    {
        // The C locale's short format has seconds; the menu never shows them.
        QLocale::setDefault(QLocale::c());
        const QDateTime localNoon(QDate(2026, 12, 3), QTime(12, 0), Qt::LocalTime);
        QCOMPARE(TrayMenuModel::localTimeText(QDateTime(QDate(2026, 12, 3), QTime(18, 20), Qt::LocalTime),
                                              localNoon),
                 QStringLiteral("18:20"));
        QCOMPARE(TrayMenuModel::localTimeText(QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::LocalTime),
                                              localNoon),
                 QStringLiteral("Fri 09:00"));
        QLocale::setDefault(QLocale::system());
    }

    void activitiesShowInTheStateLine()
    {
        const SsoSession team = m_config->sessions().at(0);
        QHash<QString, TrayMenuModel::Activity> activities;
        TrayMenuModel::Activity running;
        running.running = true;
        running.step = QStringLiteral("Typing the password");
        activities.insert(team.id(), running);
        TrayMenuModel model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60, activities);
        QCOMPARE(model.sessions().at(0).stateText, QStringLiteral("signing in: Typing the password"));
        QCOMPARE(model.iconState(), TrayMenuModel::IconState::Busy);

        TrayMenuModel::Activity failed;
        failed.error = QStringLiteral("The password was wrong.");
        activities.insert(team.id(), failed);
        model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60, activities);
        QCOMPARE(model.sessions().at(0).stateText, QStringLiteral("login failed: The password was wrong."));
    }

    void iconStateTakesTheMostUrgent_data()
    {
        QTest::addColumn<qint64>("teamSeconds");
        QTest::addColumn<qint64>("legacySeconds");
        QTest::addColumn<int>("expected");
        const qint64 none = std::numeric_limits<qint64>::min();
        QTest::newRow("nobody logged in") << none << none << int(TrayMenuModel::IconState::NotLoggedIn);
        QTest::newRow("one valid") << qint64(3600) << none << int(TrayMenuModel::IconState::Valid);
        QTest::newRow("valid and expiring")
            << qint64(3600) << qint64(300) << int(TrayMenuModel::IconState::Expiring);
        QTest::newRow("expiring and expired")
            << qint64(-5) << qint64(300) << int(TrayMenuModel::IconState::Expired);
    }

    void iconStateTakesTheMostUrgent()
    {
        QFETCH(qint64, teamSeconds);
        QFETCH(qint64, legacySeconds);
        QFETCH(int, expected);
        // Without the broken profile, so that only the sessions decide.
        const QByteArray clean = Config.left(Config.indexOf("[profile broken]"));
        const SsoConfig config =
            SsoConfig::fromFile(AwsConfigFile::parse(clean, QStringLiteral("clean")).value());
        const qint64 none = std::numeric_limits<qint64>::min();
        const QList<qint64> seconds{teamSeconds, legacySeconds};
        for (int i = 0; i < 2; ++i) {
            if (seconds.at(i) != none) {
                QVERIFY(m_cache
                            ->writeToken(config.sessions().at(i),
                                         token(config.sessions().at(i), seconds.at(i), false))
                            .ok());
            }
        }
        const TrayMenuModel model = TrayMenuModel::build(config, *m_cache, Now, 15 * 60);
        QCOMPARE(int(model.iconState()), expected);
    }

    void anUnreadableCacheFileIsAnError()
    {
        const SsoSession team = m_config->sessions().at(0);
        QDir().mkpath(m_cache->directory());
        QFile file(m_cache->tokenPath(team));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        const TrayMenuModel model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60);
        QCOMPARE(model.sessions().at(0).status.state, SessionStatus::State::Unreadable);
        QVERIFY(model.sessions().at(0).stateText.startsWith(QStringLiteral("cache file unreadable: ")));
        // Nothing was rewritten: the user's file is still there as it was.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("{not json"));
    }

    void germanStateLines()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/aws-sso-tray_de.qm")));
        QCoreApplication::installTranslator(&german);
        const SsoSession team = m_config->sessions().at(0);
        QVERIFY(m_cache->writeToken(team, token(team, 9 * 60 - 5, false)).ok());
        const TrayMenuModel model = TrayMenuModel::build(*m_config, *m_cache, Now, 15 * 60);
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(model.sessions().at(0).stateText, QStringLiteral("läuft in 9 Min. ab"));
        QCOMPARE(model.sessions().at(1).stateText, QStringLiteral("nicht angemeldet"));
    }

private:
    QTemporaryDir m_home;
    std::unique_ptr<TokenCache> m_cache;
    std::unique_ptr<SsoConfig> m_config;
};

QTEST_GUILESS_MAIN(TestTrayMenuModel)
#include "TestTrayMenuModel.moc"
