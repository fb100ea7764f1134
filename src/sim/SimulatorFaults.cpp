#include "SimulatorFaults.h"

#include "SimJsonReader.h"

#include <QJsonArray>

namespace {

constexpr int MaximumLatencyMs = 10 * 60 * 1000;
constexpr int MaximumCount = 1000000;

QJsonObject countsToJson(const QMap<QString, int> &counts)
{
    QJsonObject json;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        json.insert(it.key(), it.value());
    }
    return json;
}

} // namespace

SimulatorFaults SimulatorFaults::read(SimJsonReader &reader)
{
    SimulatorFaults faults;
    reader.rejectUnknownKeys({QStringLiteral("latencyMs"), QStringLiteral("serverErrors"),
                              QStringLiteral("throttle"), QStringLiteral("slowDown"),
                              QStringLiteral("expireDeviceCodes"), QStringLiteral("revokeRefreshTokens"),
                              QStringLiteral("malformedJson"), QStringLiteral("dropConnection")});
    reader.readInt(QStringLiteral("latencyMs"), faults.latencyMs, 0, MaximumLatencyMs);
    reader.readPathCounts(QStringLiteral("serverErrors"), faults.serverErrors);
    reader.readPathCounts(QStringLiteral("throttle"), faults.throttle);
    reader.readInt(QStringLiteral("slowDown"), faults.slowDown, 0, MaximumCount);
    reader.readBool(QStringLiteral("expireDeviceCodes"), faults.expireDeviceCodes);
    reader.readBool(QStringLiteral("revokeRefreshTokens"), faults.revokeRefreshTokens);
    reader.readPaths(QStringLiteral("malformedJson"), faults.malformedJson);
    reader.readPaths(QStringLiteral("dropConnection"), faults.dropConnection);
    return faults;
}

Result<SimulatorFaults> SimulatorFaults::fromJson(const QJsonObject &json)
{
    SimJsonReader reader(json, QStringLiteral("faults"));
    SimulatorFaults faults = read(reader);
    if (reader.failed()) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("The simulator faults are invalid: %1.").arg(reader.problem()));
    }
    return faults;
}

QJsonObject SimulatorFaults::toJson() const
{
    return QJsonObject{
        {QStringLiteral("latencyMs"), latencyMs},
        {QStringLiteral("serverErrors"), countsToJson(serverErrors)},
        {QStringLiteral("throttle"), countsToJson(throttle)},
        {QStringLiteral("slowDown"), slowDown},
        {QStringLiteral("expireDeviceCodes"), expireDeviceCodes},
        {QStringLiteral("revokeRefreshTokens"), revokeRefreshTokens},
        {QStringLiteral("malformedJson"), QJsonArray::fromStringList(malformedJson)},
        {QStringLiteral("dropConnection"), QJsonArray::fromStringList(dropConnection)},
    };
}
