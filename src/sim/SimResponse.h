#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// One HTTP answer of the simulator, with the AWS error shapes of both APIs, plus how to deliver it
// (later, or not at all) when a fault says so.
struct SimResponse
{
    int status = 200;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Answer this much later (the latency fault).
    int delayMs = 0;
    // Close the connection instead of answering (the dropConnection fault).
    bool dropConnection = false;

    static SimResponse json(const QJsonObject &object, int status = 200);
    // A small, self-contained HTML page; `bodyHtml` must already be escaped.
    static SimResponse html(const QString &title, const QString &bodyHtml, int status = 200);
    static SimResponse empty(int status = 200);

    // The OIDC API's errors: header x-amzn-ErrorType and {"error": "invalid_grant", "error_description":
    // ...}; the status (400, 401 or 500) follows from the type, e.g. "InvalidGrantException".
    static SimResponse oidcError(const QString &type, const QString &description);
    // The portal's errors: header x-amzn-ErrorType and {"message": ...}; the status follows from the type,
    // e.g. 401 for "UnauthorizedException".
    static SimResponse portalError(const QString &type, const QString &message);
    // The /_sim/ admin API's errors: {"message": ...}.
    static SimResponse adminError(int status, const QString &message);
};
