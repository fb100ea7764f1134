#include "SsoError.h"

#include <utility>

SsoError::SsoError(Kind kind, QString message, QString serviceErrorType)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_serviceErrorType(std::move(serviceErrorType))
{
}

int SsoError::exitCode() const
{
    return exitCodeFor(m_kind);
}

int SsoError::exitCodeFor(Kind kind)
{
    switch (kind) {
    case Kind::Usage:
    case Kind::Config:
    case Kind::Cache:
        return 2;
    case Kind::AuthFailed:
        return 3;
    case Kind::UserAction:
    case Kind::Cancelled:
        return 4;
    case Kind::Network:
        return 5;
    case Kind::Timeout:
        return 6;
    }
    return 5;
}
