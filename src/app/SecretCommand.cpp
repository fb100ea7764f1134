#include "SecretCommand.h"

#include "BlockingCall.h"
#include "NetrcReader.h"
#include "Totp.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <chrono>
#include <cstdio>
#include <iterator>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <QTextStream>
#include <io.h>
#include <windows.h>
#endif

namespace {

const QStringList Subcommands = {QStringLiteral("set"), QStringLiteral("set-totp"), QStringLiteral("delete"),
                                 QStringLiteral("import-netrc"), QStringLiteral("show")};

// More than any password or otpauth URI; a bigger pipe is a mistake, not a secret.
constexpr qint64 MaximumPipedBytes = 64 * 1024;

SsoError inputError(const QString &message)
{
    return SsoError(SsoError::Kind::Usage, message);
}

// Overwrites a buffer that held a secret before it is freed; a best effort, copies elsewhere may remain.
void scrub(QByteArray &buffer)
{
    buffer.fill('\0');
    buffer.clear();
}

bool stdinIsTerminal()
{
#if defined(Q_OS_UNIX)
    return isatty(STDIN_FILENO) == 1;
#elif defined(Q_OS_WIN)
    return _isatty(_fileno(stdin)) != 0;
#else
    return false;
#endif
}

#if defined(Q_OS_UNIX)
// While echo is off, a Ctrl-C must not leave the user's terminal silent: these restore it first.
int g_echoOffTerminal = -1;
struct termios g_terminalSettings;
const int InterruptSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_previousActions[std::size(InterruptSignals)];

extern "C" void restoreEchoAndReraise(int signalNumber)
{
    if (g_echoOffTerminal >= 0) {
        tcsetattr(g_echoOffTerminal, TCSAFLUSH, &g_terminalSettings);
    }
    signal(signalNumber, SIG_DFL);
    raise(signalNumber);
}

void installEchoGuard(int terminal, const struct termios &settings)
{
    g_terminalSettings = settings;
    g_echoOffTerminal = terminal;
    struct sigaction action = {};
    action.sa_handler = restoreEchoAndReraise;
    sigemptyset(&action.sa_mask);
    for (std::size_t index = 0; index < std::size(InterruptSignals); ++index) {
        sigaction(InterruptSignals[index], &action, &g_previousActions[index]);
    }
}

void removeEchoGuard()
{
    for (std::size_t index = 0; index < std::size(InterruptSignals); ++index) {
        sigaction(InterruptSignals[index], &g_previousActions[index], nullptr);
    }
    g_echoOffTerminal = -1;
}

void writeAll(int descriptor, const QByteArray &bytes)
{
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t result =
            ::write(descriptor, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (result < 0 && errno == EINTR) {
            continue;
        }
        if (result <= 0) {
            return;
        }
        written += result;
    }
}

// One line typed on the controlling terminal with echo off, like getpass(3).
Result<QString> readHiddenLine(const QString &prompt)
{
    const int terminal = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (terminal < 0) {
        return inputError(
            QStringLiteral("Cannot open the terminal to read the secret without echo; pipe it on "
                           "stdin instead."));
    }
    struct termios settings;
    if (tcgetattr(terminal, &settings) != 0) {
        ::close(terminal);
        return inputError(
            QStringLiteral("Cannot turn off the terminal's echo; pipe the secret on stdin instead."));
    }
    struct termios silent = settings;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    silent.c_lflag |= ECHONL; // the Enter key still moves to the next line
    installEchoGuard(terminal, settings);
    if (tcsetattr(terminal, TCSAFLUSH, &silent) != 0) {
        removeEchoGuard();
        ::close(terminal);
        return inputError(
            QStringLiteral("Cannot turn off the terminal's echo; pipe the secret on stdin instead."));
    }
    // Only now: whatever is typed once the prompt shows must neither echo nor be flushed away.
    writeAll(terminal, prompt.toUtf8());
    QByteArray line;
    bool endOfInput = false;
    while (true) {
        char character = 0;
        const ssize_t count = ::read(terminal, &character, 1);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            endOfInput = true;
            break;
        }
        if (character == '\n') {
            break;
        }
        line.append(character);
    }
    tcsetattr(terminal, TCSAFLUSH, &settings);
    removeEchoGuard();
    ::close(terminal);
    if (endOfInput && line.isEmpty()) {
        return SsoError(SsoError::Kind::Cancelled, QStringLiteral("No input; nothing was stored."));
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    const QString text = QString::fromUtf8(line);
    scrub(line);
    return text;
}
#elif defined(Q_OS_WIN)
Result<QString> readHiddenLine(const QString &prompt)
{
    const HANDLE console = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (console == INVALID_HANDLE_VALUE || !GetConsoleMode(console, &mode) ||
        !SetConsoleMode(console, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT))) {
        return inputError(
            QStringLiteral("Cannot turn off the console's echo; pipe the secret on stdin instead."));
    }
    QTextStream(stderr) << prompt << Qt::flush;
    const QString line = QTextStream(stdin).readLine();
    SetConsoleMode(console, mode);
    QTextStream(stderr) << Qt::endl;
    return line;
}
#else
Result<QString> readHiddenLine(const QString &)
{
    return inputError(
        QStringLiteral("Reading a secret from the terminal is not supported here; pipe it on stdin."));
}
#endif

