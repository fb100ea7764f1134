#include "BotocoreVerdict.h"
#include "SsoSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <optional>

namespace {

const QString PortalUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
// Non-ASCII, outside the BMP, spaces: the key hashes UTF-8 and json.dumps escapes to ASCII.
const QString UnicodeName = QString::fromUtf8("Développeurs 東京 😀");
// Slashes, quotes and a backslash: '/' is not escaped by json.dumps, '"' and '\' are.
const QString AwkwardUrl = QStringLiteral("https://d-9067.awsapps.com/start/#/?a=\"q\"&b=\\");

SsoSession sessionNamed(const QString &name, const QString &startUrl = PortalUrl)
{
    SsoSession session;
    session.name = name;
    session.startUrl = startUrl;
    session.region = QStringLiteral("us-east-1");
    return session;
}

SsoSession withScopes(SsoSession session, const QStringList &scopes)
{
    session.scopes = scopes;
    session.hasScopes = true;
    return session;
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

class TestSsoSession : public QObject
{
    Q_OBJECT

private slots:
    void tokenKeyHashesTheSessionName_data();
    void tokenKeyHashesTheSessionName();
    void legacyTokenKeyHashesTheStartUrlExactly();
    void registrationKeyMatchesTheCli_data();
    void registrationKeyMatchesTheCli();
    void registrationKeyDependsOnEveryInput();
    void namesForPeople();
    void keysAgreeWithBotocore();
};

void TestSsoSession::tokenKeyHashesTheSessionName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    // python3 -c "from botocore.utils import SSOTokenLoader;
    //   print(SSOTokenLoader()._generate_cache_key('https://x', NAME))"
    QTest::newRow("reference example")
        << QStringLiteral("my-sso") << QStringLiteral("0ad374308c5a4e22f723adf10145eafad7c4031c");
    QTest::newRow("space") << QStringLiteral("a b")
                           << QStringLiteral("7dbde93504122a707f849f2c12bdd9de71b41929");
    QTest::newRow("unicode") << UnicodeName << QStringLiteral("81aaba5613041f6c29cca58c7b1ac38212d11956");
}

void TestSsoSession::tokenKeyHashesTheSessionName()
{
    QFETCH(QString, name);
    QFETCH(QString, key);
    QCOMPARE(sessionNamed(name).tokenCacheKey(), key);
    // The start URL does not matter once there is a session name.
    QCOMPARE(sessionNamed(name, QStringLiteral("https://other.awsapps.com/start")).tokenCacheKey(), key);
}

void TestSsoSession::legacyTokenKeyHashesTheStartUrlExactly()
{
    // python3 -c "from botocore.utils import SSOTokenLoader; k = SSOTokenLoader()._generate_cache_key;
    //   print(k('https://my-sso-portal.awsapps.com/start', None));
    //   print(k('https://my-sso-portal.awsapps.com/start/', None))"
    QCOMPARE(sessionNamed({}).tokenCacheKey(), QStringLiteral("c7aaaf71fcc8777ae2475525ed049d39fe16c484"));
    QCOMPARE(sessionNamed({}, PortalUrl + u'/').tokenCacheKey(),
             QStringLiteral("281a1863574b3787533891e49521f808d4fc0d51"));
}

void TestSsoSession::registrationKeyMatchesTheCli_data()
{
    QTest::addColumn<SsoSession>("session");
    QTest::addColumn<QString>("key");
    // python3 -c "import json, hashlib; args = {'tool': 'botocore', 'startUrl': URL, 'region': REGION,
    //   'scopes': SCOPES, 'session_name': NAME};
    //   print(hashlib.sha1(json.dumps(args, sort_keys=True).encode('utf-8')).hexdigest())"
    // (the AWS CLI v2's BaseSSOTokenFetcher._registration_cache_key)
    QTest::newRow("reference example")
        << withScopes(sessionNamed(QStringLiteral("my-sso")), {QStringLiteral("sso:account:access")})
        << QStringLiteral("c5cfae6e3e4f067423a532368c8b514b6a4b0ace");
    QTest::newRow("scopes not configured: null")
        << sessionNamed(QStringLiteral("my-sso"))
        << QStringLiteral("5d2ad48f7ce068c072924f44a42fb81ca0fd6b99");
    QTest::newRow("scopes configured empty: []")
        << withScopes(sessionNamed(QStringLiteral("my-sso")), {})
        << QStringLiteral("0f66d04d10bc193b79c36d784f62dff0f8700212");
    QTest::newRow("legacy: session_name null")
        << sessionNamed({}) << QStringLiteral("0e093f10f65cee6c5c1898a8e240f5726875bf08");
    SsoSession awkward =
        withScopes(sessionNamed(UnicodeName, AwkwardUrl),
                   {QStringLiteral("sso:account:access"), QStringLiteral("codewhisperer:completions")});
    awkward.region = QStringLiteral("eu-central-1");
    QTest::newRow("unicode, quotes, slashes")
        << awkward << QStringLiteral("be43b5b29935e9b0e58e6864aad24368ba087601");
}

void TestSsoSession::registrationKeyMatchesTheCli()
{
    QFETCH(SsoSession, session);
    QFETCH(QString, key);
    QCOMPARE(session.registrationCacheKey(), key);
}

void TestSsoSession::registrationKeyDependsOnEveryInput()
{
    const SsoSession base =
        withScopes(sessionNamed(QStringLiteral("my-sso")), {QStringLiteral("sso:account:access")});
    QSet<QString> keys{base.registrationCacheKey()};
    SsoSession changed = base;
    changed.region = QStringLiteral("eu-west-1");
    keys.insert(changed.registrationCacheKey());
    changed = base;
    changed.startUrl += u'/';
    keys.insert(changed.registrationCacheKey());
    changed = base;
    changed.scopes.append(QStringLiteral("codewhisperer:completions"));
    keys.insert(changed.registrationCacheKey());
    changed = base;
    changed.name = QStringLiteral("other");
    keys.insert(changed.registrationCacheKey());
    QCOMPARE(keys.size(), 5);
    QVERIFY(base.registrationCacheKey() != base.tokenCacheKey());
}

void TestSsoSession::namesForPeople()
{
    const SsoSession named = sessionNamed(QStringLiteral("my-sso"));
    QVERIFY(!named.isLegacy());
    QCOMPARE(named.displayName(), QStringLiteral("my-sso"));
    QCOMPARE(named.id(), QStringLiteral("my-sso"));
    const SsoSession legacy = sessionNamed({});
    QVERIFY(legacy.isLegacy());
    QCOMPARE(legacy.displayName(), PortalUrl);
    QCOMPARE(legacy.id(), QStringLiteral("url:") + PortalUrl);
}

void TestSsoSession::keysAgreeWithBotocore()
{
    const QStringList names{QStringLiteral("my-sso"),
                            QString(),
                            UnicodeName,
                            QStringLiteral("quote\"back\\slash"),
                            QStringLiteral("tab\there"),
                            QString::fromUtf8("ümlaut"),
                            QStringLiteral("UPPER.case_1")};
    const QStringList urls{PortalUrl, PortalUrl + u'/', AwkwardUrl,
                           QStringLiteral("https://d-1.awsapps.com/start#/"),
                           QString::fromUtf8("https://sso.example.com/ünï/😀")};
    const QList<std::optional<QStringList>> scopeChoices{
        std::nullopt, QStringList{}, QStringList{QStringLiteral("sso:account:access")},
        QStringList{QStringLiteral("sso:account:access"), QString::fromUtf8("scopé:é")}};

    QJsonArray tokenKeys;
    QJsonArray registrationKeys;
    for (const QString &name : names) {
        for (const QString &url : urls) {
            for (const auto &scopes : scopeChoices) {
                SsoSession session = sessionNamed(name, url);
                session.region = QStringLiteral("ap-southeast-2");
                if (scopes) {
                    session = withScopes(session, *scopes);
                }
                tokenKeys.append(QJsonObject{{QStringLiteral("startUrl"), url},
                                             {QStringLiteral("sessionName"), nullIfEmpty(name)},
                                             {QStringLiteral("key"), session.tokenCacheKey()}});
                registrationKeys.append(
                    QJsonObject{{QStringLiteral("startUrl"), url},
                                {QStringLiteral("region"), session.region},
                                {QStringLiteral("scopes"),
                                 scopes ? QJsonValue(QJsonArray::fromStringList(*scopes)) : QJsonValue()},
                                {QStringLiteral("sessionName"), nullIfEmpty(name)},
                                {QStringLiteral("key"), session.registrationCacheKey()}});
            }
        }
    }
    const BotocoreVerdict verdict = askBotocore(
        {{QStringLiteral("tokenKeys"), tokenKeys}, {QStringLiteral("registrationKeys"), registrationKeys}});
    if (!verdict.skipReason.isEmpty()) {
        QSKIP(qPrintable(verdict.skipReason));
    }
    QVERIFY2(verdict.exitCode == 0, verdict.report.constData());
    const QByteArray checkedAll =
        "\"checked\": " + QByteArray::number(tokenKeys.size() + registrationKeys.size());
    QVERIFY2(verdict.report.contains(checkedAll), verdict.report.constData());
}

QTEST_GUILESS_MAIN(TestSsoSession)
#include "TestSsoSession.moc"
