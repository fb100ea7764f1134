#include "LoginCommand.h"

#include "BlockingCall.h"
#include "CacheTime.h"
#include "SessionStatus.h"
#include "SsoClock.h"
#include "SsoLogin.h"
#include "SsoServices.h"
#include "TokenRefresher.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

LoginCommand::LoginCommand(CommandContext &context)
    : m_context(context)
{}

int LoginCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("profile"), QStringLiteral("Log in the session of this profile."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("sso-session"), QStringLiteral("Log in this sso-session."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("no-browser"),
         QStringLiteral("Print the approval URL instead of signing in here; approve it in any browser.")});
    parser.addOption(
        {QStringLiteral("force"), QStringLiteral("Sign in even if the cached token is still valid.")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Give up after this many seconds (default 600)."),
                      QStringLiteral("SECONDS"), QStringLiteral("600")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("profile")) == parser.isSet(QStringLiteral("sso-session"))) {
        return m_context.usageError(
            QStringLiteral("login needs exactly one of --profile NAME or --sso-session NAME."));
    }
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0) {
        return m_context.usageError(QStringLiteral("--timeout wants a positive number of seconds."));
    }
    if (!parser.isSet(QStringLiteral("no-browser"))) {
        return m_context.usageError(
            QStringLiteral("This build signs in only with --no-browser (approve the printed "
                           "URL in any browser); the built-in headless sign-in is not part "
                           "of it yet."));
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
    auto services = SsoServices::create(config.value()->file(), session, profile ? &*profile : nullptr,
                                        m_context.environment());
    if (!services) {
        return m_context.fail(services.error());
    }

    if (!parser.isSet(QStringLiteral("force"))) {
        const SessionStatus status =
            SessionStatus::evaluate(session, m_context.cache().readToken(session), SsoClock::now());
        if (status.state == SessionStatus::State::Valid) {
            m_context.err() << "Already logged in to " << session.displayName() << " until "
                            << CacheTime::format(status.expiresAt) << "." << Qt::endl;
            return 0;
        }
        if (status.canRefresh) {
            m_context.err() << "Refreshing " << session.displayName() << "..." << Qt::endl;
            TokenRefresher refresher(m_context.cache(), &services.value()->oidc());
            const Result<SsoToken> refreshed =
                blockingCall<SsoToken>([&](auto done) { refresher.refresh(session, std::move(done)); });
            if (refreshed) {
                m_context.err() << "Refreshed " << session.displayName() << "; valid until "
                                << CacheTime::format(refreshed->expiresAt) << "." << Qt::endl;
                return 0;
            }
            m_context.err() << "The silent refresh failed (" << refreshed.error().message()
                            << "); signing in again." << Qt::endl;
        }
    }

    // Without a browser here, the approval happens elsewhere: the device-code flow is the one that allows it.
    SsoLogin login(session, SsoLogin::Flow::DeviceCode, &services.value()->oidc(), m_context.cache());
    QObject::connect(&login, &SsoLogin::progress,
                     [this](const QString &step) { m_context.err() << step << "..." << Qt::endl; });
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
    const Result<SsoToken> token = blockingCall<SsoToken>([&](auto done) {
        QObject::connect(&login, &SsoLogin::finished,
                         [done](const Result<SsoToken> &result) { done(result); });
        QTimer::singleShot(std::chrono::seconds(timeoutSeconds), &login, [&login] { login.cancel(); });
        login.start();
    });
    if (!token) {
        if (token.error().kind() == SsoError::Kind::Cancelled) {
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
