#include "ConsoleSignIn.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

namespace {

constexpr int MinimumSessionSeconds = 900;
constexpr int MaximumSessionSeconds = 43200;

// Where the console of a region's partition lives: aws-us-gov for us-gov-*, aws-cn for cn-*, else aws.
struct Partition
{
    const char *federation;
    const char *console;
};

Partition partitionOf(const QString &region)
{
    if (region.startsWith(QLatin1String("us-gov-"))) {
        return {"https://signin.amazonaws-us-gov.com/federation", "https://console.amazonaws-us-gov.com/"};
    }
    if (region.startsWith(QLatin1String("cn-"))) {
        return {"https://signin.amazonaws.cn/federation", "https://console.amazonaws.cn/"};
    }
    return {"https://signin.aws.amazon.com/federation", "https://console.aws.amazon.com/"};
}

// Percent-encodes everything outside RFC 3986's unreserved set, as the endpoint's documentation
// asks (QUrlQuery would leave '+', ':' and '/' in place, and the endpoint reads '+' as a space).
QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl withQuery(QUrl url, const QList<QPair<QString, QString>> &items)
{
    QString query;
    for (const auto &[key, value] : items) {
        query +=
            (query.isEmpty() ? QString() : QStringLiteral("&")) + key + QLatin1Char('=') + encoded(value);
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

} // namespace

ConsoleSignIn::ConsoleSignIn(QUrl federationEndpoint, HttpJsonClient *http, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(federationEndpoint))
    , m_http(http)
{}

QUrl ConsoleSignIn::federationEndpoint(const QString &region, const QProcessEnvironment &environment)
{
    const QString overridden = environment.value(QStringLiteral("AWS_SSO_TRAY_FEDERATION_ENDPOINT"));
    return overridden.isEmpty() ? QUrl(QString::fromLatin1(partitionOf(region).federation))
                                : QUrl(overridden);
}

QUrl ConsoleSignIn::consoleHome(const QString &region)
{
    return QUrl(QString::fromLatin1(partitionOf(region).console));
}

Status ConsoleSignIn::checkDuration(int seconds)
{
    if (seconds != 0 && (seconds < MinimumSessionSeconds || seconds > MaximumSessionSeconds)) {
        return SsoError(SsoError::Kind::Usage,
                        QStringLiteral("--duration must be from %1 to %2 seconds (15 minutes to 12 hours).")
                            .arg(MinimumSessionSeconds)
                            .arg(MaximumSessionSeconds));
    }
    return Done{};
}

void ConsoleSignIn::signInUrl(const RoleCredentials &credentials, const Options &options,
                              std::function<void(Result<QUrl>)> callback)
{
    const QJsonObject session{{QStringLiteral("sessionId"), credentials.accessKeyId},
                              {QStringLiteral("sessionKey"), credentials.secretAccessKey},
                              {QStringLiteral("sessionToken"), credentials.sessionToken}};
    QList<QPair<QString, QString>> items{{QStringLiteral("Action"), QStringLiteral("getSigninToken")}};
    if (options.sessionDurationSeconds > 0) {
        items.append({QStringLiteral("SessionDuration"), QString::number(options.sessionDurationSeconds)});
    }
    items.append({QStringLiteral("Session"),
                  QString::fromUtf8(QJsonDocument(session).toJson(QJsonDocument::Compact))});
    const QString host = m_endpoint.host();
    m_http->get(
        withQuery(m_endpoint, items), {},
        [self = QPointer<ConsoleSignIn>(this), options, host,
         callback = std::move(callback)](const Result<HttpJsonClient::Reply> &reply) {
            if (!self) {
                return;
            }
            if (!reply) {
                callback(reply.error());
                return;
            }
            const QString token = reply->body.value(QStringLiteral("SigninToken")).toString();
            if (reply->isError() || token.isEmpty()) {
                callback(SsoError(SsoError::Kind::AuthFailed,
                                  QStringLiteral("The AWS federation endpoint %1 refused the role "
                                                 "credentials (HTTP %2); try again, or check that the "
                                                 "role may use the console.")
                                      .arg(host)
                                      .arg(reply->httpStatus)));
                return;
            }
            QList<QPair<QString, QString>> login{{QStringLiteral("Action"), QStringLiteral("login")}};
            if (!options.issuer.isEmpty()) {
                login.append({QStringLiteral("Issuer"), options.issuer});
            }
            login.append({QStringLiteral("Destination"), options.destination.toString(QUrl::FullyEncoded)});
            login.append({QStringLiteral("SigninToken"), token});
            callback(withQuery(self->m_endpoint, login));
        });
}
