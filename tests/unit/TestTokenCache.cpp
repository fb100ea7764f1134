#include "AtomicFile.h"
#include "BotocoreVerdict.h"
#include "SsoClock.h"
#include "TokenCache.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

const QString PortalUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
const QDateTime FixedNow(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);

SsoSession namedSession(const QString &name = QStringLiteral("my-sso"))
{
    SsoSession session;
    session.name = name;
    session.startUrl = PortalUrl;
    session.region = QStringLiteral("us-east-1");
    session.scopes = {QStringLiteral("sso:account:access")};
    session.hasScopes = true;
    return session;
}

SsoSession legacySession(const QString &startUrl = PortalUrl)
{
    SsoSession session;
    session.startUrl = startUrl;
    session.region = QStringLiteral("eu-west-1");
    return session;
}

SsoToken tokenFor(const SsoSession &session, const QString &accessToken)
{
    SsoToken token;
    token.startUrl = session.startUrl;
    token.region = session.region;
    token.accessToken = accessToken;
    token.expiresAt = FixedNow.addSecs(8 * 3600);
    token.clientId = QStringLiteral("cid-123");
    token.clientSecret = QStringLiteral("secret");
    token.registrationExpiresAt = FixedNow.addDays(90);
    token.refreshToken = QStringLiteral("refresh-1");
    return token;
}

ClientRegistration registration()
{
    ClientRegistration result;
    result.clientId = QStringLiteral("cid-123");
    result.clientSecret = QStringLiteral("secret");
    result.expiresAt = FixedNow.addDays(90);
    result.scopes = {QStringLiteral("sso:account:access")};
    result.hasScopes = true;
    return result;
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return 0;
    }
    return info.st_mode & 07777;
}

ino_t inodeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return 0;
    }
    return info.st_ino;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QStringList entriesOf(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray fixture(const QString &name)
{
    return readAll(QStringLiteral(TESTS_DATA_DIR "/cache/") + name);
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

class TestTokenCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void livesUnderHome();
    void namesFilesByTheCliKeys();
    void createsPrivateDirectoriesAndFiles();
    void staysPrivateWhateverTheUmask();
    void narrowsAnExistingOpenFile();
    void leavesAnExistingDirectoryAlone();
    void writesTheTokenBytes();
    void readsWhatItWrote();
    void readsNothingWhenThereIsNoFile();
    void readsACliFile();

    void replacesTheFileInsteadOfWritingInPlace();
    void readersNeverSeeAPartialFile();
    void failedWriteKeepsTheOldFile_data();
    void failedWriteKeepsTheOldFile();
    void atomicWriteReportsAnImpossiblePath();

    void reportsCorruptTokens_data();
    void reportsCorruptTokens();
    void reportsCorruptTokensOfLegacySessions();
    void reportsADirectoryInPlaceOfTheFile();
    void reportsAFileItCannotOpen();
    void reportsCorruptRegistrations();

    void keepsACorruptFileAside();
    void keepsSeveralCorruptFilesApart();
    void keepsACorruptRegistrationAside();
    void overwritesAUsableFileWithoutNotice();
    void keepsUnknownFieldsAcrossARewrite();

    void removesOneToken();
    void removesAllTokensButNothingElse();
    void removesNothingWithoutADirectory();

    void botocoreReadsWhatWeWrite();
    void weReadWhatBotocoreRefreshes_data();
    void weReadWhatBotocoreRefreshes();

private:
    QString cacheDirectory() const { return m_home->path() + QStringLiteral("/.aws/sso/cache"); }

    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_savedHome;
};

void TestTokenCache::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_savedHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(m_home->path()));
    SsoClock::setSource([] { return FixedNow; });
}

void TestTokenCache::cleanup()
{
    SsoClock::setSource(nullptr);
    qputenv("HOME", m_savedHome);
    m_home.reset();
}

void TestTokenCache::livesUnderHome()
{
    QCOMPARE(TokenCache::defaultDirectory(), cacheDirectory());
    QCOMPARE(TokenCache().directory(), cacheDirectory());
}

