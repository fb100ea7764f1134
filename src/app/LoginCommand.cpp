#include "LoginCommand.h"

#include "AppSettings.h"
#include "BlockingCall.h"
#include "CacheTime.h"
#include "CliSignInUrl.h"
#include "DialogCodePrompt.h"
#include "OriginPolicy.h"
#include "SecretStore.h"
#include "SessionStatus.h"
#include "SignInLock.h"
#include "SignInRun.h"
#include "SsoClock.h"
#include "SsoLogin.h"
#include "SsoServices.h"
#include "TerminalCodePrompt.h"
#include "TokenRefresher.h"
#include "Totp.h"
#include "TotpCodeProvider.h"

#include <QCommandLineParser>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("profile"), QStringLiteral("Log in the session of this profile."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("sso-session"), QStringLiteral("Log in this sso-session."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("device-code"),
                      QStringLiteral("Use the device-code flow even for sso-session profiles.")});
    parser.addOption(
        {QStringLiteral("show-browser"),
         QStringLiteral("Show the sign-in window from the start instead of signing in invisibly.")});
    parser.addOption(
        {QStringLiteral("no-browser"),
         QStringLiteral("Print the approval URL instead of signing in here; approve it in any browser.")});
    parser.addOption(
        {QStringLiteral("stdin"),
         QStringLiteral("Complete the sign-in whose URL `aws sso login --no-browser` prints on stdin.")});
    parser.addOption(
        {QStringLiteral("force"), QStringLiteral("Sign in even if the cached token is still valid.")});
    parser.addOption(
        {QStringLiteral("desktop"),
         QStringLiteral(
             "Run for the desktop: MFA codes in a dialog, the sign-in window shown when it needs you, "
             "progress as JSON lines on stdout (the tray starts logins this way).")});
    parser.addOption(
        {QStringLiteral("unattended"),
         QStringLiteral("Never ask the user (no dialog, no window): fail with exit code 4 instead.")});
    parser.addOption({QStringLiteral("never-show-browser"),
                      QStringLiteral("With --desktop: fail instead of showing the sign-in window.")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Give up after this many seconds (default 300)."),
                      QStringLiteral("SECONDS"), QStringLiteral("300")});
}

QString diagnosticsDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/aws-sso-tray/diagnostics");
}

// Tests play a security key with a navigator.credentials.get stand-in; a shipped build has no such hook.
QString testPageScript()
{
#ifdef AWS_SSO_TRAY_TEST_HOOKS
    const QString path = qEnvironmentVariable("AWS_SSO_TRAY_TEST_PAGE_SCRIPT");
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
        return QString::fromUtf8(file.readAll());
    }
#endif
    return {};
}

} // namespace

LoginCommand::LoginCommand(CommandContext &context)
    : m_context(context)
{}

bool LoginCommand::needsBrowser(const QStringList &arguments)
{
    return arguments.value(1) == QLatin1String("login") &&
           !arguments.contains(QStringLiteral("--no-browser")) &&
           !arguments.contains(QStringLiteral("--help")) && !arguments.contains(QStringLiteral("-h"));
}

bool LoginCommand::wantsVisibleBrowser(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--show-browser"));
}

bool LoginCommand::forDesktop(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--desktop"));
}

QUrl LoginCommand::signInUrlFromCliOutput(const QString &text)
{
    return CliSignInUrl::find(text);
}

int LoginCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    m_desktop = parser.isSet(QStringLiteral("desktop"));
    m_unattended = parser.isSet(QStringLiteral("unattended"));
    if (m_desktop) {
        m_context.enableEvents();
    }
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0) {
        return m_context.usageError(QStringLiteral("--timeout wants a positive number of seconds."));
    }
    if (parser.isSet(QStringLiteral("no-browser")) &&
        (parser.isSet(QStringLiteral("show-browser")) || parser.isSet(QStringLiteral("stdin")))) {
        return m_context.usageError(
            QStringLiteral("--no-browser does not go with --show-browser or --stdin."));
    }
    if (parser.isSet(QStringLiteral("stdin"))) {
        return completeCliSignIn(parser, timeoutSeconds);
    }
    if (parser.isSet(QStringLiteral("profile")) == parser.isSet(QStringLiteral("sso-session"))) {
        return m_context.usageError(
            QStringLiteral("login needs exactly one of --profile NAME or --sso-session NAME."));
    }
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    std::optional<SsoProfile> profile;
    SsoSession session;
    if (parser.isSet(QStringLiteral("profile"))) {
        Result<SsoProfile> found = config.value()->profile(parser.value(QStringLiteral("profile")));
        if (!found) {
            return m_context.fail(found.error());
        }
        profile = std::move(found).value();
        session = profile->session;
    } else {
        Result<SsoSession> found = config.value()->session(parser.value(QStringLiteral("sso-session")));
        if (!found) {
            return m_context.fail(found.error());
        }
        session = std::move(found).value();
    }

    // One sign-in per session at a time (tray and terminal): a second login waits, then finds the token.
    SignInLock lock(m_context.cache(), session);
    const Status locked = lock.take(timeoutSeconds * 1000, [&] {
        m_context.err() << "Waiting for another sign-in of " << session.displayName() << "..." << Qt::endl;
    });
    if (!locked) {
        return m_context.fail(locked.error());
    }
    if (!parser.isSet(QStringLiteral("force")) || lock.waited()) {
        const SessionStatus status =
            SessionStatus::evaluate(session, m_context.cache().readToken(session), SsoClock::now());
        if (status.state == SessionStatus::State::Valid) {
            m_context.err() << "Already logged in to " << session.displayName() << " until "
                            << CacheTime::format(status.expiresAt) << "." << Qt::endl;
            m_context.event(QStringLiteral("done"),
                            {{QStringLiteral("expiresAt"), CacheTime::format(status.expiresAt)}});
            return 0;
        }
        if (status.canRefresh) {
            auto services = SsoServices::create(config.value()->file(), session,
                                                profile ? &*profile : nullptr, m_context.environment());
            if (!services) {
                return m_context.fail(services.error());
            }
            m_context.progress(QStringLiteral("Refreshing %1").arg(session.displayName()));
            TokenRefresher refresher(m_context.cache(), &services.value()->oidc());
            const Result<SsoToken> refreshed =
                blockingCall<SsoToken>([&](auto done) { refresher.refresh(session, std::move(done)); });
            if (refreshed) {
                m_context.err() << "Refreshed " << session.displayName() << "; valid until "
                                << CacheTime::format(refreshed->expiresAt) << "." << Qt::endl;
                m_context.event(QStringLiteral("done"),
                                {{QStringLiteral("expiresAt"), CacheTime::format(refreshed->expiresAt)}});
                return 0;
            }
            m_context.err() << "The silent refresh failed (" << refreshed.error().message()
                            << "); signing in again." << Qt::endl;
        }
    }
    if (parser.isSet(QStringLiteral("no-browser"))) {
        return signInWithoutBrowser(session, profile ? &*profile : nullptr, timeoutSeconds);
    }
    return signInWithBrowser(session, profile ? &*profile : nullptr, parser, timeoutSeconds);
}

int LoginCommand::signInWithoutBrowser(const SsoSession &session, const SsoProfile *profile,
                                       int timeoutSeconds)
{
    const Result<const SsoConfig *> config = m_context.config();
    auto services = SsoServices::create(config.value()->file(), session, profile, m_context.environment());
    if (!services) {
        return m_context.fail(services.error());
    }
    // Without a browser here, the approval happens elsewhere: the device-code flow is the one that allows it.
    SsoLogin login(session, SsoLogin::Flow::DeviceCode, &services.value()->oidc(), m_context.cache());
    QObject::connect(&login, &SsoLogin::progress, [this](const QString &step) { m_context.progress(step); });
    QObject::connect(
        &login, &SsoLogin::deviceAuthorizationReady, [this](const DeviceAuthorization &authorization) {
            m_context.out()
                << "Browser will not be automatically opened.\n"
                << "Please visit the following URL:\n\n"
                << authorization.verificationUri.toString() << "\n\n"
                << "Then enter the code:\n\n"
                << authorization.userCode << "\n\n"
                << "Alternatively, you may visit the following URL which will autofill the code upon "
                   "loading:\n"
                << authorization.verificationUriComplete.toString() << Qt::endl;
        });
    bool timedOut = false;
    const Result<SsoToken> token = blockingCall<SsoToken>([&](auto done) {
        QObject::connect(&login, &SsoLogin::finished,
                         [done](const Result<SsoToken> &result) { done(result); });
        QTimer::singleShot(std::chrono::seconds(timeoutSeconds), &login, [&login, &timedOut] {
            timedOut = true;
            login.cancel();
        });
        login.start();
    });
    if (!token) {
        if (timedOut) {
            return m_context.fail(
                SsoError(SsoError::Kind::Timeout,
                         QStringLiteral("The sign-in of %1 was not approved within %2 s; run the "
                                        "login again.")
                             .arg(session.displayName())
                             .arg(timeoutSeconds)));
        }
        return m_context.fail(token.error());
    }
    m_context.out() << "Successfully logged into Start URL: " << session.startUrl << Qt::endl;
    m_context.err() << "Valid until " << CacheTime::format(token->expiresAt) << "." << Qt::endl;
    return 0;
}

