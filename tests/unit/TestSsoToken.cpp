// SsoToken and ClientRegistration: the two file formats of ~/.aws/sso/cache.
#include "ClientRegistration.h"
#include "PythonJson.h"
#include "SsoToken.h"

#include <QFile>
#include <QJsonArray>
#include <QtTest>

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(TESTS_DATA_DIR "/cache/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return file.readAll();
}

QDateTime utc(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
}

// The token of tests/data/cache/cli-token.json.
SsoToken cliToken()
{
    SsoToken token;
    token.startUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
    token.region = QStringLiteral("us-east-1");
    token.accessToken = QStringLiteral("aoaAAAAAGa/x+y==");
    token.expiresAt = utc(1767323045 + 28800);
    token.clientId = QStringLiteral("cid-123");
    token.clientSecret = QStringLiteral("secret/with\"quote");
    token.registrationExpiresAt = utc(1775098245);
    token.refreshToken = QString::fromUtf8("Atzr|refresh-ünï");
    return token;
}

const QString SourceName =
    QStringLiteral("/home/someone/.aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json");

} // namespace

class TestSsoToken : public QObject
{
    Q_OBJECT

private slots:
    void writesTheCliBytes();
    void omitsAnAbsentRefreshToken();
    void readsAndRewritesACliFileUnchanged_data();
    void readsAndRewritesACliFileUnchanged();
    void readsAGoFileAndKeepsItsUnknownField();
    void keepsUnknownFieldsInTheirOrder();
    void sortsUnknownFieldsWithoutAKnownOrder();
    void knownFieldsWinOverSameNamedUnknownOnes();
    void readsOlderTimeFormats();
    void toleratesAUtf8Bom();
    void treatsNullOptionalFieldsAsAbsent();
    void rejectsCorruptFiles_data();
    void rejectsCorruptFiles();

    void writesTheCliRegistrationBytes();
    void readsAndRewritesCliRegistrations_data();
    void readsAndRewritesCliRegistrations();
    void keepsAnEmptyScopeList();
    void keepsUnknownRegistrationFields();
    void rejectsCorruptRegistrations_data();
    void rejectsCorruptRegistrations();
};

void TestSsoToken::writesTheCliBytes()
{
    // python3 -c 'from datetime import datetime, timedelta; from dateutil.tz import tzutc;
    //   from botocore.tokens import _sso_json_dumps; now = datetime(2026,1,2,3,4,5,tzinfo=tzutc());
    //   print(_sso_json_dumps({"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1",
    //     "accessToken": "aoaAAAAAGa/x+y==", "expiresAt": now + timedelta(seconds=28800), "clientId":
    //     "cid-123", "clientSecret": "secret/with\"quote", "registrationExpiresAt":
    //     datetime.fromtimestamp(1775098245, tzutc()), "refreshToken": "Atzr|refresh-ünï"}))'
    const QByteArray golden(
        R"({"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1", )"
        R"("accessToken": "aoaAAAAAGa/x+y==", "expiresAt": "2026-01-02T11:04:05Z", "clientId": "cid-123", )"
        R"("clientSecret": "secret/with\"quote", "registrationExpiresAt": "2026-04-02T02:50:45Z", )"
        R"("refreshToken": "Atzr|refresh-\u00fcn\u00ef"})");
    QCOMPARE(cliToken().toJson(), golden);
    QCOMPARE(cliToken().toJson(), fixture(QStringLiteral("cli-token.json")));
}

void TestSsoToken::omitsAnAbsentRefreshToken()
{
    // botocore adds refreshToken only when the service returned one (same command as above without it).
    SsoToken token = cliToken();
    token.refreshToken.clear();
    QCOMPARE(token.toJson(), fixture(QStringLiteral("cli-token-no-refresh.json")));
    QVERIFY(!token.toJson().contains("refreshToken"));
}

void TestSsoToken::readsAndRewritesACliFileUnchanged_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("with refresh token") << QStringLiteral("cli-token.json");
    QTest::newRow("without refresh token") << QStringLiteral("cli-token-no-refresh.json");
}

