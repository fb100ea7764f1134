#pragma once

#include "Result.h"
#include "SimSignInSettings.h"
#include "SimulatorFaults.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What the simulated IAM Identity Center knows: its users, the accounts and roles assigned to them,
// lifetimes and faults. The defaults work without any file; load() reads the same fields from JSON
// (see tests/data/sim/demo.json).
struct SimulatorConfig
{
    enum class Mfa
    {
        None,
        Totp,
        SecurityKey,
    };

    // Who checks the password: the Identity Center directory, or an external identity provider whose own
    // page (served by the simulator under /external-idp/) takes over after the username step.
    enum class IdentityProvider
    {
        Directory,
        External,
    };

    struct User
    {
        QString username;
        QString password;
        QString totpSecret; // base32 (RFC 4648), empty when the user has no authenticator app
        bool locked = false;
        Mfa mfa = Mfa::None;
        IdentityProvider identityProvider = IdentityProvider::Directory;
        // This user's session length, overriding accessTokenLifetimeSeconds; 0 when not set. (The real
        // service sets session duration per instance; per user lets one simulator play short and long.)
        int accessTokenLifetimeSeconds = 0;
    };

    // Every user of the simulator is assigned every account.
    struct Account
    {
        QString accountId; // 12 digits
        QString accountName;
        QString emailAddress;
        QStringList roles;
    };

    QString region = QStringLiteral("us-east-1");
    QList<User> users = defaultUsers();
    QList<Account> accounts = defaultAccounts();
    int accessTokenLifetimeSeconds = 8 * 3600;
    int refreshTokenLifetimeSeconds = 90 * 24 * 3600;
    int clientSecretLifetimeSeconds = 90 * 24 * 3600;
    int deviceCodeLifetimeSeconds = 600;
    // The real service says 5; 1 keeps tests and demos quick.
    int pollIntervalSeconds = 1;
    // Small on purpose, so clients must follow nextToken.
    int listPageSize = 2;
    int roleCredentialLifetimeSeconds = 3600;
    // A refresh grant returns a new refresh token (and retires the old one); when false it returns none
    // and the old one stays valid.
    bool rotateRefreshTokens = true;
    SimulatorFaults faults;
    SimSignInSettings signInPages;

    static QList<User> defaultUsers();
    static QList<Account> defaultAccounts();

    static Result<SimulatorConfig> load(const QString &path);
    // Members missing from `json` keep their defaults; "users" and "accounts" replace the default lists.
    static Result<SimulatorConfig> fromJson(const QJsonObject &json);

    // The first user answers approvals that name nobody.
    const User *findUser(const QString &username) const;
    const Account *findAccount(const QString &accountId) const;

    static QString mfaName(Mfa mfa);
    static QString identityProviderName(IdentityProvider provider);

private:
    // `source` starts the error messages: "The simulator configuration /path/sim.json".
    static Result<SimulatorConfig> parseConfig(const QJsonObject &json, const QString &source);
};
