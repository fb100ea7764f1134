#include "SimSignInPages.h"

#include "SimPageRenderer.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace {

using Method = QHttpServerRequest::Method;

// Paths as the real pages have them (reference/portal-dom.md), on the simulator's own port.
const QString DirectoryId = QStringLiteral("d-1234567890");
const QString SignInPath = QStringLiteral("/platform/d-1234567890/login");
const QString SignInApiPath = QStringLiteral("/platform/d-1234567890/api/execute");
const QString PortalPath = QStringLiteral("/start/");
const QString PortalApiPath = QStringLiteral("/start/api/execute");
const QString ClassicDevicePath = QStringLiteral("/device");
const QString ClassicSignInPath = QStringLiteral("/login");
const QString ClassicConsentPath = QStringLiteral("/start/user-consent/authorize.html");
const QString ClassicResultPath = QStringLiteral("/start/user-consent/complete.html");
const QString ExternalIdpPath = QStringLiteral("/external-idp/saml/login");
const QString InputReportPath = QStringLiteral("/telemetry/input");
const QString HandleKey = QStringLiteral("workflowStateHandle");

// A locked user reads why before the PKCE client is told access_denied.
constexpr int LockedRedirectDelayMs = 2000;

const QString ExpiredMessage =
    QStringLiteral("This sign-in request has expired or is not valid. Start again from your application.");

QString flowName(SimSignInWorkflow::Flow flow)
{
    return flow == SimSignInWorkflow::Flow::Device ? QStringLiteral("device") : QStringLiteral("pkce");
}

