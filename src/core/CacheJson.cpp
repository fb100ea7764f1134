#include "CacheJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

QString CacheJson::readObject(const QByteArray &json, QJsonObject *object)
{
    // Qt's parser accepts a UTF-8 byte order mark; so does this check.
    const QByteArray text = (json.startsWith("\xef\xbb\xbf") ? json.mid(3) : json).trimmed();
    if (text.isEmpty()) {
        return QStringLiteral("it is empty");
    }
    if (!text.startsWith('{') && !text.startsWith('[')) {
        return QStringLiteral("it does not hold a JSON object");
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return QStringLiteral("it is not valid JSON (%1 at byte %2)")
            .arg(parseError.errorString())
            .arg(parseError.offset);
    }
    if (!document.isObject()) {
        return QStringLiteral("it holds a JSON array, not an object");
    }
    *object = document.object();
    return {};
}