// Everything piped on stdin, bounded.
Result<QByteArray> readPipedInput()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        return inputError(QStringLiteral("Cannot read stdin: %1.").arg(input.errorString()));
    }
    QByteArray data = input.read(MaximumPipedBytes + 1);
    if (data.size() > MaximumPipedBytes) {
        scrub(data);
        return inputError(QStringLiteral("stdin holds more than %1 KiB; pipe only the secret.")
                              .arg(MaximumPipedBytes / 1024));
    }
    return data;
}

// The password: typed twice without echo on a terminal, else the one line piped on stdin.
Result<QString> readPassword(const QString &username, const QString &startUrl)
{
    if (stdinIsTerminal()) {
        const Result<QString> first =
            readHiddenLine(QStringLiteral("Password of %1 at %2: ").arg(username, startUrl));
        if (!first || first->isEmpty()) {
            return first;
        }
        const Result<QString> second = readHiddenLine(QStringLiteral("Same password again: "));
        if (!second) {
            return second;
        }
        if (second.value() != first.value()) {
            return inputError(QStringLiteral("The two passwords differ; nothing was stored."));
        }
        return first;
    }
    Result<QByteArray> piped = readPipedInput();
    if (!piped) {
        return piped.error();
    }
    QByteArray &data = piped.value();
    qsizetype lineEnd = data.indexOf('\n');
    if (lineEnd < 0) {
        lineEnd = data.size();
    }
    const bool moreLines = !data.mid(lineEnd).trimmed().isEmpty();
    QByteArray line = data.left(lineEnd);
    scrub(data);
    if (moreLines) {
        scrub(line);
        return inputError(
            QStringLiteral("stdin holds more than one line; pipe only the password, on one line."));
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    const QString password = QString::fromUtf8(line);
    scrub(line);
    return password;
}

// A base32 secret or otpauth URI: typed without echo on a terminal, else all of stdin.
Result<QString> readTotpSecret(const QString &startUrl)
{
    if (stdinIsTerminal()) {
        const Result<QString> typed =
            readHiddenLine(QStringLiteral("TOTP secret (base32 or otpauth:// URI) for %1: ").arg(startUrl));
        if (!typed) {
            return typed;
        }
        return typed->trimmed();
    }
    Result<QByteArray> piped = readPipedInput();
    if (!piped) {
        return piped.error();
    }
    const QString secret = QString::fromUtf8(piped.value()).trimmed();
    scrub(piped.value());
    return secret;
}

// How a TOTP secret is kept: the URI as given (it carries algorithm, digits and period), or the bare base32
// in canonical form.
QString canonicalTotpSecret(const QString &input)
{
    if (input.startsWith(QLatin1String("otpauth:"), Qt::CaseInsensitive)) {
        return input;
    }
    QString base32;
    for (const QChar character : input) {
        if (!character.isSpace() && character != QLatin1Char('=')) {
            base32.append(character.toUpper());
        }
    }
    return base32;
}

QString algorithmName(Totp::Algorithm algorithm)
{
    switch (algorithm) {
    case Totp::Algorithm::Sha1:
        return QStringLiteral("SHA1");
    case Totp::Algorithm::Sha256:
        return QStringLiteral("SHA256");
    case Totp::Algorithm::Sha512:
        return QStringLiteral("SHA512");
    }
    return {};
}

QString storedOrNot(bool stored)
{
    return stored ? QStringLiteral("stored") : QStringLiteral("not stored");
}

} // namespace

