#include "TerminalCodePrompt.h"

#include <QSocketNotifier>
#include <fcntl.h>
#include <unistd.h>

TerminalCodePrompt::TerminalCodePrompt(QObject *parent)
    : QObject(parent)
{}

TerminalCodePrompt::~TerminalCodePrompt()
{
    m_notifier.reset();
    if (m_tty >= 0) {
        ::close(m_tty);
    }
}

bool TerminalCodePrompt::available()
{
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    ::close(fd);
    return true;
}

void TerminalCodePrompt::requestCode(int attempt, std::function<void(Result<QString>)> done)
{
    m_done = std::move(done);
    if (m_tty < 0) {
        m_tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    }
    if (m_tty < 0) {
        finish(SsoError(SsoError::Kind::UserAction,
                        tr("The sign-in asks for an MFA code, but there is no terminal to ask on and no TOTP "
                           "secret is stored; store one with aws-sso-tray secret set-totp.")));
        return;
    }
    const QByteArray prompt =
        attempt > 1 ? tr("MFA code (the last one was not accepted): ").toUtf8() : tr("MFA code: ").toUtf8();
    if (::write(m_tty, prompt.constData(), static_cast<size_t>(prompt.size())) < 0) {
        finish(SsoError(SsoError::Kind::UserAction, tr("Cannot write the MFA prompt to the terminal.")));
        return;
    }
    m_buffer.clear();
    m_notifier = std::make_unique<QSocketNotifier>(m_tty, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &TerminalCodePrompt::readAvailable);
}

void TerminalCodePrompt::readAvailable()
{
    char chunk[256];
    const ssize_t count = ::read(m_tty, chunk, sizeof chunk);
    if (count <= 0) {
        finish(SsoError(SsoError::Kind::Cancelled, tr("No MFA code was entered.")));
        return;
    }
    m_buffer.append(chunk, static_cast<int>(count));
    const int newline = m_buffer.indexOf('\n');
    if (newline < 0) {
        return;
    }
    QString code = QString::fromUtf8(m_buffer.left(newline)).trimmed();
    code.remove(QLatin1Char(' '));
    m_buffer.clear();
    finish(code);
}

void TerminalCodePrompt::finish(Result<QString> result)
{
    m_notifier.reset();
    if (m_done) {
        auto done = std::move(m_done);
        m_done = nullptr;
        done(std::move(result));
    }
}
