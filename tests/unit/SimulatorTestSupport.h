#pragma once

// Shared by the QtTests that talk to a real, listening simulator.

#include "Result.h"

#include <QtTest>
#include <functional>
#include <optional>

// Runs an asynchronous call and waits (bounded) for its single callback.
template<typename T>
Result<T> waitForResult(const std::function<void(std::function<void(Result<T>)>)> &call, int timeoutMs = 20000)
{
    std::optional<Result<T>> outcome;
    call([&](Result<T> result) { outcome.emplace(std::move(result)); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs)) {
        return SsoError(SsoError::Kind::Timeout, QStringLiteral("test: the callback never came"));
    }
    return std::move(*outcome);
}

template<typename T>
QString describe(const Result<T> &result)
{
    return result ? QStringLiteral("ok") : result.error().message();
}
