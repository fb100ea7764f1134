#include "SimulatorConfig.h"

#include "SimJsonReader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace {

constexpr int TenYearsSeconds = 10 * 365 * 24 * 3600;

const QStringList TopLevelKeys = {
    QStringLiteral("region"),
    QStringLiteral("users"),
    QStringLiteral("accounts"),
    QStringLiteral("accessTokenLifetimeSeconds"),
    QStringLiteral("refreshTokenLifetimeSeconds"),
    QStringLiteral("clientSecretLifetimeSeconds"),
    QStringLiteral("deviceCodeLifetimeSeconds"),
    QStringLiteral("pollIntervalSeconds"),
    QStringLiteral("listPageSize"),
    QStringLiteral("roleCredentialLifetimeSeconds"),
    QStringLiteral("rotateRefreshTokens"),
    QStringLiteral("faults"),
    QStringLiteral("signInPages"),
};

bool isBase32(const QString &secret)
{
    // RFC 4648 alphabet; authenticator apps also accept lower case, spaces and padding.
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z2-7 ]+=*$"));
    return shape.match(secret).hasMatch() &&
           secret.contains(QRegularExpression(QStringLiteral("[A-Za-z2-7]")));
}

SimulatorConfig::User readUser(SimJsonReader reader)
{
    SimulatorConfig::User user;
    reader.rejectUnknownKeys({QStringLiteral("username"), QStringLiteral("password"),
                              QStringLiteral("totpSecret"), QStringLiteral("locked"), QStringLiteral("mfa"),
                              QStringLiteral("identityProvider"), QStringLiteral("accessTokenLifetimeSeconds")});
    reader.readString(QStringLiteral("username"), user.username);
    reader.readString(QStringLiteral("password"), user.password);
    reader.readString(QStringLiteral("totpSecret"), user.totpSecret);
    reader.readBool(QStringLiteral("locked"), user.locked);
    reader.readInt(QStringLiteral("accessTokenLifetimeSeconds"), user.accessTokenLifetimeSeconds, 1, 366 * 24 * 3600);
    if (user.username.trimmed().isEmpty()) {
        reader.fail(QStringLiteral("username"), QStringLiteral("is required and must not be blank"));
    }
    if (user.password.isEmpty()) {
        reader.fail(QStringLiteral("password"), QStringLiteral("is required and must not be empty"));
    }
    if (!user.totpSecret.isEmpty() && !isBase32(user.totpSecret)) {
        reader.fail(QStringLiteral("totpSecret"),
                    QStringLiteral("must be base32 (letters A-Z and digits 2-7)"));
    }
    // Without an explicit MFA mode, a TOTP secret means the user signs in with it.
    user.mfa = user.totpSecret.isEmpty() ? SimulatorConfig::Mfa::None : SimulatorConfig::Mfa::Totp;
    if (reader.has(QStringLiteral("mfa"))) {
        QString mfa;
        reader.readString(QStringLiteral("mfa"), mfa);
        if (mfa == QLatin1String("totp")) {
            user.mfa = SimulatorConfig::Mfa::Totp;
        } else if (mfa == QLatin1String("securityKey")) {
            user.mfa = SimulatorConfig::Mfa::SecurityKey;
        } else if (mfa == QLatin1String("none")) {
            user.mfa = SimulatorConfig::Mfa::None;
        } else {
            reader.fail(QStringLiteral("mfa"),
                        QStringLiteral("must be \"totp\", \"securityKey\" or \"none\", not \"%1\"").arg(mfa));
        }
    }
    if (reader.has(QStringLiteral("identityProvider"))) {
        QString provider;
        reader.readString(QStringLiteral("identityProvider"), provider);
        if (provider == QLatin1String("external")) {
            user.identityProvider = SimulatorConfig::IdentityProvider::External;
        } else if (provider == QLatin1String("directory")) {
            user.identityProvider = SimulatorConfig::IdentityProvider::Directory;
        } else {
            reader.fail(QStringLiteral("identityProvider"),
                        QStringLiteral("must be \"directory\" or \"external\", not \"%1\"").arg(provider));
        }
    }
    if (user.mfa == SimulatorConfig::Mfa::Totp && user.totpSecret.isEmpty()) {
        reader.fail(QStringLiteral("totpSecret"), QStringLiteral("is required when mfa is \"totp\""));
    }
    return user;
}

