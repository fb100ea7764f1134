#include "SimHttpServer.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <memory>
#include <utility>

SimHttpServer::SimHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

Result<quint16> SimHttpServer::start(const QHostAddress &address, quint16 port)
{
    // Our own QTcpServer, because QAbstractHttpServer::listen() only logs why it failed.
    auto *tcpServer = new QTcpServer(this);
    if (!tcpServer->listen(address, port)) {
        const QString reason = tcpServer->errorString();
        delete tcpServer;
        return SsoError(SsoError::Kind::Network,
                        QStringLiteral("The simulator cannot listen on %1 port %2: %3.")
                            .arg(address.toString())
                            .arg(port)
                            .arg(reason));
    }
    bind(tcpServer);
    return tcpServer->serverPort();
}

bool SimHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const SimResponse response = m_handler(SimRequest::from(request));
    if (response.delayMs <= 0) {
        if (response.dropConnection) {
            socket->disconnectFromHost();
        } else {
            QHttpServerResponder responder = makeResponder(request, socket);
            deliver(responder, response);
        }
        return true;
    }
    // Qt drops the socket (and with it the request the responder refers to) when the client goes away
    // meanwhile: the guard tells, and then there is nobody left to answer.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QTimer::singleShot(response.delayMs, this, [responder, response, guard = QPointer<QTcpSocket>(socket)] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            return;
        }
        if (response.dropConnection) {
            guard->disconnectFromHost();
        } else {
            deliver(*responder, response);
        }
    });
    return true;
}

void SimHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() takes every request; this only satisfies the interface.
    QHttpServerResponder responder = makeResponder(request, socket);
    deliver(responder, SimResponse::adminError(404, QStringLiteral("No handler for this request.")));
}

void SimHttpServer::deliver(QHttpServerResponder &responder, const SimResponse &response)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty()) {
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    }
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    responder.writeHeader(QByteArrayLiteral("x-amzn-RequestId"),
                          QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    for (const auto &[name, value] : response.headers) {
        responder.writeHeader(name, value);
    }
    // writeBody() also ends the header block, so an empty body still needs the call.
    responder.writeBody(response.body);
}
