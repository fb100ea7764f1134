#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <functional>

class QNetworkReply;
class QTimer;

// JSON over HTTP for the AWS SSO services: every request has a deadline, can be cancelled, and ends
// in exactly one callback with either the parsed reply or an SsoError.
class HttpJsonClient : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        int httpStatus = 0;
        QJsonObject body;           // empty for an empty body
        QString errorType;          // x-amzn-ErrorType without its ":namespace" suffix, else the body's
                                    // "__type"/"error"; empty on success
        QString errorMessage;       // error_description / message / Message of an error reply

        bool isError() const { return httpStatus >= 300 || !errorType.isEmpty(); }
    };
    using Callback = std::function<void(Result<Reply>)>;

    // Whether a request may be sent again after a transient failure: an HTTP 5xx, a throttling answer
    // (429, ThrottlingException, TooManyRequestsException, SlowDownException) or a connection closed
    // without an answer. Only for operations that are safe to repeat; at most MaxAttempts in all,
    // with a growing pause between them. A timeout is never retried (the deadline is the caller's).
    enum class Retry
    {
        Never,
        Transient
    };
    static constexpr int MaxAttempts = 3;
    static constexpr int FirstRetryPauseMs = 250;

    explicit HttpJsonClient(QObject *parent = nullptr);

    // Trust these PEM CA certificates (AWS_CA_BUNDLE) in addition to none else, as the SDKs do.
    Status setCaBundle(const QString &pemPath);
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }
    // For messages: "the SSO sign-in service" / "the SSO portal".
    void setServiceName(const QString &name) { m_serviceName = name; }

    void postJson(const QUrl &url, const QJsonObject &body, Callback callback, Retry retry = Retry::Never);
    // GETs of the services only read, so they are retried by default.
    void get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, Callback callback,
             Retry retry = Retry::Transient);
    void post(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, Callback callback);

    // Ends every request in flight (or waiting to be retried) with SsoError::Kind::Cancelled.
    void cancelAll();

    // The reply an HTTP answer makes (status, x-amzn-ErrorType header, body), or the error it is.
    // Public for the fuzzers, which feed it arbitrary bodies.
    static Result<Reply> replyFrom(int httpStatus, const QByteArray &errorTypeHeader, const QByteArray &data,
                                   const QString &serviceName, const QString &host);

private:
    using Sender = std::function<QNetworkReply *()>;
    void send(Sender sender, Callback callback, Retry retry, int attempt = 1);
    QNetworkRequest makeRequest(const QUrl &url) const;
    Result<Reply> interpret(QNetworkReply *reply, bool timedOut) const;
    static bool isTransient(QNetworkReply *reply, const Result<Reply> &result);

    QNetworkAccessManager m_network;
    std::optional<QSslConfiguration> m_sslConfiguration;
    QList<QPointer<QNetworkReply>> m_inFlight;
    // Pauses before a retry; cancelAll() fires them at once as cancelled.
    QList<QPointer<QTimer>> m_retryPauses;
    QString m_serviceName = QStringLiteral("the AWS SSO service");
    int m_timeoutMs = 30000;
};