SimulatorConfig::Account readAccount(SimJsonReader reader)
{
    SimulatorConfig::Account account;
    reader.rejectUnknownKeys({QStringLiteral("accountId"), QStringLiteral("accountName"),
                              QStringLiteral("emailAddress"), QStringLiteral("roles")});
    reader.readString(QStringLiteral("accountId"), account.accountId);
    reader.readString(QStringLiteral("accountName"), account.accountName);
    reader.readString(QStringLiteral("emailAddress"), account.emailAddress);
    reader.readStringList(QStringLiteral("roles"), account.roles);
    static const QRegularExpression twelveDigits(QStringLiteral("^[0-9]{12}$"));
    if (!twelveDigits.match(account.accountId).hasMatch()) {
        reader.fail(QStringLiteral("accountId"),
                    QStringLiteral("must be 12 digits, not \"%1\"").arg(account.accountId));
    }
    if (account.accountName.trimmed().isEmpty()) {
        reader.fail(QStringLiteral("accountName"), QStringLiteral("is required and must not be blank"));
    }
    if (account.emailAddress.isEmpty()) {
        account.emailAddress = QStringLiteral("aws-%1@example.com").arg(account.accountId);
    }
    if (account.roles.isEmpty()) {
        reader.fail(QStringLiteral("roles"), QStringLiteral("must name at least one role"));
    }
    QSet<QString> seen;
    for (const QString &role : std::as_const(account.roles)) {
        if (role.trimmed().isEmpty()) {
            reader.fail(QStringLiteral("roles"), QStringLiteral("must not hold a blank role name"));
        } else if (seen.contains(role)) {
            reader.fail(QStringLiteral("roles"), QStringLiteral("names \"%1\" twice").arg(role));
        }
        seen.insert(role);
    }
    return account;
}

} // namespace

QList<SimulatorConfig::User> SimulatorConfig::defaultUsers()
{
    User alice;
    alice.username = QStringLiteral("alice");
    alice.password = QStringLiteral("correct horse battery staple");
    return {alice};
}

QList<SimulatorConfig::Account> SimulatorConfig::defaultAccounts()
{
    return {
        {QStringLiteral("111111111111"),
         QStringLiteral("development"),
         QStringLiteral("aws-dev@example.com"),
         {QStringLiteral("ReadOnly"), QStringLiteral("PowerUser"), QStringLiteral("AdministratorAccess")}},
        {QStringLiteral("222222222222"),
         QStringLiteral("staging"),
         QStringLiteral("aws-staging@example.com"),
         {QStringLiteral("ReadOnly"), QStringLiteral("PowerUser")}},
        {QStringLiteral("333333333333"),
         QStringLiteral("production"),
         QStringLiteral("aws-prod@example.com"),
         {QStringLiteral("ReadOnly"), QStringLiteral("Billing")}},
    };
}

Result<SimulatorConfig> SimulatorConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("The simulator configuration %1 cannot be read: %2.")
                            .arg(path, file.errorString()));
    }
    const QByteArray data = file.readAll();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = data.left(parseError.offset).count('\n') + 1;
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("The simulator configuration %1 is not valid JSON: %2 at line %3.")
                            .arg(path, parseError.errorString())
                            .arg(line));
    }
    if (!document.isObject()) {
        return SsoError(
            SsoError::Kind::Config,
            QStringLiteral("The simulator configuration %1 must hold a JSON object ({...}).").arg(path));
    }
    return parseConfig(document.object(), QStringLiteral("The simulator configuration %1").arg(path));
}

Result<SimulatorConfig> SimulatorConfig::fromJson(const QJsonObject &json)
{
    return parseConfig(json, QStringLiteral("The simulator configuration"));
}

