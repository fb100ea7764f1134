#pragma once

#include "SsoError.h"

#include <utility>
#include <variant>

// A value or the SsoError that explains why there is none (C++17 has no std::expected).
template<typename T>
class Result
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): implicit on purpose, like std::expected
        : m_state(std::move(value))
    {
    }
    Result(SsoError error) // NOLINT(google-explicit-constructor)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &std::get<T>(m_state); }
    const T &operator*() const { return value(); }

    const SsoError &error() const { return std::get<SsoError>(m_state); }

private:
    std::variant<T, SsoError> m_state;
};

// For operations that produce nothing but may fail.
struct Done
{
};
using Status = Result<Done>;
