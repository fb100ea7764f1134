#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

class SimJsonReader;

// Misbehaviour the simulator injects on purpose, from its configuration or at run time
// (SsoSimulator::setFaults, POST /_sim/faults). Paths are request paths such as "/token".
struct SimulatorFaults
{
    // Added to every API answer (not to /_sim/), without blocking other connections.
    int latencyMs = 0;
    // The next N requests to a path get HTTP 500 InternalServerException.
    QMap<QString, int> serverErrors;
    // The next N requests to a path are throttled: 429 TooManyRequestsException on the portal,
    // 400 SlowDownException on the OIDC API.
    QMap<QString, int> throttle;
    // The next N device-code token polls get SlowDownException.
    int slowDown = 0;
    // While set, every device code counts as expired.
    bool expireDeviceCodes = false;
    // While set, every refresh grant fails with InvalidGrantException.
    bool revokeRefreshTokens = false;
    // Requests to these paths get 200 with a truncated JSON body.
    QStringList malformedJson;
    // Requests to these paths see their connection closed without an answer.
    QStringList dropConnection;

    // Keys as in the configuration file: {"latencyMs": 500, "serverErrors": {"/token": 1}, ...}.
    static Result<SimulatorFaults> fromJson(const QJsonObject &json);
    // Reads the faults object at the reader's position; problems go to the reader.
    static SimulatorFaults read(SimJsonReader &reader);
    QJsonObject toJson() const;
};
