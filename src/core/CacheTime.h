#pragma once

#include <QDateTime>
#include <QString>

// The AWS CLI's cache timestamps: UTC, "%Y-%m-%dT%H:%M:%SZ", no fractional seconds.
namespace CacheTime {
QString format(const QDateTime &time);
// Accepts what the CLIs and SDKs have written over the years: ...Z, fractional seconds, +00:00
// offsets, and the old "...UTC" suffix. Invalid QDateTime when unparseable.
QDateTime parse(const QString &text);
} // namespace CacheTime