QUrl urlOn(const QString &origin, const QString &path, const QList<QPair<QString, QString>> &query = {},
           const QString &fragment = {})
{
    QUrl url(origin);
    url.setPath(path);
    if (!query.isEmpty()) {
        QUrlQuery items;
        for (const auto &[key, value] : query) {
            items.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        url.setQuery(items.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    if (!fragment.isEmpty()) {
        url.setFragment(fragment);
    }
    return url;
}

// application/x-www-form-urlencoded, as a browser submits a form.
QJsonObject formFields(const QByteArray &body)
{
    QByteArray spaced = body;
    spaced.replace('+', ' ');
    const QUrlQuery query(QString::fromLatin1(spaced));
    QJsonObject fields;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        fields.insert(key, value);
    }
    return fields;
}

SimResponse withCookies(SimResponse response, const QList<QByteArray> &cookies)
{
    for (const QByteArray &cookie : cookies) {
        response.headers.append({QByteArrayLiteral("Set-Cookie"), cookie});
    }
    return response;
}

SimResponse seeOther(const QUrl &target, int status = 303)
{
    SimResponse response = SimResponse::empty(status);
    response.headers.append({QByteArrayLiteral("Location"), target.toString(QUrl::FullyEncoded).toUtf8()});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

bool isSignInPagePath(const QString &path)
{
    return path == SignInPath || path == ClassicSignInPath;
}

} // namespace

QJsonObject SimPhishingReport::toJson() const
{
    return QJsonObject{{QStringLiteral("origin"), origin.toString()},
                       {QStringLiteral("pageViews"), pageViews},
                       {QStringLiteral("inputEvents"), inputEvents},
                       {QStringLiteral("submissions"), submissions}};
}

SimSignInPages::SimSignInPages(SimState &state, SimOidcApi &oidc, OriginProvider secondOrigin)
    : m_state(state)
    , m_oidc(oidc)
    , m_secondOrigin(std::move(secondOrigin))
    , m_flow(state, oidc, m_sessions)
{}

QString SimSignInPages::mainOrigin() const
{
    return m_state.baseUrl.toString();
}

QString SimSignInPages::secondOriginText()
{
    if (m_phishing.origin.isEmpty() && m_secondOrigin) {
        m_phishing.origin = m_secondOrigin();
    }
    return m_phishing.origin.toString();
}

QString SimSignInPages::pageKey(Generation generation, const QString &origin, const QString &path)
{
    return SimSignInSettings::generationName(generation) + QLatin1Char(' ') + origin + path;
}

SimSignInPages::Location SimSignInPages::locate(const SimSignInWorkflow &workflow)
{
    using Step = SimSignInWorkflow::Step;
    const QList<QPair<QString, QString>> handle{{HandleKey, workflow.handle}};
    Location location;
    switch (workflow.step) {
    case Step::Redirect:
        location.url = workflow.redirect;
        location.key = QStringLiteral("redirect");
        return location;
    case Step::ExternalIdp:
        location.url =
            urlOn(mainOrigin(), ExternalIdpPath, {{QStringLiteral("RelayState"), workflow.handle}});
        location.key = QStringLiteral("external ") + location.url.path();
        return location;
    case Step::Consent:
    case Step::Success:
    case Step::Denied: {
        location.group = workflow.step == Step::Consent ? PageGroup::Consent : PageGroup::Success;
        location.generation = settings().generationFor(location.group);
        const QString classicPath = workflow.step == Step::Consent ? ClassicConsentPath : ClassicResultPath;
        const QString path = location.generation == Generation::Classic ? classicPath : PortalPath;
        const QString route =
            workflow.step == Step::Consent ? QStringLiteral("/consent") : QStringLiteral("/result");
        location.url =
            urlOn(mainOrigin(), path, handle, location.generation == Generation::Classic ? QString() : route);
        location.key = pageKey(location.generation, mainOrigin(), path);
        return location;
    }
    case Step::Username:
    case Step::Password:
    case Step::Mfa:
    case Step::SecurityKey:
    case Step::Locked:
        break;
    }
    location.group = PageGroup::SignIn;
    location.generation = settings().generationFor(PageGroup::SignIn);
    // Without a second listener (it could not start) the password page stays on the simulator's own port.
    location.secondOrigin =
        workflow.step == Step::Password && settings().phishingOrigin && !secondOriginText().isEmpty();
    const QString origin = location.secondOrigin ? secondOriginText() : mainOrigin();
    const QString path = location.generation == Generation::Classic ? ClassicSignInPath : SignInPath;
    location.url = urlOn(origin, path, handle);
    location.key = pageKey(location.generation, origin, path);
    return location;
}

QJsonObject SimSignInPages::view(const SimSignInWorkflow &workflow, const QString &error) const
{
    using Step = SimSignInWorkflow::Step;
    QJsonObject result{
        {QStringLiteral("handle"), workflow.handle},
        {QStringLiteral("flow"), flowName(workflow.flow)},
        {QStringLiteral("step"), SimSignInWorkflow::stepName(workflow.step)},
        {QStringLiteral("userCode"), workflow.userCode},
        {QStringLiteral("clientName"), workflow.clientName},
        {QStringLiteral("username"), workflow.username},
        {QStringLiteral("error"), error},
    };
    if (workflow.step == Step::SecurityKey) {
        result.insert(QStringLiteral("securityKey"), m_flow.securityKeyOptions(workflow));
    }
    if (workflow.step == Step::Locked) {
        result.insert(QStringLiteral("error"), SimSignInFlow::LockedMessage);
    }
    if ((workflow.step == Step::Locked || workflow.step == Step::Redirect) && workflow.redirect.isValid()) {
        result.insert(QStringLiteral("redirect"), workflow.redirect.toString(QUrl::FullyEncoded));
        result.insert(QStringLiteral("redirectDelayMs"),
                      workflow.step == Step::Locked ? LockedRedirectDelayMs : 0);
    }
    return result;
}

QJsonObject SimSignInPages::deviceView(const QString &userCode, const QString &error)
{
    return QJsonObject{{QStringLiteral("step"), QStringLiteral("device")},
                       {QStringLiteral("userCode"), userCode},
                       {QStringLiteral("error"), error}};
}

QJsonObject SimSignInPages::deadEndView(const QString &step, const QString &error)
{
    return QJsonObject{{QStringLiteral("step"), step}, {QStringLiteral("error"), error}};
}

QJsonObject SimSignInPages::bootstrap(Generation generation, PageGroup group, const QJsonObject &view,
                                      const QString &key, const QString &endpoint, bool secondOrigin) const
{
    return QJsonObject{
        {QStringLiteral("generation"), SimSignInSettings::generationName(generation)},
        {QStringLiteral("variant"), SimSignInSettings::variantName(settings().variant)},
        {QStringLiteral("renderDelayMs"), settings().effectiveRenderDelayMs()},
        {QStringLiteral("metadataDelayMs"), settings().metadataDelayMs},
        // The sign-in host has no banner of its own; the portal pages have it.
        {QStringLiteral("cookieBanner"), settings().cookieBanner && group != PageGroup::SignIn},
        {QStringLiteral("endpoint"), endpoint},
        {QStringLiteral("pageKey"), key},
        {QStringLiteral("directoryId"), DirectoryId},
        {QStringLiteral("inputReportUrl"), secondOrigin ? InputReportPath : QString()},
        {QStringLiteral("view"), view},
    };
}

SimResponse SimSignInPages::stepPage(const SimSignInWorkflow &workflow, const QString &error)
{
    if (workflow.step == SimSignInWorkflow::Step::ExternalIdp) {
        return externalIdpPage(workflow, error);
    }
    const Location location = locate(workflow);
    const bool classic = location.generation == Generation::Classic;
    const QString endpoint = classic ? location.url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority |
                                                             QUrl::RemoveFragment | QUrl::FullyEncoded)
                                     : (location.group == PageGroup::SignIn ? SignInApiPath : PortalApiPath);
    QString title = QStringLiteral("Sign in");
    if (location.group != PageGroup::SignIn) {
        title = classic ? QStringLiteral("Authorize request") : QStringLiteral("AWS access portal");
    }
    SimPageRenderer::Page page;
    page.title = title;
    page.kit = SimSignInSettings::generationName(location.generation);
    page.bootstrap = bootstrap(location.generation, location.group, view(workflow, error), location.key,
                               endpoint, location.secondOrigin);
    return SimPageRenderer::render(page);
}

SimResponse SimSignInPages::classicDevicePage(const QString &userCode, const QString &error)
{
    SimPageRenderer::Page page;
    page.title = QStringLiteral("Authorize request");
    page.kit = QStringLiteral("classic");
    page.bootstrap =
        bootstrap(Generation::Classic, PageGroup::Device, deviceView(userCode, error),
                  pageKey(Generation::Classic, mainOrigin(), ClassicDevicePath), ClassicDevicePath, false);
    return SimPageRenderer::render(page);
}

SimResponse SimSignInPages::cloudscapeHop(const QString &userCode)
{
    // The verification URI moves on to the portal's hash route by script, as the real one does.
    QString target = PortalPath + QStringLiteral("#/device");
    if (!userCode.isEmpty()) {
        target += QStringLiteral("?user_code=") + QString::fromLatin1(QUrl::toPercentEncoding(userCode));
    }
    SimPageRenderer::Page page;
    page.title = QStringLiteral("AWS access portal");
    page.kit = QStringLiteral("hop");
    page.bootstrap = QJsonObject{{QStringLiteral("target"), target}, {QStringLiteral("userCode"), userCode}};
    return SimPageRenderer::render(page);
}

SimResponse SimSignInPages::externalIdpPage(const SimSignInWorkflow &workflow, const QString &error)
{
    SimPageRenderer::Page page;
    page.title = QStringLiteral("Example Corp Single Sign-On");
    page.kit = QStringLiteral("external-idp");
    page.bootstrap = QJsonObject{
        {QStringLiteral("endpoint"), ExternalIdpPath},
        {QStringLiteral("relayState"), workflow.handle},
        {QStringLiteral("error"), error},
    };
    return SimPageRenderer::render(page);
}

SimResponse SimSignInPages::authorizePage(const SimRequest &request)
{
    const Result<SimAuthorizationRequest> authorization = m_oidc.parseAuthorization(QUrlQuery(request.url));
    if (!authorization) {
        // Not redirected: with a bad client or redirect URI there is nowhere trustworthy to send the browser.
        return SimPageRenderer::notice(QStringLiteral("Invalid authorization request"),
                                       authorization.error().message(), 400);
    }
    m_oidc.rememberAuthorization(authorization.value());
    QUrl authorizeUrl = m_state.baseUrl;
    authorizeUrl.setPath(request.path());
    authorizeUrl.setQuery(request.url.query(QUrl::FullyEncoded), QUrl::StrictMode);
    const SimSignInWorkflow &workflow =
        m_flow.startAuthorization(authorization.value(), authorizeUrl, request);
    return seeOther(locate(workflow).url, 302);
}

SimResponse SimSignInPages::devicePage(const SimRequest &request)
{
    const QString userCode = request.queryValue(QStringLiteral("user_code")).trimmed().toUpper();
    if (settings().generationFor(PageGroup::Device) == Generation::Classic) {
        return classicDevicePage(userCode, QString());
    }
    return cloudscapeHop(userCode);
}

bool SimSignInPages::handles(const SimRequest &request)
{
    const QString path = request.path();
    if (request.method == Method::Get) {
        return path.startsWith(SimPageRenderer::AssetPrefix) || path == ClassicSignInPath ||
               path == SignInPath || path == PortalPath || path == QLatin1String("/start") ||
               path == ClassicConsentPath || path == ClassicResultPath || path == ExternalIdpPath;
    }
    if (request.method == Method::Post) {
        return path == ClassicDevicePath || path == ClassicSignInPath || path == ClassicConsentPath ||
               path == SignInApiPath || path == PortalApiPath || path == ExternalIdpPath;
    }
    return false;
}

SimResponse SimSignInPages::answer(const SimRequest &request)
{
    const QString path = request.path();
    if (request.method == Method::Post) {
        if (path == SignInApiPath || path == PortalApiPath) {
            return pageApi(request, false);
        }
        if (path == ExternalIdpPath) {
            return externalIdpForm(request);
        }
        return classicForm(request, false);
    }
    if (path.startsWith(SimPageRenderer::AssetPrefix)) {
        return SimPageRenderer::asset(path);
    }
    if (path == PortalPath || path == QLatin1String("/start")) {
        return portalHome(request);
    }
    if (path == ExternalIdpPath) {
        SimSignInWorkflow *workflow = m_flow.find(request.queryValue(QStringLiteral("RelayState")));
        if (!workflow) {
            return SimPageRenderer::notice(QStringLiteral("Example Corp Single Sign-On"), ExpiredMessage,
                                           404);
        }
        if (workflow->step != SimSignInWorkflow::Step::ExternalIdp) {
            return seeOther(locate(*workflow).url, 302);
        }
        return externalIdpPage(*workflow, QString());
    }
    const Generation generation = path == SignInPath ? Generation::Cloudscape : Generation::Classic;
    return showWorkflowPage(request, generation, false);
}

SimResponse SimSignInPages::showWorkflowPage(const SimRequest &request, Generation generation,
                                             bool secondOrigin)
{
    SimSignInWorkflow *workflow = m_flow.find(request.queryValue(HandleKey));
    if (!workflow) {
        SimPageRenderer::Page page;
        page.title = QStringLiteral("Sign in");
        page.kit = SimSignInSettings::generationName(generation);
        page.status = 404;
        page.bootstrap =
            bootstrap(generation, PageGroup::SignIn, deadEndView(QStringLiteral("expired"), ExpiredMessage),
                      QString(), QString(), secondOrigin);
        return SimPageRenderer::render(page);
    }
    const Location location = locate(*workflow);
    const QString origin = secondOrigin ? secondOriginText() : mainOrigin();
    if (location.key != pageKey(generation, origin, request.path())) {
        // Another page shows this step now (a stale tab, a changed generation): go there.
        return seeOther(location.url, 302);
    }
    if (secondOrigin) {
        ++m_phishing.pageViews;
    }
    return stepPage(*workflow, QString());
}

SimResponse SimSignInPages::portalHome(const SimRequest &request)
{
    if (request.hasQueryItem(HandleKey)) {
        return showWorkflowPage(request, Generation::Cloudscape, false);
    }
    // No workflow yet: the device route (#/device?user_code=...) lives in the fragment, which only the page
    // script sees.
    SimPageRenderer::Page page;
    page.title = QStringLiteral("AWS access portal");
    page.kit = QStringLiteral("cloudscape");
    page.bootstrap =
        bootstrap(Generation::Cloudscape, PageGroup::Device, deadEndView(QStringLiteral("home"), QString()),
                  pageKey(Generation::Cloudscape, mainOrigin(), PortalPath), PortalApiPath, false);
    return SimPageRenderer::render(page);
}

SimResponse SimSignInPages::pageApi(const SimRequest &request, bool secondOrigin)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonObject body = document.object();
    const QString action = body.value(QStringLiteral("action")).toString();
    const QJsonObject fields = body.value(QStringLiteral("fields")).toObject();
    const QString requesterKey = body.value(QStringLiteral("pageKey")).toString();
    if (!document.isObject() || action.isEmpty()) {
        return SimResponse::adminError(
            400, QStringLiteral("The page API wants {\"action\": ..., \"fields\": {...}}."));
    }
    if (secondOrigin && action != QLatin1String("password")) {
        return SimResponse::adminError(403, QStringLiteral("Only the password step is served here."));
    }
    SimStepOutcome outcome;
    if (action == QLatin1String("confirmDevice")) {
        const QString userCode = fields.value(QStringLiteral("userCode")).toString().trimmed().toUpper();
        outcome = m_flow.confirmDevice(userCode, request);
        if (!outcome.workflow) {
            return SimResponse::json(
                QJsonObject{{QStringLiteral("view"), deviceView(userCode, outcome.error)}});
        }
    } else {
        SimSignInWorkflow *workflow = m_flow.find(body.value(HandleKey).toString());
        if (!workflow) {
            return SimResponse::json(QJsonObject{
                {QStringLiteral("view"), deadEndView(QStringLiteral("expired"), ExpiredMessage)}});
        }
        if (secondOrigin) {
            ++m_phishing.submissions;
        }
        outcome = m_flow.perform(*workflow, action, fields, request,
                                 secondOrigin ? secondOriginText() : mainOrigin());
    }
    const SimSignInWorkflow &workflow = *outcome.workflow;
    QJsonObject answer;
    const Location location = locate(workflow);
    if (!outcome.error.isEmpty() ||
        (location.key == requesterKey && location.generation == Generation::Cloudscape)) {
        answer.insert(QStringLiteral("view"), view(workflow, outcome.error));
    } else {
        answer.insert(QStringLiteral("navigate"), location.url.toString(QUrl::FullyEncoded));
        answer.insert(QStringLiteral("step"), SimSignInWorkflow::stepName(workflow.step));
    }
    return withCookies(SimResponse::json(answer), outcome.setCookies);
}

