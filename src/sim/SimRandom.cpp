#include "SimRandom.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>

namespace {

QString randomFrom(QLatin1String alphabet, int length)
{
    QString result;
    result.reserve(length);
    for (int i = 0; i < length; ++i) {
        result.append(QLatin1Char(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())))));
    }
    return result;
}

} // namespace

namespace SimRandom {

QString token(const QString &prefix, int bytes)
{
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray data(reinterpret_cast<const char *>(words.constData()), bytes);
    return prefix +
           QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString userCode()
{
    const QLatin1String consonants("BCDFGHJKLMNPQRSTVWXZ");
    return randomFrom(consonants, 4) + QLatin1Char('-') + randomFrom(consonants, 4);
}

QString accessKeyId()
{
    return QStringLiteral("ASIA") + randomFrom(QLatin1String("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 16);
}

QString secretAccessKey()
{
    return randomFrom(QLatin1String("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"), 40);
}

} // namespace SimRandom
