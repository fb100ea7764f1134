#include "ConsoleCommand.h"

#include "BlockingCall.h"
#include "ConsoleSignIn.h"
#include "OneTimeRedirect.h"
#include "RoleCredentialsFetch.h"

#include <QCommandLineParser>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QTimer>

namespace {
// How long the browser may take to fetch the hand-off URL.
constexpr int BrowserTimeoutMs = 60000;
} // namespace

ConsoleCommand::ConsoleCommand(CommandContext &context)
    : m_context(context)
{}

bool ConsoleCommand::needsDesktop(const QStringList &arguments)
{
    return arguments.value(1) == QLatin1String("console") && !arguments.contains(QStringLiteral("--print")) &&
           !arguments.contains(QStringLiteral("--help")) && !arguments.contains(QStringLiteral("-h")) &&
           (qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
            !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"));
}

int ConsoleCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("profile"), QStringLiteral("The SSO profile whose role signs in."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("print"),
         QStringLiteral("Print the sign-in URL (a secret for 15 minutes) instead of opening it.")});
    parser.addOption({QStringLiteral("destination"),
                      QStringLiteral("The console page to open (default: the console home)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("duration"),
                      QStringLiteral("Console session length, 900 to 43200 seconds."),
                      QStringLiteral("SECONDS")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    const QString profileName = parser.value(QStringLiteral("profile"));
    if (profileName.isEmpty()) {
        return m_context.usageError(QStringLiteral("console needs --profile NAME."));
    }
    ConsoleSignIn::Options options;
    if (parser.isSet(QStringLiteral("duration"))) {
        bool isNumber = false;
        options.sessionDurationSeconds = parser.value(QStringLiteral("duration")).toInt(&isNumber);
        const Status valid = ConsoleSignIn::checkDuration(isNumber ? options.sessionDurationSeconds : -1);
        if (!isNumber || !valid) {
            return m_context.usageError(ConsoleSignIn::checkDuration(-1).error().message().chopped(1) +
                                        QLatin1Char('.'));
        }
    }
    if (parser.isSet(QStringLiteral("destination"))) {
        options.destination = QUrl(parser.value(QStringLiteral("destination")), QUrl::StrictMode);
        if (!options.destination.isValid() || options.destination.scheme() != QLatin1String("https")) {
            return m_context.usageError(
                QStringLiteral("--destination wants an https URL of the AWS console."));
        }
    }
    const bool print = parser.isSet(QStringLiteral("print"));
    if (!print && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return m_context.fail(
            SsoError(SsoError::Kind::UserAction,
                     QStringLiteral("There is no desktop session (DISPLAY or WAYLAND_DISPLAY) "
                                    "to open a browser in; run console with --print and open "
                                    "the URL yourself.")));
    }

    const Result<RoleCredentialsFetch::Fetched> fetched = RoleCredentialsFetch(m_context).run(profileName);
    if (!fetched) {
        return m_context.fail(fetched.error());
    }
    const QString region =
        fetched->profile.region.isEmpty() ? fetched->profile.session.region : fetched->profile.region;
    if (options.destination.isEmpty()) {
        options.destination = ConsoleSignIn::consoleHome(region);
    }
    options.issuer = fetched->profile.session.startUrl;
    HttpJsonClient http;
    http.setServiceName(QStringLiteral("the AWS federation endpoint"));
    if (const QString bundle = m_context.environment().value(QStringLiteral("AWS_CA_BUNDLE"));
        !bundle.isEmpty()) {
        if (const Status loaded = http.setCaBundle(bundle); !loaded) {
            return m_context.fail(loaded.error());
        }
    }
    ConsoleSignIn signIn(ConsoleSignIn::federationEndpoint(region, m_context.environment()), &http);
    const Result<QUrl> url = blockingCall<QUrl>(
        [&](auto done) { signIn.signInUrl(fetched->credentials, options, std::move(done)); });
    if (!url) {
        return m_context.fail(url.error());
    }
    if (print) {
        m_context.out() << url->toString(QUrl::FullyEncoded) << '\n';
        return 0;
    }
    return openInBrowser(url.value());
}

int ConsoleCommand::openInBrowser(const QUrl &signInUrl)
{
    OneTimeRedirect redirect(signInUrl);
    const Result<QUrl> handOff = redirect.start();
    if (!handOff) {
        return m_context.fail(handOff.error());
    }
    QEventLoop loop;
    bool served = false;
    QObject::connect(&redirect, &OneTimeRedirect::served, &loop, [&] {
        served = true;
        loop.quit();
    });
    QTimer::singleShot(BrowserTimeoutMs, &loop, &QEventLoop::quit);
    if (!QDesktopServices::openUrl(handOff.value())) {
        return m_context.fail(
            SsoError(SsoError::Kind::UserAction,
                     QStringLiteral("No browser could be started; run console with --print and "
                                    "open the URL yourself.")));
    }
    m_context.err() << "Opening the AWS console in the browser..." << Qt::endl;
    loop.exec();
    if (!served) {
        return m_context.fail(
            SsoError(SsoError::Kind::Timeout,
                     QStringLiteral("The browser did not open the console sign-in within %1 s; "
                                    "run console with --print and open the URL yourself.")
                         .arg(BrowserTimeoutMs / 1000)));
    }
    return 0;
}