void TestSsoToken::readsAndRewritesACliFileUnchanged()
{
    QFETCH(QString, name);
    const QByteArray bytes = fixture(name);
    const Result<SsoToken> token = SsoToken::fromJson(bytes, name);
    QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().message()));
    QCOMPARE(token->accessToken, QStringLiteral("aoaAAAAAGa/x+y=="));
    QCOMPARE(token->expiresAt, utc(1767323045 + 28800));
    QCOMPARE(token->registrationExpiresAt, utc(1775098245));
    QCOMPARE(token->clientSecret, QStringLiteral("secret/with\"quote"));
    QVERIFY(token->otherFields.isEmpty());
    QCOMPARE(token->toJson(), bytes);
}

void TestSsoToken::readsAGoFileAndKeepsItsUnknownField()
{
    // aws-sdk-go-v2 writes sorted, compact keys and keeps fields it does not know.
    const Result<SsoToken> token = SsoToken::fromJson(fixture(QStringLiteral("go-token.json")), SourceName);
    QVERIFY(token.ok());
    QCOMPARE(token->accessToken, QStringLiteral("go-access"));
    QCOMPARE(token->refreshToken, QStringLiteral("go-refresh"));
    QCOMPARE(token->startUrl, QStringLiteral("https://my-sso-portal.awsapps.com/start"));
    QCOMPARE(token->otherFields.keys(), QStringList{QStringLiteral("zzCustom")});
    // Rewritten in the CLI's order and separators, the unknown field last with its value intact.
    QCOMPARE(token->toJson(),
             QByteArray(
                 R"({"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1", )"
                 R"("accessToken": "go-access", "expiresAt": "2026-01-02T11:04:05Z", "clientId": "cid-123", )"
                 R"("clientSecret": "sec", "registrationExpiresAt": "2026-04-02T02:50:45Z", )"
                 R"("refreshToken": "go-refresh", "zzCustom": {"a": [true, null], "b": 1}})"));
}

void TestSsoToken::keepsUnknownFieldsInTheirOrder()
{
    const Result<SsoToken> token =
        SsoToken::fromJson(fixture(QStringLiteral("pretty-unknown-fields.json")), SourceName);
    QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().message()));
    QCOMPARE(token->otherFieldOrder,
             (QStringList{QStringLiteral("zFirst"), QStringLiteral("nested"), QStringLiteral("count"),
                          QStringLiteral("flag"), QStringLiteral("aLast")}));
    QCOMPARE(token->expiresAt, QDateTime(QDate(2026, 1, 2), QTime(11, 4, 5, 250), Qt::UTC));
    // Known fields first in the CLI's order, then the unknown ones as the file had them. Inside the
    // unknown "nested" object the keys come out sorted: QJsonObject keeps no order below the top level
    // (Python would keep "y" before "x" there).
    QCOMPARE(token->toJson(),
             QByteArray(R"({"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1", )"
                        R"("accessToken": "pretty-access", "expiresAt": "2026-01-02T11:04:05Z", )"
                        R"("zFirst": "kept \u00e9", "nested": {"x": {"deep": null}, "y": [1, 2.5, "x"]}, )"
                        R"("count": -42, "flag": false, "aLast": "\ud83d\ude00"})"));
}

void TestSsoToken::sortsUnknownFieldsWithoutAKnownOrder()
{
    SsoToken token = cliToken();
    token.refreshToken.clear();
    token.clientId.clear();
    token.clientSecret.clear();
    token.registrationExpiresAt = {};
    token.otherFields = QJsonObject{{QStringLiteral("b"), 2}, {QStringLiteral("a"), 1}};
    token.otherFieldOrder = {QStringLiteral("b")};
    QVERIFY(token.toJson().endsWith(R"("expiresAt": "2026-01-02T11:04:05Z", "b": 2, "a": 1})"));
    token.otherFieldOrder.clear();
    QVERIFY(token.toJson().endsWith(R"("expiresAt": "2026-01-02T11:04:05Z", "a": 1, "b": 2})"));
}

