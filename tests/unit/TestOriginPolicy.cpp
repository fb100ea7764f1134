#include "OriginPolicy.h"

#include <QtTest>

class TestOriginPolicy : public QObject
{
    Q_OBJECT
private slots:
    void origins_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("origin");
        QTest::newRow("https default port") << "https://Portal.awsapps.com/start#/"
                                            << "https://portal.awsapps.com";
        QTest::newRow("explicit default port") << "https://portal.awsapps.com:443/x"
                                               << "https://portal.awsapps.com";
        QTest::newRow("other port") << "http://127.0.0.1:8080/start"
                                    << "http://127.0.0.1:8080";
        QTest::newRow("not http") << "file:///etc/passwd"
                                  << "";
        QTest::newRow("javascript") << "javascript:alert(1)"
                                    << "";
        QTest::newRow("no host") << "https:///x"
                                 << "";
    }

    void origins()
    {
        QFETCH(QString, url);
        QFETCH(QString, origin);
        QCOMPARE(OriginPolicy::originOf(QUrl(url)), origin);
    }

    void trust_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("trusted");
        QTest::newRow("start url origin") << "https://my-sso.awsapps.com/start/#/device" << true;
        QTest::newRow("oidc endpoint origin") << "http://127.0.0.1:4567/authorize?x=1" << true;
        QTest::newRow("aws sign-in host") << "https://us-east-1.signin.aws/platform/d-123/login" << true;
        QTest::newRow("device page") << "https://device.sso.eu-west-1.amazonaws.com/?user_code=AB" << true;
        QTest::newRow("another portal") << "https://other.awsapps.com/start" << true;
        QTest::newRow("extra origin") << "https://idp.example.com/login" << true;
        QTest::newRow("aws host over http") << "http://us-east-1.signin.aws/login" << false;
        QTest::newRow("look-alike suffix") << "https://awsapps.com.evil.example/start" << false;
        QTest::newRow("bare suffix") << "https://signin.aws/" << false;
        QTest::newRow("sibling of extra") << "https://evil.example.com/login" << false;
        QTest::newRow("other loopback port") << "http://127.0.0.1:4568/authorize" << false;
        QTest::newRow("localhost is another origin") << "http://localhost:4567/authorize" << false;
        QTest::newRow("phishing") << "https://my-sso-awsapps.com/start" << false;
    }

    void trust()
    {
        QFETCH(QString, url);
        QFETCH(bool, trusted);
        const OriginPolicy policy(QUrl(QStringLiteral("https://my-sso.awsapps.com/start")),
                                  QUrl(QStringLiteral("http://127.0.0.1:4567")),
                                  {QStringLiteral("https://idp.example.com")});
        QCOMPARE(policy.isTrusted(QUrl(url)), trusted);
    }
};

QTEST_GUILESS_MAIN(TestOriginPolicy)
#include "TestOriginPolicy.moc"
