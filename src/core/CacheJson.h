#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The top-level JSON object of a file in ~/.aws/sso/cache, shared by the token and registration readers.
namespace CacheJson {
// Fills *object and returns an empty string, or returns what is wrong, phrased to follow
// "<file> is not a usable ... file: ".
QString readObject(const QByteArray &json, QJsonObject *object);
} // namespace CacheJson
