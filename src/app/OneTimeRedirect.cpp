#include "OneTimeRedirect.h"

#include <QRandomGenerator>
#include <QTcpSocket>

namespace {
// A request line longer than this is not a browser asking for our path.
constexpr qsizetype MaximumRequestLine = 8192;
} // namespace

OneTimeRedirect::OneTimeRedirect(QUrl target, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    m_path = QLatin1Char('/') + QString::fromLatin1(random.toHex());
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        }
    });
}

Result<QUrl> OneTimeRedirect::start()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        return SsoError(
            SsoError::Kind::Network,
            QStringLiteral("Could not listen on 127.0.0.1 to hand the sign-in to the browser: %1.")
                .arg(m_server.errorString()));
    }
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(m_path));
}

void OneTimeRedirect::answer(QTcpSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaximumRequestLine) {
            socket->abort();
        }
        return;
    }
    // "GET /<random> HTTP/1.1": only the exact path, only once.
    const QList<QByteArray> requestLine = socket->readLine(MaximumRequestLine).trimmed().split(' ');
    const bool ours = !m_served && requestLine.size() == 3 && requestLine[0] == "GET" &&
                      requestLine[1] == m_path.toLatin1();
    QByteArray response;
    if (ours) {
        m_served = true;
        response = "HTTP/1.1 302 Found\r\nLocation: " + m_target.toEncoded() +
                   "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nContent-Length: 0\r\n"
                   "Connection: close\r\n\r\n";
    } else {
        response = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }
    socket->write(response);
    if (ours) {
        m_server.close();
        // Served once the bytes are out: the caller may exit right after.
        connect(socket, &QTcpSocket::disconnected, this, &OneTimeRedirect::served);
    }
    socket->disconnectFromHost();
}
