#pragma once

#include <QDateTime>
#include <functional>

// The time source of the core, replaceable so tests can move the clock across expiry edges.
class SsoClock
{
public:
    static QDateTime now();
    // Tests only: nullptr restores the system clock.
    static void setSource(std::function<QDateTime()> source);
};