void TestTokenCache::namesFilesByTheCliKeys()
{
    const TokenCache cache;
    // sha1("my-sso") and the registration key of the reference (tests/unit/TestSsoSession.cpp).
    QCOMPARE(cache.tokenPath(namedSession()),
             cacheDirectory() + QStringLiteral("/0ad374308c5a4e22f723adf10145eafad7c4031c.json"));
    QCOMPARE(cache.registrationPath(namedSession()),
             cacheDirectory() + QStringLiteral("/c5cfae6e3e4f067423a532368c8b514b6a4b0ace.json"));
    QCOMPARE(cache.tokenPath(legacySession()),
             cacheDirectory() + QStringLiteral("/c7aaaf71fcc8777ae2475525ed049d39fe16c484.json"));
}

void TestTokenCache::createsPrivateDirectoriesAndFiles()
{
    const TokenCache cache;
    QVERIFY(!QFileInfo::exists(m_home->path() + QStringLiteral("/.aws")));
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    QVERIFY(cache.writeRegistration(namedSession(), registration()).ok());
    QCOMPARE(modeOf(m_home->path() + QStringLiteral("/.aws")), mode_t(0700));
    QCOMPARE(modeOf(m_home->path() + QStringLiteral("/.aws/sso")), mode_t(0700));
    QCOMPARE(modeOf(cacheDirectory()), mode_t(0700));
    QCOMPARE(modeOf(cache.tokenPath(namedSession())), mode_t(0600));
    QCOMPARE(modeOf(cache.registrationPath(namedSession())), mode_t(0600));
}

void TestTokenCache::staysPrivateWhateverTheUmask()
{
    const mode_t savedUmask = ::umask(0);
    const TokenCache cache;
    const Status written = cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a")));
    ::umask(savedUmask);
    QVERIFY(written.ok());
    QCOMPARE(modeOf(cacheDirectory()), mode_t(0700));
    QCOMPARE(modeOf(cache.tokenPath(namedSession())), mode_t(0600));
}

void TestTokenCache::narrowsAnExistingOpenFile()
{
    // The CLI's mkstemp gives 0600, but a file copied in or made by hand may be world-readable.
    const TokenCache cache;
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    const QString path = cache.tokenPath(namedSession());
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("b"))).ok());
    QCOMPARE(modeOf(path), mode_t(0600));
}

void TestTokenCache::leavesAnExistingDirectoryAlone()
{
    QVERIFY(QDir().mkpath(cacheDirectory()));
    QVERIFY(::chmod(QFile::encodeName(m_home->path() + QStringLiteral("/.aws")).constData(), 0755) == 0);
    QVERIFY(TokenCache().writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    QCOMPARE(modeOf(m_home->path() + QStringLiteral("/.aws")), mode_t(0755));
}

void TestTokenCache::writesTheTokenBytes()
{
    const TokenCache cache;
    const SsoToken token = tokenFor(namedSession(), QStringLiteral("a"));
    QString notice;
    QVERIFY(cache.writeToken(namedSession(), token, &notice).ok());
    QVERIFY(notice.isEmpty());
    // One line, no trailing newline: json.dumps output as JSONFileCache writes it.
    QCOMPARE(readAll(cache.tokenPath(namedSession())), token.toJson());
    QCOMPARE(readAll(cache.registrationPath(namedSession())), QByteArray());
    QVERIFY(cache.writeRegistration(namedSession(), registration()).ok());
    QCOMPARE(readAll(cache.registrationPath(namedSession())), registration().toJson());
}

void TestTokenCache::readsWhatItWrote()
{
    const TokenCache cache;
    const SsoToken token = tokenFor(namedSession(), QStringLiteral("a"));
    QVERIFY(cache.writeToken(namedSession(), token).ok());
    const Result<std::optional<SsoToken>> read = cache.readToken(namedSession());
    QVERIFY(read.ok());
    QVERIFY(read.value().has_value());
    QCOMPARE(read.value()->accessToken, token.accessToken);
    QCOMPARE(read.value()->expiresAt, token.expiresAt);
    QCOMPARE(read.value()->refreshToken, token.refreshToken);
    QCOMPARE(read.value()->registrationExpiresAt, token.registrationExpiresAt);

    QVERIFY(cache.writeRegistration(namedSession(), registration()).ok());
    const Result<std::optional<ClientRegistration>> readRegistration = cache.readRegistration(namedSession());
    QVERIFY(readRegistration.ok() && readRegistration.value().has_value());
    QCOMPARE(readRegistration.value()->scopes, registration().scopes);
    QCOMPARE(readRegistration.value()->expiresAt, registration().expiresAt);
}

void TestTokenCache::readsNothingWhenThereIsNoFile()
{
    const TokenCache cache;
    const Result<std::optional<SsoToken>> token = cache.readToken(namedSession());
    QVERIFY(token.ok());
    QVERIFY(!token.value().has_value());
    const Result<std::optional<ClientRegistration>> registrationRead = cache.readRegistration(namedSession());
    QVERIFY(registrationRead.ok());
    QVERIFY(!registrationRead.value().has_value());
    QVERIFY2(!QFileInfo::exists(m_home->path() + QStringLiteral("/.aws")),
             "reading must not create directories");
}

void TestTokenCache::readsACliFile()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    QVERIFY(writeRaw(cache.tokenPath(namedSession()), fixture(QStringLiteral("cli-token.json"))));
    const Result<std::optional<SsoToken>> token = cache.readToken(namedSession());
    QVERIFY(token.ok() && token.value().has_value());
    QCOMPARE(token.value()->accessToken, QStringLiteral("aoaAAAAAGa/x+y=="));
    QCOMPARE(token.value()->toJson(), fixture(QStringLiteral("cli-token.json")));
}