Result<SimulatorConfig> SimulatorConfig::parseConfig(const QJsonObject &json, const QString &source)
{
    SimulatorConfig config;
    SimJsonReader reader(json, QString());
    reader.rejectUnknownKeys(TopLevelKeys);
    reader.readString(QStringLiteral("region"), config.region);
    static const QRegularExpression regionShape(QStringLiteral("^[a-z]{2}(-[a-z0-9]+)+$"));
    if (!regionShape.match(config.region).hasMatch()) {
        reader.fail(QStringLiteral("region"),
                    QStringLiteral("must look like \"us-east-1\", not \"%1\"").arg(config.region));
    }
    reader.readInt(QStringLiteral("accessTokenLifetimeSeconds"), config.accessTokenLifetimeSeconds, 1,
                   TenYearsSeconds);
    reader.readInt(QStringLiteral("refreshTokenLifetimeSeconds"), config.refreshTokenLifetimeSeconds, 1,
                   TenYearsSeconds);
    reader.readInt(QStringLiteral("clientSecretLifetimeSeconds"), config.clientSecretLifetimeSeconds, 1,
                   TenYearsSeconds);
    reader.readInt(QStringLiteral("deviceCodeLifetimeSeconds"), config.deviceCodeLifetimeSeconds, 1,
                   24 * 3600);
    reader.readInt(QStringLiteral("pollIntervalSeconds"), config.pollIntervalSeconds, 1, 60);
    reader.readInt(QStringLiteral("listPageSize"), config.listPageSize, 1, 100);
    reader.readInt(QStringLiteral("roleCredentialLifetimeSeconds"), config.roleCredentialLifetimeSeconds, 1,
                   12 * 3600);
    reader.readBool(QStringLiteral("rotateRefreshTokens"), config.rotateRefreshTokens);

    if (reader.has(QStringLiteral("users"))) {
        config.users.clear();
        const QList<QJsonObject> users = reader.readObjectArray(QStringLiteral("users"));
        QSet<QString> names;
        for (qsizetype i = 0; i < users.size(); ++i) {
            const QString where = QStringLiteral("users[%1]").arg(i);
            const User user = readUser(reader.nested(users.at(i), where));
            if (names.contains(user.username)) {
                reader.fail(where, QStringLiteral("repeats the username \"%1\"").arg(user.username));
            }
            names.insert(user.username);
            config.users.append(user);
        }
        if (config.users.isEmpty()) {
            reader.fail(QStringLiteral("users"), QStringLiteral("must hold at least one user"));
        }
    }
    if (reader.has(QStringLiteral("accounts"))) {
        config.accounts.clear();
        const QList<QJsonObject> accounts = reader.readObjectArray(QStringLiteral("accounts"));
        QSet<QString> ids;
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            const QString where = QStringLiteral("accounts[%1]").arg(i);
            const Account account = readAccount(reader.nested(accounts.at(i), where));
            if (ids.contains(account.accountId)) {
                reader.fail(where, QStringLiteral("repeats the accountId \"%1\"").arg(account.accountId));
            }
            ids.insert(account.accountId);
            config.accounts.append(account);
        }
    }
    if (reader.has(QStringLiteral("faults"))) {
        SimJsonReader faults =
            reader.nested(reader.readObject(QStringLiteral("faults")), QStringLiteral("faults"));
        config.faults = SimulatorFaults::read(faults);
    }
    if (reader.has(QStringLiteral("signInPages"))) {
        SimJsonReader pages =
            reader.nested(reader.readObject(QStringLiteral("signInPages")), QStringLiteral("signInPages"));
        config.signInPages = SimSignInSettings::read(pages, config.signInPages);
    }
    if (reader.failed()) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("%1 is invalid: %2.").arg(source, reader.problem()));
    }
    return config;
}

const SimulatorConfig::User *SimulatorConfig::findUser(const QString &username) const
{
    if (username.isEmpty()) {
        return users.isEmpty() ? nullptr : &users.first();
    }
    for (const User &user : users) {
        if (user.username == username) {
            return &user;
        }
    }
    return nullptr;
}

const SimulatorConfig::Account *SimulatorConfig::findAccount(const QString &accountId) const
{
    for (const Account &account : accounts) {
        if (account.accountId == accountId) {
            return &account;
        }
    }
    return nullptr;
}

QString SimulatorConfig::mfaName(Mfa mfa)
{
    switch (mfa) {
    case Mfa::Totp:
        return QStringLiteral("totp");
    case Mfa::SecurityKey:
        return QStringLiteral("securityKey");
    case Mfa::None:
        break;
    }
    return QStringLiteral("none");
}

QString SimulatorConfig::identityProviderName(IdentityProvider provider)
{
    return provider == IdentityProvider::External ? QStringLiteral("external") : QStringLiteral("directory");
}
