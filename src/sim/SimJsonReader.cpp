#include "SimJsonReader.h"

#include <QJsonDocument>
#include <cmath>
#include <utility>

namespace {
constexpr int MaximumCount = 1000000;
} // namespace

SimJsonReader::SimJsonReader(QJsonObject object, QString path)
    : SimJsonReader(std::move(object), std::move(path), std::make_shared<QString>())
{}

SimJsonReader::SimJsonReader(QJsonObject object, QString path, std::shared_ptr<QString> problem)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_problem(std::move(problem))
{}

SimJsonReader SimJsonReader::nested(const QJsonObject &object, const QString &path) const
{
    return SimJsonReader(object, path, m_problem);
}

QString SimJsonReader::pathOf(const QString &key) const
{
    if (m_path.isEmpty()) {
        return key;
    }
    if (key.startsWith(QLatin1Char('['))) {
        return m_path + key;
    }
    return m_path + QLatin1Char('.') + key;
}

void SimJsonReader::fail(const QString &key, const QString &problem)
{
    if (failed()) {
        return;
    }
    *m_problem = QStringLiteral("%1 %2").arg(pathOf(key), problem);
}

QString SimJsonReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    default:
        break;
    }
    // Single values: render them as they were written.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void SimJsonReader::rejectUnknownKeys(const QStringList &known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            fail(it.key(), QStringLiteral("is not a known setting (known here: %1)")
                               .arg(known.join(QStringLiteral(", "))));
            return;
        }
    }
}

void SimJsonReader::readInt(const QString &key, int &target, int minimum, int maximum)
{
    if (!has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number || number < minimum || number > maximum) {
        fail(key, QStringLiteral("must be a whole number from %1 to %2, not %3")
                      .arg(minimum)
                      .arg(maximum)
                      .arg(describe(value)));
        return;
    }
    target = static_cast<int>(number);
}

void SimJsonReader::readBool(const QString &key, bool &target)
{
    if (!has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        fail(key, QStringLiteral("must be true or false, not %1").arg(describe(value)));
        return;
    }
    target = value.toBool();
}

void SimJsonReader::readString(const QString &key, QString &target)
{
    if (!has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(key, QStringLiteral("must be a string, not %1").arg(describe(value)));
        return;
    }
    target = value.toString();
}

void SimJsonReader::readStringList(const QString &key, QStringList &target)
{
    if (!has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, QStringLiteral("must be an array of strings, not %1").arg(describe(value)));
        return;
    }
    QStringList strings;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            fail(QStringLiteral("%1[%2]").arg(key).arg(i),
                 QStringLiteral("must be a string, not %1").arg(describe(array.at(i))));
            return;
        }
        strings.append(array.at(i).toString());
    }
    target = strings;
}

void SimJsonReader::readPaths(const QString &key, QStringList &target)
{
    QStringList paths = target;
    readStringList(key, paths);
    for (const QString &path : std::as_const(paths)) {
        if (!path.startsWith(QLatin1Char('/'))) {
            fail(key, QStringLiteral("must hold request paths starting with \"/\", not \"%1\"").arg(path));
            return;
        }
    }
    if (!failed()) {
        target = paths;
    }
}

void SimJsonReader::readPathCounts(const QString &key, QMap<QString, int> &target)
{
    if (!has(key)) {
        return;
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, QStringLiteral("must be an object of request paths to counts, e.g. {\"/token\": 2}, not %1")
                      .arg(describe(value)));
        return;
    }
    QMap<QString, int> counts;
    const QJsonObject members = value.toObject();
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
        const QString member = QStringLiteral("%1[\"%2\"]").arg(key, it.key());
        if (!it.key().startsWith(QLatin1Char('/'))) {
            fail(member, QStringLiteral("is not a request path; paths start with \"/\""));
            return;
        }
        const double count = it.value().toDouble(-1);
        if (!it.value().isDouble() || std::floor(count) != count || count < 0 || count > MaximumCount) {
            fail(member, QStringLiteral("must be a whole number from 0 to %1, not %2")
                             .arg(MaximumCount)
                             .arg(describe(it.value())));
            return;
        }
        counts.insert(it.key(), static_cast<int>(count));
    }
    if (!failed()) {
        target = counts;
    }
}

QList<QJsonObject> SimJsonReader::readObjectArray(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, QStringLiteral("must be an array of objects, not %1").arg(describe(value)));
        return {};
    }
    QList<QJsonObject> objects;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            fail(QStringLiteral("%1[%2]").arg(key).arg(i),
                 QStringLiteral("must be an object, not %1").arg(describe(array.at(i))));
            return {};
        }
        objects.append(array.at(i).toObject());
    }
    return objects;
}

QJsonObject SimJsonReader::readObject(const QString &key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, QStringLiteral("must be an object, not %1").arg(describe(value)));
        return {};
    }
    return value.toObject();
}
