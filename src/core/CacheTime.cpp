#include "CacheTime.h"

#include <QRegularExpression>

namespace CacheTime {

QString format(const QDateTime &time)
{
    if (!time.isValid()) {
        return {};
    }
    // strftime("%Y-%m-%dT%H:%M:%SZ") truncates fractional seconds; so does "ss".
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QDateTime parse(const QString &text)
{
    // botocore writes ...Z; old CLIs wrote strftime's %Z ("UTC"); Python's isoformat() gives
    // fractional seconds and "+00:00", str(datetime) a space instead of 'T'. Without any zone the
    // time is taken as UTC, the only zone the AWS tools have ever written.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?)"
                       R"(\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return {};
    }
    const auto number = [&match](int group) {
        return match.captured(group).toInt();
    };
    const QDate date(number(1), number(2), number(3));
    const QString fraction = match.captured(7);
    const int milliseconds = fraction.isEmpty() ? 0 : fraction.left(3).leftJustified(3, u'0').toInt();
    const QTime time(number(4), number(5), number(6), milliseconds);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    QDateTime utc(date, time, Qt::UTC);
    if (match.hasCaptured(9)) {
        const int offsetHours = number(10);
        const int offsetMinutes = match.hasCaptured(11) ? number(11) : 0;
        if (offsetHours > 23 || offsetMinutes > 59) {
            return {};
        }
        const int offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60;
        // 03:00+02:00 is 01:00 UTC.
        utc = utc.addSecs(match.captured(9) == QLatin1String("+") ? -offsetSeconds : offsetSeconds);
    }
    return utc;
}

} // namespace CacheTime
