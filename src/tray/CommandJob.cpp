#include "CommandJob.h"

#include <QJsonDocument>
#include <QJsonObject>

CommandJob::CommandJob(QString program, const QProcessEnvironment &environment, QStringList arguments,
                       QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{
    m_process.setProcessEnvironment(environment);
    // stdin stays closed: the child asks for codes in a dialog, never on a terminal the tray has not.
    m_process.setInputChannelMode(QProcess::ManagedInputChannel);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &CommandJob::readEvents);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        // Drained as it comes, so a chatty child never blocks on a full pipe.
        m_stderrTail += m_process.readAllStandardError();
        if (m_stderrTail.size() > 4096) {
            m_stderrTail = m_stderrTail.right(4096);
        }
    });
    connect(&m_process, &QProcess::finished, this, &CommandJob::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            finish(false, tr("Could not start %1: %2").arg(m_program, m_process.errorString()), -1);
        }
    });
}

CommandJob::~CommandJob()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }
}

void CommandJob::start()
{
    m_process.start(m_program, m_arguments);
    m_process.closeWriteChannel();
}

void CommandJob::cancel()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    m_cancelled = true;
    m_process.terminate();
}

void CommandJob::readEvents()
{
    m_pending += m_process.readAllStandardOutput();
    qsizetype newline = 0;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline).trimmed();
        m_pending.remove(0, newline + 1);
        if (line.startsWith('{')) {
            handleEvent(line);
        }
    }
}

void CommandJob::handleEvent(const QByteArray &line)
{
    const QJsonObject event = QJsonDocument::fromJson(line).object();
    const QString kind = event.value(QStringLiteral("event")).toString();
    if (kind == QLatin1String("progress")) {
        emit progress(event.value(QStringLiteral("text")).toString());
    } else if (kind == QLatin1String("securityKey")) {
        emit securityKeyNeeded();
    } else if (kind == QLatin1String("browserShown")) {
        emit browserShown(event.value(QStringLiteral("reason")).toString());
    } else if (kind == QLatin1String("failed")) {
        m_failureMessage = event.value(QStringLiteral("message")).toString();
    } else if (kind == QLatin1String("done")) {
        m_doneMessage = event.value(QStringLiteral("message")).toString();
    }
}

void CommandJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readEvents();
    if (m_cancelled) {
        finish(false, tr("Cancelled."), exitCode);
        return;
    }
    if (status == QProcess::CrashExit) {
        finish(false, tr("The %1 process crashed.").arg(m_arguments.value(0)), -1);
        return;
    }
    if (exitCode == 0) {
        finish(true, m_doneMessage, 0);
        return;
    }
    QString message = m_failureMessage;
    if (message.isEmpty()) {
        // A child that died before it could report: its last stderr line is the best explanation.
        const QStringList lines = QString::fromUtf8(m_stderrTail + m_process.readAllStandardError())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        message = lines.isEmpty() ? tr("%1 failed with exit code %2.").arg(m_arguments.value(0)).arg(exitCode)
                                  : QString(lines.last()).remove(QStringLiteral("aws-sso-tray: "));
    }
    finish(false, message, exitCode);
}

void CommandJob::finish(bool ok, const QString &message, int exitCode)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    emit finished(ok, message, exitCode);
}
