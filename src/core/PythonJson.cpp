#include "PythonJson.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace {

// Python compares str by code point; QString's operator< compares UTF-16 units, which puts
// U+10000 and above before U+E000..U+FFFF. A lone surrogate stays its own code point, as in Python.
std::u32string codePoints(const QString &text)
{
    std::u32string points;
    points.reserve(static_cast<size_t>(text.size()));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text.at(i);
        if (unit.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            points.push_back(QChar::surrogateToUcs4(unit, text.at(i + 1)));
            ++i;
        } else {
            points.push_back(unit.unicode());
        }
    }
    return points;
}

bool keyLess(const QString &left, const QString &right)
{
    return codePoints(left) < codePoints(right);
}

void appendHexEscape(QByteArray &out, char16_t unit)
{
    static const char digits[] = "0123456789abcdef";
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
        out.append(digits[(unit >> shift) & 0xf]);
    }
}

void appendValue(QByteArray &out, const QJsonValue &value);

void appendMember(QByteArray &out, const QString &key, const QJsonValue &value)
{
    out.append(PythonJson::quote(key));
    out.append(": ");
    appendValue(out, value);
}

void appendNumber(QByteArray &out, const QJsonValue &value)
{
    // QJsonValue stores integral numbers as integers (even when given 3.0), as Python's int.
    const QCborValue number = QCborValue::fromJsonValue(value);
    if (number.isInteger()) {
        out.append(QByteArray::number(number.toInteger()));
    } else {
        out.append(PythonJson::formatFloat(value.toDouble()));
    }
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        return;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double:
        appendNumber(out, value);
        return;
    case QJsonValue::String:
        out.append(PythonJson::quote(value.toString()));
        return;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue &element : value.toArray()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendValue(out, element);
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end(), keyLess);
        out.append('{');
        bool first = true;
        for (const QString &key : keys) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendMember(out, key, object.value(key));
        }
        out.append('}');
        return;
    }
    }
}

// A small forward scanner over JSON text that is already known to be valid.
class KeyScanner
{
public:
    explicit KeyScanner(const QByteArray &json)
        : m_json(json)
    {}

    QStringList topLevelKeys()
    {
        QStringList keys;
        if (m_json.startsWith("\xef\xbb\xbf")) {
            m_position = 3; // a UTF-8 byte order mark, which Qt's parser accepts
        }
        skipSpace();
        if (!consume('{')) {
            return keys;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                return keys; // '}' of an empty object, or the end
            }
            const QString key = decodeString(rawString());
            if (!keys.contains(key)) {
                keys.append(key);
            }
            skipSpace();
            consume(':');
            skipValue();
            skipSpace();
            if (!consume(',')) {
                return keys;
            }
        }
    }

private:
    char peek() const { return m_position < m_json.size() ? m_json.at(m_position) : '\0'; }

    bool consume(char expected)
    {
        if (peek() != expected) {
            return false;
        }
        ++m_position;
        return true;
    }

    void skipSpace()
    {
        while (m_position < m_json.size() && QByteArrayView(" \t\r\n").contains(m_json.at(m_position))) {
            ++m_position;
        }
    }

    // The string token at the current position, quotes included, escapes untouched.
    QByteArray rawString()
    {
        const qsizetype start = m_position;
        ++m_position; // opening quote
        while (m_position < m_json.size() && m_json.at(m_position) != '"') {
            m_position += m_json.at(m_position) == '\\' ? 2 : 1;
        }
        ++m_position; // closing quote
        return m_json.mid(start, m_position - start);
    }

    static QString decodeString(const QByteArray &quoted)
    {
        // Qt's parser already knows every escape; a one-element array lets it decode just this string.
        return QJsonDocument::fromJson('[' + quoted + ']').array().at(0).toString();
    }

    void skipValue()
    {
        skipSpace();
        int depth = 0;
        while (m_position < m_json.size()) {
            const char current = peek();
            if (current == '"') {
                rawString();
                if (depth == 0) {
                    return;
                }
                continue;
            }
            if (current == '{' || current == '[') {
                ++depth;
            } else if (current == '}' || current == ']') {
                if (depth == 0) {
                    return; // the end of the enclosing object
                }
                --depth;
                if (depth == 0) {
                    ++m_position;
                    return;
                }
            } else if (current == ',' && depth == 0) {
                return;
            }
            ++m_position;
        }
    }

    const QByteArray &m_json;
    qsizetype m_position = 0;
};

} // namespace

