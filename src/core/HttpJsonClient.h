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

    explicit HttpJsonClient(QObject *parent = nullptr);

    // Trust these PEM CA certificates (AWS_CA_BUNDLE) in addition to none else, as the SDKs do.
    Status setCaBundle(const QString &pemPath);
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }
    // For messages: "the SSO sign-in service" / "the SSO portal".
    void setServiceName(const QString &name) { m_serviceName = name; }

    void postJson(const QUrl &url, const QJsonObject &body, Callback callback);
    void get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, Callback callback);
    void post(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers, Callback callback);

    // Ends every request in flight with SsoError::Kind::Cancelled.
    void cancelAll();

private:
    void send(QNetworkReply *reply, Callback callback);
    QNetworkRequest makeRequest(const QUrl &url) const;
    Result<Reply> interpret(QNetworkReply *reply, bool timedOut) const;

    QNetworkAccessManager m_network;
    std::optional<QSslConfiguration> m_sslConfiguration;
    QList<QPointer<QNetworkReply>> m_inFlight;
    QString m_serviceName = QStringLiteral("the AWS SSO service");
    int m_timeoutMs = 30000;
};
