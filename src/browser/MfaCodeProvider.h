#pragma once

#include "Result.h"

#include <QString>
#include <functional>

// Where the one-time code of an MFA step comes from: a stored TOTP secret, the terminal, a dialog.
class MfaCodeProvider
{
public:
    MfaCodeProvider() = default;
    MfaCodeProvider(const MfaCodeProvider &) = delete;
    MfaCodeProvider &operator=(const MfaCodeProvider &) = delete;
    virtual ~MfaCodeProvider() = default;

    // `attempt` counts from 1; a provider may refuse to repeat a code the portal rejected.
    virtual void requestCode(int attempt, std::function<void(Result<QString>)> done) = 0;
};
