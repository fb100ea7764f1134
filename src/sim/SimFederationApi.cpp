#include "SimFederationApi.h"

#include "SimRandom.h"

#include <QJsonDocument>

namespace {

// What the real endpoint allows for SessionDuration, and how long its sign-in tokens last.
constexpr int MinimumSessionSeconds = 900;
constexpr int MaximumSessionSeconds = 43200;
constexpr int SigninTokenLifetimeSeconds = 15 * 60;

// The real endpoint answers mistakes with a bare 400 and a short text.
SimResponse badRequest(const QString &message)
{
    SimResponse response;
    response.status = 400;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.body = message.toUtf8();
    return response;
}

} // namespace

SimFederationApi::SimFederationApi(SimState &state)
    : m_state(state)
{}

SimResponse SimFederationApi::answer(const SimRequest &request)
{
    const QString action = request.queryValue(QStringLiteral("Action"));
    if (action == QLatin1String("getSigninToken")) {
        return getSigninToken(request);
    }
    if (action == QLatin1String("login")) {
        return login(request);
    }
    return badRequest(QStringLiteral("Unsupported Action; use getSigninToken or login."));
}

SimResponse SimFederationApi::getSigninToken(const SimRequest &request)
{
    if (request.hasQueryItem(QStringLiteral("SessionDuration"))) {
        bool isNumber = false;
        const int seconds = request.queryValue(QStringLiteral("SessionDuration")).toInt(&isNumber);
        if (!isNumber || seconds < MinimumSessionSeconds || seconds > MaximumSessionSeconds) {
            return badRequest(QStringLiteral("SessionDuration must be from %1 to %2 seconds.")
                                  .arg(MinimumSessionSeconds)
                                  .arg(MaximumSessionSeconds));
        }
    }
    const QJsonObject session =
        QJsonDocument::fromJson(request.queryValue(QStringLiteral("Session")).toUtf8()).object();
    const SimRoleCredentials *credentials =
        m_state.liveRoleCredentials(session.value(QStringLiteral("sessionId")).toString(),
                                    session.value(QStringLiteral("sessionKey")).toString(),
                                    session.value(QStringLiteral("sessionToken")).toString());
    if (!credentials) {
        return badRequest(
            QStringLiteral("The Session parameter holds no valid, unexpired role credentials."));
    }
    SimConsoleSignIn signIn;
    signIn.token = SimRandom::token(QString(), 96);
    signIn.accountId = credentials->accountId;
    signIn.roleName = credentials->roleName;
    signIn.username = credentials->username;
    signIn.expiresAt = SimState::now().addSecs(SigninTokenLifetimeSeconds);
    m_state.consoleSignIns.insert(signIn.token, signIn);
    return SimResponse::json(QJsonObject{{QStringLiteral("SigninToken"), signIn.token}});
}

SimResponse SimFederationApi::login(const SimRequest &request)
{
    const auto found = m_state.consoleSignIns.constFind(request.queryValue(QStringLiteral("SigninToken")));
    if (found == m_state.consoleSignIns.constEnd() || found->expiresAt <= SimState::now()) {
        return SimResponse::html(QStringLiteral("Amazon Web Services Sign-In"),
                                 QStringLiteral("<p id=\"sim-error\" role=\"alert\">Your request included an "
                                                "invalid or expired sign-in token.</p>"),
                                 400);
    }
    const QString destination = request.queryValue(QStringLiteral("Destination"));
    if (!destination.startsWith(QLatin1String("https://"))) {
        return badRequest(QStringLiteral("Destination must be an https URL."));
    }
    return SimResponse::html(
        QStringLiteral("AWS Management Console"),
        QStringLiteral("<p id=\"sim-console\">Signed in as role <b>%1</b> in account <b>%2</b> (%3).</p>"
                       "<p><a id=\"sim-destination\" href=\"%4\">Continue to %4</a></p>")
            .arg(found->roleName.toHtmlEscaped(), found->accountId, found->username.toHtmlEscaped(),
                 destination.toHtmlEscaped()));
}