std::unique_ptr<MfaCodeProvider> LoginCommand::loadSignInSecrets(const QString &startUrl,
                                                                 SignInSecrets *secrets)
{
    // The keychain may be locked or absent: the portal's own session cookie may still sign in.
    std::unique_ptr<MfaCodeProvider> mfa;
    SecretStore store;
    const Result<std::optional<StoredSecrets>> stored =
        blockingCall<std::optional<StoredSecrets>>([&](auto done) { store.read(startUrl, std::move(done)); });
    if (!stored) {
        m_context.err() << "aws-sso-tray: warning: " << stored.error().message() << Qt::endl;
    } else if (stored.value()) {
        secrets->username = stored.value()->username;
        secrets->password = stored.value()->password;
        if (stored.value()->hasTotpSecret()) {
            Result<Totp> totp = Totp::parse(stored.value()->totpSecret);
            if (totp) {
                mfa = std::make_unique<TotpCodeProvider>(std::move(totp).value());
            } else {
                m_context.err() << "aws-sso-tray: warning: the stored TOTP secret is unusable: "
                                << totp.error().message() << Qt::endl;
            }
        }
    }
    if (!mfa && !m_unattended) {
        // The desktop asks in a dialog; the terminal on /dev/tty, so a piped stdin does not matter.
        if (m_desktop) {
            mfa = std::make_unique<DialogCodePrompt>(secrets->username);
        } else if (TerminalCodePrompt::available()) {
            mfa = std::make_unique<TerminalCodePrompt>();
        }
    }
    return mfa;
}

int LoginCommand::signInWithBrowser(const SsoSession &session, const SsoProfile *profile,
                                    const QCommandLineParser &parser, int timeoutSeconds)
{
    const Result<const SsoConfig *> config = m_context.config();
    auto services = SsoServices::create(config.value()->file(), session, profile, m_context.environment());
    if (!services) {
        return m_context.fail(services.error());
    }

    SignInSecrets secrets;
    const std::unique_ptr<MfaCodeProvider> mfa = loadSignInSecrets(session.startUrl, &secrets);

    SignInRun::Options options;
    options.flow = (session.isLegacy() || parser.isSet(QStringLiteral("device-code")))
                       ? SsoLogin::Flow::DeviceCode
                       : SsoLogin::Flow::AuthorizationCode;
    const bool visible = parser.isSet(QStringLiteral("show-browser"));
    // On the desktop the window is the user's way to finish a page the driver does not know.
    const bool takeOver =
        visible || (m_desktop && !m_unattended && !parser.isSet(QStringLiteral("never-show-browser")));
    options.whenLost = takeOver ? SignInRun::WhenLost::ShowBrowser : SignInRun::WhenLost::Fail;
    options.showBrowserFromStart = visible;
    options.diagnosticsDirectory = diagnosticsDirectory();
    options.extraMainWorldScript = testPageScript();
    const OriginPolicy policy(QUrl(session.startUrl), services.value()->oidc().endpoint(),
                              AppSettings().trustedOrigins(session.startUrl));
    SignInRun run(session, &services.value()->oidc(), m_context.cache(), policy, secrets, mfa.get(), options);
    QObject::connect(&run, &SignInRun::progress, [this](const QString &step) { m_context.progress(step); });
    QObject::connect(&run, &SignInRun::securityKeyNeeded, [this] {
        m_context.err() << "Touch your security key to continue." << Qt::endl;
        m_context.event(QStringLiteral("securityKey"));
    });
    QObject::connect(&run, &SignInRun::browserShownToUser, [this](const QString &reason) {
        m_context.err() << reason << " Finish the sign-in in the browser window." << Qt::endl;
        m_context.event(QStringLiteral("browserShown"), {{QStringLiteral("reason"), reason}});
    });
    bool timedOut = false;
    const Result<SsoToken> token = blockingCall<SsoToken>([&](auto done) {
        QObject::connect(&run, &SignInRun::finished,
                         [done](const Result<SsoToken> &result) { done(result); });
        QTimer::singleShot(std::chrono::seconds(timeoutSeconds), &run, [&run, &timedOut] {
            timedOut = true;
            run.cancel();
        });
        run.start();
    });
    if (!token) {
        if (timedOut) {
            return m_context.fail(
                SsoError(SsoError::Kind::Timeout,
                         QStringLiteral("The sign-in of %1 did not finish within %2 s; run the "
                                        "login again (with --show-browser to watch it).")
                             .arg(session.displayName())
                             .arg(timeoutSeconds)));
        }
        return m_context.fail(token.error());
    }
    m_context.err() << "Logged in to " << session.displayName() << "; valid until "
                    << CacheTime::format(token->expiresAt) << "." << Qt::endl;
    m_context.event(QStringLiteral("done"),
                    {{QStringLiteral("expiresAt"), CacheTime::format(token->expiresAt)}});
    return 0;
}

