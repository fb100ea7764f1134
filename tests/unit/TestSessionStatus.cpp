#include "SessionStatus.h"

#include <QtTest>

namespace {
const QDateTime Now = QDateTime(QDate(2026, 11, 24), QTime(12, 0, 0), Qt::UTC);

SsoSession namedSession()
{
    SsoSession session;
    session.name = QStringLiteral("my-sso");
    session.startUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
    session.region = QStringLiteral("us-east-1");
    return session;
}

SsoToken tokenExpiringIn(qint64 seconds)
{
    SsoToken token;
    token.startUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
    token.region = QStringLiteral("us-east-1");
    token.accessToken = QStringLiteral("access");
    token.expiresAt = Now.addSecs(seconds);
    token.clientId = QStringLiteral("client");
    token.clientSecret = QStringLiteral("secret");
    token.registrationExpiresAt = Now.addDays(30);
    token.refreshToken = QStringLiteral("refresh");
    return token;
}

Result<std::optional<SsoToken>> present(const SsoToken &token)
{
    return std::optional<SsoToken>(token);
}
} // namespace

class TestSessionStatus : public QObject
{
    Q_OBJECT
private slots:
    void noFileIsNotLoggedIn()
    {
        const SessionStatus status =
            SessionStatus::evaluate(namedSession(), Result<std::optional<SsoToken>>(std::nullopt), Now);
        QCOMPARE(status.state, SessionStatus::State::NotLoggedIn);
        QCOMPARE(status.stateName(), QStringLiteral("not-logged-in"));
        QVERIFY(!status.expiresAt.isValid());
        QVERIFY(!status.isUsable());
    }

    void unreadableCarriesTheReason()
    {
        const SessionStatus status = SessionStatus::evaluate(
            namedSession(),
            Result<std::optional<SsoToken>>(SsoError(SsoError::Kind::Cache, QStringLiteral("broken"))), Now);
        QCOMPARE(status.state, SessionStatus::State::Unreadable);
        QCOMPARE(status.problem, QStringLiteral("broken"));
    }

    void expiryEdges_data()
    {
        QTest::addColumn<qint64>("secondsLeft");
        QTest::addColumn<int>("expected");
        QTest::newRow("hours left") << qint64(8 * 3600) << int(SessionStatus::State::Valid);
        QTest::newRow("exactly the window") << qint64(15 * 60) << int(SessionStatus::State::Valid);
        QTest::newRow("one second inside the window")
            << qint64(15 * 60 - 1) << int(SessionStatus::State::Expiring);
        QTest::newRow("one second left") << qint64(1) << int(SessionStatus::State::Expiring);
        // The SDKs' providers fail at expiresAt <= now: no grace.
        QTest::newRow("expires now") << qint64(0) << int(SessionStatus::State::Expired);
        QTest::newRow("expired a second ago") << qint64(-1) << int(SessionStatus::State::Expired);
        QTest::newRow("expired long ago") << qint64(-90 * 86400) << int(SessionStatus::State::Expired);
    }

    void expiryEdges()
    {
        QFETCH(qint64, secondsLeft);
        QFETCH(int, expected);
        const SessionStatus status =
            SessionStatus::evaluate(namedSession(), present(tokenExpiringIn(secondsLeft)), Now);
        QCOMPARE(int(status.state), expected);
        QCOMPARE(status.secondsLeft(Now), secondsLeft);
    }

    void customWindow()
    {
        const SessionStatus status =
            SessionStatus::evaluate(namedSession(), present(tokenExpiringIn(20 * 60)), Now, 30 * 60);
        QCOMPARE(status.state, SessionStatus::State::Expiring);
    }

    void refreshNeedsEveryPiece()
    {
        QVERIFY(SessionStatus::refreshable(tokenExpiringIn(10), Now));
        SsoToken noRefresh = tokenExpiringIn(10);
        noRefresh.refreshToken.clear();
        QVERIFY(!SessionStatus::refreshable(noRefresh, Now));
        SsoToken noClient = tokenExpiringIn(10);
        noClient.clientSecret.clear();
        QVERIFY(!SessionStatus::refreshable(noClient, Now));
        SsoToken registrationExpired = tokenExpiringIn(10);
        registrationExpired.registrationExpiresAt = Now;
        QVERIFY(!SessionStatus::refreshable(registrationExpired, Now));
        SsoToken registrationUnknown = tokenExpiringIn(10);
        registrationUnknown.registrationExpiresAt = QDateTime();
        QVERIFY(SessionStatus::refreshable(registrationUnknown, Now));
        // An expired access token with a live refresh token is still refreshable.
        const SessionStatus expired =
            SessionStatus::evaluate(namedSession(), present(tokenExpiringIn(-3600)), Now);
        QCOMPARE(expired.state, SessionStatus::State::Expired);
        QVERIFY(expired.canRefresh);
    }

    void tokenOfAnotherStartUrlDoesNotCount()
    {
        SsoToken token = tokenExpiringIn(3600);
        token.startUrl = QStringLiteral("https://other.awsapps.com/start");
        const SessionStatus status = SessionStatus::evaluate(namedSession(), present(token), Now);
        QCOMPARE(status.state, SessionStatus::State::NotLoggedIn);
        QVERIFY(status.problem.contains(QStringLiteral("other.awsapps.com")));
    }

    void clockChangesAreJustAnotherNow()
    {
        // After a suspend or a clock jump the state is recomputed from the new now, nothing is remembered.
        const Result<std::optional<SsoToken>> token = present(tokenExpiringIn(3600));
        QCOMPARE(SessionStatus::evaluate(namedSession(), token, Now).state, SessionStatus::State::Valid);
        QCOMPARE(SessionStatus::evaluate(namedSession(), token, Now.addSecs(3590)).state,
                 SessionStatus::State::Expiring);
        QCOMPARE(SessionStatus::evaluate(namedSession(), token, Now.addSecs(7200)).state,
                 SessionStatus::State::Expired);
        QCOMPARE(SessionStatus::evaluate(namedSession(), token, Now.addSecs(-86400)).state,
                 SessionStatus::State::Valid);
    }
};

QTEST_GUILESS_MAIN(TestSessionStatus)
#include "TestSessionStatus.moc"