SimResponse SimSignInPages::classicForm(const SimRequest &request, bool secondOrigin)
{
    QJsonObject fields = formFields(request.body);
    const QString action = fields.value(QStringLiteral("action")).toString();
    if (secondOrigin && action != QLatin1String("password")) {
        return SimPageRenderer::notice(QStringLiteral("Forbidden"),
                                       QStringLiteral("Only the password step is served here."), 403);
    }
    if (action == QLatin1String("confirmDevice")) {
        const QString userCode = fields.value(QStringLiteral("userCode")).toString().trimmed().toUpper();
        const SimStepOutcome outcome = m_flow.confirmDevice(userCode, request);
        if (!outcome.workflow) {
            return classicDevicePage(userCode, outcome.error);
        }
        return redirectTo(*outcome.workflow, outcome);
    }
    SimSignInWorkflow *workflow = m_flow.find(fields.value(HandleKey).toString());
    if (!workflow) {
        return SimPageRenderer::notice(QStringLiteral("Sign in"), ExpiredMessage, 404);
    }
    // The security key assertion travels as JSON in one hidden field.
    if (fields.contains(QStringLiteral("credential"))) {
        fields.insert(
            QStringLiteral("credential"),
            QJsonDocument::fromJson(fields.value(QStringLiteral("credential")).toString().toUtf8()).object());
    }
    if (secondOrigin) {
        ++m_phishing.submissions;
    }
    const SimStepOutcome outcome =
        m_flow.perform(*workflow, action, fields, request, secondOrigin ? secondOriginText() : mainOrigin());
    if (!outcome.error.isEmpty()) {
        return withCookies(stepPage(*workflow, outcome.error), outcome.setCookies);
    }
    return redirectTo(*workflow, outcome);
}

