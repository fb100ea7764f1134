// The simulator's sign-in pages, walked through in a real Qt WebEngine page the way a person would: typing
// through the native value setter with input events, clicking with the mouse, waiting for what the page
// shows. The OIDC side is checked over HTTP, as a client sees it.

#include "SimSignInPages.h"
#include "SimulatorConfig.h"
#include "SsoSimulator.h"
#include "Totp.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineView>
#include <QtTest>
#include <memory>
#include <optional>

namespace {

const QString AccountAccess = QStringLiteral("sso:account:access");
const QString StartUrl = QStringLiteral("https://my-sso-portal.awsapps.com/start");
const QString DeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
const QString RegisteredRedirect = QStringLiteral("http://127.0.0.1/oauth/callback");
// Nothing listens there: the page subclass catches the navigation.
constexpr int CallbackPort = 53682;
const QString Verifier = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~");
const QString BobSecret = QStringLiteral("JBSWY3DPEHPK3PXP");
constexpr int WaitMs = 15000;

QString challengeFor(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A JavaScript string literal.
QString js(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// JavaScript expressions that find elements the way a person reads the page.
QString query(const QString &selector)
{
    return QStringLiteral("document.querySelector(%1)").arg(js(selector));
}

QString inputLabelled(const QString &label)
{
    return QStringLiteral("(() => { const l = [...document.querySelectorAll('label')]"
                          ".find((x) => x.textContent.trim() === %1); return l ? l.control : null; })()")
        .arg(js(label));
}

QString buttonNamed(const QString &text)
{
    return QStringLiteral("[...document.querySelectorAll('button, a[role=button]')]"
                          ".find((b) => b.textContent.trim() === %1 && !b.hidden) || null")
        .arg(js(text));
}

QString submitOf(const QString &inputExpression)
{
    return QStringLiteral(
               "(() => { const i = %1; return i && i.form ? i.form.querySelector('button[type=submit]') "
               ": null; })()")
        .arg(inputExpression);
}

const QString UsernameInput = query(QStringLiteral("input[autocomplete=username]"));
const QString PasswordInput = query(QStringLiteral("input[autocomplete=current-password]"));
const QString CodeInput = query(QStringLiteral("input[autocomplete=one-time-code]"));
const QString DeviceButton = query(QStringLiteral("#cli_verification_btn"));
const QString AllowButton = query(QStringLiteral("[data-testid=allow-access-button], #cli_login_button"));
const QString CookieAccept = query(QStringLiteral("[data-id=awsccc-cb-btn-accept]"));
const QString ErrorShown =
    QStringLiteral("[...document.querySelectorAll('[role=alert]')].map((a) => a.innerText).join(' ')");

// A WebAuthn authenticator for the page's main world: resolves with an assertion for the first allowed
// credential while window.__simKey is "touch", rejects like a missing key otherwise.
const QString SecurityKeyStub = QStringLiteral(R"JS(
(() => {
  window.__simKey = window.__simKey || 'touch';
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const get = async (options) => {
    window.__simKeyCalls = (window.__simKeyCalls || 0) + 1;
    if (window.__simKey !== 'touch') {
      throw new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
    }
    const publicKey = options.publicKey;
    const id = publicKey.allowCredentials[0].id;
    const clientData = JSON.stringify({type: 'webauthn.get', challenge: b64(publicKey.challenge),
                                       origin: location.origin, crossOrigin: false});
    return {id: b64(id), rawId: id.buffer || id, type: 'public-key',
            response: {clientDataJSON: new TextEncoder().encode(clientData).buffer,
                       authenticatorData: new Uint8Array(37).buffer, signature: new Uint8Array(70).buffer,
                       userHandle: null}};
  };
  if (navigator.credentials) {
    navigator.credentials.get = get;
  } else {
    Object.defineProperty(navigator, 'credentials', {value: {get}});
  }
})();
)JS");

// Tells the test whether a mouse click reached the page: __testArmClick() numbers the next click, the
// mousedown listener records the number it saw.
const QString ClickWitness = QStringLiteral(R"JS(
window.__testDocument = Math.random();
window.__testArmClick = () => { window.__testClick = (window.__testClick || 0) + 1; return [window.__testDocument, window.__testClick]; };
window.addEventListener('mousedown', () => { window.__testSeen = window.__testClick; }, true);
)JS");

// Catches the loopback redirect of the PKCE flow before any request leaves, as the app does.
class CapturingPage : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

    std::optional<QUrl> captured;
    QStringList mainFrameUrls;
    QStringList console;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (isMainFrame) {
            mainFrameUrls.append(url.toString());
        }
        if (url.scheme() == QLatin1String("http") && url.host() == QLatin1String("127.0.0.1") &&
            url.port() == CallbackPort && url.path() == QLatin1String("/oauth/callback")) {
            captured = url;
            return false;
        }
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
    }

    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int lineNumber,
                                  const QString &sourceId) override
    {
        console.append(QStringLiteral("%1:%2 %3").arg(sourceId).arg(lineNumber).arg(message));
    }
};

// Lets the event loop run for a while. Unlike QTest::qWait it sleeps in the event loop itself, so WebEngine's
// round trips (scripts, IPC) take milliseconds instead of tens of them.
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until the predicate holds or the time is up.
template<typename Predicate> bool spinUntil(Predicate predicate, int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!predicate()) {
        if (elapsed.elapsed() > timeoutMs) {
            return false;
        }
        pause(20);
    }
    return true;
}

// One browser window: a profile (off the record unless named), a page and a visible view, so timers and
// animation frames run as for a person.
class Browser
{
public:
    explicit Browser(QWebEngineProfile *sharedProfile = nullptr)
    {
        if (!sharedProfile) {
            m_ownProfile = std::make_unique<QWebEngineProfile>();
        }
        QWebEngineProfile *profile = sharedProfile ? sharedProfile : m_ownProfile.get();
        m_page = std::make_unique<CapturingPage>(profile);
        m_view = std::make_unique<QWebEngineView>();
        m_view->setPage(m_page.get());
        m_view->resize(1024, 768);
        m_view->show();
        addMainWorldScript(ClickWitness, QStringLiteral("test-click-witness"));
    }

    ~Browser()
    {
        // Views before pages before profiles.
        m_view.reset();
        m_page.reset();
        m_ownProfile.reset();
    }

    CapturingPage &page() { return *m_page; }