void TestTokenCache::replacesTheFileInsteadOfWritingInPlace()
{
    const TokenCache cache;
    const SsoToken first = tokenFor(namedSession(), QStringLiteral("first"));
    QVERIFY(cache.writeToken(namedSession(), first).ok());
    const QString path = cache.tokenPath(namedSession());
    const ino_t firstInode = inodeOf(path);

    // A reader that opened the old file keeps reading the old, complete content.
    QFile reader(path);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("second"))).ok());
    QCOMPARE(reader.readAll(), first.toJson());
    QVERIFY(inodeOf(path) != firstInode);
    QCOMPARE(readAll(path), tokenFor(namedSession(), QStringLiteral("second")).toJson());
    // No temporary file is left behind.
    QCOMPARE(entriesOf(cacheDirectory()), QStringList{QFileInfo(path).fileName()});
}

void TestTokenCache::readersNeverSeeAPartialFile()
{
    const TokenCache cache;
    SsoToken small = tokenFor(namedSession(), QStringLiteral("small"));
    SsoToken large = tokenFor(namedSession(), QStringLiteral("large"));
    large.otherFields.insert(QStringLiteral("padding"), QString(256 * 1024, u'x'));
    QVERIFY(cache.writeToken(namedSession(), small).ok());
    const QString path = cache.tokenPath(namedSession());
    const QByteArray smallBytes = small.toJson();
    const QByteArray largeBytes = large.toJson();

    std::atomic<bool> writing{true};
    std::atomic<int> reads{0};
    std::atomic<int> torn{0};
    std::thread reader([&] {
        while (writing) {
            const QByteArray seen = readAll(path);
            if (seen != smallBytes && seen != largeBytes) {
                ++torn;
            }
            ++reads;
        }
    });
    bool allWritten = true;
    for (int round = 0; round < 60; ++round) {
        allWritten = cache.writeToken(namedSession(), round % 2 ? small : large).ok() && allWritten;
    }
    writing = false;
    reader.join();
    QVERIFY(allWritten);
    QVERIFY(reads > 0);
    QCOMPARE(torn.load(), 0);
}

void TestTokenCache::failedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<int>("limitBytes");
    QTest::addColumn<int>("paddingBytes");
    // Larger than Qt's 16 KiB write buffer: write() itself fails.
    QTest::newRow("large file") << 4096 << 64 * 1024;
    // Fits the buffer: with a buffered QSaveFile the failure would only come at commit(), which
    // Qt 6.4 ignores, renaming a truncated file over the target.
    QTest::newRow("small file") << 400 << 1024;
}