void TestSsoToken::knownFieldsWinOverSameNamedUnknownOnes()
{
    SsoToken token = cliToken();
    token.otherFields.insert(QStringLiteral("accessToken"), QStringLiteral("stale"));
    token.otherFields.insert(QStringLiteral("extra"), 1);
    const QByteArray json = token.toJson();
    QCOMPARE(json.count("accessToken"), 1);
    QVERIFY(!json.contains("stale"));
    QVERIFY(json.endsWith(R"(, "extra": 1})"));
}

void TestSsoToken::readsOlderTimeFormats()
{
    const QByteArray json(R"({"accessToken": "a", "expiresAt": "2026-01-02T11:04:05UTC", )"
                          R"("registrationExpiresAt": "2026-04-02T04:50:45+02:00"})");
    const Result<SsoToken> token = SsoToken::fromJson(json, SourceName);
    QVERIFY(token.ok());
    QCOMPARE(token->expiresAt, utc(1767323045 + 28800));
    QCOMPARE(token->registrationExpiresAt, utc(1775098245));
    QVERIFY(token->toJson().contains(R"("registrationExpiresAt": "2026-04-02T02:50:45Z")"));
}

void TestSsoToken::toleratesAUtf8Bom()
{
    // Python's json.load refuses it ("Unexpected UTF-8 BOM") and so does Go; Qt reads it, and the
    // next write drops the BOM, which repairs the file for the other tools rather than losing it.
    const QByteArray bytes = fixture(QStringLiteral("bom-token.json"));
    QVERIFY(bytes.startsWith("\xef\xbb\xbf"));
    const Result<SsoToken> token = SsoToken::fromJson(bytes, SourceName);
    QVERIFY(token.ok());
    QCOMPARE(token->toJson(), fixture(QStringLiteral("cli-token.json")));
    QCOMPARE(PythonJson::topLevelKeys(bytes).first(), QStringLiteral("startUrl"));
}

void TestSsoToken::treatsNullOptionalFieldsAsAbsent()
{
    const QByteArray json(
        R"({"accessToken": "a", "expiresAt": "2026-01-02T11:04:05Z", "refreshToken": null, )"
        R"("clientId": null, "registrationExpiresAt": null})");
    const Result<SsoToken> token = SsoToken::fromJson(json, SourceName);
    QVERIFY(token.ok());
    QVERIFY(token->refreshToken.isEmpty());
    QVERIFY(token->clientId.isEmpty());
    QVERIFY(!token->registrationExpiresAt.isValid());
    QVERIFY(token->otherFields.isEmpty());
}

