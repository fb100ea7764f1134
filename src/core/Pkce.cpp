#include "Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

Pkce Pkce::generate()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
    QString verifier;
    verifier.reserve(64);
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < 64; ++i) {
        verifier.append(alphabet.at(static_cast<int>(random->bounded(static_cast<quint32>(alphabet.size())))));
    }
    return Pkce{verifier, challengeFor(verifier)};
}

QString Pkce::challengeFor(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString Pkce::newState()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