int LoginCommand::completeCliSignIn(const QCommandLineParser &parser, int timeoutSeconds)
{
    // `aws sso login --no-browser` keeps the pipe open while it polls: read line by line, never to EOF.
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        return m_context.fail(SsoError(SsoError::Kind::Usage, QStringLiteral("Cannot read stdin.")));
    }
    QString seen;
    QUrl url;
    while (!url.isValid()) {
        const QByteArray line = input.readLine();
        if (line.isEmpty()) {
            return m_context.fail(SsoError(
                SsoError::Kind::Usage, QStringLiteral("stdin ended without a sign-in URL; pipe the output of "
                                                      "`aws sso login --no-browser` into this command.")));
        }
        seen += QString::fromUtf8(line);
        url = signInUrlFromCliOutput(seen);
    }
    m_context.err() << "Completing the sign-in at " << OriginPolicy::originOf(url) << "..." << Qt::endl;

    // Secrets and trust follow the session: named, or the only one configured.
    const Result<const SsoConfig *> config = m_context.config();
    if (!config) {
        return m_context.fail(config.error());
    }
    std::optional<SsoSession> session;
    if (parser.isSet(QStringLiteral("profile"))) {
        const Result<SsoProfile> profile = config.value()->profile(parser.value(QStringLiteral("profile")));
        if (!profile) {
            return m_context.fail(profile.error());
        }
        session = profile->session;
    } else if (parser.isSet(QStringLiteral("sso-session"))) {
        const Result<SsoSession> found = config.value()->session(parser.value(QStringLiteral("sso-session")));
        if (!found) {
            return m_context.fail(found.error());
        }
        session = found.value();
    } else if (config.value()->sessions().size() == 1) {
        session = config.value()->sessions().first();
    } else {
        return m_context.usageError(
            QStringLiteral("login --stdin needs --profile or --sso-session to know whose "
                           "stored secrets to use (the config has %1 SSO sessions).")
                .arg(config.value()->sessions().size()));
    }

    SignInSecrets secrets;
    const std::unique_ptr<MfaCodeProvider> mfa = loadSignInSecrets(session->startUrl, &secrets);
    SignInRun::Options options;
    options.diagnosticsDirectory = diagnosticsDirectory();
    options.extraMainWorldScript = testPageScript();
    const OriginPolicy policy(QUrl(session->startUrl), url, AppSettings().trustedOrigins(session->startUrl));
    SignInRun run(*session, nullptr, m_context.cache(), policy, secrets, mfa.get(), options);
    QObject::connect(&run, &SignInRun::progress, [this](const QString &step) { m_context.progress(step); });
    QObject::connect(&run, &SignInRun::securityKeyNeeded, [this] {
        m_context.err() << "Touch your security key to continue." << Qt::endl;
        m_context.event(QStringLiteral("securityKey"));
    });
    const Status result = blockingCall<Done>([&](auto done) {
        QObject::connect(&run, &SignInRun::externalFinished, [done](const Status &status) { done(status); });
        QTimer::singleShot(std::chrono::seconds(timeoutSeconds), &run, [&run] { run.cancel(); });
        run.startExternal(url);
    });
    if (!result) {
        return m_context.fail(result.error());
    }
    // Let the final page or redirect reach the AWS CLI before the browser goes away.
    QEventLoop settle;
    QTimer::singleShot(500, &settle, &QEventLoop::quit);
    settle.exec();
    m_context.err() << "The sign-in was approved; aws sso login finishes it." << Qt::endl;
    return 0;
}