void TestTokenCache::failedWriteKeepsTheOldFile()
{
    QFETCH(int, limitBytes);
    QFETCH(int, paddingBytes);
    // A file size limit makes the write fail part-way, as a full disk would (and binds root too).
    const TokenCache cache;
    const SsoToken original = tokenFor(namedSession(), QStringLiteral("original"));
    QVERIFY(cache.writeToken(namedSession(), original).ok());
    QVERIFY(original.toJson().size() < limitBytes);
    SsoToken huge = tokenFor(namedSession(), QStringLiteral("huge"));
    huge.otherFields.insert(QStringLiteral("padding"), QString(paddingBytes, u'x'));

    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved = {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit limited = saved;
    limited.rlim_cur = static_cast<rlim_t>(limitBytes);
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const Status written = cache.writeToken(namedSession(), huge);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind(), SsoError::Kind::Cache);
    QVERIFY2(written.error().message().contains(cache.tokenPath(namedSession())),
             qPrintable(written.error().message()));
    QCOMPARE(readAll(cache.tokenPath(namedSession())), original.toJson());
    QCOMPARE(entriesOf(cacheDirectory()), QStringList{QFileInfo(cache.tokenPath(namedSession())).fileName()});
}

void TestTokenCache::atomicWriteReportsAnImpossiblePath()
{
    const QString path = m_home->path() + QStringLiteral("/missing/dir/file.json");
    const Status written = AtomicFile::write(path, "{}");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind(), SsoError::Kind::Cache);
    QVERIFY(written.error().message().contains(path));
    QVERIFY(!QFileInfo::exists(m_home->path() + QStringLiteral("/missing")));
}

void TestTokenCache::reportsCorruptTokens_data()
{
    QTest::addColumn<QString>("name");
    const QStringList corrupt = QDir(QStringLiteral(TESTS_DATA_DIR "/cache"))
                                    .entryList({QStringLiteral("corrupt-*.json")}, QDir::Files, QDir::Name);
    QVERIFY(corrupt.size() >= 15);
    for (const QString &name : corrupt) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestTokenCache::reportsCorruptTokens()
{
    QFETCH(QString, name);
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    const QString path = cache.tokenPath(namedSession());
    QVERIFY(writeRaw(path, fixture(name)));
    const Result<std::optional<SsoToken>> token = cache.readToken(namedSession());
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind(), SsoError::Kind::Cache);
    const QString message = token.error().message();
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Run aws-sso-tray login --sso-session my-sso to replace it")),
             qPrintable(message));
    // Reading never changes anything.
    QCOMPARE(readAll(path), fixture(name));
}

void TestTokenCache::reportsCorruptTokensOfLegacySessions()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    QVERIFY(writeRaw(cache.tokenPath(legacySession()), "{"));
    const Result<std::optional<SsoToken>> token = cache.readToken(legacySession());
    QVERIFY(!token.ok());
    QVERIFY2(token.error().message().contains(QStringLiteral("--profile")),
             qPrintable(token.error().message()));
    QVERIFY2(token.error().message().contains(PortalUrl), qPrintable(token.error().message()));
}

void TestTokenCache::reportsADirectoryInPlaceOfTheFile()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cache.tokenPath(namedSession())));
    const Result<std::optional<SsoToken>> token = cache.readToken(namedSession());
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind(), SsoError::Kind::Cache);
    QVERIFY2(token.error().message().contains(cache.tokenPath(namedSession())),
             qPrintable(token.error().message()));
}

void TestTokenCache::reportsAFileItCannotOpen()
{
    if (::geteuid() == 0) {
        QSKIP("root reads files of any mode; reportsADirectoryInPlaceOfTheFile covers the open failure");
    }
    const TokenCache cache;
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    QVERIFY(::chmod(QFile::encodeName(cache.tokenPath(namedSession())).constData(), 0) == 0);
    const Result<std::optional<SsoToken>> token = cache.readToken(namedSession());
    QVERIFY(!token.ok());
    QVERIFY2(token.error().message().contains(QStringLiteral("Cannot read")),
             qPrintable(token.error().message()));
}