void TestSsoToken::rejectsCorruptFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QStringLiteral("corrupt-empty.json") << QStringLiteral("it is empty");
    QTest::newRow("whitespace") << QStringLiteral("corrupt-whitespace.json") << QStringLiteral("it is empty");
    QTest::newRow("truncated") << QStringLiteral("corrupt-truncated.json")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("html") << QStringLiteral("corrupt-not-json.json")
                          << QStringLiteral("it does not hold a JSON object");
    QTest::newRow("array") << QStringLiteral("corrupt-array.json") << QStringLiteral("not an object");
    QTest::newRow("string") << QStringLiteral("corrupt-string.json")
                            << QStringLiteral("it does not hold a JSON object");
    QTest::newRow("number") << QStringLiteral("corrupt-number.json")
                            << QStringLiteral("it does not hold a JSON object");
    QTest::newRow("null") << QStringLiteral("corrupt-null.json")
                          << QStringLiteral("it does not hold a JSON object");
    QTest::newRow("no accessToken") << QStringLiteral("corrupt-missing-access-token.json")
                                    << QStringLiteral("it has no accessToken");
    QTest::newRow("no expiresAt") << QStringLiteral("corrupt-missing-expires-at.json")
                                  << QStringLiteral("it has no expiresAt");
    QTest::newRow("empty accessToken")
        << QStringLiteral("corrupt-empty-access-token.json") << QStringLiteral("its accessToken is empty");
    QTest::newRow("numeric accessToken") << QStringLiteral("corrupt-access-token-number.json")
                                         << QStringLiteral("its accessToken is not a string");
    QTest::newRow("expiresAt not a time") << QStringLiteral("corrupt-expires-at-garbage.json")
                                          << QStringLiteral("its expiresAt \"next tuesday\" is not a time");
    QTest::newRow("expiresAt a number") << QStringLiteral("corrupt-expires-at-number.json")
                                        << QStringLiteral("its expiresAt is not a string");
    QTest::newRow("registrationExpiresAt not a time")
        << QStringLiteral("corrupt-registration-expires-garbage.json")
        << QStringLiteral("its registrationExpiresAt \"2026-99-99\" is not a time");
    QTest::newRow("refreshToken an object") << QStringLiteral("corrupt-refresh-token-object.json")
                                            << QStringLiteral("its refreshToken is not a string");
    QTest::newRow("trailing garbage")
        << QStringLiteral("corrupt-trailing-garbage.json") << QStringLiteral("not valid JSON");
    QTest::newRow("nul bytes") << QStringLiteral("corrupt-nul-bytes.json")
                               << QStringLiteral("it does not hold a JSON object");
    QTest::newRow("binary") << QStringLiteral("corrupt-binary.json")
                            << QStringLiteral("it does not hold a JSON object");
}

void TestSsoToken::rejectsCorruptFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const Result<SsoToken> token = SsoToken::fromJson(fixture(name), SourceName);
    QVERIFY2(!token.ok(), qPrintable(name));
    QCOMPARE(token.error().kind(), SsoError::Kind::Cache);
    QVERIFY2(
        token.error().message().startsWith(SourceName + QStringLiteral(" is not a usable SSO token file: ")),
        qPrintable(token.error().message()));
    QVERIFY2(token.error().message().contains(reason), qPrintable(token.error().message()));
}

void TestSsoToken::writesTheCliRegistrationBytes()
{
    // python3 -c 'from datetime import datetime; from dateutil.tz import tzutc;
    //   from botocore.tokens import _sso_json_dumps;
    //   r = {"clientId": "cid-123", "clientSecret": "sec", "expiresAt": datetime.fromtimestamp(1775098245,
    //   tzutc())}; print(_sso_json_dumps(r)); r["scopes"] = ["sso:account:access"];
    //   print(_sso_json_dumps(r)); r["grantTypes"] = ("authorization_code", "refresh_token");
    //   print(_sso_json_dumps(r))'
    // (the dicts of SSOTokenFetcher._register_client and SSOTokenFetcherAuth._register_client, AWS CLI v2)
    ClientRegistration registration;
    registration.clientId = QStringLiteral("cid-123");
    registration.clientSecret = QStringLiteral("sec");
    registration.expiresAt = utc(1775098245);
    QCOMPARE(
        registration.toJson(),
        QByteArray(R"({"clientId": "cid-123", "clientSecret": "sec", "expiresAt": "2026-04-02T02:50:45Z"})"));
    registration.scopes = QStringList{QStringLiteral("sso:account:access")};
    registration.hasScopes = true;
    QCOMPARE(registration.toJson(),
             QByteArray(R"({"clientId": "cid-123", "clientSecret": "sec", )"
                        R"("expiresAt": "2026-04-02T02:50:45Z", "scopes": ["sso:account:access"]})"));
    registration.grantTypes =
        QStringList{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
    QCOMPARE(registration.toJson(), fixture(QStringLiteral("cli-registration-pkce.json")));
}

void TestSsoToken::readsAndRewritesCliRegistrations_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("pkce");
    QTest::newRow("device flow") << QStringLiteral("cli-registration-device.json") << false;
    QTest::newRow("pkce") << QStringLiteral("cli-registration-pkce.json") << true;
}

