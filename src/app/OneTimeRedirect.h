#pragma once

#include "Result.h"

#include <QObject>
#include <QTcpServer>
#include <QUrl>

// Hands a secret URL to the browser without putting it on a command line (xdg-open and the browser
// get their URL as an argument, which other local users can read): the browser is given
// http://127.0.0.1:PORT/<random> instead, which answers once with a redirect to the secret URL and
// then stops listening.
class OneTimeRedirect : public QObject
{
    Q_OBJECT
public:
    explicit OneTimeRedirect(QUrl target, QObject *parent = nullptr);

    // The loopback URL to open.
    Result<QUrl> start();

signals:
    // The redirect was sent and its connection closed; the server no longer listens.
    void served();

private:
    void answer(QTcpSocket *socket);

    QUrl m_target;
    QString m_path;
    QTcpServer m_server;
    bool m_served = false;
};
