// SecretStore and `aws-sso-tray secret` against a real Secret Service (gnome-keyring-daemon in a private
// D-Bus session, see with-keyring.sh): what is stored really lands in the keyring, nothing is stored or
// printed in plain text, and a keyring that is absent, locked or frozen ends in a clear error, never a hang.
#include "SecretStore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <functional>
#include <optional>
#include <poll.h>
#include <pty.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const QString Binary = QStringLiteral(AWS_SSO_TRAY_BINARY);
const QString WithKeyring = QStringLiteral(WITH_KEYRING_SCRIPT);
const QString CorpStartUrl = QStringLiteral("https://d-1234567890.awsapps.com/start");

// Runs an asynchronous SecretStore call to its callback, or fails after limitMs: the store must never hang.
template<typename T>
std::optional<Result<T>> await(const std::function<void(std::function<void(Result<T>)>)> &operation,
                               int limitMs = 30000)
{
    QEventLoop loop;
    std::optional<Result<T>> outcome;
    int calls = 0;
    operation([&](Result<T> result) {
        ++calls;
        outcome.emplace(std::move(result));
        loop.quit();
    });
    if (!outcome) {
        QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    // A second call of the callback would be a bug too; give it a moment to show up.
    QTest::qWait(50);
    if (calls > 1) {
        qWarning("callback called %d times", calls);
        return std::nullopt;
    }
    return outcome;
}

struct CliRun
{
    bool finished = false;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;

    QString describe() const
    {
        return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
            .arg(exitCode)
            .arg(finished ? QString() : QStringLiteral(" (did not finish)"), out, err);
    }
    bool prints(const QString &text) const { return out.contains(text) || err.contains(text); }
};

CliRun runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QByteArray &input = {}, int limitMs = 30000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    run.finished = process.waitForFinished(limitMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.elapsedMs = clock.elapsed();
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Runs the binary on a pseudo-terminal, as a user at a shell would: answers each prompt (output ending in
// ": ") with the next of answers, and returns everything the terminal showed.
CliRun runOnTerminal(const QStringList &arguments, const QProcessEnvironment &environment,
                     const QList<QByteArray> &answers)
{
    QList<QByteArray> argumentBytes{Binary.toLocal8Bit()};
    for (const QString &argument : arguments) {
        argumentBytes.append(argument.toLocal8Bit());
    }
    QList<QByteArray> environmentBytes;
    for (const QString &variable : environment.toStringList()) {
        environmentBytes.append(variable.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &argument : argumentBytes) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (QByteArray &variable : environmentBytes) {
        envp.push_back(variable.data());
    }
    envp.push_back(nullptr);

    CliRun run;
    int terminal = -1;
    const pid_t child = forkpty(&terminal, nullptr, nullptr, nullptr);
    if (child < 0) {
        run.err = QStringLiteral("forkpty failed");
        return run;
    }
    if (child == 0) {
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    QByteArray screen;
    qsizetype answered = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000) {
        pollfd descriptor{terminal, POLLIN, 0};
        if (poll(&descriptor, 1, 200) > 0) {
            char buffer[4096];
            const ssize_t count = read(terminal, buffer, sizeof buffer);
            if (count <= 0) {
                break; // the child closed the terminal: it has exited
            }
            screen.append(buffer, count);
        }
        if (answered < answers.size() && screen.endsWith(": ")) {
            const QByteArray &answer = answers.at(answered++);
            if (write(terminal, answer.constData(), static_cast<size_t>(answer.size())) != answer.size()) {
                break;
            }
            screen.append("<answered>");
        }
    }
    int status = 0;
    pid_t reaped = 0;
    for (int attempt = 0; attempt < 50 && reaped == 0; ++attempt) {
        reaped = waitpid(child, &status, WNOHANG);
        if (reaped == 0) {
            QThread::msleep(100);
        }
    }
    run.finished = reaped == child;
    if (!run.finished) {
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
    }
    close(terminal);
    run.exitStatus = WIFEXITED(status) ? QProcess::NormalExit : QProcess::CrashExit;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = QString::fromUtf8(screen);
    run.elapsedMs = clock.elapsed();
    return run;
}

// What the real keyring holds for a start URL, read with libsecret's own tool, not with our code.
QString keyringValue(const QString &startUrl)
{
    QProcess lookup;
    lookup.start(QStringLiteral("secret-tool"),
                 {QStringLiteral("lookup"), QStringLiteral("server"), SecretStore::serviceName(),
                  QStringLiteral("user"), SecretStore::entryKey(startUrl)});
    lookup.waitForFinished(15000);
    return QString::fromUtf8(lookup.readAllStandardOutput());
}

pid_t keyringDaemon()
{
    return static_cast<pid_t>(qEnvironmentVariableIntValue("AWS_SSO_TRAY_TEST_KEYRING_PID"));
}

// Thaws the daemon however the test ends, so later tests and the wrapper's cleanup find it alive.
class FrozenKeyring
{
public:
    FrozenKeyring() { ::kill(keyringDaemon(), SIGSTOP); }
    ~FrozenKeyring() { thaw(); }
    FrozenKeyring(const FrozenKeyring &) = delete;
    FrozenKeyring &operator=(const FrozenKeyring &) = delete;
    void thaw() { ::kill(keyringDaemon(), SIGCONT); }
};

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (keyringDaemon() <= 0) {
            QSKIP("Needs a private Secret Service: run through tests/desktop/with-keyring.sh (ctest -L "
                  "desktop).");
        }
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
                 "secret-tool (libsecret-tools) checks what really lands in the keyring");
        QVERIFY(m_home.isValid());
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".aws")));
        QFile config(m_home.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[sso-session corp]\n"
                     "sso_start_url = https://d-1234567890.awsapps.com/start\n"
                     "sso_region = eu-west-1\n"
                     "sso_registration_scopes = sso:account:access\n"
                     "\n"
                     "[profile dev]\n"
                     "sso_session = corp\n"
                     "sso_account_id = 111122223333\n"
                     "sso_role_name = Developer\n"
                     "region = eu-west-1\n");
    }

    void entryKeyIsTheNormalisedStartUrl()
    {
        QCOMPARE(SecretStore::entryKey(QStringLiteral("https://d-1234567890.awsapps.com/start")),
                 CorpStartUrl);
        QCOMPARE(SecretStore::entryKey(QStringLiteral("https://D-1234567890.awsapps.com/start/")),
                 CorpStartUrl);
        QCOMPARE(SecretStore::entryKey(QStringLiteral(" https://d-1234567890.awsapps.com/start/#/ ")),
                 CorpStartUrl);
        QVERIFY(SecretStore::entryKey(QStringLiteral("https://other.awsapps.com/start")) != CorpStartUrl);
    }

    void failuresAreExplainedForTheUser()
    {
        const std::optional<SsoError> noBus = SecretStore::describeFailure(
            7 /* QKeychain::OtherError */, QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"));
        QVERIFY(noBus);
        QCOMPARE(noBus->exitCode(), 5);
        QVERIFY2(noBus->message().contains(QLatin1String("No keychain is running")),
                 qPrintable(noBus->message()));
        QVERIFY(noBus->message().contains(
            QLatin1String("start a Secret Service such as gnome-keyring or KWallet")));

        const std::optional<SsoError> noBackend =
            SecretStore::describeFailure(5 /* NoBackendAvailable */, {});
        QVERIFY(noBackend);
        QCOMPARE(noBackend->exitCode(), 5);
        QVERIFY(noBackend->message().contains(QLatin1String("No keychain is running")));

        const std::optional<SsoError> locked = SecretStore::describeFailure(
            4 /* AccessDenied */, QStringLiteral("Cannot create an item in a locked collection"));
        QVERIFY(locked);
        QCOMPARE(locked->exitCode(), 4);
        QVERIFY(locked->message().contains(QLatin1String("locked")));
        QVERIFY(locked->message().contains(QLatin1String("Unlock it")));

        const std::optional<SsoError> refused = SecretStore::describeFailure(3 /* AccessDeniedByUser */, {});
        QVERIFY(refused);
        QCOMPARE(refused->exitCode(), 4);

        QVERIFY(!SecretStore::describeFailure(1 /* EntryNotFound */, QStringLiteral("No match")));

        const SsoError timeout = SecretStore::timeoutError(std::chrono::milliseconds(2500));
        QCOMPARE(timeout.exitCode(), 6);
        QVERIFY2(timeout.message().startsWith(
                     QLatin1String("The Secret Service keyring did not answer within 2.5 s")),
                 qPrintable(timeout.message()));
    }

    void storeReadDeleteRoundTrip()
    {
        const QString startUrl = QStringLiteral("https://round-trip.awsapps.com/start");
        StoredSecrets secrets;
        secrets.username = QStringLiteral("ålice@例え.jp");
        secrets.password = QStringLiteral("pässwörd ✓ 密码 \"quoted\" \\ back");
        secrets.totpSecret =
            QStringLiteral("otpauth://totp/AWS:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        SecretStore store;

        const auto written = await<Done>([&](auto done) { store.write(startUrl, secrets, done); });
        QVERIFY(written);
        QVERIFY2(written->ok(), qPrintable(written->ok() ? QString() : written->error().message()));

        const auto read = await<std::optional<StoredSecrets>>(
            [&](auto done) { store.read(startUrl + QLatin1Char('/'), done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->ok() ? QString() : read->error().message()));
        QVERIFY(read->value().has_value());
        QCOMPARE(read->value()->username, secrets.username);
        QCOMPARE(read->value()->password, secrets.password);
        QCOMPARE(read->value()->totpSecret, secrets.totpSecret);

        // It is the keyring that holds it, in the documented layout.
        const QJsonObject entry = QJsonDocument::fromJson(keyringValue(startUrl).toUtf8()).object();
        QCOMPARE(entry.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(entry.value(QLatin1String("username")).toString(), secrets.username);
        QCOMPARE(entry.value(QLatin1String("password")).toString(), secrets.password);

        const auto removed = await<Done>([&](auto done) { store.remove(startUrl, done); });
        QVERIFY(removed);
        QVERIFY(removed->ok());
        QVERIFY(keyringValue(startUrl).isEmpty());
        const auto gone = await<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, done); });
        QVERIFY(gone);
        QVERIFY(gone->ok());
        QVERIFY(!gone->value().has_value());
    }

    void writingAgainReplaces()
    {
        const QString startUrl = QStringLiteral("https://replace.awsapps.com/start");
        SecretStore store;
        for (const QString &password : {QStringLiteral("first"), QStringLiteral("second")}) {
            StoredSecrets secrets;
            secrets.username = QStringLiteral("bob");
            secrets.password = password;
            const auto written = await<Done>([&](auto done) { store.write(startUrl, secrets, done); });
            QVERIFY(written && written->ok());
        }
        const auto read = await<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, done); });
        QVERIFY(read && read->ok() && read->value());
        QCOMPARE(read->value()->password, QStringLiteral("second"));
        QVERIFY(!read->value()->hasTotpSecret());
        QVERIFY(await<Done>([&](auto done) { store.remove(startUrl, done); })->ok());
    }

    void missingEntryIsNotAnError()
    {
        SecretStore store;
        const QString startUrl = QStringLiteral("https://never-stored.awsapps.com/start");
        const auto read = await<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->ok() ? QString() : read->error().message()));
        QVERIFY(!read->value().has_value());
        const auto removed = await<Done>([&](auto done) { store.remove(startUrl, done); });
        QVERIFY(removed);
        QVERIFY(removed->ok());
    }

    void keyringThatDoesNotAnswerTimesOut()
    {
        const QString startUrl = QStringLiteral("https://frozen.awsapps.com/start");
        SecretStore store;
        store.setTimeout(std::chrono::milliseconds(1500));
        {
            FrozenKeyring frozen;
            QElapsedTimer clock;
            clock.start();
            const auto read =
                await<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, done); });
            const qint64 elapsed = clock.elapsed();
            QVERIFY2(read, "the callback never came");
            QVERIFY(!read->ok());
            QCOMPARE(read->error().kind(), SsoError::Kind::Timeout);
            QCOMPARE(read->error().exitCode(), 6);
            QVERIFY2(read->error().message().contains(
                         QLatin1String("Secret Service keyring did not answer within 1.5 s")),
                     qPrintable(read->error().message()));
            QVERIFY2(elapsed >= 1400 && elapsed < 10000, qPrintable(QString::number(elapsed)));

            StoredSecrets secrets;
            secrets.username = QStringLiteral("carol");
            secrets.password = QStringLiteral("late-but-fine");
            const auto written = await<Done>([&](auto done) { store.write(startUrl, secrets, done); });
            QVERIFY(written);
            QVERIFY(!written->ok());
            QCOMPARE(written->error().kind(), SsoError::Kind::Timeout);

            // The command line gives up the same way, with exit code 6.
            const CliRun cli =
                runProgram(Binary,
                           {QStringLiteral("secret"), QStringLiteral("show"), QStringLiteral("--start-url"),
                            startUrl, QStringLiteral("--timeout"), QStringLiteral("1")},
                           cliEnvironment());
            QVERIFY2(cli.finished && cli.exitStatus == QProcess::NormalExit, qPrintable(cli.describe()));
            QCOMPARE(cli.exitCode, 6);
            QVERIFY2(cli.err.contains(QLatin1String("did not answer within 1 s")),
                     qPrintable(cli.describe()));
            QVERIFY2(cli.elapsedMs < 10000, qPrintable(cli.describe()));
        }
        // Thawed, the keyring answers the stale jobs (which must not crash anything) and then new ones.
        store.setTimeout(SecretStore::DefaultTimeout);
        const auto read = await<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->ok() ? QString() : read->error().message()));
        QVERIFY(await<Done>([&](auto done) { store.remove(startUrl, done); })->ok());
    }

    void noSessionBusIsAClearErrorNotAHang_data()
    {
        QTest::addColumn<QString>("busAddress");
        QTest::newRow("no bus address, no DISPLAY") << QString();
        QTest::newRow("dead socket")
            << QStringLiteral("unix:path=%1").arg(m_home.filePath(QStringLiteral("dead-bus-socket")));
    }

    void noSessionBusIsAClearErrorNotAHang()
    {
        QFETCH(QString, busAddress);
        QTemporaryDir runtime;
        QProcessEnvironment environment = cliEnvironment();
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        // An empty runtime dir: no $XDG_RUNTIME_DIR/bus for GLib to fall back on.
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        if (!busAddress.isEmpty()) {
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        }
        const QString password = QStringLiteral("no-bus-pässword");
        const QList<std::pair<QStringList, QByteArray>> commands = {
            {{QStringLiteral("show")}, {}},
            {{QStringLiteral("set"), QStringLiteral("--username"), QStringLiteral("dave")},
             password.toUtf8() + '\n'},
        };
        for (const auto &[subcommand, input] : commands) {
            const CliRun cli = runProgram(Binary,
                                          QStringList{QStringLiteral("secret")} + subcommand +
                                              QStringList{QStringLiteral("--start-url"), CorpStartUrl},
                                          environment, input);
            QVERIFY2(cli.finished && cli.exitStatus == QProcess::NormalExit, qPrintable(cli.describe()));
            QCOMPARE(cli.exitCode, 5);
            QVERIFY2(cli.err.contains(QLatin1String("No keychain is running")), qPrintable(cli.describe()));
            QVERIFY2(
                cli.err.contains(QLatin1String("start a Secret Service such as gnome-keyring or KWallet")),
                qPrintable(cli.describe()));
            QVERIFY(!cli.prints(password));
            QVERIFY2(cli.elapsedMs < 15000, qPrintable(cli.describe()));
        }
        // No plain-text fallback: the password is in no file the command could have written.
        for (const QString &root : {m_home.path(), runtime.path()}) {
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }

    void lockedKeyringAsksToUnlock()
    {
        // In a keyring of its own (with-keyring.sh nests), since a locked one cannot be unlocked without a
        // prompt: store, lock the login collection over D-Bus, then read and write.
        const QString script = QStringLiteral(
            "set -e\n"
            "printf 'locked-pw\\n' | \"$0\" secret set --start-url \"$1\" --username erin >/dev/null\n"
            "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
            "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login "
            ">/dev/null\n"
            "status=0; \"$0\" secret show --start-url \"$1\" --timeout 5 || status=$?\n"
            "echo \"show exit $status\"\n"
            "status=0; printf 'new-pw\\n' | \"$0\" secret set --start-url \"$1\" --username erin --timeout 5 "
            "|| status=$?\n"
            "echo \"set exit $status\"\n");
        QProcessEnvironment environment = cliEnvironment();
        environment.remove(QStringLiteral("AWS_SSO_TRAY_TEST_KEYRING_PID"));
        const CliRun run = runProgram(
            QStringLiteral("sh"),
            {WithKeyring, QStringLiteral("sh"), QStringLiteral("-c"), script, Binary, CorpStartUrl},
            environment, {}, 60000);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("show exit 4")), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("set exit 4")), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("The Secret Service keyring is locked")),
                 qPrintable(run.describe()));
        QVERIFY(!run.prints(QStringLiteral("locked-pw")));
        QVERIFY(!run.prints(QStringLiteral("new-pw")));
    }

    void secretCommandEndToEnd()
    {
        const QProcessEnvironment environment = cliEnvironment();
        const QString password = QStringLiteral("e2e-Pässwörd with blanks");
        const QString totpSecret = QStringLiteral("JBSW Y3DP EHPK 3PXP");
        const auto secretCommand = [&](const QStringList &arguments, const QByteArray &input = {}) {
            const CliRun run =
                runProgram(Binary, QStringList{QStringLiteral("secret")} + arguments, environment, input);
            // Whatever happens, no secret is ever printed.
            if (run.prints(password) || run.prints(QStringLiteral("JBSW")) ||
                run.prints(QStringLiteral("Y3DP")) || run.prints(QStringLiteral("hunter2")) ||
                run.prints(QStringLiteral("from-netrc"))) {
                qWarning("a secret was printed: %s", qPrintable(run.describe()));
                return CliRun();
            }
            return run;
        };

        // set, password piped on stdin, by sso-session.
        CliRun run =
            secretCommand({QStringLiteral("set"), QStringLiteral("--sso-session"), QStringLiteral("corp"),
                           QStringLiteral("--username"), QStringLiteral("alice")},
                          password.toUtf8() + '\n');
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(
            run.out.contains(QLatin1String("Stored the username alice and the password for ") + CorpStartUrl),
            qPrintable(run.describe()));
        QCOMPARE(QJsonDocument::fromJson(keyringValue(CorpStartUrl).toUtf8())
                     .object()
                     .value(QLatin1String("password"))
                     .toString(),
                 password);

        // show, by profile: the username, never the password.
        run = secretCommand({QStringLiteral("show"), QStringLiteral("--profile"), QStringLiteral("dev")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("Username:    alice\n")), qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("Password:    stored\n")));
        QVERIFY(run.out.contains(QLatin1String("TOTP secret: not stored\n")));

        // set-totp: validated first, then stored in canonical form next to the password.
        run = secretCommand(
            {QStringLiteral("set-totp"), QStringLiteral("--start-url"), CorpStartUrl + QLatin1Char('/')},
            QByteArray("JBSW Y3D1 EHPK 3PXP\n"));
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("character 9 is not a base32 digit")),
                 qPrintable(run.describe()));
        QVERIFY(run.err.contains(QLatin1String("Nothing was stored")));
        run = secretCommand(
            {QStringLiteral("set-totp"), QStringLiteral("--sso-session"), QStringLiteral("corp")},
            totpSecret.toUtf8() + '\n');
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("6 digits every 30 s, SHA1")));
        const QJsonObject entry = QJsonDocument::fromJson(keyringValue(CorpStartUrl).toUtf8()).object();
        QCOMPARE(entry.value(QLatin1String("totpSecret")).toString(), QStringLiteral("JBSWY3DPEHPK3PXP"));
        QCOMPARE(entry.value(QLatin1String("password")).toString(), password);
        run =
            secretCommand({QStringLiteral("show"), QStringLiteral("--sso-session"), QStringLiteral("corp")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("TOTP secret: stored\n")));

        // import-netrc: headless-sso's entry replaces username and password and keeps the TOTP secret.
        const QString netrcPath = m_home.filePath(QStringLiteral("headless.netrc"));
        QFile netrc(netrcPath);
        QVERIFY(netrc.open(QIODevice::WriteOnly));
        netrc.write("machine github.com login octo password hunter2\n"
                    "machine headless-sso\n  login \"bob smith\"\n  password \"from-netrc secret\"\n");
        netrc.close();
        run = secretCommand({QStringLiteral("import-netrc"), QStringLiteral("--profile"),
                             QStringLiteral("dev"), QStringLiteral("--netrc"), netrcPath});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("Stored the username bob smith")));
        QVERIFY(run.err.contains(QLatin1String("remove it from there")));
        const QJsonObject imported = QJsonDocument::fromJson(keyringValue(CorpStartUrl).toUtf8()).object();
        QCOMPARE(imported.value(QLatin1String("username")).toString(), QStringLiteral("bob smith"));
        QCOMPARE(imported.value(QLatin1String("password")).toString(), QStringLiteral("from-netrc secret"));
        QCOMPARE(imported.value(QLatin1String("totpSecret")).toString(), QStringLiteral("JBSWY3DPEHPK3PXP"));
        run = secretCommand({QStringLiteral("import-netrc"), QStringLiteral("--profile"),
                             QStringLiteral("dev"), QStringLiteral("--netrc"), netrcPath,
                             QStringLiteral("--machine"), QStringLiteral("absent")});
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY(run.err.contains(QLatin1String("has no \"machine absent\" entry")));

        // Nothing anywhere under HOME (where QtKeychain's plaintext fallback would write) holds a secret.
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path == netrcPath) {
                continue;
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(password.toUtf8()) && !content.contains("JBSWY3DP") &&
                         !content.contains("from-netrc"),
                     qPrintable(path));
        }

        // delete removes all three; a second delete has nothing to do.
        run = secretCommand(
            {QStringLiteral("delete"), QStringLiteral("--sso-session"), QStringLiteral("corp")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("Removed the username, password and TOTP secret")));
        QVERIFY(keyringValue(CorpStartUrl).isEmpty());
        run = secretCommand(
            {QStringLiteral("delete"), QStringLiteral("--sso-session"), QStringLiteral("corp")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("No secrets were stored")));
        run = secretCommand({QStringLiteral("show"), QStringLiteral("--profile"), QStringLiteral("dev")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("Username:    not stored\n")));
        QVERIFY(run.out.contains(QLatin1String("Password:    not stored\n")));
    }

    void secretSetReadsTheTerminalWithoutEcho()
    {
        const QString startUrl = QStringLiteral("https://terminal.awsapps.com/start");
        const QByteArray password("tty-Pässwörd");
        CliRun run =
            runOnTerminal({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--start-url"),
                           startUrl, QStringLiteral("--username"), QStringLiteral("frank")},
                          cliEnvironment(), {password + '\n', password + '\n'});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("Password of frank at ") + startUrl +
                                  QLatin1String(": <answered>")),
                 qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("Same password again: <answered>")),
                 qPrintable(run.describe()));
        QVERIFY2(!run.out.contains(QString::fromUtf8(password)), qPrintable(run.describe()));
        QCOMPARE(QJsonDocument::fromJson(keyringValue(startUrl).toUtf8())
                     .object()
                     .value(QLatin1String("password"))
                     .toString(),
                 QString::fromUtf8(password));

        run = runOnTerminal({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("--start-url"),
                             startUrl, QStringLiteral("--username"), QStringLiteral("frank")},
                            cliEnvironment(), {QByteArray("typo-one\n"), QByteArray("typo-two\n")});
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QLatin1String("The two passwords differ; nothing was stored.")));
        QVERIFY(!run.out.contains(QLatin1String("typo-")));

        run = runOnTerminal(
            {QStringLiteral("secret"), QStringLiteral("set-totp"), QStringLiteral("--start-url"), startUrl},
            cliEnvironment(), {QByteArray("JBSWY3DPEHPK3PXP\n")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(!run.out.contains(QLatin1String("JBSW")));
        const QJsonObject entry = QJsonDocument::fromJson(keyringValue(startUrl).toUtf8()).object();
        QCOMPARE(entry.value(QLatin1String("password")).toString(), QString::fromUtf8(password));
        QCOMPARE(entry.value(QLatin1String("totpSecret")).toString(), QStringLiteral("JBSWY3DPEHPK3PXP"));
        SecretStore store;
        QVERIFY(await<Done>([&](auto done) { store.remove(startUrl, done); })->ok());
    }

    void foreignEntryIsReportedNotShown()
    {
        // An entry in the right place but not in our format (written by hand, or by a future version).
        const QString startUrl = QStringLiteral("https://foreign.awsapps.com/start");
        QProcess store;
        store.start(QStringLiteral("secret-tool"),
                    {QStringLiteral("store"), QStringLiteral("--label=foreign"), QStringLiteral("server"),
                     SecretStore::serviceName(), QStringLiteral("user"), SecretStore::entryKey(startUrl),
                     QStringLiteral("type"), QStringLiteral("plaintext")});
        store.write("raw-foreign-secret");
        store.closeWriteChannel();
        QVERIFY(store.waitForFinished(15000) && store.exitCode() == 0);
        QCOMPARE(keyringValue(startUrl), QStringLiteral("raw-foreign-secret"));

        CliRun run = runProgram(
            Binary,
            {QStringLiteral("secret"), QStringLiteral("show"), QStringLiteral("--start-url"), startUrl},
            cliEnvironment());
        QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("is not in a format this version of aws-sso-tray reads")),
                 qPrintable(run.describe()));
        QVERIFY(!run.prints(QStringLiteral("raw-foreign-secret")));

        run = runProgram(
            Binary,
            {QStringLiteral("secret"), QStringLiteral("delete"), QStringLiteral("--start-url"), startUrl},
            cliEnvironment());
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.err.contains(QLatin1String("Removing it.")));
        QVERIFY(!run.prints(QStringLiteral("raw-foreign-secret")));
        QVERIFY(keyringValue(startUrl).isEmpty());
    }

    void secretCommandRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("explanation");
        const QString url = QStringLiteral("https://refused.awsapps.com/start");
        QTest::newRow("password option") << QStringList{QStringLiteral("set"),
                                                        QStringLiteral("--start-url"),
                                                        url,
                                                        QStringLiteral("--username"),
                                                        QStringLiteral("a"),
                                                        QStringLiteral("--password=hunter2")}
                                         << QByteArray() << 2 << "never taken from the command line";
        QTest::newRow("password as argument") << QStringList{QStringLiteral("set"),
                                                             QStringLiteral("--start-url"),
                                                             url,
                                                             QStringLiteral("--username"),
                                                             QStringLiteral("a"),
                                                             QStringLiteral("hunter2")}
                                              << QByteArray() << 2 << "never from the command line";
        QTest::newRow("password as subcommand") << QStringList{QStringLiteral("hunter2")} << QByteArray() << 2
                                                << "the subcommands are set, set-totp";
        QTest::newRow("empty password") << QStringList{QStringLiteral("set"), QStringLiteral("--start-url"),
                                                       url, QStringLiteral("--username"), QStringLiteral("a")}
                                        << QByteArray("\n") << 2 << "The password is empty";
        QTest::newRow("two lines") << QStringList{QStringLiteral("set"), QStringLiteral("--start-url"), url,
                                                  QStringLiteral("--username"), QStringLiteral("a")}
                                   << QByteArray("hunter2\nhunter2\n") << 2 << "more than one line";
        QTest::newRow("too short totp")
            << QStringList{QStringLiteral("set-totp"), QStringLiteral("--start-url"), url}
            << QByteArray("hunter22\n") << 2 << "too short";
        QTest::newRow("no selector")
            << QStringList{QStringLiteral("show")} << QByteArray() << 2
            << "exactly one of --sso-session NAME, --profile NAME or --start-url URL";
        QTest::newRow("two selectors") << QStringList{QStringLiteral("show"), QStringLiteral("--start-url"),
                                                      url, QStringLiteral("--profile"), QStringLiteral("dev")}
                                       << QByteArray() << 2 << "exactly one of";
        QTest::newRow("unknown profile")
            << QStringList{QStringLiteral("show"), QStringLiteral("--profile"), QStringLiteral("nope")}
            << QByteArray() << 2 << "nope";
        QTest::newRow("plain http") << QStringList{QStringLiteral("show"), QStringLiteral("--start-url"),
                                                   QStringLiteral("http://x.awsapps.com/start")}
                                    << QByteArray() << 2 << "https://";
        QTest::newRow("set without username")
            << QStringList{QStringLiteral("set"), QStringLiteral("--start-url"), url}
            << QByteArray("hunter2\n") << 2 << "needs --username";
        QTest::newRow("username elsewhere")
            << QStringList{QStringLiteral("show"), QStringLiteral("--start-url"), url,
                           QStringLiteral("--username"), QStringLiteral("a")}
            << QByteArray() << 2 << "--username belongs to 'secret set' only";
    }

    void secretCommandRefusesBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, explanation);
        const CliRun run =
            runProgram(Binary, QStringList{QStringLiteral("secret")} + arguments, cliEnvironment(), input);
        QVERIFY2(run.finished, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(explanation), qPrintable(run.describe()));
        QVERIFY2(!run.prints(QStringLiteral("hunter2")), qPrintable(run.describe()));
        QVERIFY(keyringValue(QStringLiteral("https://refused.awsapps.com/start")).isEmpty());
    }

private:
    // The bus of with-keyring.sh, and a HOME of our own with the test's ~/.aws/config.
    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        environment.insert(QStringLiteral("AWS_CONFIG_FILE"), m_home.filePath(QStringLiteral(".aws/config")));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.remove(QStringLiteral("AWS_PROFILE"));
        environment.remove(QStringLiteral("NETRC"));
        return environment;
    }

    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "TestSecretStore.moc"