void TestTokenCache::reportsCorruptRegistrations()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    const QString path = cache.registrationPath(namedSession());
    QVERIFY(writeRaw(path, R"({"clientId": "c"})"));
    const Result<std::optional<ClientRegistration>> read = cache.readRegistration(namedSession());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind(), SsoError::Kind::Cache);
    QVERIFY2(read.error().message().contains(path), qPrintable(read.error().message()));
    QVERIFY2(read.error().message().contains(QStringLiteral("it has no clientSecret")),
             qPrintable(read.error().message()));
}

void TestTokenCache::keepsACorruptFileAside()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    const QString path = cache.tokenPath(namedSession());
    const QByteArray corrupt = fixture(QStringLiteral("corrupt-truncated.json"));
    QVERIFY(writeRaw(path, corrupt));

    QString notice;
    const SsoToken token = tokenFor(namedSession(), QStringLiteral("fresh"));
    QVERIFY(cache.writeToken(namedSession(), token, &notice).ok());

    const QString keptAs = path + QStringLiteral(".corrupt-20260102T030405Z");
    QCOMPARE(readAll(keptAs), corrupt);
    QCOMPARE(readAll(path), token.toJson());
    QVERIFY2(notice.contains(path) && notice.contains(keptAs), qPrintable(notice));
    QVERIFY(cache.readToken(namedSession()).ok());
}

void TestTokenCache::keepsSeveralCorruptFilesApart()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    const QString path = cache.tokenPath(namedSession());
    QStringList notices;
    for (const QByteArray &corrupt : {QByteArray("first"), QByteArray("second"), QByteArray("third")}) {
        QVERIFY(writeRaw(path, corrupt));
        QString notice;
        QVERIFY(
            cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a")), &notice).ok());
        notices.append(notice);
    }
    // All in the same second of the fixed clock: none may overwrite another.
    const QString base = path + QStringLiteral(".corrupt-20260102T030405Z");
    QCOMPARE(readAll(base), QByteArray("first"));
    QCOMPARE(readAll(base + QStringLiteral("-2")), QByteArray("second"));
    QCOMPARE(readAll(base + QStringLiteral("-3")), QByteArray("third"));
    QVERIFY(notices.at(2).contains(base + QStringLiteral("-3")));
}

void TestTokenCache::keepsACorruptRegistrationAside()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    const QString path = cache.registrationPath(namedSession());
    QVERIFY(writeRaw(path, "[1, 2]"));
    QString notice;
    QVERIFY(cache.writeRegistration(namedSession(), registration(), &notice).ok());
    QCOMPARE(readAll(path + QStringLiteral(".corrupt-20260102T030405Z")), QByteArray("[1, 2]"));
    QVERIFY(!notice.isEmpty());
}

void TestTokenCache::overwritesAUsableFileWithoutNotice()
{
    const TokenCache cache;
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    QString notice;
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("b")), &notice).ok());
    QVERIFY(notice.isEmpty());
    QCOMPARE(entriesOf(cacheDirectory()).size(), 1);
}

void TestTokenCache::keepsUnknownFieldsAcrossARewrite()
{
    const TokenCache cache;
    QVERIFY(QDir().mkpath(cacheDirectory()));
    QVERIFY(writeRaw(cache.tokenPath(namedSession()), fixture(QStringLiteral("pretty-unknown-fields.json"))));
    const Result<std::optional<SsoToken>> read = cache.readToken(namedSession());
    QVERIFY(read.ok() && read.value().has_value());
    SsoToken renewed = *read.value();
    renewed.accessToken = QStringLiteral("renewed");
    QVERIFY(cache.writeToken(namedSession(), renewed).ok());
    const QByteArray written = readAll(cache.tokenPath(namedSession()));
    QVERIFY2(
        written.endsWith(R"("accessToken": "renewed", "expiresAt": "2026-01-02T11:04:05Z", )"
                         R"("zFirst": "kept \u00e9", "nested": {"x": {"deep": null}, "y": [1, 2.5, "x"]}, )"
                         R"("count": -42, "flag": false, "aLast": "\ud83d\ude00"})"),
        written.constData());
}

void TestTokenCache::removesOneToken()
{
    const TokenCache cache;
    QVERIFY(cache.removeToken(namedSession()).ok()); // nothing to remove is fine
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    QVERIFY(cache.writeRegistration(namedSession(), registration()).ok());
    QVERIFY(cache.removeToken(namedSession()).ok());
    QVERIFY(!QFileInfo::exists(cache.tokenPath(namedSession())));
    QVERIFY(QFileInfo::exists(cache.registrationPath(namedSession())));
}

