#include "ExpiryScheduler.h"

#include <QtTest>

namespace {
const QDateTime Start = QDateTime(QDate(2026, 12, 3), QTime(9, 0, 0), Qt::UTC);
using Kind = ExpiryScheduler::ActionKind;

ExpiryScheduler::SessionFacts facts(const QString &id, const QDateTime &expiresAt, bool canRefresh = false,
                                    bool autoRelogin = false)
{
    ExpiryScheduler::SessionFacts session;
    session.id = id;
    session.expiresAt = expiresAt;
    session.canRefresh = canRefresh;
    session.autoRelogin = autoRelogin;
    return session;
}
} // namespace

// The scheduler on a fake clock: each test moves `m_now` and asks what is due.
class TestExpiryScheduler : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_now = Start;
        m_scheduler = std::make_unique<ExpiryScheduler>([this] { return m_now; });
        m_scheduler->setWarningLeadSeconds(15 * 60);
        m_emitted.clear();
        connect(m_scheduler.get(), &ExpiryScheduler::actionDue, this,
                [this](const ExpiryScheduler::Action &action) { m_emitted.append(action); });
    }

    void warnsOnceAtTheLeadTimeThenNotifiesExpiryOnce()
    {
        const QDateTime expiry = Start.addSecs(60 * 60);
        m_scheduler->update({facts(QStringLiteral("a"), expiry)});
        QVERIFY(m_emitted.isEmpty());
        QCOMPARE(m_scheduler->nextDue(m_now), expiry.addSecs(-15 * 60));

        m_now = expiry.addSecs(-15 * 60);
        QVERIFY(m_scheduler->takeDue(m_now).isEmpty());
        // As soon as the menu would say "expires in 14 min": less than the lead left.
        m_now = expiry.addSecs(-15 * 60).addMSecs(1000);
        QCOMPARE(m_scheduler->takeDue(m_now),
                 (QList<ExpiryScheduler::Action>{{Kind::Warn, QStringLiteral("a"), expiry}}));
        m_now = m_now.addSecs(60);
        QVERIFY2(m_scheduler->takeDue(m_now).isEmpty(), "warned twice");
        QCOMPARE(m_scheduler->nextDue(m_now), expiry);

        m_now = expiry;
        QCOMPARE(m_scheduler->takeDue(m_now),
                 (QList<ExpiryScheduler::Action>{{Kind::NotifyExpired, QStringLiteral("a"), expiry}}));
        m_now = expiry.addSecs(3600);
        QVERIFY(m_scheduler->takeDue(m_now).isEmpty());
        QVERIFY(!m_scheduler->nextDue(m_now).isValid());
    }

    void refreshableSessionsRefreshBeforeTheWarningAndNeverWarn()
    {
        const QDateTime expiry = Start.addSecs(60 * 60);
        m_scheduler->update({facts(QStringLiteral("r"), expiry, true)});
        const QDateTime refreshAt = expiry.addSecs(-(15 * 60 + ExpiryScheduler::RefreshMarginSeconds));
        QCOMPARE(m_scheduler->nextDue(m_now), refreshAt);
        m_now = refreshAt;
        QCOMPARE(m_scheduler->takeDue(m_now),
                 (QList<ExpiryScheduler::Action>{{Kind::Refresh, QStringLiteral("r"), expiry}}));
        // Not asked again before the retry interval; then again, as long as the token is the old one.
        m_now = m_now.addSecs(ExpiryScheduler::RefreshRetrySeconds - 1);
        QVERIFY(m_scheduler->takeDue(m_now).isEmpty());
        m_now = m_now.addSecs(1);
        QCOMPARE(m_scheduler->takeDue(m_now).size(), 1);
        // The refresh landed: a new expiry, nothing due until its own refresh time.
        const QDateTime renewed = m_now.addSecs(8 * 3600);
        m_scheduler->update({facts(QStringLiteral("r"), renewed, true)});
        QVERIFY(m_scheduler->takeDue(m_now).isEmpty());
        QCOMPARE(m_scheduler->nextDue(m_now),
                 renewed.addSecs(-(15 * 60 + ExpiryScheduler::RefreshMarginSeconds)));
    }

    void aFailedRefreshFallsBackToTheWarning()
    {
        const QDateTime expiry = Start.addSecs(10 * 60);
        m_scheduler->update({facts(QStringLiteral("r"), expiry, true)});
        QCOMPARE(m_emitted.size(), 1);
        QCOMPARE(m_emitted.first().kind, Kind::Refresh);
        m_emitted.clear();
        m_scheduler->refreshFailed(QStringLiteral("r"), expiry);
        QCOMPARE(m_emitted, (QList<ExpiryScheduler::Action>{{Kind::Warn, QStringLiteral("r"), expiry}}));
    }

    void autoReloginReplacesTheWarning()
    {
        const QDateTime expiry = Start.addSecs(5 * 60);
        m_scheduler->update({facts(QStringLiteral("s"), expiry, false, true)});
        QCOMPARE(m_emitted, (QList<ExpiryScheduler::Action>{{Kind::Relogin, QStringLiteral("s"), expiry}}));
    }

    void alreadyExpiredAtStartIsNotNotified()
    {
        m_scheduler->update({facts(QStringLiteral("old"), Start.addSecs(-3600))});
        QVERIFY(m_emitted.isEmpty());
        QVERIFY(m_scheduler->takeDue(m_now.addSecs(60)).isEmpty());
    }

    void notLoggedInSessionsPlanNothing()
    {
        m_scheduler->update({facts(QStringLiteral("none"), QDateTime())});
        QVERIFY(m_emitted.isEmpty());
        QVERIFY(!m_scheduler->nextDue(m_now).isValid());
    }

    void aWakeUpAfterSuspendCatchesUpInOrder()
    {
        // Two sessions; the machine sleeps through both warnings and one expiry.
        const QDateTime first = Start.addSecs(20 * 60);
        const QDateTime second = Start.addSecs(40 * 60);
        m_scheduler->update({facts(QStringLiteral("a"), first), facts(QStringLiteral("b"), second)});
        m_now = Start.addSecs(30 * 60); // resume
        const QList<ExpiryScheduler::Action> due = m_scheduler->takeDue(m_now);
        QCOMPARE(due, (QList<ExpiryScheduler::Action>{{Kind::NotifyExpired, QStringLiteral("a"), first},
                                                      {Kind::Warn, QStringLiteral("b"), second}}));
    }

    void aClockSetBackDoesNotRepeatWarnings()
    {
        const QDateTime expiry = Start.addSecs(10 * 60);
        m_scheduler->update({facts(QStringLiteral("a"), expiry)});
        QCOMPARE(m_emitted.size(), 1);
        m_now = Start.addSecs(-3600);
        QVERIFY(m_scheduler->takeDue(m_now).isEmpty());
        m_now = Start.addSecs(5 * 60);
        QVERIFY(m_scheduler->takeDue(m_now).isEmpty());
    }

    void aClockSetBackAllowsAnotherRefresh()
    {
        const QDateTime expiry = Start.addSecs(10 * 60);
        m_scheduler->update({facts(QStringLiteral("r"), expiry, true)});
        QCOMPARE(m_emitted.size(), 1);
        m_now = Start.addSecs(-120); // the last request now lies in the future
        QCOMPARE(m_scheduler->takeDue(m_now).size(), 1);
    }

    void aNewTokenStartsAfresh()
    {
        const QDateTime expiry = Start.addSecs(10 * 60);
        m_scheduler->update({facts(QStringLiteral("a"), expiry)});
        QCOMPARE(m_emitted.size(), 1);
        // Logged in again, and the new one is also short: it is warned about too.
        const QDateTime next = Start.addSecs(12 * 60);
        m_scheduler->update({facts(QStringLiteral("a"), next)});
        QCOMPARE(m_emitted.size(), 2);
        QCOMPARE(m_emitted.last().expiresAt, next);
    }

    void aSessionRemovedAndAddedBackStartsAfresh()
    {
        const QDateTime expiry = Start.addSecs(10 * 60);
        m_scheduler->update({facts(QStringLiteral("a"), expiry)});
        m_scheduler->update({});
        m_scheduler->update({facts(QStringLiteral("a"), expiry)});
        QCOMPARE(m_emitted.size(), 2);
    }

    void theTimerFiresOnTheRealEventLoop()
    {
        // A real timer: the warning is due 1.2 s from now.
        m_now = QDateTime::currentDateTimeUtc();
        ExpiryScheduler live([] { return QDateTime::currentDateTimeUtc(); });
        live.setWarningLeadSeconds(60);
        QList<ExpiryScheduler::Action> seen;
        connect(&live, &ExpiryScheduler::actionDue, this,
                [&seen](const ExpiryScheduler::Action &action) { seen.append(action); });
        live.update({facts(QStringLiteral("t"), m_now.addMSecs(61200))});
        QVERIFY(seen.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 1, 5000);
        QCOMPARE(seen.first().kind, Kind::Warn);
    }

private:
    QDateTime m_now;
    std::unique_ptr<ExpiryScheduler> m_scheduler;
    QList<ExpiryScheduler::Action> m_emitted;
};

QTEST_GUILESS_MAIN(TestExpiryScheduler)
#include "TestExpiryScheduler.moc"
