#include "HttpJsonClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

namespace {
const char *const TimedOutProperty = "awsSsoTrayTimedOut";
const char *const CancelledProperty = "awsSsoTrayCancelled";
} // namespace

HttpJsonClient::HttpJsonClient(QObject *parent)
    : QObject(parent)
{
    // The services never redirect API calls; following one would send tokens elsewhere.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

Status HttpJsonClient::setCaBundle(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("The CA bundle %1 (AWS_CA_BUNDLE or ca_bundle) cannot be read: %2.")
                            .arg(pemPath, file.errorString()));
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("The CA bundle %1 holds no PEM certificate; point AWS_CA_BUNDLE or "
                                       "ca_bundle at a PEM file.")
                            .arg(pemPath));
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(certificates);
    m_sslConfiguration = configuration;
    return Done{};
}

QNetworkRequest HttpJsonClient::makeRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("aws-sso-tray/" AWS_SSO_TRAY_VERSION));
    if (m_sslConfiguration) {
        request.setSslConfiguration(*m_sslConfiguration);
    }
    return request;
}

void HttpJsonClient::postJson(const QUrl &url, const QJsonObject &body, Callback callback, Retry retry)
{
    QNetworkRequest request = makeRequest(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    send([this, request, data] { return m_network.post(request, data); }, std::move(callback), retry);
}

void HttpJsonClient::get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                         Callback callback, Retry retry)
{
    QNetworkRequest request = makeRequest(url);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    send([this, request] { return m_network.get(request); }, std::move(callback), retry);
}

void HttpJsonClient::post(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                          Callback callback)
{
    QNetworkRequest request = makeRequest(url);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    send([this, request] { return m_network.post(request, QByteArray()); }, std::move(callback),
         Retry::Never);
}

void HttpJsonClient::send(Sender sender, Callback callback, Retry retry, int attempt)
{
    QNetworkReply *reply = sender();
    m_inFlight.append(reply);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply] {
        reply->setProperty(TimedOutProperty, true);
        reply->abort();
    });
    deadline->start(m_timeoutMs);
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, sender = std::move(sender), callback = std::move(callback), retry, attempt]() mutable {
            m_inFlight.removeAll(reply);
            reply->deleteLater();
            if (reply->property(CancelledProperty).toBool()) {
                callback(SsoError(SsoError::Kind::Cancelled, QStringLiteral("The operation was cancelled.")));
                return;
            }
            Result<Reply> result = interpret(reply, reply->property(TimedOutProperty).toBool());
            if (retry == Retry::Never || attempt >= MaxAttempts || !isTransient(reply, result)) {
                callback(std::move(result));
                return;
            }
            // Back off: 250 ms, then 500 ms, so a struggling service is not hammered.
            auto *pause = new QTimer(this);
            pause->setSingleShot(true);
            m_retryPauses.append(pause);
            connect(pause, &QTimer::timeout, this,
                    [this, pause, sender = std::move(sender), callback = std::move(callback), retry,
                     attempt]() mutable {
                        m_retryPauses.removeAll(pause);
                        pause->deleteLater();
                        if (pause->property(CancelledProperty).toBool()) {
                            callback(SsoError(SsoError::Kind::Cancelled,
                                              QStringLiteral("The operation was cancelled.")));
                            return;
                        }
                        send(std::move(sender), std::move(callback), retry, attempt + 1);
                    });
            pause->start(FirstRetryPauseMs << (attempt - 1));
        });
}

bool HttpJsonClient::isTransient(QNetworkReply *reply, const Result<Reply> &result)
{
    if (reply->property(TimedOutProperty).toBool()) {
        return false;
    }
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus == 0) {
        // No HTTP answer: only a connection the server closed is worth another try (never TLS).
        return reply->error() == QNetworkReply::RemoteHostClosedError;
    }
    static const QStringList throttling = {QStringLiteral("ThrottlingException"),
                                           QStringLiteral("TooManyRequestsException"),
                                           QStringLiteral("SlowDownException")};
    return httpStatus >= 500 || httpStatus == 429 || (result && throttling.contains(result->errorType));
}

void HttpJsonClient::cancelAll()
{
    const auto inFlight = m_inFlight;
    for (const QPointer<QNetworkReply> &reply : inFlight) {
        if (reply) {
            reply->setProperty(CancelledProperty, true);
            reply->abort();
        }
    }
    const auto pauses = m_retryPauses;
    for (const QPointer<QTimer> &pause : pauses) {
        if (pause) {
            pause->setProperty(CancelledProperty, true);
            pause->start(0);
        }
    }
}

Result<HttpJsonClient::Reply> HttpJsonClient::interpret(QNetworkReply *reply, bool timedOut) const
{
    const QString host = reply->url().host();
    if (timedOut) {
        return SsoError(SsoError::Kind::Timeout,
                        QStringLiteral("%1 at %2 did not answer within %3 s; check the network and try again.")
                            .arg(m_serviceName, host)
                            .arg(m_timeoutMs / 1000.0));
    }
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    if (httpStatus == 0) {
        // No HTTP answer at all: DNS, refused connection, TLS failure, dropped connection.
        const bool tls = networkError == QNetworkReply::SslHandshakeFailedError;
        return SsoError(SsoError::Kind::Network,
                        tls ? QStringLiteral("The TLS certificate of %1 (%2) was not accepted: %3. If a proxy "
                                             "re-signs traffic, set AWS_CA_BUNDLE to its CA.")
                                  .arg(m_serviceName, host, reply->errorString())
                            : QStringLiteral("Could not reach %1 at %2: %3. Check the network and try again.")
                                  .arg(m_serviceName, host, reply->errorString()));
    }
    return replyFrom(httpStatus, reply->rawHeader(QByteArrayLiteral("x-amzn-ErrorType")), reply->readAll(),
                     m_serviceName, host);
}

Result<HttpJsonClient::Reply> HttpJsonClient::replyFrom(int httpStatus, const QByteArray &errorTypeHeader,
                                                        const QByteArray &data, const QString &serviceName,
                                                        const QString &host)
{
    Reply result;
    result.httpStatus = httpStatus;
    if (!data.trimmed().isEmpty()) {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            return SsoError(SsoError::Kind::Network,
                            QStringLiteral("%1 at %2 sent an unreadable answer (HTTP %3, not a JSON object); "
                                           "try again later.")
                                .arg(serviceName, host)
                                .arg(result.httpStatus));
        }
        result.body = document.object();
    }

    QString type = QString::fromLatin1(errorTypeHeader);
    if (type.isEmpty()) {
        type = result.body.value(QStringLiteral("__type")).toString();
    }
    type = type.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('#'), -1);
    if (type.isEmpty() && result.httpStatus >= 300) {
        type = result.body.value(QStringLiteral("error")).toString();
    }
    result.errorType = type;
    if (result.isError()) {
        for (const char *key : {"error_description", "message", "Message"}) {
            const QString text = result.body.value(QLatin1String(key)).toString();
            if (!text.isEmpty()) {
                result.errorMessage = text;
                break;
            }
        }
    }
    return result;
}