SimResponse SimSignInPages::externalIdpForm(const SimRequest &request)
{
    const QJsonObject form = formFields(request.body);
    SimSignInWorkflow *workflow = m_flow.find(form.value(QStringLiteral("RelayState")).toString());
    if (!workflow) {
        return SimPageRenderer::notice(QStringLiteral("Example Corp Single Sign-On"), ExpiredMessage, 404);
    }
    const QJsonObject fields{{QStringLiteral("corporateId"), form.value(QStringLiteral("cid"))},
                             {QStringLiteral("passcode"), form.value(QStringLiteral("pc"))}};
    const SimStepOutcome outcome =
        m_flow.perform(*workflow, QStringLiteral("externalIdp"), fields, request, mainOrigin());
    if (!outcome.error.isEmpty()) {
        return externalIdpPage(*workflow, outcome.error);
    }
    return redirectTo(*workflow, outcome);
}

SimResponse SimSignInPages::redirectTo(const SimSignInWorkflow &workflow, const SimStepOutcome &outcome)
{
    return withCookies(seeOther(locate(workflow).url), outcome.setCookies);
}

SimResponse SimSignInPages::answerSecondOrigin(const SimRequest &request)
{
    const QString path = request.path();
    if (request.method == Method::Get && path.startsWith(SimPageRenderer::AssetPrefix)) {
        return SimPageRenderer::asset(path);
    }
    if (request.method == Method::Post && path == InputReportPath) {
        ++m_phishing.inputEvents;
        return SimResponse::empty(204);
    }
    if (request.method == Method::Get && isSignInPagePath(path)) {
        return showWorkflowPage(request, path == SignInPath ? Generation::Cloudscape : Generation::Classic,
                                true);
    }
    if (request.method == Method::Post && path == SignInApiPath) {
        return pageApi(request, true);
    }
    if (request.method == Method::Post && path == ClassicSignInPath) {
        return classicForm(request, true);
    }
    return SimPageRenderer::notice(QStringLiteral("Not found"), QStringLiteral("Nothing here."), 404);
}
