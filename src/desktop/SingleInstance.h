#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QLocalServer;
class QLocalSocket;

// One running tray per user: the first process claims a local socket (a Unix socket in the user's runtime
// directory, a named pipe on Windows) that only this user may open; later processes hand their command line
// to it and exit. A lock file held for the primary's lifetime tells a crashed primary's leftover socket from
// a live one, so a crash never blocks the next start.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True: we are the primary and now listen. False: another process of this user is (or listening failed,
    // see errorString()).
    bool claim();
    // From a secondary: true when the primary received the message and acknowledged it within timeoutMs
    // (a primary that is still starting is waited for). Blocks the calling thread: call it before the UI.
    bool sendToPrimary(const QStringList &message, int timeoutMs = 2000);

    // The socket's full path (Unix) or pipe name (Windows), for messages and tests.
    QString serverName() const { return m_serverName; }
    bool isPrimary() const;
    // Why the last claim() or sendToPrimary() failed, for logs; empty when nothing failed.
    QString errorString() const { return m_errorString; }

signals:
    void messageReceived(const QStringList &message);

private:
    void acceptConnections();
    void readMessage(QLocalSocket *socket);

    QString m_serverName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    QString m_errorString;
};
