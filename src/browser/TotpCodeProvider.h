#pragma once

#include "MfaCodeProvider.h"
#include "Totp.h"

#include <QObject>

// MFA codes from the TOTP secret the user stored in the keychain (RFC 6238), as an authenticator
// app would show them. A code about to roll over is not used: the next one is waited for.
class TotpCodeProvider : public QObject, public MfaCodeProvider
{
    Q_OBJECT
public:
    explicit TotpCodeProvider(Totp totp, QObject *parent = nullptr);
    void requestCode(int attempt, std::function<void(Result<QString>)> done) override;

private:
    Totp m_totp;
    QString m_lastCode;
};
