#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>

// Reads typed members of one JSON object of the simulator's configuration. The first problem is kept with
// its path (e.g. "users[1].mfa"), so a load error says exactly what to fix; later reads are harmless no-ops
// on the caller's defaults. Nested readers share the problem with the reader they came from.
class SimJsonReader
{
public:
    SimJsonReader(QJsonObject object, QString path);

    SimJsonReader nested(const QJsonObject &object, const QString &path) const;

    bool has(const QString &key) const { return m_object.contains(key); }
    bool isNull(const QString &key) const { return m_object.value(key).isNull(); }
    QString pathOf(const QString &key) const;

    // Members outside `known` are typos more often than not: refuse them.
    void rejectUnknownKeys(const QStringList &known);

    void readInt(const QString &key, int &target, int minimum, int maximum);
    void readBool(const QString &key, bool &target);
    void readString(const QString &key, QString &target);
    void readStringList(const QString &key, QStringList &target);
    // An object of request paths to counts, e.g. {"/token": 2}.
    void readPathCounts(const QString &key, QMap<QString, int> &target);
    // A list of request paths, e.g. ["/token"].
    void readPaths(const QString &key, QStringList &target);
    // An array of objects; empty (with a problem recorded) when the member has another type.
    QList<QJsonObject> readObjectArray(const QString &key);
    // An object; empty (with a problem recorded) when the member has another type.
    QJsonObject readObject(const QString &key);

    void fail(const QString &key, const QString &problem);
    bool failed() const { return !m_problem->isEmpty(); }
    const QString &problem() const { return *m_problem; }

    // A short rendering of a JSON value for error messages.
    static QString describe(const QJsonValue &value);

private:
    SimJsonReader(QJsonObject object, QString path, std::shared_ptr<QString> problem);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<QString> m_problem;
};