namespace PythonJson {

QByteArray quote(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    for (const QChar character : text) {
        const char16_t unit = character.unicode();
        switch (unit) {
        case u'"':
            out.append("\\\"");
            break;
        case u'\\':
            out.append("\\\\");
            break;
        case u'\n':
            out.append("\\n");
            break;
        case u'\r':
            out.append("\\r");
            break;
        case u'\t':
            out.append("\\t");
            break;
        case u'\b':
            out.append("\\b");
            break;
        case u'\f':
            out.append("\\f");
            break;
        default:
            // Printable ASCII passes (including '/'); everything else, DEL included, is \uXXXX.
            // Iterating UTF-16 units yields Python's surrogate pairs for characters beyond the BMP.
            if (unit >= 0x20 && unit <= 0x7e) {
                out.append(static_cast<char>(unit));
            } else {
                appendHexEscape(out, unit);
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray formatFloat(double number)
{
    if (std::isnan(number)) {
        return QByteArrayLiteral("NaN");
    }
    if (std::isinf(number)) {
        return number > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
    }
    // to_chars gives the shortest digits that round-trip, as Python's repr does ("d.ddde+XX");
    // only the layout differs, so take the digits and the exponent and lay them out Python's way.
    char buffer[64];
    const std::to_chars_result converted =
        std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
    const std::string scientific(buffer, converted.ptr);
    const size_t exponentMark = scientific.find('e');
    std::string mantissa = scientific.substr(0, exponentMark);
    const int exponent = std::atoi(scientific.c_str() + exponentMark + 1);

    std::string sign;
    if (!mantissa.empty() && mantissa.front() == '-') {
        sign = "-";
        mantissa.erase(0, 1);
    }
    std::string digits;
    for (const char character : mantissa) {
        if (character != '.') {
            digits.push_back(character);
        }
    }

    std::string text = sign;
    // Python's repr switches to exponent notation below 1e-4 and from 1e16 on.
    if (exponent < -4 || exponent >= 16) {
        text += digits.substr(0, 1);
        if (digits.size() > 1) {
            text += '.' + digits.substr(1);
        }
        const std::string exponentDigits = std::to_string(std::abs(exponent));
        text += exponent < 0 ? "e-" : "e+";
        text += exponentDigits.size() < 2 ? '0' + exponentDigits : exponentDigits;
    } else {
        const int pointPosition = exponent + 1; // digits before the decimal point
        const int digitCount = static_cast<int>(digits.size());
        if (pointPosition <= 0) {
            text += "0." + std::string(static_cast<size_t>(-pointPosition), '0') + digits;
        } else if (pointPosition >= digitCount) {
            text += digits + std::string(static_cast<size_t>(pointPosition - digitCount), '0') + ".0";
        } else {
            text += digits.substr(0, static_cast<size_t>(pointPosition)) + '.' +
                    digits.substr(static_cast<size_t>(pointPosition));
        }
    }
    return QByteArray::fromStdString(text);
}

QByteArray dumps(const OrderedObject &object, KeyOrder order)
{
    std::vector<const Member *> members;
    members.reserve(object.size());
    for (const Member &member : object) {
        members.push_back(&member);
    }
    if (order == KeyOrder::Sorted) {
        std::stable_sort(members.begin(), members.end(), [](const Member *left, const Member *right) {
            return keyLess(left->first, right->first);
        });
    }
    QByteArray out;
    out.append('{');
    bool first = true;
    for (const Member *member : members) {
        if (!first) {
            out.append(", ");
        }
        first = false;
        appendMember(out, member->first, member->second);
    }
    out.append('}');
    return out;
}

void appendMissing(OrderedObject &object, const QJsonObject &fields, const QStringList &order)
{
    const auto present = [&object](const QString &key) {
        return std::any_of(object.begin(), object.end(),
                           [&key](const Member &member) { return member.first == key; });
    };
    for (const QString &key : order) {
        if (fields.contains(key) && !present(key)) {
            object.emplace_back(key, fields.value(key));
        }
    }
    QStringList rest = fields.keys();
    std::sort(rest.begin(), rest.end(), keyLess);
    for (const QString &key : rest) {
        if (!present(key)) {
            object.emplace_back(key, fields.value(key));
        }
    }
}

QByteArray dumps(const QJsonValue &value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

QStringList topLevelKeys(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return {};
    }
    return KeyScanner(json).topLevelKeys();
}

} // namespace PythonJson