SecretCommand::SecretCommand(CommandContext &context)
    : m_context(context)
{}

int SecretCommand::run(const QStringList &arguments)
{
    // Before the parser, whose complaint about an unknown option would be less helpful.
    for (const QString &argument : arguments.mid(1)) {
        if (argument == QLatin1String("--password") || argument.startsWith(QLatin1String("--password=")) ||
            argument == QLatin1String("--totp-secret") ||
            argument.startsWith(QLatin1String("--totp-secret="))) {
            return m_context.usageError(
                QStringLiteral("Secrets are never taken from the command line, where other "
                               "users and the shell history see them; 'secret set' and "
                               "'secret set-totp' read them from the terminal or stdin."));
        }
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Keeps the sign-in secrets of one start URL in the OS keychain.\n\n"
        "Subcommands:\n"
        "  set --username USER     store the username and a password read from the terminal\n"
        "                          (no echo) or, when piped, from stdin\n"
        "  set-totp                store a TOTP secret (base32 or otpauth:// URI) read the same way\n"
        "  delete                  remove the username, password and TOTP secret\n"
        "  import-netrc            copy login and password from a netrc file (headless-sso's\n"
        "                          'machine headless-sso' by default)\n"
        "  show                    say which secrets are stored, never their values"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("subcommand"), Subcommands.join(QStringLiteral(", ")));
    parser.addOption({QStringLiteral("sso-session"), QStringLiteral("The start URL of this sso-session."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("profile"), QStringLiteral("The start URL of this profile's session."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("start-url"), QStringLiteral("This start URL."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("username"), QStringLiteral("set: the username to sign in with."),
                      QStringLiteral("USER")});
    parser.addOption({QStringLiteral("machine"),
                      QStringLiteral("import-netrc: the netrc machine to copy (default headless-sso)."),
                      QStringLiteral("NAME"), QStringLiteral("headless-sso")});
    parser.addOption({QStringLiteral("netrc"),
                      QStringLiteral("import-netrc: the netrc file (default $NETRC or ~/.netrc)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("timeout"),
         QStringLiteral("Give up on an unanswering keychain after this many seconds (default 10)."),
         QStringLiteral("SECONDS"), QStringLiteral("10")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return m_context.usageError(
            QStringLiteral("secret needs a subcommand: %1.").arg(Subcommands.join(QStringLiteral(", "))));
    }
    const QString subcommand = positional.constFirst();
    if (!Subcommands.contains(subcommand)) {
        // Not quoted back, like any stray argument: it may be a secret typed in the wrong place.
        return m_context.usageError(QStringLiteral("Unknown secret subcommand; the subcommands are %1.")
                                        .arg(Subcommands.join(QStringLiteral(", "))));
    }
    if (positional.size() > 1) {
        return m_context.usageError(
            QStringLiteral("secret %1 takes no further arguments; secrets are read from the "
                           "terminal or stdin, never from the command line.")
                .arg(subcommand));
    }
    const bool isSet = subcommand == QLatin1String("set");
    const bool isImport = subcommand == QLatin1String("import-netrc");
    if (parser.isSet(QStringLiteral("username")) != isSet) {
        return m_context.usageError(isSet ? QStringLiteral("secret set needs --username USER.")
                                          : QStringLiteral("--username belongs to 'secret set' only."));
    }
    if (!isImport && (parser.isSet(QStringLiteral("machine")) || parser.isSet(QStringLiteral("netrc")))) {
        return m_context.usageError(
            QStringLiteral("--machine and --netrc belong to 'secret import-netrc' only."));
    }
    bool timeoutOk = false;
    const double timeoutSeconds = parser.value(QStringLiteral("timeout")).toDouble(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        return m_context.usageError(
            QStringLiteral("--timeout wants a number of seconds above 0 and at most 3600."));
    }
    const Result<QString> startUrl = selectedStartUrl(parser);
    if (!startUrl) {
        return m_context.fail(startUrl.error());
    }

    SecretStore store;
    store.setTimeout(std::chrono::milliseconds(qRound64(timeoutSeconds * 1000)));
    if (isSet) {
        const QString username = parser.value(QStringLiteral("username")).trimmed();
        if (username.isEmpty()) {
            return m_context.usageError(QStringLiteral("--username is empty."));
        }
        return set(store, startUrl.value(), username);
    }
    if (subcommand == QLatin1String("set-totp")) {
        return setTotp(store, startUrl.value());
    }
    if (subcommand == QLatin1String("delete")) {
        return remove(store, startUrl.value());
    }
    if (isImport) {
        const QString netrcPath = parser.isSet(QStringLiteral("netrc"))
                                      ? parser.value(QStringLiteral("netrc"))
                                      : NetrcReader::defaultPath(m_context.environment());
        return importNetrc(store, startUrl.value(), netrcPath, parser.value(QStringLiteral("machine")));
    }
    return show(store, startUrl.value());
}

Result<QString> SecretCommand::selectedStartUrl(const QCommandLineParser &parser)
{
    const int selectors = int(parser.isSet(QStringLiteral("sso-session"))) +
                          int(parser.isSet(QStringLiteral("profile"))) +
                          int(parser.isSet(QStringLiteral("start-url")));
    if (selectors != 1) {
        return SsoError(
            SsoError::Kind::Usage,
            QStringLiteral("secret needs exactly one of --sso-session NAME, --profile NAME or --start-url "
                           "URL. See 'aws-sso-tray secret --help'."));
    }
    if (parser.isSet(QStringLiteral("start-url"))) {
        const QString text = parser.value(QStringLiteral("start-url")).trimmed();
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
            return SsoError(
                SsoError::Kind::Usage,
                QStringLiteral("--start-url wants the https:// URL of the AWS access portal, like "
                               "https://d-1234567890.awsapps.com/start."));
        }
        return text;
    }
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return config.error();
    }
    if (parser.isSet(QStringLiteral("profile"))) {
        const Result<SsoProfile> profile = config.value()->profile(parser.value(QStringLiteral("profile")));
        if (!profile) {
            return profile.error();
        }
        return profile->session.startUrl;
    }
    const Result<SsoSession> session = config.value()->session(parser.value(QStringLiteral("sso-session")));
    if (!session) {
        return session.error();
    }
    return session->startUrl;
}

Result<std::optional<StoredSecrets>> SecretCommand::readExisting(SecretStore &store, const QString &startUrl,
                                                                 const QString &whatHappensToIt)
{
    Result<std::optional<StoredSecrets>> existing =
        blockingCall<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, std::move(done)); });
    if (!existing && !whatHappensToIt.isEmpty() && existing.error().kind() == SsoError::Kind::Config) {
        m_context.err() << "Warning: " << existing.error().message() << ' ' << whatHappensToIt << Qt::endl;
        return std::optional<StoredSecrets>();
    }
    return existing;
}

