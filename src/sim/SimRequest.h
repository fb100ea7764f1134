#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

// One HTTP request, copied out of Qt's request object (which is reused for the next request on the same
// connection) so handlers and delayed answers can keep it.
struct SimRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static SimRequest from(const QHttpServerRequest &request);

    QString path() const { return url.path(); }
    // Case-insensitive, as HTTP header names are.
    QByteArray header(const QByteArray &name) const;
    bool hasQueryItem(const QString &key) const;
    // Fully decoded, e.g. "http://127.0.0.1:1234/oauth/callback" for redirect_uri.
    QString queryValue(const QString &key) const;

    // "localhost", 127.0.0.0/8 or ::1.
    static bool isLoopbackHost(const QString &host);
};
