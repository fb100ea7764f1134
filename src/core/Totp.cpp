#include "Totp.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUrlQuery>
#include <QtEndian>
#include <utility>

namespace {

const QLatin1String Base32Alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

// The value of one base32 digit, or -1.
int base32Value(QChar character)
{
    const char16_t unit = character.toUpper().unicode();
    if (unit >= u'A' && unit <= u'Z') {
        return unit - u'A';
    }
    if (unit >= u'2' && unit <= u'7') {
        return unit - u'2' + 26;
    }
    return -1;
}

// Why the text is not base32, or an empty string when it is. Positions are 1-based and count every
// character the user typed, spaces included, so they can find the culprit; the culprit itself is never
// quoted because it is part of a secret.
QString base32Problem(const QString &text, QByteArray *decoded)
{
    quint32 buffer = 0;
    int bufferedBits = 0;
    int digitCount = 0;
    bool inPadding = false;
    for (int position = 0; position < text.size(); ++position) {
        const QChar character = text.at(position);
        if (character.isSpace()) {
            continue;
        }
        if (character == QLatin1Char('=')) {
            inPadding = true;
            continue;
        }
        const int value = base32Value(character);
        if (value < 0) {
            return QStringLiteral("character %1 is not a base32 digit (base32 uses the letters A-Z and the "
                                  "digits 2-7; 0, 1, 8 and 9 never occur)")
                .arg(position + 1);
        }
        if (inPadding) {
            return QStringLiteral("character %1 follows '=' padding, which may only end the text")
                .arg(position + 1);
        }
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bufferedBits += 5;
        ++digitCount;
        if (bufferedBits >= 8) {
            bufferedBits -= 8;
            decoded->append(static_cast<char>((buffer >> bufferedBits) & 0xff));
        }
    }
    // 8 digits carry 5 bytes; a last group of 1, 3 or 6 digits cannot come from any byte count.
    const int lastGroup = digitCount % 8;
    if (lastGroup == 1 || lastGroup == 3 || lastGroup == 6) {
        return QStringLiteral("%1 base32 digits is not a length any data encodes to; a digit is missing or "
                              "extra")
            .arg(digitCount);
    }
    return {};
}

Result<Totp::Algorithm> algorithmNamed(const QString &name)
{
    const QString upper = name.toUpper().remove(QLatin1Char('-'));
    if (upper == QLatin1String("SHA1")) {
        return Totp::Algorithm::Sha1;
    }
    if (upper == QLatin1String("SHA256")) {
        return Totp::Algorithm::Sha256;
    }
    if (upper == QLatin1String("SHA512")) {
        return Totp::Algorithm::Sha512;
    }
    return SsoError(
        SsoError::Kind::Usage,
        QStringLiteral("The otpauth URI asks for the hash algorithm \"%1\"; only SHA1, SHA256 and "
                       "SHA512 exist for TOTP.")
            .arg(name));
}

QCryptographicHash::Algorithm hashOf(Totp::Algorithm algorithm)
{
    switch (algorithm) {
    case Totp::Algorithm::Sha1:
        return QCryptographicHash::Sha1;
    case Totp::Algorithm::Sha256:
        return QCryptographicHash::Sha256;
    case Totp::Algorithm::Sha512:
        return QCryptographicHash::Sha512;
    }
    return QCryptographicHash::Sha1;
}

} // namespace

Totp::Totp(QByteArray key, Algorithm algorithm, int digits, int periodSeconds)
    : m_key(std::move(key))
    , m_algorithm(algorithm)
    , m_digits(digits)
    , m_periodSeconds(periodSeconds)
{}

Result<Totp> Totp::parse(const QString &secretOrUri)
{
    const QString trimmed = secretOrUri.trimmed();
    if (trimmed.startsWith(QLatin1String("otpauth:"), Qt::CaseInsensitive)) {
        return fromUri(trimmed);
    }
    return fromBase32Secret(trimmed);
}

Result<QByteArray> Totp::decodeBase32(const QString &text)
{
    QByteArray decoded;
    const QString problem = base32Problem(text, &decoded);
    if (!problem.isEmpty()) {
        return SsoError(SsoError::Kind::Usage, QStringLiteral("Not base32: %1.").arg(problem));
    }
    return decoded;
}

QString Totp::encodeBase32(const QByteArray &data)
{
    QString encoded;
    quint32 buffer = 0;
    int bufferedBits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bufferedBits += 8;
        while (bufferedBits >= 5) {
            bufferedBits -= 5;
            encoded.append(Base32Alphabet.at((buffer >> bufferedBits) & 0x1f));
        }
    }
    if (bufferedBits > 0) {
        encoded.append(Base32Alphabet.at((buffer << (5 - bufferedBits)) & 0x1f));
    }
    while (encoded.size() % 8 != 0) {
        encoded.append(QLatin1Char('='));
    }
    return encoded;
}

