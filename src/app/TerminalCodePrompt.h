#pragma once

#include "MfaCodeProvider.h"

#include <QObject>
#include <memory>

class QSocketNotifier;

// Asks for the MFA code on the controlling terminal (/dev/tty), so it works even when stdin is a
// pipe (the limitation of the tool this project replaces). The event loop keeps running meanwhile.
class TerminalCodePrompt : public QObject, public MfaCodeProvider
{
    Q_OBJECT
public:
    explicit TerminalCodePrompt(QObject *parent = nullptr);
    ~TerminalCodePrompt() override;

    // Whether a controlling terminal can be opened at all.
    static bool available();
    void requestCode(int attempt, std::function<void(Result<QString>)> done) override;

private:
    void readAvailable();
    void finish(Result<QString> result);

    int m_tty = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QByteArray m_buffer;
    std::function<void(Result<QString>)> m_done;
};
