#pragma once

#include "MfaCodeProvider.h"

#include <QObject>
#include <QPointer>

class QDialog;

// Asks for the MFA code in a small dialog on the user's desktop (logins the tray starts have no
// terminal). The event loop keeps running meanwhile, so the sign-in page is not held up.
class DialogCodePrompt : public QObject, public MfaCodeProvider
{
    Q_OBJECT
public:
    explicit DialogCodePrompt(QString username, QObject *parent = nullptr);
    ~DialogCodePrompt() override;

    void requestCode(int attempt, std::function<void(Result<QString>)> done) override;

private:
    QString m_username;
    QPointer<QDialog> m_dialog;
};