    void addMainWorldScript(const QString &source, const QString &name = QStringLiteral("test-main-world"))
    {
        QWebEngineScript script;
        script.setName(name);
        script.setInjectionPoint(QWebEngineScript::DocumentCreation);
        script.setWorldId(QWebEngineScript::MainWorld);
        script.setRunsOnSubFrames(false);
        script.setSourceCode(source);
        m_page->scripts().insert(script);
    }

    void load(const QUrl &url) { m_page->load(url); }

    QVariant eval(const QString &script)
    {
        std::optional<QVariant> result;
        QEventLoop loop;
        m_page->runJavaScript(script, [&result, &loop](const QVariant &value) {
            result = value;
            loop.quit();
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        if (!result) {
            loop.exec();
        }
        if (!result) {
            qWarning("the page did not answer a script in time");
        }
        return result.value_or(QVariant());
    }

    bool waitFor(const QString &condition, int timeoutMs = WaitMs)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < timeoutMs) {
            if (eval(QStringLiteral("!!(() => { try { return %1; } catch (e) { return false; } })()")
                         .arg(condition))
                    .toBool()) {
                return true;
            }
            pause(40);
        }
        return false;
    }

    bool waitForText(const QString &text, int timeoutMs = WaitMs)
    {
        return waitFor(QStringLiteral("document.body && document.body.innerText.includes(%1)").arg(js(text)),
                       timeoutMs);
    }

    QString text() { return eval(QStringLiteral("document.body ? document.body.innerText : ''")).toString(); }
    QUrl url() { return m_page->url(); }

    // The native setter and a bubbling input event: what a keyboard does to a React-controlled input.
    bool type(const QString &element, const QString &text)
    {
        return eval(QStringLiteral("(() => { const i = %1; if (!i) return false; i.focus();"
                                   "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')"
                                   ".set.call(i, %2); i.dispatchEvent(new Event('input', {bubbles: true}));"
                                   "i.dispatchEvent(new Event('change', {bubbles: true})); return true; })()")
                        .arg(element, js(text)))
            .toBool();
    }

    // Where the element's centre is on screen, in widget pixels.
    std::optional<QPoint> centreOf(const QString &element)
    {
        const QVariant rect = eval(QStringLiteral("(() => { const e = %1; if (!e) return null;"
                                                  "e.scrollIntoView({block: 'center'});"
                                                  "const r = e.getBoundingClientRect();"
                                                  "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
                                       .arg(element));
        const QVariantList point = rect.toList();
        if (point.size() != 2) {
            return std::nullopt;
        }
        return QPoint(qRound(point.at(0).toDouble()), qRound(point.at(1).toDouble()));
    }

    // A mouse click where the element is drawn: whatever covers it gets the click.
    bool click(const QString &element)
    {
        const std::optional<QPoint> centre = centreOf(element);
        QWidget *target = m_view->focusProxy() ? m_view->focusProxy() : m_view.get();
        if (!centre) {
            return false;
        }
        // Chromium drops input that arrives before a freshly loaded page is on screen; a person whose click
        // did nothing clicks again. Only an undelivered click is repeated, never one that landed.
        for (int attempt = 0; attempt < 6; ++attempt) {
            const QVariantList before = eval(QStringLiteral("window.__testArmClick()")).toList();
            QTest::mouseMove(target, *centre);
            QTest::mouseClick(target, Qt::LeftButton, Qt::NoModifier, *centre);
            const bool delivered = spinUntil(
                [&] {
                    const QVariantList now =
                        eval(QStringLiteral("[window.__testDocument, window.__testSeen]")).toList();
                    // Another document: the click navigated, so it landed.
                    return before.size() != 2 || now.size() != 2 || now.at(0) != before.at(0) ||
                           now.at(1) == before.at(1);
                },
                400);
            if (delivered) {
                return true;
            }
        }
        return false;
    }

    // Waits until the element is there and enabled, then clicks it.
    bool clickWhenReady(const QString &element, int timeoutMs = WaitMs)
    {
        return waitFor(QStringLiteral(
                           "(() => { const e = %1; return e && !e.disabled && e.offsetParent !== null; })()")
                           .arg(element),
                       timeoutMs) &&
               click(element);
    }

    QString describe()
    {
        return QStringLiteral("at %1\npage text: %2\nconsole: %3")
            .arg(url().toString(), text().left(1500), m_page->console.join(QStringLiteral("\n")).right(1500));
    }

private:
    std::unique_ptr<QWebEngineProfile> m_ownProfile;
    std::unique_ptr<CapturingPage> m_page;
    std::unique_ptr<QWebEngineView> m_view;
};

struct Client
{
    QString clientId;
    QString clientSecret;
};

struct DeviceCode
{
    QString deviceCode;
    QString userCode;
    QUrl verificationUriComplete;
};

struct HttpAnswer
{
    int status = 0;
    QJsonObject json;
};

SimulatorConfig testConfig()
{
    SimulatorConfig config;
    SimulatorConfig::User alice;
    alice.username = QStringLiteral("alice");
    alice.password = QStringLiteral("alice's password");
    SimulatorConfig::User bob;
    bob.username = QStringLiteral("bob");
    bob.password = QStringLiteral("bob's password");
    bob.totpSecret = BobSecret;
    bob.mfa = SimulatorConfig::Mfa::Totp;
    SimulatorConfig::User carol;
    carol.username = QStringLiteral("carol");
    carol.password = QStringLiteral("carol's password");
    carol.mfa = SimulatorConfig::Mfa::SecurityKey;
    SimulatorConfig::User mallory;
    mallory.username = QStringLiteral("mallory");
    mallory.password = QStringLiteral("mallory's password");
    mallory.locked = true;
    SimulatorConfig::User erin;
    erin.username = QStringLiteral("erin");
    erin.password = QStringLiteral("erin's password");
    erin.identityProvider = SimulatorConfig::IdentityProvider::External;
    config.users = {alice, bob, carol, mallory, erin};
    // Quicker than a person, to keep the test short; the tests about the delays set their own.
    config.signInPages.metadataDelayMs = 150;
    config.signInPages.renderDelayMs = 100;
    return config;
}

QString totpNow(int stepOffset = 0)
{
    const Result<Totp> totp = Totp::fromBase32Secret(BobSecret);
    return totp->codeAt(QDateTime::currentSecsSinceEpoch() + qint64(stepOffset) * totp->periodSeconds());
}

// A code is judged by the step in which it arrives: one typed in the last seconds of a step may land in
// the next and count as one step older than meant. Tests that sit on the edge of the tolerance wait for a
// fresh step first.
void waitForAFreshTotpStep()
{
    const qint64 secondsIntoStep = QDateTime::currentSecsSinceEpoch() % 30;
    if (secondsIntoStep > 20) {
        QTest::qWait(int(30 - secondsIntoStep) * 1000 + 200);
    }
}

} // namespace

