#include "SignInLock.h"
#include "TokenCache.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestSignInLock : public QObject
{
    Q_OBJECT
private:
    static SsoSession session()
    {
        SsoSession s;
        s.name = QStringLiteral("locked");
        s.startUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
        s.region = QStringLiteral("us-east-1");
        return s;
    }

private slots:
    void aFreeLockIsTakenWithoutWaiting()
    {
        QTemporaryDir home;
        const TokenCache cache(home.filePath(QStringLiteral("sso/cache")));
        SignInLock lock(cache, session());
        int waits = 0;
        QVERIFY(lock.take(1000, [&] { ++waits; }));
        QCOMPARE(waits, 0);
        QVERIFY(!lock.waited());
        QCOMPARE(lock.path(), cache.directory() + QStringLiteral("/") + session().tokenCacheKey() +
                                  QStringLiteral(".lock"));
        QVERIFY(QFile::exists(lock.path()));
        // The cache directory it made is the owner's alone, as TokenCache makes it.
        const QFileDevice::Permissions mode = QFile::permissions(cache.directory());
        QVERIFY(mode.testFlag(QFileDevice::ExeOwner));
        QCOMPARE(int(mode & 0x0077), 0); // nothing for group or others
    }

    void aHeldLockMakesTheSecondWaitAndTimeOut()
    {
        QTemporaryDir home;
        const TokenCache cache(home.filePath(QStringLiteral("cache")));
        SignInLock first(cache, session());
        QVERIFY(first.take(1000, {}));
        SignInLock second(cache, session());
        int waits = 0;
        QElapsedTimer clock;
        clock.start();
        const Status taken = second.take(700, [&] { ++waits; });
        QVERIFY(!taken);
        QVERIFY(clock.elapsed() >= 600);
        QCOMPARE(waits, 1);
        QVERIFY(second.waited());
        QCOMPARE(taken.error().exitCode(), 6);
        QVERIFY2(
            taken.error().message().contains(QStringLiteral("Another sign-in of locked is still running")),
            qPrintable(taken.error().message()));
    }

    void theLockIsFreeAgainOnceItsHolderIsGone()
    {
        QTemporaryDir home;
        const TokenCache cache(home.filePath(QStringLiteral("cache")));
        {
            SignInLock first(cache, session());
            QVERIFY(first.take(1000, {}));
        }
        SignInLock second(cache, session());
        QVERIFY(second.take(0, {}));
        QVERIFY(!second.waited());
    }

    void aLockOfADeadProcessIsTakenOver()
    {
        QTemporaryDir home;
        const TokenCache cache(home.filePath(QStringLiteral("cache")));
        QVERIFY(cache.ensureDirectory());
        SignInLock lock(cache, session());
        // What QLockFile leaves behind when its process is killed: pid, app name, host name.
        QFile stale(lock.path());
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write(QByteArray::number(std::numeric_limits<int>::max() - 1) + "\naws-sso-tray\n" +
                    QSysInfo::machineHostName().toUtf8() + '\n');
        stale.close();
        QVERIFY(lock.take(2000, {}));
    }

    void anUnwritableCacheDirectoryIsAClearError()
    {
        QTemporaryDir home;
        QFile blocker(home.filePath(QStringLiteral("cache")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the directory should be
        blocker.close();
        const TokenCache cache(blocker.fileName());
        SignInLock lock(cache, session());
        const Status taken = lock.take(100, {});
        QVERIFY(!taken);
        QCOMPARE(taken.error().kind(), SsoError::Kind::Cache);
    }
};

QTEST_GUILESS_MAIN(TestSignInLock)
#include "TestSignInLock.moc"
