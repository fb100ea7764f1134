#pragma once

#include "Result.h"

#include <QEventLoop>
#include <functional>
#include <optional>

// Runs an asynchronous core operation to completion for the command line, which has nothing else
// to do meanwhile. The operation must call its callback exactly once.
template<typename T>
Result<T> blockingCall(const std::function<void(std::function<void(Result<T>)>)> &operation)
{
    QEventLoop loop;
    std::optional<Result<T>> outcome;
    operation([&](Result<T> result) {
        outcome.emplace(std::move(result));
        loop.quit();
    });
    if (!outcome) {
        loop.exec();
    }
    return std::move(*outcome);
}
