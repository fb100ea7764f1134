#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// RFC 6238 time-based one-time passwords, the codes an authenticator app shows for the sign-in's MFA step.
// Built from a base32 secret (as portals print it next to the QR code) or from the otpauth:// URI in the
// QR code itself, which may also choose the hash, the number of digits and the period.
class Totp
{
public:
    enum class Algorithm
    {
        Sha1,
        Sha256,
        Sha512
    };

    static constexpr int DefaultDigits = 6;
    static constexpr int DefaultPeriodSeconds = 30;
    // Below 80 bits it is almost surely a typo or a pasted code, not a secret (RFC 4226 asks for 128+).
    static constexpr int MinimumSecretBytes = 10;

    // A raw key; digits 6 to 8 and a positive period are the caller's to guarantee.
    explicit Totp(QByteArray key, Algorithm algorithm = Algorithm::Sha1, int digits = DefaultDigits,
                  int periodSeconds = DefaultPeriodSeconds);

    // A base32 secret or an otpauth://totp/ URI, whichever the text is. Errors (Kind::Usage) say what is
    // wrong without repeating any of the secret.
    static Result<Totp> parse(const QString &secretOrUri);
    static Result<Totp> fromBase32Secret(const QString &secret);
    static Result<Totp> fromUri(const QString &uri);

    // RFC 4648 base32: case-insensitive, spaces and trailing '=' padding ignored.
    static Result<QByteArray> decodeBase32(const QString &text);
    // RFC 4648 base32 with padding, upper case; what decodeBase32 reads back.
    static QString encodeBase32(const QByteArray &data);

    // The code for a moment given in seconds since the Unix epoch.
    QString codeAt(qint64 unixSeconds) const;
    QString codeAt(const QDateTime &time) const { return codeAt(time.toSecsSinceEpoch()); }
    // RFC 4226 HOTP for one counter value; the time step is the counter of TOTP.
    QString codeForCounter(quint64 counter) const;
    // Seconds until the code of this moment is replaced by the next one.
    int secondsRemaining(qint64 unixSeconds) const;

    Algorithm algorithm() const { return m_algorithm; }
    int digits() const { return m_digits; }
    int periodSeconds() const { return m_periodSeconds; }

private:
    QByteArray m_key;
    Algorithm m_algorithm;
    int m_digits;
    int m_periodSeconds;
};
