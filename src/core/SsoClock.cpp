#include "SsoClock.h"

#include <utility>

namespace {
std::function<QDateTime()> &source()
{
    static std::function<QDateTime()> clockSource;
    return clockSource;
}
} // namespace

QDateTime SsoClock::now()
{
    const auto &custom = source();
    return custom ? custom().toUTC() : QDateTime::currentDateTimeUtc();
}

void SsoClock::setSource(std::function<QDateTime()> newSource)
{
    source() = std::move(newSource);
}
