#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

// One aws-sso-tray command run as a child process (login, logout, ...), so that WebEngine and the
// sign-in never live in the idle tray. Commands started with --desktop report on stdout as JSON
// lines: {"event":"progress","text":...}, {"event":"securityKey"}, {"event":"browserShown","reason":...},
// {"event":"done","message":...}, {"event":"failed","message":...,"exitCode":N}. Anything else the
// child prints is kept only as the fallback error text.
class CommandJob : public QObject
{
    Q_OBJECT
public:
    CommandJob(QString program, const QProcessEnvironment &environment, QStringList arguments,
               QObject *parent = nullptr);
    ~CommandJob() override;

    void start();
    // Ends the child (it leaves the cache as it was: a login writes only on success).
    void cancel();

signals:
    void progress(const QString &text);
    void securityKeyNeeded();
    void browserShown(const QString &reason);
    // Exactly once. message: the child's own sentence on failure (or its success line).
    void finished(bool ok, const QString &message, int exitCode);

private:
    void readEvents();
    void handleEvent(const QByteArray &line);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void finish(bool ok, const QString &message, int exitCode);

    QString m_program;
    QStringList m_arguments;
    QProcess m_process;
    QByteArray m_pending;
    QByteArray m_stderrTail; // the last few KiB the child wrote on stderr
    QString m_failureMessage;
    QString m_doneMessage;
    bool m_cancelled = false;
    bool m_finished = false;
};