void TestTokenCache::removesAllTokensButNothingElse()
{
    const TokenCache cache;
    QVERIFY(cache.writeToken(namedSession(), tokenFor(namedSession(), QStringLiteral("a"))).ok());
    QVERIFY(cache.writeToken(legacySession(), tokenFor(legacySession(), QStringLiteral("b"))).ok());
    QVERIFY(cache.writeRegistration(namedSession(), registration()).ok());
    const QString directory = cacheDirectory() + u'/';
    QVERIFY(writeRaw(directory + QStringLiteral("go-style.json"), fixture(QStringLiteral("go-token.json"))));
    QVERIFY(writeRaw(directory + QStringLiteral("minimal.json"), R"({"accessToken": 1})"));
    QVERIFY(writeRaw(directory + QStringLiteral("notes.txt"), R"({"accessToken": "not json-named"})"));
    QVERIFY(writeRaw(directory + QStringLiteral("other.json"), R"({"ProviderType": "sso"})"));
    QVERIFY(writeRaw(directory + QStringLiteral("broken.json"), R"({"accessToken": )"));
    QVERIFY(writeRaw(directory + QStringLiteral("list.json"), R"(["accessToken"])"));
    QVERIFY(writeRaw(directory + QStringLiteral("kept.json.corrupt-20260102T030405Z"),
                     R"({"accessToken": "x"})"));
    QVERIFY(QDir().mkpath(directory + QStringLiteral("sub.json")));

    const Result<QStringList> removed = cache.removeAllTokens();
    QVERIFY(removed.ok());
    QStringList expected{cache.tokenPath(namedSession()), cache.tokenPath(legacySession()),
                         directory + QStringLiteral("go-style.json"),
                         directory + QStringLiteral("minimal.json")};
    expected.sort();
    QStringList actual = removed.value();
    actual.sort();
    QCOMPARE(actual, expected);
    for (const QString &path : expected) {
        QVERIFY(!QFileInfo::exists(path));
    }
    QStringList left = entriesOf(cacheDirectory());
    QStringList expectedLeft{QFileInfo(cache.registrationPath(namedSession())).fileName(),
                             QStringLiteral("broken.json"),
                             QStringLiteral("kept.json.corrupt-20260102T030405Z"),
                             QStringLiteral("list.json"),
                             QStringLiteral("notes.txt"),
                             QStringLiteral("other.json"),
                             QStringLiteral("sub.json")};
    expectedLeft.sort();
    QCOMPARE(left, expectedLeft);
}

void TestTokenCache::removesNothingWithoutADirectory()
{
    const Result<QStringList> removed = TokenCache().removeAllTokens();
    QVERIFY(removed.ok());
    QVERIFY(removed.value().isEmpty());
}

void TestTokenCache::botocoreReadsWhatWeWrite()
{
    const TokenCache cache;
    QJsonArray tokenFiles;
    const QList<SsoSession> sessions{
        namedSession(), namedSession(QString::fromUtf8("Développeurs 東京 😀")), legacySession(),
        legacySession(QStringLiteral("https://d-1.awsapps.com/start/#/?a=\"q\"&b=\\"))};
    for (const SsoSession &session : sessions) {
        SsoToken token = tokenFor(session, QString::fromUtf8("tök/én+\"\\\n") + session.tokenCacheKey());
        token.otherFields.insert(
            QStringLiteral("extra"),
            QJsonObject{{QStringLiteral("list"), QJsonArray{1, 2.5, QJsonValue(), true}}});
        QVERIFY(cache.writeToken(session, token).ok());
        tokenFiles.append(QJsonObject{{QStringLiteral("cacheDir"), cache.directory()},
                                      {QStringLiteral("startUrl"), session.startUrl},
                                      {QStringLiteral("sessionName"), nullIfEmpty(session.name)},
                                      {QStringLiteral("accessToken"), token.accessToken},
                                      {QStringLiteral("expiresAt"), QStringLiteral("2026-01-02T11:04:05Z")}});
    }
    const BotocoreVerdict verdict = askBotocore({{QStringLiteral("tokenFiles"), tokenFiles}});
    if (!verdict.skipReason.isEmpty()) {
        QSKIP(qPrintable(verdict.skipReason));
    }
    QVERIFY2(verdict.exitCode == 0, verdict.report.constData());
    QVERIFY2(verdict.report.contains("\"checked\": 4"), verdict.report.constData());
}

