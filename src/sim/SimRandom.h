#pragma once

#include <QString>

// Unguessable values for the simulator's secrets and codes, all from QRandomGenerator::system().
namespace SimRandom {

// `prefix` followed by base64url of `bytes` random bytes, e.g. token(QStringLiteral("aoa"), 48).
QString token(const QString &prefix, int bytes);
// "ABCD-EFGH": consonants only, so no word and no 0/O or 1/I confusion.
QString userCode();
// "ASIA" + 16 upper-case letters and digits: the shape of a temporary access key id.
QString accessKeyId();
// 40 characters of the base64 alphabet, like a secret access key.
QString secretAccessKey();

} // namespace SimRandom
