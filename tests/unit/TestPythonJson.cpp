#include "BotocoreVerdict.h"
#include "PythonJson.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

using PythonJson::KeyOrder;
using PythonJson::OrderedObject;

namespace {

QString utf16Hex(const QString &text)
{
    QByteArray bytes;
    for (const QChar unit : text) {
        bytes.append(static_cast<char>(unit.unicode() & 0xff));
        bytes.append(static_cast<char>(unit.unicode() >> 8));
    }
    return QString::fromLatin1(bytes.toHex());
}

QString doubleBits(double number)
{
    // Little-endian IEEE-754, what struct.unpack('<d') reads back.
    quint64 bits = 0;
    std::memcpy(&bits, &number, sizeof bits);
    QByteArray bytes;
    for (int byte = 0; byte < 8; ++byte) {
        bytes.append(static_cast<char>((bits >> (8 * byte)) & 0xff));
    }
    return QString::fromLatin1(bytes.toHex());
}

// The value as the checker's tagged tree, independent of the serialiser under test.
QJsonObject tagged(const QJsonValue &value);

QJsonObject taggedObject(const OrderedObject &object)
{
    QJsonArray members;
    for (const auto &[key, value] : object) {
        members.append(QJsonArray{utf16Hex(key), tagged(value)});
    }
    return {{QStringLiteral("t"), QStringLiteral("obj")}, {QStringLiteral("m"), members}};
}

QJsonObject tagged(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {{QStringLiteral("t"), QStringLiteral("null")}};
    case QJsonValue::Bool:
        return {{QStringLiteral("t"), QStringLiteral("bool")}, {QStringLiteral("v"), value.toBool()}};
    case QJsonValue::Double: {
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger()) {
            return {{QStringLiteral("t"), QStringLiteral("int")},
                    {QStringLiteral("v"), QString::number(number.toInteger())}};
        }
        return {{QStringLiteral("t"), QStringLiteral("float")},
                {QStringLiteral("bits"), doubleBits(value.toDouble())}};
    }
    case QJsonValue::String:
        return {{QStringLiteral("t"), QStringLiteral("str")},
                {QStringLiteral("u16"), utf16Hex(value.toString())}};
    case QJsonValue::Array: {
        QJsonArray elements;
        for (const QJsonValue &element : value.toArray()) {
            elements.append(tagged(element));
        }
        return {{QStringLiteral("t"), QStringLiteral("arr")}, {QStringLiteral("a"), elements}};
    }
    case QJsonValue::Object: {
        OrderedObject members;
        const QJsonObject object = value.toObject();
        for (auto member = object.begin(); member != object.end(); ++member) {
            members.emplace_back(member.key(), member.value());
        }
        return taggedObject(members);
    }
    }
    return {};
}

QString fromUtf8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestPythonJson : public QObject
{
    Q_OBJECT

private slots:
    void quotesLikeEnsureAscii_data();
    void quotesLikeEnsureAscii();
    void quotesLoneSurrogatesAsPythonDoes();
    void formatsFloatsLikeRepr_data();
    void formatsFloatsLikeRepr();
    void writesIntegersWithoutFraction();
    void dumpsScalarsAndContainers();
    void keepsGivenOrderOrSortsByCodePoint();
    void sortsNestedObjectsByCodePoint();
    void appendsMissingMembersInOrderThenSorted();
    void scansTopLevelKeyOrder_data();
    void scansTopLevelKeyOrder();
    void agreesWithPythonOnManyValues();
};

void TestPythonJson::quotesLikeEnsureAscii_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    // python3 -c 'import json; print(json.dumps(TEXT))' for each row.
    QTest::newRow("plain") << QStringLiteral("abc") << QByteArray(R"("abc")");
    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("slash kept") << QStringLiteral("https://x/start/#/")
                                << QByteArray(R"("https://x/start/#/")");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("short escapes") << QStringLiteral("\b\f\n\r\t") << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("other controls") << QString::fromUtf16(u"\u0000\u0001\u001f\u007f", 4)
                                    << QByteArray(R"("\u0000\u0001\u001f\u007f")");
    QTest::newRow("latin and cjk") << fromUtf8("café 東京") << QByteArray(R"("caf\u00e9 \u6771\u4eac")");
    QTest::newRow("line separator") << QString::fromUtf16(u"\u2028\u2029") << QByteArray(R"("\u2028\u2029")");
    QTest::newRow("beyond the BMP") << fromUtf8("😀𝄞") << QByteArray(R"("\ud83d\ude00\ud834\udd1e")");
    QTest::newRow("printable ascii edge") << QStringLiteral(" ~") << QByteArray(R"(" ~")");
}

