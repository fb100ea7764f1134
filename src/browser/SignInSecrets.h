#pragma once

#include <QString>

// What the driver may type for one start URL, fetched from the keychain just before the run.
struct SignInSecrets
{
    QString username;
    QString password;
};
