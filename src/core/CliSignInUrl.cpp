#include "CliSignInUrl.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace CliSignInUrl {

QUrl find(const QString &text)
{
    static const QRegularExpression urlPattern(QStringLiteral("https?://[^\\s\"'<>]+"));
    QUrl device;
    QUrl authorize;
    auto matches = urlPattern.globalMatch(text);
    while (matches.hasNext()) {
        const QUrl url(matches.next().captured(0), QUrl::StrictMode);
        if (!url.isValid()) {
            continue;
        }
        const QString whole = url.toString();
        if (whole.contains(QStringLiteral("user_code="))) {
            device = url;
        } else if (url.path().endsWith(QStringLiteral("/authorize")) &&
                   QUrlQuery(url).hasQueryItem(QStringLiteral("code_challenge"))) {
            authorize = url;
        }
    }
    return device.isValid() ? device : authorize;
}

} // namespace CliSignInUrl
