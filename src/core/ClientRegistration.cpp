#include "ClientRegistration.h"

#include "CacheJson.h"
#include "CacheTime.h"
#include "PythonJson.h"

#include <QDir>
#include <QJsonArray>

namespace {

const QString ClientIdKey = QStringLiteral("clientId");
const QString ClientSecretKey = QStringLiteral("clientSecret");
const QString ExpiresAtKey = QStringLiteral("expiresAt");
const QString ScopesKey = QStringLiteral("scopes");
const QString GrantTypesKey = QStringLiteral("grantTypes");

const QStringList &knownKeys()
{
    static const QStringList keys{ClientIdKey, ClientSecretKey, ExpiresAtKey, ScopesKey, GrantTypesKey};
    return keys;
}

SsoError unusable(const QString &sourceName, const QString &problem)
{
    return SsoError(SsoError::Kind::Cache,
                    QStringLiteral("%1 is not a usable SSO client registration file: %2.")
                        .arg(QDir::toNativeSeparators(sourceName), problem));
}

// A required non-empty string; sets *problem (if not yet set) when it is not one.
QString requiredText(const QJsonObject &object, const QString &key, QString *problem)
{
    const QJsonValue value = object.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        if (problem->isEmpty()) {
            *problem = value.isUndefined() || value.isNull()
                           ? QStringLiteral("it has no %1").arg(key)
                           : QStringLiteral("its %1 is not a string").arg(key);
        }
        return {};
    }
    return value.toString();
}

// An optional list of strings; *present tells whether the key was there (and not null).
QStringList optionalTextList(const QJsonObject &object, const QString &key, bool *present, QString *problem)
{
    const QJsonValue value = object.value(key);
    *present = !value.isUndefined() && !value.isNull();
    if (!*present) {
        return {};
    }
    QStringList texts;
    const auto wrongType = [&] {
        if (problem->isEmpty()) {
            *problem = QStringLiteral("its %1 is not a list of strings").arg(key);
        }
        return QStringList{};
    };
    if (!value.isArray()) {
        return wrongType();
    }
    for (const QJsonValue &element : value.toArray()) {
        if (!element.isString()) {
            return wrongType();
        }
        texts.append(element.toString());
    }
    return texts;
}

} // namespace

QByteArray ClientRegistration::toJson() const
{
    // SSOTokenFetcher._register_client (device flow: scopes only when set) and
    // SSOTokenFetcherAuth._register_client (PKCE: scopes and grantTypes) in the AWS CLI v2.
    PythonJson::OrderedObject members{
        {ClientIdKey, clientId},
        {ClientSecretKey, clientSecret},
        {ExpiresAtKey, CacheTime::format(expiresAt)},
    };
    if (hasScopes || !scopes.isEmpty()) {
        members.emplace_back(ScopesKey, QJsonArray::fromStringList(scopes));
    }
    if (!grantTypes.isEmpty()) {
        members.emplace_back(GrantTypesKey, QJsonArray::fromStringList(grantTypes));
    }
    PythonJson::appendMissing(members, otherFields, otherFieldOrder);
    return PythonJson::dumps(members);
}

Result<ClientRegistration> ClientRegistration::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonObject object;
    const QString unreadable = CacheJson::readObject(json, &object);
    if (!unreadable.isEmpty()) {
        return unusable(sourceName, unreadable);
    }

    QString problem;
    ClientRegistration registration;
    registration.clientId = requiredText(object, ClientIdKey, &problem);
    registration.clientSecret = requiredText(object, ClientSecretKey, &problem);
    const QString expiresAtText = requiredText(object, ExpiresAtKey, &problem);
    registration.expiresAt = CacheTime::parse(expiresAtText);
    if (problem.isEmpty() && !registration.expiresAt.isValid()) {
        problem = QStringLiteral("its expiresAt \"%1\" is not a time").arg(expiresAtText);
    }
    registration.scopes = optionalTextList(object, ScopesKey, &registration.hasScopes, &problem);
    bool hasGrantTypes = false;
    registration.grantTypes = optionalTextList(object, GrantTypesKey, &hasGrantTypes, &problem);
    if (!problem.isEmpty()) {
        return unusable(sourceName, problem);
    }

    for (auto field = object.begin(); field != object.end(); ++field) {
        if (!knownKeys().contains(field.key())) {
            registration.otherFields.insert(field.key(), field.value());
        }
    }
    for (const QString &key : PythonJson::topLevelKeys(json)) {
        if (!knownKeys().contains(key)) {
            registration.otherFieldOrder.append(key);
        }
    }
    return registration;
}
