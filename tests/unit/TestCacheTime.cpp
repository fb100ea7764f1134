#include "CacheTime.h"

#include <QTimeZone>
#include <QtTest>

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int millisecond = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, millisecond), Qt::UTC);
}

} // namespace

class TestCacheTime : public QObject
{
    Q_OBJECT

private slots:
    void formatsLikeBotocore();
    void formatsOtherZonesInUtc();
    void truncatesFractionalSeconds();
    void formatsInvalidAsEmpty();
    void parsesWhatToolsWrote_data();
    void parsesWhatToolsWrote();
    void rejectsWhatIsNotATime_data();
    void rejectsWhatIsNotATime();
    void roundTrips();
};

void TestCacheTime::formatsLikeBotocore()
{
    // python3 -c "from datetime import datetime; from dateutil.tz import tzutc;
    //   print(datetime.fromtimestamp(1767323045, tzutc()).strftime('%Y-%m-%dT%H:%M:%SZ'))"
    // -> 2026-01-02T03:04:05Z
    QCOMPARE(CacheTime::format(QDateTime::fromSecsSinceEpoch(1767323045, Qt::UTC)),
             QStringLiteral("2026-01-02T03:04:05Z"));
    QCOMPARE(CacheTime::format(utc(2030, 12, 31, 23, 59, 59)), QStringLiteral("2030-12-31T23:59:59Z"));
}

void TestCacheTime::formatsOtherZonesInUtc()
{
    const QDateTime plusTwo(QDate(2026, 1, 2), QTime(5, 4, 5), QTimeZone(2 * 3600));
    QCOMPARE(CacheTime::format(plusTwo), QStringLiteral("2026-01-02T03:04:05Z"));
    const QDateTime local = utc(2026, 7, 1, 12, 0, 0).toLocalTime();
    QCOMPARE(CacheTime::format(local), QStringLiteral("2026-07-01T12:00:00Z"));
}

void TestCacheTime::truncatesFractionalSeconds()
{
    // strftime drops microseconds rather than rounding:
    // python3 -c "from datetime import datetime; from dateutil.tz import tzutc;
    //   print(datetime(2026,1,2,3,4,5,999999,tzinfo=tzutc()).strftime('%Y-%m-%dT%H:%M:%SZ'))"
    QCOMPARE(CacheTime::format(utc(2026, 1, 2, 3, 4, 5, 999)), QStringLiteral("2026-01-02T03:04:05Z"));
}

void TestCacheTime::formatsInvalidAsEmpty()
{
    QVERIFY(CacheTime::format(QDateTime()).isEmpty());
}

void TestCacheTime::parsesWhatToolsWrote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    // Each row is what python3 -c "import dateutil.parser as p; print(p.parse(TEXT))" also reads.
    const QDateTime moment = utc(2026, 1, 2, 3, 4, 5);
    QTest::newRow("botocore Z") << QStringLiteral("2026-01-02T03:04:05Z") << moment;
    QTest::newRow("lowercase z") << QStringLiteral("2026-01-02t03:04:05z") << moment;
    QTest::newRow("old %Z UTC") << QStringLiteral("2026-01-02T03:04:05UTC") << moment;
    QTest::newRow("GMT") << QStringLiteral("2026-01-02T03:04:05GMT") << moment;
    QTest::newRow("isoformat +00:00") << QStringLiteral("2026-01-02T03:04:05+00:00") << moment;
    QTest::newRow("other offset") << QStringLiteral("2026-01-02T05:04:05+02:00") << moment;
    QTest::newRow("negative offset no colon") << QStringLiteral("2026-01-01T21:34:05-0530") << moment;
    QTest::newRow("offset hours only") << QStringLiteral("2026-01-02T04:04:05+01") << moment;
    QTest::newRow("space separator") << QStringLiteral("2026-01-02 03:04:05+00:00") << moment;
    QTest::newRow("microseconds") << QStringLiteral("2026-01-02T03:04:05.123456Z")
                                  << utc(2026, 1, 2, 3, 4, 5, 123);
    QTest::newRow("one fraction digit")
        << QStringLiteral("2026-01-02T03:04:05.5+00:00") << utc(2026, 1, 2, 3, 4, 5, 500);
    QTest::newRow("no zone is UTC") << QStringLiteral("2026-01-02T03:04:05") << moment;
    QTest::newRow("surrounding space") << QStringLiteral("  2026-01-02T03:04:05Z\n") << moment;
    QTest::newRow("leap day") << QStringLiteral("2028-02-29T00:00:00Z") << utc(2028, 2, 29, 0, 0, 0);
    QTest::newRow("offset crosses the year")
        << QStringLiteral("2025-12-31T23:30:00-01:00") << utc(2026, 1, 1, 0, 30, 0);
}

void TestCacheTime::parsesWhatToolsWrote()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = CacheTime::parse(text);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed, expected);
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
}

void TestCacheTime::rejectsWhatIsNotATime_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("words") << QStringLiteral("tomorrow");
    QTest::newRow("date only") << QStringLiteral("2026-01-02");
    QTest::newRow("no seconds") << QStringLiteral("2026-01-02T03:04Z");
    QTest::newRow("month 13") << QStringLiteral("2026-13-02T03:04:05Z");
    QTest::newRow("february 30") << QStringLiteral("2026-02-30T03:04:05Z");
    QTest::newRow("hour 25") << QStringLiteral("2026-01-02T25:04:05Z");
    QTest::newRow("offset 24h") << QStringLiteral("2026-01-02T03:04:05+24:00");
    QTest::newRow("unknown zone") << QStringLiteral("2026-01-02T03:04:05PST");
    QTest::newRow("epoch seconds") << QStringLiteral("1767323045");
    QTest::newRow("trailing junk") << QStringLiteral("2026-01-02T03:04:05Zjunk");
    QTest::newRow("two-digit year") << QStringLiteral("26-01-02T03:04:05Z");
}

void TestCacheTime::rejectsWhatIsNotATime()
{
    QFETCH(QString, text);
    QVERIFY(!CacheTime::parse(text).isValid());
}

void TestCacheTime::roundTrips()
{
    for (qint64 seconds : {0LL, 1767323045LL, 4102444799LL, 951782400LL}) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        QCOMPARE(CacheTime::parse(CacheTime::format(time)), time);
    }
}

QTEST_GUILESS_MAIN(TestCacheTime)
#include "TestCacheTime.moc"
