#include "Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

class TestPkce : public QObject
{
    Q_OBJECT
private slots:
    void challengeMatchesRfc7636Example()
    {
        // RFC 7636 appendix B.
        QCOMPARE(Pkce::challengeFor(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
                 QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifierHasTheCliShape()
    {
        const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]{64}$"));
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const Pkce pkce = Pkce::generate();
            QVERIFY2(shape.match(pkce.verifier).hasMatch(), qPrintable(pkce.verifier));
            QCOMPARE(pkce.challenge, Pkce::challengeFor(pkce.verifier));
            QVERIFY(!pkce.challenge.contains(QLatin1Char('=')));
            QVERIFY(!pkce.challenge.contains(QLatin1Char('+')));
            QVERIFY(!pkce.challenge.contains(QLatin1Char('/')));
            seen.insert(pkce.verifier);
        }
        QCOMPARE(seen.size(), 50);
    }

    void stateIsAFreshUuid()
    {
        const QString first = Pkce::newState();
        const QString second = Pkce::newState();
        QVERIFY(first != second);
        QVERIFY(QRegularExpression(
                    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                    .match(first)
                    .hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "TestPkce.moc"
