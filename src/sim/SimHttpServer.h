#pragma once

#include "Result.h"
#include "SimRequest.h"
#include "SimResponse.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <functional>

class QHttpServerResponder;

// The simulator's HTTP front: Qt's HTTP/1.1 parsing, one handler for every request, and delivery that
// honours SimResponse's delay (a timer, so other connections and an in-process client keep running)
// and dropConnection.
class SimHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<SimResponse(const SimRequest &)>;

    explicit SimHttpServer(Handler handler, QObject *parent = nullptr);

    // Listens on `address` (the caller checks it is loopback); returns the port.
    Result<quint16> start(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static void deliver(QHttpServerResponder &responder, const SimResponse &response);

    Handler m_handler;
};
