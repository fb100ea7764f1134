#include "SsoToken.h"

#include "CacheJson.h"
#include "CacheTime.h"
#include "PythonJson.h"

#include <QDir>

namespace {

const QString StartUrlKey = QStringLiteral("startUrl");
const QString RegionKey = QStringLiteral("region");
const QString AccessTokenKey = QStringLiteral("accessToken");
const QString ExpiresAtKey = QStringLiteral("expiresAt");
const QString ClientIdKey = QStringLiteral("clientId");
const QString ClientSecretKey = QStringLiteral("clientSecret");
const QString RegistrationExpiresAtKey = QStringLiteral("registrationExpiresAt");
const QString RefreshTokenKey = QStringLiteral("refreshToken");

const QStringList &knownKeys()
{
    static const QStringList keys{StartUrlKey, RegionKey,       AccessTokenKey,           ExpiresAtKey,
                                  ClientIdKey, ClientSecretKey, RegistrationExpiresAtKey, RefreshTokenKey};
    return keys;
}

// Reads typed fields and remembers the first thing wrong, phrased for the user.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object)
        : m_object(object)
    {}

    // Absent and null read as empty: the Go SDK omits empty fields, Python writes none as null.
    QString text(const QString &key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                fail(QStringLiteral("it has no %1").arg(key));
            }
            return {};
        }
        if (!value.isString()) {
            fail(QStringLiteral("its %1 is not a string").arg(key));
            return {};
        }
        if (required && value.toString().isEmpty()) {
            fail(QStringLiteral("its %1 is empty").arg(key));
        }
        return value.toString();
    }

    QDateTime time(const QString &key, bool required)
    {
        const QString written = text(key, required);
        if (written.isEmpty()) {
            return {};
        }
        const QDateTime parsed = CacheTime::parse(written);
        if (!parsed.isValid()) {
            fail(QStringLiteral("its %1 \"%2\" is not a time").arg(key, written));
        }
        return parsed;
    }

    const QString &problem() const { return m_problem; }

private:
    void fail(const QString &problem)
    {
        if (m_problem.isEmpty()) {
            m_problem = problem;
        }
    }

    const QJsonObject &m_object;
    QString m_problem;
};

SsoError unusable(const QString &sourceName, const QString &problem)
{
    return SsoError(SsoError::Kind::Cache, QStringLiteral("%1 is not a usable SSO token file: %2.")
                                               .arg(QDir::toNativeSeparators(sourceName), problem));
}

} // namespace

QByteArray SsoToken::toJson() const
{
    // The order of botocore's token dict (SSOTokenFetcher._create_token_attempt and
    // SSOTokenProvider._attempt_create_token).
    PythonJson::OrderedObject members{
        {StartUrlKey, startUrl},
        {RegionKey, region},
        {AccessTokenKey, accessToken},
        {ExpiresAtKey, CacheTime::format(expiresAt)},
    };
    if (!clientId.isEmpty()) {
        members.emplace_back(ClientIdKey, clientId);
    }
    if (!clientSecret.isEmpty()) {
        members.emplace_back(ClientSecretKey, clientSecret);
    }
    if (registrationExpiresAt.isValid()) {
        members.emplace_back(RegistrationExpiresAtKey, CacheTime::format(registrationExpiresAt));
    }
    if (!refreshToken.isEmpty()) {
        members.emplace_back(RefreshTokenKey, refreshToken);
    }
    PythonJson::appendMissing(members, otherFields, otherFieldOrder);
    return PythonJson::dumps(members);
}

Result<SsoToken> SsoToken::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonObject object;
    const QString unreadable = CacheJson::readObject(json, &object);
    if (!unreadable.isEmpty()) {
        return unusable(sourceName, unreadable);
    }

    FieldReader reader(object);
    SsoToken token;
    // What botocore's SSOTokenLoader requires, checked first so the message names the real lack.
    token.accessToken = reader.text(AccessTokenKey, true);
    token.expiresAt = reader.time(ExpiresAtKey, true);
    token.startUrl = reader.text(StartUrlKey, false);
    token.region = reader.text(RegionKey, false);
    token.clientId = reader.text(ClientIdKey, false);
    token.clientSecret = reader.text(ClientSecretKey, false);
    token.registrationExpiresAt = reader.time(RegistrationExpiresAtKey, false);
    token.refreshToken = reader.text(RefreshTokenKey, false);
    if (!reader.problem().isEmpty()) {
        return unusable(sourceName, reader.problem());
    }

    for (auto field = object.begin(); field != object.end(); ++field) {
        if (!knownKeys().contains(field.key())) {
            token.otherFields.insert(field.key(), field.value());
        }
    }
    for (const QString &key : PythonJson::topLevelKeys(json)) {
        if (!knownKeys().contains(key)) {
            token.otherFieldOrder.append(key);
        }
    }
    return token;
}