void TestPythonJson::quotesLikeEnsureAscii()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(PythonJson::quote(text), expected);
    QCOMPARE(PythonJson::dumps(QJsonValue(text)), expected);
}

void TestPythonJson::quotesLoneSurrogatesAsPythonDoes()
{
    // python3 -c 'import json; print(json.dumps("a\ud800b\udc00"))' -> "a\ud800b\udc00"
    const QString lone = QStringLiteral("a") + QChar(0xd800) + QStringLiteral("b") + QChar(0xdc00);
    QCOMPARE(PythonJson::quote(lone), QByteArray(R"("a\ud800b\udc00")"));
}

void TestPythonJson::formatsFloatsLikeRepr_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<QByteArray>("expected");
    // python3 -c 'import json; print(json.dumps(NUMBER))' for each row.
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("1.0") << 1.0 << QByteArray("1.0");
    QTest::newRow("-0.0") << -0.0 << QByteArray("-0.0");
    QTest::newRow("0.0") << 0.0 << QByteArray("0.0");
    QTest::newRow("1e16") << 1e16 << QByteArray("1e+16");
    QTest::newRow("1e15") << 1e15 << QByteArray("1000000000000000.0");
    QTest::newRow("1e-4") << 1e-4 << QByteArray("0.0001");
    QTest::newRow("1e-5") << 1e-5 << QByteArray("1e-05");
    QTest::newRow("123456789.123") << 123456789.123 << QByteArray("123456789.123");
    QTest::newRow("1.5e300") << 1.5e300 << QByteArray("1.5e+300");
    QTest::newRow("smallest denormal") << 5e-324 << QByteArray("5e-324");
    QTest::newRow("sqrt 2") << std::sqrt(2.0) << QByteArray("1.4142135623730951");
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::newRow("1234567890123456.7") << 1234567890123456.7 << QByteArray("1234567890123456.8");
    QTest::newRow("12345678901234567.0") << 12345678901234567.0 << QByteArray("1.2345678901234568e+16");
    QTest::newRow("-2.5e-7") << -2.5e-7 << QByteArray("-2.5e-07");
    QTest::newRow("max") << std::numeric_limits<double>::max() << QByteArray("1.7976931348623157e+308");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("Infinity");
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Infinity");
}

void TestPythonJson::formatsFloatsLikeRepr()
{
    QFETCH(double, number);
    QFETCH(QByteArray, expected);
    QCOMPARE(PythonJson::formatFloat(number), expected);
}

void TestPythonJson::writesIntegersWithoutFraction()
{
    QCOMPARE(PythonJson::dumps(QJsonValue(3600)), QByteArray("3600"));
    QCOMPARE(PythonJson::dumps(QJsonValue(-5)), QByteArray("-5"));
    QCOMPARE(PythonJson::dumps(QJsonValue(qint64(9007199254740993))), QByteArray("9007199254740993"));
    QCOMPARE(PythonJson::dumps(QJsonValue(std::numeric_limits<qint64>::min())),
             QByteArray("-9223372036854775808"));
    // Parsed numbers keep their integer nature; non-integral ones are floats.
    const QJsonArray parsed = QJsonDocument::fromJson("[1700000000, 2.5]").array();
    QCOMPARE(PythonJson::dumps(parsed), QByteArray("[1700000000, 2.5]"));
}

void TestPythonJson::dumpsScalarsAndContainers()
{
    // python3 -c 'import json; print(json.dumps([None, True, False, [], {}, [1, [2, "x"]], {"a": None}]))'
    const QJsonArray value{QJsonValue(),
                           true,
                           false,
                           QJsonArray(),
                           QJsonObject(),
                           QJsonArray{1, QJsonArray{2, QStringLiteral("x")}},
                           QJsonObject{{QStringLiteral("a"), QJsonValue()}}};
    QCOMPARE(PythonJson::dumps(value),
             QByteArray(R"([null, true, false, [], {}, [1, [2, "x"]], {"a": null}])"));
    QCOMPARE(PythonJson::dumps(OrderedObject{}), QByteArray("{}"));
}

