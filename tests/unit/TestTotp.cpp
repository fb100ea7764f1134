#include "Totp.h"

#include <QtTest>

namespace {

// RFC 6238 appendix B: the seeds are ASCII digits, 20 bytes for SHA-1, 32 for SHA-256, 64 for SHA-512.
const QByteArray Sha1Seed("12345678901234567890");
const QByteArray Sha256Seed("12345678901234567890123456789012");
const QByteArray Sha512Seed("1234567890123456789012345678901234567890123456789012345678901234");
// The same seeds in base32, as an otpauth URI carries them.
const QString Sha1SeedBase32 = QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
const QString Sha256SeedBase32 = QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====");

} // namespace

class TestTotp : public QObject
{
    Q_OBJECT
private slots:
    void rfc6238Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("sha1");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<QString>("sha512");
        QTest::newRow("59") << qint64(59) << "94287082"
                            << "46119246"
                            << "90693936";
        QTest::newRow("1111111109") << qint64(1111111109) << "07081804"
                                    << "68084774"
                                    << "25091201";
        QTest::newRow("1111111111") << qint64(1111111111) << "14050471"
                                    << "67062674"
                                    << "99943326";
        QTest::newRow("1234567890") << qint64(1234567890) << "89005924"
                                    << "91819424"
                                    << "93441116";
        QTest::newRow("2000000000") << qint64(2000000000) << "69279037"
                                    << "90698825"
                                    << "38618901";
        QTest::newRow("20000000000") << qint64(20000000000) << "65353130"
                                     << "77737706"
                                     << "47863826";
    }

    void rfc6238Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, sha1);
        QFETCH(QString, sha256);
        QFETCH(QString, sha512);
        QCOMPARE(Totp(Sha1Seed, Totp::Algorithm::Sha1, 8).codeAt(time), sha1);
        QCOMPARE(Totp(Sha256Seed, Totp::Algorithm::Sha256, 8).codeAt(time), sha256);
        QCOMPARE(Totp(Sha512Seed, Totp::Algorithm::Sha512, 8).codeAt(time), sha512);
    }

    void rfc4226HotpVectors()
    {
        // RFC 4226 appendix D: six-digit HOTP values for counters 0 to 9.
        const QStringList expected = {QStringLiteral("755224"), QStringLiteral("287082"),
                                      QStringLiteral("359152"), QStringLiteral("969429"),
                                      QStringLiteral("338314"), QStringLiteral("254676"),
                                      QStringLiteral("287922"), QStringLiteral("162583"),
                                      QStringLiteral("399871"), QStringLiteral("520489")};
        const Totp hotp(Sha1Seed);
        for (int counter = 0; counter < expected.size(); ++counter) {
            QCOMPARE(hotp.codeForCounter(static_cast<quint64>(counter)), expected.at(counter));
        }
    }

    void sixDigitsThirtySecondsSha1ByDefault()
    {
        const Result<Totp> totp = Totp::parse(Sha1SeedBase32);
        QVERIFY2(totp.ok(), qPrintable(totp.ok() ? QString() : totp.error().message()));
        QCOMPARE(totp->digits(), 6);
        QCOMPARE(totp->periodSeconds(), 30);
        QCOMPARE(totp->algorithm(), Totp::Algorithm::Sha1);
        // The low six digits of the eight-digit RFC value, with its leading zero kept.
        QCOMPARE(totp->codeAt(59), QStringLiteral("287082"));
        QCOMPARE(totp->codeAt(1111111109), QStringLiteral("081804"));
        QCOMPARE(totp->codeAt(60), totp->codeAt(89));
        QVERIFY(totp->codeAt(59) != totp->codeAt(60));
    }

    void knownAuthenticatorSecret()
    {
        // Cross-checked with Python's hmac module.
        const Result<Totp> totp = Totp::parse(QStringLiteral("JBSWY3DPEHPK3PXP"));
        QVERIFY(totp.ok());
        QCOMPARE(totp->codeAt(1700000000), QStringLiteral("324550"));
    }

    void base32IsForgiving()
    {
        const QString forms[] = {
            QStringLiteral("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"),
            QStringLiteral("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"),
            QStringLiteral("  gezd gnbv Gy3t qojq\tgezd gnbv gy3t qojq \n"),
        };
        for (const QString &form : forms) {
            const Result<Totp> totp = Totp::parse(form);
            QVERIFY2(totp.ok(), qPrintable(form));
            QCOMPARE(totp->codeAt(59), QStringLiteral("287082"));
        }
        const Result<QByteArray> padded = Totp::decodeBase32(QStringLiteral("GEZDGNBVGY3TQOJQGE======"));
        QVERIFY(padded.ok());
        QCOMPARE(padded.value(), QByteArray("12345678901"));
        QVERIFY(Totp::parse(QStringLiteral("GEZDGNBVGY3TQOJQGE======")).ok());
        QVERIFY(Totp::parse(QStringLiteral("GEZDGNBVGY3TQOJQGE")).ok());
    }

    void rfc4648Base32Vectors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << QByteArray("f") << "MY======";
        QTest::newRow("fo") << QByteArray("fo") << "MZXQ====";
        QTest::newRow("foo") << QByteArray("foo") << "MZXW6===";
        QTest::newRow("foob") << QByteArray("foob") << "MZXW6YQ=";
        QTest::newRow("fooba") << QByteArray("fooba") << "MZXW6YTB";
        QTest::newRow("foobar") << QByteArray("foobar") << "MZXW6YTBOI======";
    }

    void rfc4648Base32Vectors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, encoded);
        QCOMPARE(Totp::encodeBase32(data), encoded);
        const Result<QByteArray> decoded = Totp::decodeBase32(encoded);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), data);
        const Result<QByteArray> lowerUnpadded =
            Totp::decodeBase32(encoded.toLower().remove(QLatin1Char('=')));
        QVERIFY(lowerUnpadded.ok());
        QCOMPARE(lowerUnpadded.value(), data);
    }

    void badSecretsAreExplainedWithoutRepeatingThem_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("digit one") << "GEZDGNBV1Y3TQOJQ"
                                   << "character 9 is not a base32 digit";
        QTest::newRow("digit zero after blank") << "GEZD GNB0 GY3T QOJQ"
                                                << "character 9 is not a base32 digit";
        QTest::newRow("symbol") << "GEZDGNBVGY3TQOJ!"
                                << "character 16 is not a base32 digit";
        QTest::newRow("padding inside") << "GEZDGNBV==GY3TQOJQ"
                                        << "character 11 follows '=' padding";
        QTest::newRow("impossible length") << "GEZDGNBVGY3TQOJQG"
                                           << "17 base32 digits is not a length";
        QTest::newRow("six-digit code") << "287082"
                                        << "character 2 is not a base32 digit";
        QTest::newRow("too short") << "MZXW6YTBOI"
                                   << "too short (48 bits";
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("only blanks") << "  \t "
                                     << "empty";
    }

    void badSecretsAreExplainedWithoutRepeatingThem()
    {
        QFETCH(QString, secret);
        QFETCH(QString, explanation);
        const Result<Totp> totp = Totp::parse(secret);
        QVERIFY(!totp.ok());
        QCOMPARE(totp.error().kind(), SsoError::Kind::Usage);
        QVERIFY2(totp.error().message().contains(explanation), qPrintable(totp.error().message()));
        if (secret.trimmed().size() >= 4) {
            QVERIFY2(!totp.error().message().contains(secret.trimmed(), Qt::CaseInsensitive),
                     qPrintable(totp.error().message()));
        }
    }

    void otpauthUriChoosesAlgorithmDigitsAndPeriod()
    {
        const Result<Totp> totp = Totp::parse(
            QStringLiteral("otpauth://totp/"
                           "AWS:alice@example.com?secret=%1&issuer=AWS&algorithm=SHA256&digits=8&period=30")
                .arg(Sha256SeedBase32));
        QVERIFY2(totp.ok(), qPrintable(totp.ok() ? QString() : totp.error().message()));
        QCOMPARE(totp->algorithm(), Totp::Algorithm::Sha256);
        QCOMPARE(totp->digits(), 8);
        QCOMPARE(totp->codeAt(1234567890), QStringLiteral("91819424"));

        const Result<Totp> slow = Totp::fromUri(
            QStringLiteral("otpauth://totp/x?secret=%1&period=60&digits=8").arg(Sha1SeedBase32));
        QVERIFY(slow.ok());
        QCOMPARE(slow->periodSeconds(), 60);
        // Step 0 of a 60 s period is HOTP counter 0 (RFC 4226: 1284755224).
        QCOMPARE(slow->codeAt(59), QStringLiteral("84755224"));
        QCOMPARE(slow->secondsRemaining(59), 1);
        QCOMPARE(slow->secondsRemaining(60), 60);

        const Result<Totp> defaults =
            Totp::parse(QStringLiteral("otpauth://totp/Example:alice?secret=%1&issuer=Example")
                            .arg(Sha1SeedBase32.toLower()));
        QVERIFY(defaults.ok());
        QCOMPARE(defaults->codeAt(59), QStringLiteral("287082"));

        const Result<Totp> sha512 =
            Totp::parse(QStringLiteral("OTPAUTH://TOTP/x?SECRET=%1&ALGORITHM=sha512&DIGITS=8")
                            .arg(Totp::encodeBase32(Sha512Seed)));
        QVERIFY2(sha512.ok(), qPrintable(sha512.ok() ? QString() : sha512.error().message()));
        QCOMPARE(sha512->codeAt(20000000000), QStringLiteral("47863826"));
    }

    void badOtpauthUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("explanation");
        QTest::newRow("hotp") << "otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=1"
                              << "HOTP";
        QTest::newRow("no secret") << "otpauth://totp/x?issuer=AWS"
                                   << "no secret=";
        QTest::newRow("bad secret") << "otpauth://totp/x?secret=GEZDGNBV1Y3TQOJQ"
                                    << "character 9";
        QTest::newRow("md5") << "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&algorithm=MD5"
                             << "\"MD5\"";
        QTest::newRow("five digits") << "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&digits=5"
                                     << "6 to 8";
        QTest::newRow("digits word") << "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&digits=six"
                                     << "6 to 8";
        QTest::newRow("zero period") << "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ&period=0"
                                     << "period";
        QTest::newRow("other type") << "otpauth://steam/x?secret=GEZDGNBVGY3TQOJQ"
                                    << "\"steam\"";
    }

    void badOtpauthUris()
    {
        QFETCH(QString, uri);
        QFETCH(QString, explanation);
        const Result<Totp> totp = Totp::parse(uri);
        QVERIFY(!totp.ok());
        QVERIFY2(totp.error().message().contains(explanation), qPrintable(totp.error().message()));
        QVERIFY2(!totp.error().message().contains(QLatin1String("GEZDGNBV")),
                 qPrintable(totp.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