void TestSsoToken::readsAndRewritesCliRegistrations()
{
    QFETCH(QString, name);
    QFETCH(bool, pkce);
    const QByteArray bytes = fixture(name);
    const Result<ClientRegistration> registration = ClientRegistration::fromJson(bytes, name);
    QVERIFY(registration.ok());
    QCOMPARE(registration->clientId, QStringLiteral("cid-123"));
    QCOMPARE(registration->expiresAt, utc(1775098245));
    QCOMPARE(registration->isPkce(), pkce);
    QCOMPARE(registration->hasScopes, pkce);
    QCOMPARE(registration->toJson(), bytes);
}

void TestSsoToken::keepsAnEmptyScopeList()
{
    const QByteArray json(
        R"({"clientId": "c", "clientSecret": "s", "expiresAt": "2026-04-02T02:50:45Z", "scopes": []})");
    const Result<ClientRegistration> registration = ClientRegistration::fromJson(json, SourceName);
    QVERIFY(registration.ok());
    QVERIFY(registration->hasScopes);
    QVERIFY(registration->scopes.isEmpty());
    QCOMPARE(registration->toJson(), json);
}

void TestSsoToken::keepsUnknownRegistrationFields()
{
    // Older CLIs stored receivedAt; nothing written by someone else is dropped.
    const QByteArray json(R"({"receivedAt": "2026-01-02T03:04:05UTC", "clientId": "c", "clientSecret": "s", )"
                          R"("expiresAt": "2026-04-02T02:50:45Z", "aExtra": [1]})");
    const Result<ClientRegistration> registration = ClientRegistration::fromJson(json, SourceName);
    QVERIFY(registration.ok());
    QCOMPARE(registration->toJson(),
             QByteArray(R"({"clientId": "c", "clientSecret": "s", "expiresAt": "2026-04-02T02:50:45Z", )"
                        R"("receivedAt": "2026-01-02T03:04:05UTC", "aExtra": [1]})"));
}

void TestSsoToken::rejectsCorruptRegistrations_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("it is empty");
    QTest::newRow("truncated") << QByteArray(R"({"clientId": "c", "clientSec)")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not an object");
    QTest::newRow("no clientId") << QByteArray(
                                        R"({"clientSecret": "s", "expiresAt": "2026-04-02T02:50:45Z"})")
                                 << QStringLiteral("it has no clientId");
    QTest::newRow("no clientSecret") << QByteArray(
                                            R"({"clientId": "c", "expiresAt": "2026-04-02T02:50:45Z"})")
                                     << QStringLiteral("it has no clientSecret");
    QTest::newRow("no expiresAt") << QByteArray(R"({"clientId": "c", "clientSecret": "s"})")
                                  << QStringLiteral("it has no expiresAt");
    QTest::newRow("bad expiresAt") << QByteArray(
                                          R"({"clientId": "c", "clientSecret": "s", "expiresAt": "soon"})")
                                   << QStringLiteral("its expiresAt \"soon\" is not a time");
    QTest::newRow("scopes a string")
        << QByteArray(
               R"({"clientId": "c", "clientSecret": "s", "expiresAt": "2026-04-02T02:50:45Z", "scopes": "x"})")
        << QStringLiteral("its scopes is not a list of strings");
    QTest::newRow("grantTypes with a number")
        << QByteArray(R"({"clientId": "c", "clientSecret": "s", )"
                      R"("expiresAt": "2026-04-02T02:50:45Z", "grantTypes": [1]})")
        << QStringLiteral("its grantTypes is not a list of strings");
}

void TestSsoToken::rejectsCorruptRegistrations()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    const Result<ClientRegistration> registration = ClientRegistration::fromJson(json, SourceName);
    QVERIFY(!registration.ok());
    QCOMPARE(registration.error().kind(), SsoError::Kind::Cache);
    QVERIFY2(registration.error().message().startsWith(SourceName),
             qPrintable(registration.error().message()));
    QVERIFY2(registration.error().message().contains(reason), qPrintable(registration.error().message()));
}

QTEST_GUILESS_MAIN(TestSsoToken)
#include "TestSsoToken.moc"