Status SecretCommand::write(SecretStore &store, const QString &startUrl, const StoredSecrets &secrets)
{
    return blockingCall<Done>([&](auto done) { store.write(startUrl, secrets, std::move(done)); });
}

int SecretCommand::set(SecretStore &store, const QString &startUrl, const QString &username)
{
    // The keychain first: no point typing a password for a keychain that is locked or absent.
    const Result<std::optional<StoredSecrets>> existing =
        readExisting(store, startUrl, QStringLiteral("Replacing it."));
    if (!existing) {
        return m_context.fail(existing.error());
    }
    const Result<QString> password = readPassword(username, startUrl);
    if (!password) {
        return m_context.fail(password.error());
    }
    if (password->isEmpty()) {
        return m_context.fail(inputError(QStringLiteral("The password is empty; nothing was stored.")));
    }
    StoredSecrets secrets = existing->value_or(StoredSecrets());
    secrets.username = username;
    secrets.password = password.value();
    const Status stored = write(store, startUrl, secrets);
    if (!stored) {
        return m_context.fail(stored.error());
    }
    m_context.out() << "Stored the username " << username << " and the password for " << startUrl << " in "
                    << SecretStore::keychainName() << "." << Qt::endl;
    return 0;
}

int SecretCommand::setTotp(SecretStore &store, const QString &startUrl)
{
    const Result<std::optional<StoredSecrets>> existing =
        readExisting(store, startUrl, QStringLiteral("Replacing it."));
    if (!existing) {
        return m_context.fail(existing.error());
    }
    const Result<QString> input = readTotpSecret(startUrl);
    if (!input) {
        return m_context.fail(input.error());
    }
    const Result<Totp> totp = Totp::parse(input.value());
    if (!totp) {
        return m_context.fail(
            SsoError(totp.error().kind(), totp.error().message() + QStringLiteral(" Nothing was stored.")));
    }
    StoredSecrets secrets = existing->value_or(StoredSecrets());
    secrets.totpSecret = canonicalTotpSecret(input.value().trimmed());
    const Status stored = write(store, startUrl, secrets);
    if (!stored) {
        return m_context.fail(stored.error());
    }
    m_context.out() << "Stored the TOTP secret (" << totp->digits() << " digits every "
                    << totp->periodSeconds() << " s, " << algorithmName(totp->algorithm()) << ") for "
                    << startUrl << " in " << SecretStore::keychainName() << "." << Qt::endl;
    if (!secrets.hasPassword()) {
        m_context.err() << "No username and password are stored for " << startUrl
                        << " yet; add them with 'aws-sso-tray secret set'." << Qt::endl;
    }
    return 0;
}