void TestPythonJson::keepsGivenOrderOrSortsByCodePoint()
{
    const OrderedObject object{{QStringLiteral("tool"), QStringLiteral("botocore")},
                               {QStringLiteral("b"), 1},
                               {QStringLiteral("a"), QJsonArray{QStringLiteral("x")}}};
    // python3 -c 'import json; d={"tool": "botocore", "b": 1, "a": ["x"]}; print(json.dumps(d))'
    QCOMPARE(PythonJson::dumps(object), QByteArray(R"({"tool": "botocore", "b": 1, "a": ["x"]})"));
    // ... print(json.dumps(d, sort_keys=True))
    QCOMPARE(PythonJson::dumps(object, KeyOrder::Sorted),
             QByteArray(R"({"a": ["x"], "b": 1, "tool": "botocore"})"));
}

void TestPythonJson::sortsNestedObjectsByCodePoint()
{
    // Qt orders keys by UTF-16 unit, which puts U+1F600 (D83D...) before U+FF21; Python by code point.
    // python3 -c 'import json; print(json.dumps({"\U0001F600": 1, "\uff21": 2, "a": 3, "B": 4},
    // sort_keys=True))'
    const QJsonObject object{
        {fromUtf8("😀"), 1}, {fromUtf8("Ａ"), 2}, {QStringLiteral("a"), 3}, {QStringLiteral("B"), 4}};
    const QByteArray expected(R"({"B": 4, "a": 3, "\uff21": 2, "\ud83d\ude00": 1})");
    QCOMPARE(PythonJson::dumps(object), expected);
    OrderedObject ordered;
    for (auto member = object.begin(); member != object.end(); ++member) {
        ordered.emplace_back(member.key(), member.value());
    }
    QCOMPARE(PythonJson::dumps(ordered, KeyOrder::Sorted), expected);
    QCOMPARE(PythonJson::dumps(OrderedObject{{QStringLiteral("n"), object}}),
             QByteArray(R"({"n": )") + expected + '}');
}

void TestPythonJson::appendsMissingMembersInOrderThenSorted()
{
    OrderedObject object{{QStringLiteral("accessToken"), QStringLiteral("kept")}};
    const QJsonObject fields{{QStringLiteral("accessToken"), QStringLiteral("ignored")},
                             {QStringLiteral("zeta"), 1},
                             {QStringLiteral("alpha"), 2},
                             {QStringLiteral("mid"), 3},
                             {QStringLiteral("beta"), 4}};
    PythonJson::appendMissing(object, fields,
                              {QStringLiteral("zeta"), QStringLiteral("gone"), QStringLiteral("mid")});
    QCOMPARE(PythonJson::dumps(object),
             QByteArray(R"({"accessToken": "kept", "zeta": 1, "mid": 3, "alpha": 2, "beta": 4})"));
}

void TestPythonJson::scansTopLevelKeyOrder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain") << QByteArray(R"({"z": 1, "a": 2, "m": 3})")
                           << QStringList{QStringLiteral("z"), QStringLiteral("a"), QStringLiteral("m")};
    QTest::newRow("nested keys ignored")
        << QByteArray(R"({"b": {"inner": [1, {"deep": "}"}]}, "a": [], "c": {}})")
        << QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")};
    QTest::newRow("strings with delimiters")
        << QByteArray(R"({"x": "a,\"b\": {[", "y\"q": "\\", "w": true})")
        << QStringList{QStringLiteral("x"), QStringLiteral("y\"q"), QStringLiteral("w")};
    QTest::newRow("escaped key") << QByteArray(R"({"caf\u00e9": null, "\ud83d\ude00": 0})")
                                 << QStringList{fromUtf8("café"), fromUtf8("😀")};
    QTest::newRow("pretty printed") << QByteArray("{\n  \"b\" : 1.5e3 ,\n\t\"a\":false\r\n}\n")
                                    << QStringList{QStringLiteral("b"), QStringLiteral("a")};
    QTest::newRow("duplicate keeps first position")
        << QByteArray(R"({"a": 1, "b": 2, "a": 3})") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty object") << QByteArray("{}") << QStringList{};
    QTest::newRow("array") << QByteArray(R"(["a", "b"])") << QStringList{};
    QTest::newRow("invalid") << QByteArray(R"({"a": 1, "b")") << QStringList{};
    QTest::newRow("empty text") << QByteArray() << QStringList{};
}

void TestPythonJson::scansTopLevelKeyOrder()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QCOMPARE(PythonJson::topLevelKeys(json), expected);
}