Result<Totp> Totp::fromBase32Secret(const QString &secret)
{
    QByteArray key;
    const QString problem = base32Problem(secret, &key);
    if (!problem.isEmpty()) {
        return SsoError(SsoError::Kind::Usage,
                        QStringLiteral("The TOTP secret is not valid: %1.").arg(problem));
    }
    if (key.isEmpty()) {
        return SsoError(SsoError::Kind::Usage, QStringLiteral("The TOTP secret is empty."));
    }
    if (key.size() < MinimumSecretBytes) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("The TOTP secret is too short (%1 bits; a real one has at least %2, usually "
                           "16 to 64 base32 characters). Paste the secret shown next to the QR code, "
                           "not a one-time code.")
                .arg(key.size() * 8)
                .arg(MinimumSecretBytes * 8));
    }
    return Totp(key);
}

Result<Totp> Totp::fromUri(const QString &uri)
{
    const QUrl url(uri.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String("otpauth"), Qt::CaseInsensitive) != 0) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("This is not an otpauth:// URI; expected otpauth://totp/LABEL?secret=..."));
    }
    const QString type = url.host().toLower();
    if (type == QLatin1String("hotp")) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("The otpauth URI is for counter-based HOTP codes; only time-based TOTP "
                           "(otpauth://totp/...) is supported."));
    }
    if (type != QLatin1String("totp")) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("The otpauth URI has the type \"%1\"; expected otpauth://totp/...").arg(type));
    }
    // Parameter names are lower case in the Key Uri Format, but some generators capitalise them.
    QString secret;
    QString algorithmName;
    QString digitsText;
    QString periodText;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        const QString lowerName = name.toLower();
        if (lowerName == QLatin1String("secret")) {
            secret = value;
        } else if (lowerName == QLatin1String("algorithm")) {
            algorithmName = value;
        } else if (lowerName == QLatin1String("digits")) {
            digitsText = value;
        } else if (lowerName == QLatin1String("period")) {
            periodText = value;
        }
    }
    if (secret.isEmpty()) {
        return SsoError(SsoError::Kind::Usage, QStringLiteral("The otpauth URI has no secret= parameter."));
    }
    Result<Totp> base = fromBase32Secret(secret);
    if (!base) {
        return base;
    }
    Algorithm algorithm = Algorithm::Sha1;
    if (!algorithmName.isEmpty()) {
        const Result<Algorithm> named = algorithmNamed(algorithmName);
        if (!named) {
            return named.error();
        }
        algorithm = named.value();
    }
    int digits = DefaultDigits;
    if (!digitsText.isEmpty()) {
        bool ok = false;
        digits = digitsText.toInt(&ok);
        if (!ok || digits < 6 || digits > 8) {
            return SsoError(SsoError::Kind::Usage,
                            QStringLiteral("The otpauth URI asks for %1 digits; TOTP codes have 6 to 8.")
                                .arg(digitsText));
        }
    }
    int periodSeconds = DefaultPeriodSeconds;
    if (!periodText.isEmpty()) {
        bool ok = false;
        periodSeconds = periodText.toInt(&ok);
        if (!ok || periodSeconds <= 0 || periodSeconds > 3600) {
            return SsoError(
                SsoError::Kind::Usage,
                QStringLiteral("The otpauth URI has the period \"%1\"; expected a number of seconds "
                               "from 1 to 3600 (usually 30).")
                    .arg(periodText));
        }
    }
    return Totp(base.value().m_key, algorithm, digits, periodSeconds);
}

QString Totp::codeAt(qint64 unixSeconds) const
{
    // Floor division, so a clock before 1970 still yields a well-defined step.
    qint64 step = unixSeconds / m_periodSeconds;
    if (unixSeconds < 0 && unixSeconds % m_periodSeconds != 0) {
        --step;
    }
    return codeForCounter(static_cast<quint64>(step));
}

QString Totp::codeForCounter(quint64 counter) const
{
    QByteArray message(8, '\0');
    qToBigEndian(counter, message.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(message, m_key, hashOf(m_algorithm));
    // RFC 4226 section 5.3, dynamic truncation.
    const int offset = static_cast<quint8>(mac.at(mac.size() - 1)) & 0x0f;
    const quint32 truncated = (static_cast<quint32>(static_cast<quint8>(mac.at(offset)) & 0x7f) << 24) |
                              (static_cast<quint32>(static_cast<quint8>(mac.at(offset + 1))) << 16) |
                              (static_cast<quint32>(static_cast<quint8>(mac.at(offset + 2))) << 8) |
                              static_cast<quint32>(static_cast<quint8>(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int digit = 0; digit < m_digits; ++digit) {
        modulus *= 10;
    }
    return QStringLiteral("%1").arg(truncated % modulus, m_digits, 10, QLatin1Char('0'));
}

int Totp::secondsRemaining(qint64 unixSeconds) const
{
    qint64 intoStep = unixSeconds % m_periodSeconds;
    if (intoStep < 0) {
        intoStep += m_periodSeconds;
    }
    return static_cast<int>(m_periodSeconds - intoStep);
}