int SecretCommand::remove(SecretStore &store, const QString &startUrl)
{
    const Result<std::optional<StoredSecrets>> existing =
        readExisting(store, startUrl, QStringLiteral("Removing it."));
    if (!existing) {
        return m_context.fail(existing.error());
    }
    const Status removed = blockingCall<Done>([&](auto done) { store.remove(startUrl, std::move(done)); });
    if (!removed) {
        return m_context.fail(removed.error());
    }
    if (!existing->has_value()) {
        m_context.out() << "No secrets were stored for " << startUrl << "." << Qt::endl;
        return 0;
    }
    m_context.out() << "Removed the username, password and TOTP secret of " << startUrl << " from "
                    << SecretStore::keychainName() << "." << Qt::endl;
    return 0;
}

int SecretCommand::importNetrc(SecretStore &store, const QString &startUrl, const QString &netrcPath,
                               const QString &machine)
{
    const Result<NetrcFile> netrc = NetrcReader::readFile(netrcPath);
    if (!netrc) {
        return m_context.fail(netrc.error());
    }
    const NetrcEntry *entry = netrc->machine(machine);
    if (!entry) {
        return m_context.fail(
            SsoError(SsoError::Kind::Config,
                     QStringLiteral("%1 has no \"machine %2\" entry.").arg(netrcPath, machine)));
    }
    if (entry->login.isEmpty() || entry->password.isEmpty()) {
        return m_context.fail(
            SsoError(SsoError::Kind::Config,
                     QStringLiteral("The \"machine %1\" entry of %2 (line %3) needs both a login "
                                    "and a password.")
                         .arg(machine, netrcPath)
                         .arg(entry->line)));
    }
    const Result<std::optional<StoredSecrets>> existing =
        readExisting(store, startUrl, QStringLiteral("Replacing it."));
    if (!existing) {
        return m_context.fail(existing.error());
    }
    StoredSecrets secrets = existing->value_or(StoredSecrets());
    secrets.username = entry->login;
    secrets.password = entry->password;
    const Status stored = write(store, startUrl, secrets);
    if (!stored) {
        return m_context.fail(stored.error());
    }
    m_context.out() << "Stored the username " << entry->login << " and the password of \"machine " << machine
                    << "\" in " << netrcPath << " for " << startUrl << " in " << SecretStore::keychainName()
                    << "." << Qt::endl;
    const QFileInfo file(netrcPath);
    const bool othersMayRead =
        file.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther);
    m_context.err() << "The password is still in " << netrcPath << " in plain text"
                    << (othersMayRead ? ", which other users can read" : "")
                    << "; remove it from there once signing in works." << Qt::endl;
    return 0;
}

int SecretCommand::show(SecretStore &store, const QString &startUrl)
{
    const Result<std::optional<StoredSecrets>> existing = readExisting(store, startUrl, QString());
    if (!existing) {
        return m_context.fail(existing.error());
    }
    const StoredSecrets secrets = existing->value_or(StoredSecrets());
    m_context.out() << "Start URL:   " << startUrl << '\n'
                    << "Keychain:    " << SecretStore::keychainName() << " (service \""
                    << SecretStore::serviceName() << "\")\n"
                    << "Username:    "
                    << (secrets.username.isEmpty() ? QStringLiteral("not stored") : secrets.username) << '\n'
                    << "Password:    " << storedOrNot(secrets.hasPassword()) << '\n'
                    << "TOTP secret: " << storedOrNot(secrets.hasTotpSecret()) << Qt::endl;
    return 0;
}
