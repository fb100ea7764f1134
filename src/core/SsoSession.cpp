#include "SsoSession.h"

#include "PythonJson.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace {

QString sha1Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex());
}

} // namespace

QString SsoSession::tokenCacheKey() const
{
    return sha1Hex((isLegacy() ? startUrl : name).toUtf8());
}

QString SsoSession::registrationCacheKey() const
{
    // The AWS CLI v2's BaseSSOTokenFetcher._registration_cache_key: an unconfigured scope list and a
    // legacy session are null, not [] or "", and yield other keys than those would.
    const QJsonValue scopesValue = hasScopes ? QJsonValue(QJsonArray::fromStringList(scopes)) : QJsonValue();
    const QJsonValue sessionNameValue = isLegacy() ? QJsonValue() : QJsonValue(name);
    const PythonJson::OrderedObject arguments{
        {QStringLiteral("tool"), QStringLiteral("botocore")},
        {QStringLiteral("startUrl"), startUrl},
        {QStringLiteral("region"), region},
        {QStringLiteral("scopes"), scopesValue},
        {QStringLiteral("session_name"), sessionNameValue},
    };
    return sha1Hex(PythonJson::dumps(arguments, PythonJson::KeyOrder::Sorted));
}

QString SsoSession::displayName() const
{
    return isLegacy() ? startUrl : name;
}

QString SsoSession::id() const
{
    return isLegacy() ? QStringLiteral("url:") + startUrl : name;
}
