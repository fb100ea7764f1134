#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

// Byte-exact Python `json.dumps(value)` with default arguments: separators ", " and ": ",
// ensure_ascii=True (non-ASCII as \uXXXX, surrogate pairs beyond the BMP), '/' left alone,
// integers without ".0", floats as Python's repr, NaN/Infinity spelled as Python does.
//
// The AWS CLI writes ~/.aws/sso/cache with json.dumps and derives the registration file name from
// the SHA-1 of json.dumps(..., sort_keys=True), so the bytes matter. QJsonDocument cannot produce
// them: it sorts every object's keys, uses "," and ":" and writes non-ASCII as UTF-8.
namespace PythonJson {

// A JSON object whose members keep the order given, as a Python dict keeps insertion order.
using Member = std::pair<QString, QJsonValue>;
using OrderedObject = std::vector<Member>;

enum class KeyOrder
{
    AsGiven, // json.dumps(obj)
    Sorted,  // json.dumps(obj, sort_keys=True): by Unicode code point, at every level
};

QByteArray dumps(const OrderedObject &object, KeyOrder order = KeyOrder::AsGiven);

// Appends the members of `fields` whose keys `object` does not have yet: first those named in
// `order`, in that order, then the rest sorted by code point.
void appendMissing(OrderedObject &object, const QJsonObject &fields, const QStringList &order);

// A QJsonObject has lost its insertion order (Qt keeps keys sorted), so objects inside `value` are
// written sorted by code point, i.e. what Python writes with sort_keys=True.
QByteArray dumps(const QJsonValue &value);

// Python's json encoder for one string, quotes included: "caf\u00e9".
QByteArray quote(const QString &text);

// repr(float) as json.dumps writes it: "0.1", "1.0", "1e+16", "1e-05", "NaN", "-Infinity".
QByteArray formatFloat(double number);

// The keys of the top-level object of `json`, in the order they appear in the text, each once
// (at its first occurrence, where a Python dict keeps a repeated key). Empty when `json` is not a
// valid JSON object. QJsonObject forgets this order; callers use it to write unknown fields back
// where they were.
QStringList topLevelKeys(const QByteArray &json);

} // namespace PythonJson
