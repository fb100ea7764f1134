#include "SingleInstance.h"

#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QThread>

namespace {

// A message is one QDataStream-serialised QStringList behind its byte length; the primary answers with Ack.
constexpr QDataStream::Version WireVersion = QDataStream::Qt_6_0;
constexpr quint32 MaxMessageBytes = 1024 * 1024;
const QByteArray Ack = QByteArrayLiteral("ok\n");
constexpr int RetryPauseMs = 50;

QString runtimeDirectory()
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty()) {
        directory = QDir::tempPath();
    }
    return directory;
}

QString serverNameFor(const QString &name)
{
#ifdef Q_OS_WIN
    // Named pipes live in one namespace for the whole machine: the user's name keeps users apart.
    return name + QLatin1Char('-') + qEnvironmentVariable("USERNAME");
#else
    // The runtime directory belongs to the user alone (0700), and so does everything in it.
    return runtimeDirectory() + QLatin1Char('/') + name + QStringLiteral(".socket");
#endif
}

QString lockPathFor(const QString &name)
{
    return runtimeDirectory() + QLatin1Char('/') + name + QStringLiteral(".lock");
}

} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(name))
    , m_lock(std::make_unique<QLockFile>(lockPathFor(name)))
{
    // Only a dead owner makes the lock stale, never its age: a primary may run for weeks.
    m_lock->setStaleLockTime(0);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::isPrimary() const
{
    return m_server != nullptr && m_server->isListening();
}

bool SingleInstance::claim()
{
    if (isPrimary()) {
        return true;
    }
    m_errorString.clear();
    QDir().mkpath(runtimeDirectory());
    // tryLock() removes the lock of a process that no longer exists, so a crashed primary does not count.
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            return false; // a live primary holds it
        }
        m_errorString = QStringLiteral("Could not create the lock file in %1; check that the directory "
                                       "is writable.")
                            .arg(QDir::toNativeSeparators(runtimeDirectory()));
        return false;
    }
    // We hold the lock, so a socket left at the name is a crashed primary's: remove it.
    QLocalServer::removeServer(m_serverName);
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_serverName)) {
        m_errorString = QStringLiteral("Could not listen on %1: %2.")
                            .arg(QDir::toNativeSeparators(m_serverName), server->errorString());
        delete server;
        m_lock->unlock();
        return false;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        if (socket->bytesAvailable() > 0) {
            readMessage(socket);
        }
    }
}

void SingleInstance::readMessage(QLocalSocket *socket)
{
    constexpr qint64 HeaderBytes = sizeof(quint32);
    if (socket->bytesAvailable() < HeaderBytes) {
        return;
    }
    quint32 length = 0;
    {
        QDataStream header(socket->peek(HeaderBytes));
        header.setVersion(WireVersion);
        header >> length;
    }
    if (length > MaxMessageBytes) {
        socket->abort(); // not one of ours
        return;
    }
    if (socket->bytesAvailable() < HeaderBytes + length) {
        return; // the rest is still on its way
    }
    socket->skip(HeaderBytes);
    QDataStream body(socket->read(length));
    body.setVersion(WireVersion);
    QStringList message;
    body >> message;
    if (body.status() != QDataStream::Ok) {
        socket->abort();
        return;
    }
    socket->write(Ack);
    socket->flush();
    emit messageReceived(message);
}

bool SingleInstance::sendToPrimary(const QStringList &message, int timeoutMs)
{
    m_errorString.clear();
    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    // A primary that has just claimed may not listen yet: try again until the deadline.
    for (;;) {
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(int(deadline.remainingTime()))) {
            break;
        }
        if (deadline.remainingTime() < RetryPauseMs) {
            m_errorString = QStringLiteral("No running aws-sso-tray answers at %1: %2.")
                                .arg(QDir::toNativeSeparators(m_serverName), socket.errorString());
            return false;
        }
        QThread::msleep(RetryPauseMs);
    }
    QByteArray body;
    {
        QDataStream stream(&body, QIODevice::WriteOnly);
        stream.setVersion(WireVersion);
        stream << message;
    }
    QByteArray frame;
    {
        QDataStream stream(&frame, QIODevice::WriteOnly);
        stream.setVersion(WireVersion);
        stream << quint32(body.size());
    }
    socket.write(frame + body);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) {
            m_errorString =
                QStringLiteral("Could not send to the running aws-sso-tray: %1.").arg(socket.errorString());
            return false;
        }
    }
    QByteArray answer;
    while (answer.size() < Ack.size()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(deadline.remainingTime()))) {
            m_errorString =
                QStringLiteral("The running aws-sso-tray did not acknowledge within %1 ms.").arg(timeoutMs);
            return false;
        }
        answer += socket.read(Ack.size() - answer.size());
    }
    socket.disconnectFromServer();
    return answer == Ack;
}