class TestSimSignInPages : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_problem; // why the last step helper failed
    // Persistent browser profiles keep writing for a while after they are gone: their files are removed with
    // the test object, at the very end.
    QTemporaryDir m_profiles;

    void startSimulator(const SimulatorConfig &config = testConfig())
    {
        m_simulator = std::make_unique<SsoSimulator>(config);
        const Result<quint16> port = m_simulator->listen();
        QVERIFY2(port, qPrintable(port ? QString() : port.error().message()));
    }

    SimSignInSettings &pages() { return m_simulator->config().signInPages; }

    void useGeneration(const QString &name)
    {
        if (name == QLatin1String("classic")) {
            pages().generation = SimSignInSettings::Generation::Classic;
        } else if (name == QLatin1String("mixed")) {
            pages().generation = SimSignInSettings::Generation::Mixed;
        } else {
            pages().generation = SimSignInSettings::Generation::Cloudscape;
        }
    }

    static void addGenerations()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
        QTest::newRow("mixed") << QStringLiteral("mixed");
    }

    QUrl url(const QString &path) const
    {
        QUrl result = m_simulator->baseUrl();
        result.setPath(path);
        return result;
    }

    HttpAnswer post(const QString &path, const QJsonObject &body)
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(
            m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
        if (!spinUntil([&] { return reply->isFinished(); }, 10000)) {
            return {};
        }
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    HttpAnswer get(const QString &path)
    {
        std::unique_ptr<QNetworkReply> reply(m_network->get(QNetworkRequest(url(path))));
        if (!spinUntil([&] { return reply->isFinished(); }, 10000)) {
            return {};
        }
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    Client registerClient(bool pkce)
    {
        QJsonObject body{{QStringLiteral("clientName"), QStringLiteral("botocore-client-test")},
                         {QStringLiteral("clientType"), QStringLiteral("public")},
                         {QStringLiteral("scopes"), QJsonArray{AccountAccess}}};
        if (pkce) {
            body.insert(QStringLiteral("grantTypes"),
                        QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")});
            body.insert(QStringLiteral("redirectUris"), QJsonArray{RegisteredRedirect});
            body.insert(QStringLiteral("issuerUrl"), StartUrl);
        }
        const HttpAnswer answer = post(QStringLiteral("/client/register"), body);
        return {answer.json.value(QStringLiteral("clientId")).toString(),
                answer.json.value(QStringLiteral("clientSecret")).toString()};
    }

    DeviceCode startDevice(const Client &client)
    {
        const HttpAnswer answer = post(QStringLiteral("/device_authorization"),
                                       QJsonObject{{QStringLiteral("clientId"), client.clientId},
                                                   {QStringLiteral("clientSecret"), client.clientSecret},
                                                   {QStringLiteral("startUrl"), StartUrl}});
        return {answer.json.value(QStringLiteral("deviceCode")).toString(),
                answer.json.value(QStringLiteral("userCode")).toString(),
                QUrl(answer.json.value(QStringLiteral("verificationUriComplete")).toString())};
    }

    HttpAnswer pollToken(const Client &client, const QString &deviceCode)
    {
        return post(QStringLiteral("/token"),
                    QJsonObject{{QStringLiteral("clientId"), client.clientId},
                                {QStringLiteral("clientSecret"), client.clientSecret},
                                {QStringLiteral("grantType"), DeviceGrant},
                                {QStringLiteral("deviceCode"), deviceCode}});
    }

    HttpAnswer redeemCode(const Client &client, const QString &code)
    {
        return post(QStringLiteral("/token"),
                    QJsonObject{{QStringLiteral("clientId"), client.clientId},
                                {QStringLiteral("clientSecret"), client.clientSecret},
                                {QStringLiteral("grantType"), QStringLiteral("authorization_code")},
                                {QStringLiteral("code"), code},
                                {QStringLiteral("redirectUri"),
                                 QStringLiteral("http://127.0.0.1:%1/oauth/callback").arg(CallbackPort)},
                                {QStringLiteral("codeVerifier"), Verifier}});
    }

    QUrl authorizeUrl(const Client &client, const QString &state)
    {
        QUrl result = url(QStringLiteral("/authorize"));
        QUrlQuery items;
        const QList<QPair<QString, QString>> pairs{
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), client.clientId},
            {QStringLiteral("redirect_uri"),
             QStringLiteral("http://127.0.0.1:%1/oauth/callback").arg(CallbackPort)},
            {QStringLiteral("state"), state},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
            {QStringLiteral("scopes"), AccountAccess},
            {QStringLiteral("code_challenge"), challengeFor(Verifier)}};
        for (const auto &[key, value] : pairs) {
            items.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        result.setQuery(items.query(QUrl::FullyEncoded), QUrl::StrictMode);
        return result;
    }

    // --- steps as a person takes them; false with m_problem set when the page did not let them --------

    bool fail(Browser &browser, const QString &what)
    {
        m_problem = what + QLatin1Char('\n') + browser.describe();
        return false;
    }

    // Types into the field and submits its form with its button, once the page is ready for it.
    bool submitField(Browser &browser, const QString &input, const QString &value)
    {
        const QString button = submitOf(input);
        if (!browser.waitFor(
                QStringLiteral("(() => { const b = %1; return b && !b.disabled; })()").arg(button))) {
            return fail(browser, QStringLiteral("no enabled submit button for %1").arg(input));
        }
        // A person takes longer than the page script needs to fill metadata1.
        browser.waitFor(QStringLiteral("(() => { const m = document.querySelector('input[name=metadata1]');"
                                       " return !m || m.value !== ''; })()"));
        if (!browser.type(input, value)) {
            return fail(browser, QStringLiteral("cannot type into %1").arg(input));
        }
        if (!browser.click(button)) {
            return fail(browser, QStringLiteral("cannot click the submit button"));
        }
        return true;
    }

    bool acceptCookies(Browser &browser)
    {
        return browser.clickWhenReady(CookieAccept) ? true
                                                    : fail(browser, QStringLiteral("no cookie banner"));
    }

    // The code shown as text (cloudscape) or in the code field (classic).
    static QString showsCode(const QString &userCode)
    {
        return QStringLiteral(
                   "document.body.innerText.includes(%1) || [...document.querySelectorAll('input')]"
                   ".some((i) => i.value === %1)")
            .arg(js(userCode));
    }

    bool confirmDevice(Browser &browser, const DeviceCode &code)
    {
        if (!browser.waitFor(showsCode(code.userCode))) {
            return fail(browser, QStringLiteral("the device page does not show %1").arg(code.userCode));
        }
        if (!acceptCookies(browser) || !browser.clickWhenReady(DeviceButton)) {
            return fail(browser, QStringLiteral("cannot confirm the device code"));
        }
        return true;
    }

    bool signIn(Browser &browser, const QString &username, const QString &password)
    {
        if (!browser.waitFor(UsernameInput)) {
            return fail(browser, QStringLiteral("no username step"));
        }
        if (!submitField(browser, UsernameInput, username)) {
            return false;
        }
        if (!browser.waitFor(PasswordInput)) {
            return fail(browser, QStringLiteral("no password step"));
        }
        return submitField(browser, PasswordInput, password);
    }

    bool allow(Browser &browser, bool bannerExpected)
    {
        if (!browser.waitFor(AllowButton)) {
            return fail(browser, QStringLiteral("no consent step"));
        }
        if (bannerExpected && !acceptCookies(browser)) {
            return false;
        }
        return browser.clickWhenReady(AllowButton) ? true
                                                   : fail(browser, QStringLiteral("cannot click Allow"));
    }

    bool waitForCapture(Browser &browser, int timeoutMs = WaitMs)
    {
        return spinUntil([&] { return browser.page().captured.has_value(); }, timeoutMs)
                   ? true
                   : fail(browser, QStringLiteral("no redirect to the loopback callback"));
    }

    // The device flow from the verification URI to "Request approved", for a user without MFA.
    bool deviceFlow(Browser &browser, const DeviceCode &code, const QString &username,
                    const QString &password, bool bannerOnDevicePage = true)
    {
        browser.load(code.verificationUriComplete);
        if (bannerOnDevicePage
                ? !confirmDevice(browser, code)
                : !(browser.waitFor(showsCode(code.userCode)) && browser.clickWhenReady(DeviceButton))) {
            return m_problem.isEmpty() ? fail(browser, QStringLiteral("device page")) : false;
        }
        if (!signIn(browser, username, password) || !allow(browser, false)) {
            return false;
        }
        return browser.waitForText(QStringLiteral("Request approved"))
                   ? true
                   : fail(browser, QStringLiteral("no success"));
    }

private slots:
    void init()
    {
        m_problem.clear();
        m_network = std::make_unique<QNetworkAccessManager>();
        startSimulator();
    }

    void cleanup()
    {
        m_network.reset();
        m_simulator.reset();
    }

    // --- settings --------------------------------------------------------------------------------------

    void settingsLoadFromJson()
    {
        const Result<SimulatorConfig> config = SimulatorConfig::fromJson(QJsonObject{
            {QStringLiteral("users"),
             QJsonArray{QJsonObject{{QStringLiteral("username"), QStringLiteral("erin")},
                                    {QStringLiteral("password"), QStringLiteral("p")},
                                    {QStringLiteral("identityProvider"), QStringLiteral("external")}}}},
            {QStringLiteral("signInPages"),
             QJsonObject{{QStringLiteral("generation"), QStringLiteral("mixed")},
                         {QStringLiteral("mixed"),
                          QJsonObject{{QStringLiteral("consent"), QStringLiteral("classic")}}},
                         {QStringLiteral("variant"), QStringLiteral("alternate")},
                         {QStringLiteral("metadataDelayMs"), 10},
                         {QStringLiteral("cookieBanner"), false},
                         {QStringLiteral("phishingOrigin"), true},
                         {QStringLiteral("wrongState"), true}}}});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message()));
        const SimSignInSettings &settings = config->signInPages;
        QCOMPARE(config->users.first().identityProvider, SimulatorConfig::IdentityProvider::External);
        QCOMPARE(settings.generation, SimSignInSettings::Generation::Mixed);
        QCOMPARE(settings.generationFor(SimSignInSettings::PageGroup::Consent),
                 SimSignInSettings::Generation::Classic);
        QCOMPARE(settings.generationFor(SimSignInSettings::PageGroup::SignIn),
                 SimSignInSettings::Generation::Cloudscape);
        QCOMPARE(settings.variant, SimSignInSettings::Variant::Alternate);
        QCOMPARE(settings.effectiveRenderDelayMs(), 800);
        QCOMPARE(settings.metadataDelayMs, 10);
        QVERIFY(!settings.cookieBanner);
        QVERIFY(settings.phishingOrigin);
        QVERIFY(settings.wrongState);

        const SimSignInSettings defaults;
        QCOMPARE(defaults.generation, SimSignInSettings::Generation::Cloudscape);
        QCOMPARE(defaults.effectiveRenderDelayMs(), 300);
        QCOMPARE(defaults.metadataDelayMs, 1500);
        QVERIFY(defaults.cookieBanner);

        const Result<SimulatorConfig> example =
            SimulatorConfig::load(QStringLiteral(TESTS_DATA_DIR "/sim/sign-in-pages.json"));
        QVERIFY2(example, qPrintable(example ? QString() : example.error().message()));
        QCOMPARE(example->signInPages.generation, SimSignInSettings::Generation::Mixed);
        QCOMPARE(example->signInPages.renderDelayMs, -1);
        QCOMPARE(example->findUser(QStringLiteral("erin"))->identityProvider,
                 SimulatorConfig::IdentityProvider::External);

        const Result<SimulatorConfig> wrong = SimulatorConfig::fromJson(
            QJsonObject{{QStringLiteral("signInPages"),
                         QJsonObject{{QStringLiteral("generation"), QStringLiteral("modern")}}}});
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message().contains(QStringLiteral("signInPages.generation must be")),
                 qPrintable(wrong.error().message()));
        const Result<SimulatorConfig> typo = SimulatorConfig::fromJson(QJsonObject{
            {QStringLiteral("signInPages"), QJsonObject{{QStringLiteral("cookiebanner"), true}}}});
        QVERIFY(!typo);
        QVERIFY(typo.error().message().contains(
            QStringLiteral("signInPages.cookiebanner is not a known setting")));
    }

    void settingsChangeAtRunTime()
    {
        HttpAnswer answer = post(QStringLiteral("/_sim/pages"),
                                 QJsonObject{{QStringLiteral("generation"), QStringLiteral("classic")},
                                             {QStringLiteral("renderDelayMs"), 50}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(pages().generation, SimSignInSettings::Generation::Classic);
        QCOMPARE(pages().renderDelayMs, 50);
        // Partial: what is not named stays.
        answer = post(QStringLiteral("/_sim/pages"), QJsonObject{{QStringLiteral("wrongState"), true}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(pages().generation, SimSignInSettings::Generation::Classic);
        QVERIFY(pages().wrongState);
        const QJsonObject shown =
            get(QStringLiteral("/_sim/pages")).json.value(QStringLiteral("signInPages")).toObject();
        QCOMPARE(shown.value(QStringLiteral("generation")).toString(), QStringLiteral("classic"));
        QCOMPARE(shown.value(QStringLiteral("renderDelayMs")).toInt(), 50);
        QCOMPARE(
            post(QStringLiteral("/_sim/pages"), QJsonObject{{QStringLiteral("variant"), QStringLiteral("x")}})
                .status,
            400);
        QCOMPARE(post(QStringLiteral("/_sim/end-sessions"), QJsonObject{}).status, 200);
        const QJsonObject state = get(QStringLiteral("/_sim/state")).json;
        QVERIFY(state.contains(QStringLiteral("signInPages")));
        QCOMPARE(state.value(QStringLiteral("portalSessions")).toInt(), 0);
    }

    // --- the device flow -------------------------------------------------------------------------------

    void deviceFlowEndToEnd_data() { addGenerations(); }
    void deviceFlowEndToEnd()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        const Client client = registerClient(false);
        const DeviceCode code = startDevice(client);
        QCOMPARE(pollToken(client, code.deviceCode).json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("authorization_pending"));
        Browser browser;
        QVERIFY2(deviceFlow(browser, code, QStringLiteral("alice"), QStringLiteral("alice's password")),
                 qPrintable(m_problem));
        QVERIFY(browser.waitForText(QStringLiteral("You can close this window")));
        // The portal session cookie is HttpOnly: page scripts never see it.
        QVERIFY(!browser.eval(QStringLiteral("document.cookie"))
                     .toString()
                     .contains(QStringLiteral("x-amz-sso_authn")));
        const HttpAnswer token = pollToken(client, code.deviceCode);
        QCOMPARE(token.status, 200);
        QVERIFY(!token.json.value(QStringLiteral("accessToken")).toString().isEmpty());
    }

    void deviceCodeTypedByHand_data() { addGenerations(); }
    void deviceCodeTypedByHand()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        pages().cookieBanner = false;
        const Client client = registerClient(false);
        const DeviceCode code = startDevice(client);
        Browser browser;
        browser.load(url(QStringLiteral("/device")));
        const QString codeInput = inputLabelled(QStringLiteral("Code"));
        QVERIFY2(browser.waitFor(codeInput), qPrintable(browser.describe()));
        QVERIFY(browser.type(codeInput, QStringLiteral("BCDF-GHJK")));
        QVERIFY(browser.clickWhenReady(DeviceButton));
        QVERIFY2(browser.waitFor(QStringLiteral("(%1).includes('not valid')").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        QVERIFY(browser.waitFor(codeInput));
        QVERIFY(browser.type(codeInput, code.userCode.toLower()));
        QVERIFY(browser.clickWhenReady(DeviceButton));
        QVERIFY2(browser.waitFor(UsernameInput), qPrintable(browser.describe()));
    }

    void deniedDeviceRequest()
    {
        const Client client = registerClient(false);
        const DeviceCode code = startDevice(client);
        Browser browser;
        browser.load(code.verificationUriComplete);
        QVERIFY2(confirmDevice(browser, code), qPrintable(m_problem));
        QVERIFY2(signIn(browser, QStringLiteral("alice"), QStringLiteral("alice's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.clickWhenReady(query(QStringLiteral("[data-testid=deny-access-button]"))),
                 qPrintable(browser.describe()));
        QVERIFY2(browser.waitForText(QStringLiteral("Request denied")), qPrintable(browser.describe()));
        const HttpAnswer token = pollToken(client, code.deviceCode);
        QCOMPARE(token.json.value(QStringLiteral("error")).toString(), QStringLiteral("access_denied"));
    }

    // --- the PKCE flow ---------------------------------------------------------------------------------

    void pkceFlowEndToEnd_data() { addGenerations(); }
    void pkceFlowEndToEnd()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        const Client client = registerClient(true);
        const QString state = QStringLiteral("st a&te=1");
        Browser browser;
        browser.load(authorizeUrl(client, state));
        QVERIFY2(signIn(browser, QStringLiteral("alice"), QStringLiteral("alice's password")),
                 qPrintable(m_problem));
        QVERIFY2(allow(browser, true), qPrintable(m_problem));
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
        const QUrlQuery query(*browser.page().captured);
        QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), state);
        const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QVERIFY(!code.isEmpty());
        const HttpAnswer token = redeemCode(client, code);
        QCOMPARE(token.status, 200);
        QVERIFY(!token.json.value(QStringLiteral("refreshToken")).toString().isEmpty());
    }

    void deniedConsentRedirectsWithAccessDenied()
    {
        useGeneration(QStringLiteral("classic"));
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("deny-me")));
        QVERIFY2(signIn(browser, QStringLiteral("alice"), QStringLiteral("alice's password")),
                 qPrintable(m_problem));
        QVERIFY(browser.waitFor(AllowButton));
        QVERIFY(acceptCookies(browser));
        QVERIFY(browser.clickWhenReady(query(QStringLiteral("#cli_cancel_link"))));
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
        const QUrlQuery redirect(*browser.page().captured);
        QCOMPARE(redirect.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(redirect.queryItemValue(QStringLiteral("state")), QStringLiteral("deny-me"));
        QVERIFY(!redirect.hasQueryItem(QStringLiteral("code")));
    }

    // --- the sign-in steps -----------------------------------------------------------------------------

    void wrongPasswordShowsAnError_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
    }
    void wrongPasswordShowsAnError()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("s")));
        QVERIFY2(signIn(browser, QStringLiteral("alice"), QStringLiteral("not it")), qPrintable(m_problem));
        QVERIFY2(browser.waitFor(
                     QStringLiteral(
                         "(%1).includes('Your authentication information is incorrect. Please try again.')")
                         .arg(ErrorShown)),
                 qPrintable(browser.describe()));
        // Still on the password step, and it accepts the right one.
        QVERIFY(submitField(browser, PasswordInput, QStringLiteral("alice's password")));
        QVERIFY2(browser.waitFor(AllowButton), qPrintable(browser.describe()));
    }

    void lockedUserIsRefused_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
    }
    void lockedUserIsRefused()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("locked-state")));
        QVERIFY2(signIn(browser, QStringLiteral("mallory"), QStringLiteral("mallory's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.waitFor(QStringLiteral("(%1).includes('Your account is locked')").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
        const QUrlQuery redirect(*browser.page().captured);
        QCOMPARE(redirect.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(redirect.queryItemValue(QStringLiteral("state")), QStringLiteral("locked-state"));
    }

    void lockedUserDeniesTheDeviceCode()
    {
        const Client client = registerClient(false);
        const DeviceCode code = startDevice(client);
        Browser browser;
        browser.load(code.verificationUriComplete);
        QVERIFY2(confirmDevice(browser, code), qPrintable(m_problem));
        QVERIFY2(signIn(browser, QStringLiteral("mallory"), QStringLiteral("mallory's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.waitFor(QStringLiteral("(%1).includes('Your account is locked')").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        QCOMPARE(pollToken(client, code.deviceCode).json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("access_denied"));
    }

    void totpIsCheckedWithOneStepOfTolerance_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
    }
    void totpIsCheckedWithOneStepOfTolerance()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("s")));
        QVERIFY2(signIn(browser, QStringLiteral("bob"), QStringLiteral("bob's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.waitFor(CodeInput), qPrintable(browser.describe()));
        if (generation == QLatin1String("cloudscape")) {
            QVERIFY(browser.waitForText(QStringLiteral("Additional verification required")));
            QVERIFY(browser.waitFor(query(QStringLiteral("input[placeholder='Enter code']"))));
        } else {
            QVERIFY(browser.waitFor(query(QStringLiteral("#awsui-input-2"))));
        }
        QVERIFY(browser.waitForText(QStringLiteral("MFA code")));
        // Three steps away is out of tolerance.
        QVERIFY(submitField(browser, CodeInput, totpNow(3)));
        QVERIFY2(browser.waitFor(
                     QStringLiteral("(%1).includes('MFA code you entered is incorrect')").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        // The previous step's code still counts (RFC 6238 section 5.2).
        waitForAFreshTotpStep();
        QVERIFY(submitField(browser, CodeInput, totpNow(-1)));
        QVERIFY2(browser.waitFor(AllowButton), qPrintable(browser.describe()));
    }

    void securityKeyStep_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
    }
    void securityKeyStep()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        const Client client = registerClient(true);
        Browser browser;
        // No key at first: the promise rejects as with no key present.
        browser.addMainWorldScript(QStringLiteral("window.__simKey = 'absent';") + SecurityKeyStub);
        browser.load(authorizeUrl(client, QStringLiteral("key-state")));
        QVERIFY2(signIn(browser, QStringLiteral("carol"), QStringLiteral("carol's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.waitFor(
                     QStringLiteral("(%1).includes('did not respond or was not accepted')").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        QVERIFY(browser.text().contains(QStringLiteral("NotAllowedError")));
        QCOMPARE(browser.eval(QStringLiteral("window.__simKeyCalls")).toInt(), 1);
        // The key arrives; the person tries again.
        browser.eval(QStringLiteral("window.__simKey = 'touch'"));
        QVERIFY(browser.clickWhenReady(buttonNamed(QStringLiteral("Try again"))));
        QVERIFY2(allow(browser, true), qPrintable(m_problem));
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
        QVERIFY(QUrlQuery(*browser.page().captured).hasQueryItem(QStringLiteral("code")));
    }

    // --- what the driver must cope with ----------------------------------------------------------------

    void fieldsAppearAfterTheRenderDelay()
    {
        pages().renderDelayMs = -1; // the standard variant's own: 300 ms
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("s")));
        QVERIFY(spinUntil(
            [&] {
                return browser.eval(QStringLiteral("document.readyState")).toString() ==
                       QLatin1String("complete");
            },
            WaitMs));
        QVERIFY(!browser.eval(QStringLiteral("!!") + UsernameInput).toBool());
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(browser.waitFor(UsernameInput));
        QVERIFY2(elapsed.elapsed() > 200, qPrintable(QString::number(elapsed.elapsed())));
    }

    void metadataMustBeFilledBeforeSubmitting_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
    }
    void metadataMustBeFilledBeforeSubmitting()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        pages().metadataDelayMs = 2500;
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("s")));
        const QString button = submitOf(UsernameInput);
        QVERIFY(browser.waitFor(
            QStringLiteral("(() => { const b = %1; return b && !b.disabled; })()").arg(button)));
        QCOMPARE(
            browser.eval(QStringLiteral("document.querySelector('input[name=metadata1]').value")).toString(),
            QString());
        QVERIFY(browser.type(UsernameInput, QStringLiteral("alice")));
        QVERIFY(browser.click(button));
        QVERIFY2(browser.waitFor(
                     QStringLiteral("(%1).includes(\"couldn't verify your browser\")").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        QVERIFY(!browser.eval(QStringLiteral("!!") + PasswordInput).toBool());
        // Once the page script filled it, the same submit goes through.
        QVERIFY(
            browser.waitFor(QStringLiteral("document.querySelector('input[name=metadata1]').value !== ''")));
        QVERIFY(submitField(browser, UsernameInput, QStringLiteral("alice")));
        QVERIFY2(browser.waitFor(PasswordInput), qPrintable(browser.describe()));
    }

    void cookieBannerCoversTheConsentButton()
    {
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("banner")));
        QVERIFY2(signIn(browser, QStringLiteral("alice"), QStringLiteral("alice's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.waitFor(
                     QStringLiteral("(() => { const b = %1; return b && !b.disabled; })()").arg(AllowButton)),
                 qPrintable(browser.describe()));
        QVERIFY(browser.waitFor(CookieAccept));
        QVERIFY(browser.waitForText(QStringLiteral("Accept all cookies")));
        // What is on top where the button is drawn: the banner.
        QVERIFY(
            browser
                .eval(QStringLiteral(
                          "(() => { const r = %1.getBoundingClientRect();"
                          "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                          "return !!top.closest('#awsccc-sb-ux-c'); })()")
                          .arg(AllowButton))
                .toBool());
        QVERIFY(browser.click(AllowButton));
        browser.eval(QStringLiteral("%1.click()").arg(AllowButton));
        pause(800);
        QVERIFY(!browser.page().captured);
        QVERIFY(browser.eval(QStringLiteral("!!") + AllowButton).toBool());
        QVERIFY(acceptCookies(browser));
        QVERIFY(browser.waitFor(QStringLiteral("!document.querySelector('#awsccc-sb-ux-c')")));
        QVERIFY(browser.clickWhenReady(AllowButton));
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
    }

    void reactControlledInputsIgnorePlainAssignment()
    {
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("s")));
        const QString button = submitOf(UsernameInput);
        QVERIFY(browser.waitFor(
            QStringLiteral("(() => { const b = %1; return b && !b.disabled; })()").arg(button)));
        QVERIFY(
            browser.waitFor(QStringLiteral("document.querySelector('input[name=metadata1]').value !== ''")));
        // What a naive script does: the page's state never hears of it.
        browser.eval(QStringLiteral("(() => { const i = %1; i.value = 'alice';"
                                    "i.dispatchEvent(new Event('input', {bubbles: true})); })()")
                         .arg(UsernameInput));
        QCOMPARE(browser.eval(UsernameInput + QStringLiteral(".value")).toString(), QString());
        QVERIFY(browser.click(button));
        QVERIFY2(browser.waitFor(QStringLiteral("(%1).includes('Enter your username.')").arg(ErrorShown)),
                 qPrintable(browser.describe()));
        QVERIFY(!browser.eval(QStringLiteral("!!") + PasswordInput).toBool());
        // The native setter and an input event is typing.
        QVERIFY(submitField(browser, UsernameInput, QStringLiteral("alice")));
        QVERIFY2(browser.waitFor(PasswordInput), qPrintable(browser.describe()));
        // Cloudscape changes steps without navigating.
        QCOMPARE(browser.page().mainFrameUrls.filter(QStringLiteral("/platform/d-1234567890/login")).size(),
                 1);
    }

    void portalSessionSkipsTheSignInTheSecondTime()
    {
        QVERIFY(m_profiles.isValid());
        QWebEngineProfile profile(QStringLiteral("sim-session-test"));
        profile.setPersistentStoragePath(m_profiles.filePath(QStringLiteral("session")));
        profile.setPersistentCookiesPolicy(QWebEngineProfile::ForcePersistentCookies);
        const Client client = registerClient(false);
        {
            const DeviceCode first = startDevice(client);
            Browser browser(&profile);
            QVERIFY2(deviceFlow(browser, first, QStringLiteral("alice"), QStringLiteral("alice's password")),
                     qPrintable(m_problem));
        }
        QCOMPARE(get(QStringLiteral("/_sim/state")).json.value(QStringLiteral("portalSessions")).toInt(), 1);
        const DeviceCode second = startDevice(client);
        Browser browser(&profile);
        browser.load(second.verificationUriComplete);
        QVERIFY(browser.waitFor(showsCode(second.userCode)));
        QVERIFY(browser.clickWhenReady(DeviceButton));
        // Straight to the consent: no username, no password.
        QVERIFY2(browser.waitFor(AllowButton), qPrintable(browser.describe()));
        QVERIFY(browser.waitForText(QStringLiteral("alice")));
        QVERIFY(browser.page().mainFrameUrls.filter(QStringLiteral("/login")).isEmpty());
        QVERIFY(browser.clickWhenReady(AllowButton));
        QVERIFY(browser.waitForText(QStringLiteral("Request approved")));
        QCOMPARE(pollToken(client, second.deviceCode).status, 200);
    }

    void rememberedDeviceSkipsMfa()
    {
        QVERIFY(m_profiles.isValid());
        QWebEngineProfile profile(QStringLiteral("sim-device-test"));
        profile.setPersistentStoragePath(m_profiles.filePath(QStringLiteral("device")));
        profile.setPersistentCookiesPolicy(QWebEngineProfile::ForcePersistentCookies);
        const Client client = registerClient(true);
        {
            Browser browser(&profile);
            browser.load(authorizeUrl(client, QStringLiteral("first")));
            QVERIFY2(signIn(browser, QStringLiteral("bob"), QStringLiteral("bob's password")),
                     qPrintable(m_problem));
            QVERIFY2(browser.waitFor(CodeInput), qPrintable(browser.describe()));
            QVERIFY(submitField(browser, CodeInput, totpNow()));
            QVERIFY2(allow(browser, true), qPrintable(m_problem));
            QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
        }
        // The portal session ends (as after 8 hours); the device stays remembered.
        QCOMPARE(m_simulator->endBrowserSessions(), 1);
        {
            Browser browser(&profile);
            browser.load(authorizeUrl(client, QStringLiteral("second")));
            QVERIFY2(signIn(browser, QStringLiteral("bob"), QStringLiteral("bob's password")),
                     qPrintable(m_problem));
            QVERIFY2(browser.waitFor(AllowButton), qPrintable(browser.describe()));
            QVERIFY(!browser.eval(QStringLiteral("!!") + CodeInput).toBool());
        }
        // Forgotten devices ask again.
        m_simulator->endBrowserSessions(true);
        Browser browser(&profile);
        browser.load(authorizeUrl(client, QStringLiteral("third")));
        QVERIFY2(signIn(browser, QStringLiteral("bob"), QStringLiteral("bob's password")),
                 qPrintable(m_problem));
        QVERIFY2(browser.waitFor(CodeInput), qPrintable(browser.describe()));
    }

    void externalIdentityProvider()
    {
        const Client client = registerClient(false);
        const DeviceCode code = startDevice(client);
        Browser browser;
        browser.load(code.verificationUriComplete);
        QVERIFY2(confirmDevice(browser, code), qPrintable(m_problem));
        QVERIFY(browser.waitFor(UsernameInput));
        QVERIFY(submitField(browser, UsernameInput, QStringLiteral("erin")));
        const QString corporateId = inputLabelled(QStringLiteral("Corporate ID"));
        const QString passcode = inputLabelled(QStringLiteral("Passcode"));
        QVERIFY2(browser.waitFor(corporateId), qPrintable(browser.describe()));
        QVERIFY(browser.url().path().startsWith(QStringLiteral("/external-idp/")));
        QVERIFY(browser.waitForText(QStringLiteral("Example Corp")));
        QVERIFY(browser.type(corporateId, QStringLiteral("erin")));
        QVERIFY(browser.type(passcode, QStringLiteral("wrong")));
        QVERIFY(browser.click(buttonNamed(QStringLiteral("Sign on"))));
        QVERIFY2(browser.waitForText(QStringLiteral("Invalid Corporate ID or Passcode.")),
                 qPrintable(browser.describe()));
        QVERIFY(browser.waitFor(corporateId));
        QVERIFY(browser.type(corporateId, QStringLiteral("erin")));
        QVERIFY(browser.type(passcode, QStringLiteral("erin's password")));
        QVERIFY(browser.click(buttonNamed(QStringLiteral("Sign on"))));
        QVERIFY2(allow(browser, false), qPrintable(m_problem));
        QVERIFY2(browser.waitForText(QStringLiteral("Request approved")), qPrintable(browser.describe()));
        QCOMPARE(pollToken(client, code.deviceCode).status, 200);
    }

    void phishingOriginServesThePasswordPage_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::newRow("classic") << QStringLiteral("classic");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape");
    }
    void phishingOriginServesThePasswordPage()
    {
        QFETCH(QString, generation);
        useGeneration(generation);
        pages().phishingOrigin = true;
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("s")));
        QVERIFY(browser.waitFor(UsernameInput));
        QVERIFY(submitField(browser, UsernameInput, QStringLiteral("alice")));
        QVERIFY2(browser.waitFor(PasswordInput), qPrintable(browser.describe()));
        const QUrl passwordPage = browser.url();
        QCOMPARE(passwordPage.host(), m_simulator->baseUrl().host());
        QVERIFY(passwordPage.port() != m_simulator->baseUrl().port());
        QCOMPARE(m_simulator->phishingReport().origin.port(), passwordPage.port());
        QCOMPARE(m_simulator->phishingReport().pageViews, 1);
        QCOMPARE(m_simulator->phishingReport().inputEvents, 0);
        QCOMPARE(m_simulator->phishingReport().submissions, 0);
        // A person who types here anyway is seen doing so.
        QVERIFY(submitField(browser, PasswordInput, QStringLiteral("alice's password")));
        QVERIFY2(allow(browser, true), qPrintable(m_problem));
        QVERIFY(m_simulator->phishingReport().inputEvents > 0);
        QCOMPARE(m_simulator->phishingReport().submissions, 1);
        QCOMPARE(browser.url().port(), m_simulator->baseUrl().port());
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
    }

    void wrongStateOption()
    {
        pages().wrongState = true;
        const Client client = registerClient(true);
        Browser browser;
        browser.load(authorizeUrl(client, QStringLiteral("mine")));
        QVERIFY2(signIn(browser, QStringLiteral("alice"), QStringLiteral("alice's password")),
                 qPrintable(m_problem));
        QVERIFY2(allow(browser, true), qPrintable(m_problem));
        QVERIFY2(waitForCapture(browser), qPrintable(m_problem));
        const QUrlQuery redirect(*browser.page().captured);
        QVERIFY(!redirect.queryItemValue(QStringLiteral("code")).isEmpty());
        QVERIFY(redirect.hasQueryItem(QStringLiteral("state")));
        QVERIFY(redirect.queryItemValue(QStringLiteral("state")) != QLatin1String("mine"));
    }

    void alternateVariant_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::addColumn<QString>("mfaLabel");
        QTest::newRow("classic") << QStringLiteral("classic") << QStringLiteral("Verification code");
        QTest::newRow("cloudscape") << QStringLiteral("cloudscape") << QStringLiteral("Passcode");
    }
    void alternateVariant()
    {
        QFETCH(QString, generation);
        QFETCH(QString, mfaLabel);
        useGeneration(generation);
        pages().variant = SimSignInSettings::Variant::Alternate;
        pages().renderDelayMs = -1; // the variant's own, slower: 800 ms
        const Client client = registerClient(false);
        const DeviceCode code = startDevice(client);
        Browser browser;
        browser.load(code.verificationUriComplete);
        QVERIFY(browser.waitFor(showsCode(code.userCode)));
        QVERIFY(browser.clickWhenReady(query(QStringLiteral("[data-id=awsccc-cb-btn-accept]"))));
        QVERIFY(!browser.eval(QStringLiteral("!!") + DeviceButton).toBool());
        QVERIFY(browser.clickWhenReady(buttonNamed(QStringLiteral("Confirm"))));

        // Found by meaning: the label, not the id.
        const QString email = inputLabelled(QStringLiteral("Email address"));
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY2(browser.waitFor(email), qPrintable(browser.describe()));
        QVERIFY2(elapsed.elapsed() > 400, "the alternate variant renders more slowly");
        QVERIFY(!browser.eval(QStringLiteral("!!document.querySelector('#awsui-input-0, #username-input')"))
                     .toBool());
        QCOMPARE(browser.eval(email + QStringLiteral(".getAttribute('autocomplete')")).toString(),
                 QStringLiteral("username"));
        QVERIFY(browser.waitFor(buttonNamed(QStringLiteral("Continue"))));
        QVERIFY(!browser.eval(QStringLiteral("!!(%1)").arg(buttonNamed(QStringLiteral("Next")))).toBool());
        QVERIFY(submitField(browser, email, QStringLiteral("bob")));
        const QString password = inputLabelled(QStringLiteral("Password"));
        QVERIFY2(browser.waitFor(password), qPrintable(browser.describe()));
        QVERIFY(submitField(browser, password, QStringLiteral("bob's password")));
        const QString otp = inputLabelled(mfaLabel);
        QVERIFY2(browser.waitFor(otp), qPrintable(browser.describe()));
        QVERIFY(!browser.text().contains(QStringLiteral("MFA code")));
        QCOMPARE(browser.eval(otp + QStringLiteral(".getAttribute('autocomplete')")).toString(),
                 QStringLiteral("one-time-code"));
        QVERIFY(submitField(browser, otp, totpNow()));
        const QString approve = buttonNamed(QStringLiteral("Approve"));
        QVERIFY2(browser.waitFor(approve), qPrintable(browser.describe()));
        QVERIFY(!browser.eval(QStringLiteral("!!") + AllowButton).toBool());
        QVERIFY(browser.clickWhenReady(approve));
        QVERIFY2(browser.waitForText(QStringLiteral("You may now close this window")),
                 qPrintable(browser.describe()));
        QVERIFY(!browser.text().contains(QStringLiteral("Request approved")));
        QCOMPARE(pollToken(client, code.deviceCode).status, 200);
    }
};

int main(int argc, char **argv)
{
    // WebEngine refuses to start as root with its sandbox on; tests only.
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication application(argc, argv);
    TestSimSignInPages test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSimSignInPages.moc"