void TestPythonJson::agreesWithPythonOnManyValues()
{
    QJsonArray dumps;
    const auto addCase = [&dumps](const QJsonObject &value, bool sortKeys, const QByteArray &text) {
        dumps.append(QJsonObject{{QStringLiteral("value"), value},
                                 {QStringLiteral("sortKeys"), sortKeys},
                                 {QStringLiteral("text"), QString::fromLatin1(text)}});
    };

    QRandomGenerator random(20260102);
    // Floats: edges of the repr layout switch, then random bit patterns and random magnitudes.
    QList<double> floats{0.1,
                         1e-5,
                         9.999999999999999e-5,
                         1e-4,
                         1e15,
                         9999999999999998.0,
                         1e16,
                         1e17,
                         1e22,
                         1e23,
                         2.2250738585072014e-308,
                         4.9e-324,
                         0.5,
                         -1.25,
                         1.0 / 3.0};
    for (int index = 0; index < 300; ++index) {
        quint64 bits = random.generate64();
        double number = 0;
        std::memcpy(&number, &bits, sizeof number);
        if (std::isfinite(number)) {
            floats.append(number);
        }
        floats.append(random.generateDouble() * std::pow(10.0, random.bounded(-8, 20)));
    }
    for (const double number : std::as_const(floats)) {
        if (number == std::floor(number) && std::abs(number) < 9.2e18) {
            continue; // QJsonValue would store this as an integer; formatFloat is checked directly below
        }
        addCase(tagged(QJsonValue(number)), false, PythonJson::dumps(QJsonValue(number)));
    }
    for (const double number : {1.0, -0.0, 1e15, 3.0e10}) {
        QJsonObject node{{QStringLiteral("t"), QStringLiteral("float")},
                         {QStringLiteral("bits"), doubleBits(number)}};
        addCase(node, false, PythonJson::formatFloat(number));
    }

    // Strings: random code points from every range that escapes differently, lone surrogates too.
    for (int index = 0; index < 200; ++index) {
        QString text;
        const int length = random.bounded(0, 12);
        for (int position = 0; position < length; ++position) {
            switch (random.bounded(5)) {
            case 0:
                text.append(QChar(static_cast<char16_t>(random.bounded(0, 0x80))));
                break;
            case 1:
                text.append(QChar(static_cast<char16_t>(random.bounded(0x80, 0xd800))));
                break;
            case 2:
                text.append(QChar(static_cast<char16_t>(random.bounded(0xd800, 0xe000))));
                break;
            case 3:
                text.append(QChar(static_cast<char16_t>(random.bounded(0xe000, 0x10000))));
                break;
            default:
                text.append(QString::fromUcs4(
                    std::array<char32_t, 1>{static_cast<char32_t>(random.bounded(0x10000, 0x110000))}.data(),
                    1));
            }
        }
        addCase(tagged(QJsonValue(text)), false, PythonJson::dumps(QJsonValue(text)));
    }

    // Objects in given and sorted order, nested values of every kind.
    const OrderedObject registration{
        {QStringLiteral("tool"), QStringLiteral("botocore")},
        {QStringLiteral("startUrl"), QStringLiteral("https://d-123.awsapps.com/start/#/\"'")},
        {QStringLiteral("region"), QStringLiteral("eu-west-1")},
        {QStringLiteral("scopes"), QJsonArray{QStringLiteral("sso:account:access"), fromUtf8("ünï")}},
        {QStringLiteral("session_name"), QJsonValue()},
    };
    addCase(taggedObject(registration), false, PythonJson::dumps(registration));
    addCase(taggedObject(registration), true, PythonJson::dumps(registration, KeyOrder::Sorted));
    const OrderedObject mixed{
        {fromUtf8("Ａ"), QJsonObject{{fromUtf8("😀"), 1}, {fromUtf8("Ａ"), 2}, {QStringLiteral("z"), 0.25}}},
        {fromUtf8("😀"), QJsonArray{true, false, QJsonValue(), QJsonArray(), QJsonObject(), -7, 1e-7}},
        {QStringLiteral("a"), std::numeric_limits<qint64>::max()},
    };
    addCase(taggedObject(mixed), true, PythonJson::dumps(mixed, KeyOrder::Sorted));

    const BotocoreVerdict verdict = askBotocore({{QStringLiteral("dumps"), dumps}});
    if (!verdict.skipReason.isEmpty()) {
        QSKIP(qPrintable(verdict.skipReason));
    }
    QVERIFY2(verdict.exitCode == 0, verdict.report.constData());
    const QByteArray checkedAll = "\"checked\": " + QByteArray::number(dumps.size());
    QVERIFY2(verdict.report.contains(checkedAll), verdict.report.constData());
}

QTEST_GUILESS_MAIN(TestPythonJson)
#include "TestPythonJson.moc"