void TestTokenCache::weReadWhatBotocoreRefreshes_data()
{
    QTest::addColumn<bool>("returnsRefreshToken");
    QTest::newRow("service rotates the refresh token") << true;
    QTest::newRow("service returns no refresh token") << false;
}

void TestTokenCache::weReadWhatBotocoreRefreshes()
{
    QFETCH(bool, returnsRefreshToken);
    // We write a token five minutes from expiry; botocore's SSOTokenProvider (with a stubbed SSO-OIDC)
    // refreshes it and rewrites the file; we must read its file and write back the very same bytes.
    const TokenCache cache;
    const SsoSession session = namedSession();
    SsoToken token = tokenFor(session, QStringLiteral("old-access"));
    token.expiresAt = FixedNow.addSecs(300);
    token.otherFields.insert(QStringLiteral("ours"), 1);
    QVERIFY(cache.writeToken(session, token).ok());

    const QString configPath = m_home->path() + QStringLiteral("/config");
    QVERIFY(writeRaw(configPath, "[profile dev]\nsso_session = my-sso\nsso_account_id = 111122223333\n"
                                 "sso_role_name = ReadOnly\n\n[sso-session my-sso]\n"
                                 "sso_start_url = https://my-sso-portal.awsapps.com/start\n"
                                 "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n"));
    QJsonObject response{{QStringLiteral("accessToken"), QStringLiteral("new-access")},
                         {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                         {QStringLiteral("expiresIn"), 28800}};
    if (returnsRefreshToken) {
        response.insert(QStringLiteral("refreshToken"), QStringLiteral("refresh-2"));
    }
    const QJsonObject refresh{{QStringLiteral("cacheDir"), cache.directory()},
                              {QStringLiteral("configFile"), configPath},
                              {QStringLiteral("profile"), QStringLiteral("dev")},
                              {QStringLiteral("now"), QStringLiteral("2026-01-02T03:04:05Z")},
                              {QStringLiteral("response"), response},
                              {QStringLiteral("expectedParams"),
                               QJsonObject{{QStringLiteral("grantType"), QStringLiteral("refresh_token")},
                                           {QStringLiteral("clientId"), QStringLiteral("cid-123")},
                                           {QStringLiteral("clientSecret"), QStringLiteral("secret")},
                                           {QStringLiteral("refreshToken"), QStringLiteral("refresh-1")}}}};
    const BotocoreVerdict verdict = askBotocore({{QStringLiteral("refreshes"), QJsonArray{refresh}}});
    if (!verdict.skipReason.isEmpty()) {
        QSKIP(qPrintable(verdict.skipReason));
    }
    QVERIFY2(verdict.exitCode == 0, verdict.report.constData());

    const QByteArray botocoreBytes = readAll(cache.tokenPath(session));
    const Result<std::optional<SsoToken>> refreshed = cache.readToken(session);
    QVERIFY2(refreshed.ok() && refreshed.value().has_value(), botocoreBytes.constData());
    QCOMPARE(refreshed.value()->accessToken, QStringLiteral("new-access"));
    QCOMPARE(refreshed.value()->expiresAt, FixedNow.addSecs(28800));
    QCOMPARE(refreshed.value()->registrationExpiresAt, token.registrationExpiresAt);
    // botocore builds a new dict: a refresh without a new refresh token drops the old one, and
    // fields it does not know are gone.
    QCOMPARE(refreshed.value()->refreshToken, returnsRefreshToken ? QStringLiteral("refresh-2") : QString());
    QVERIFY(refreshed.value()->otherFields.isEmpty());
    QCOMPARE(refreshed.value()->toJson(), botocoreBytes);
}

QTEST_GUILESS_MAIN(TestTokenCache)
#include "TestTokenCache.moc"
