#include "BrowserTestMain.h"
#include "MfaCodeProvider.h"
#include "PortalDriver.h"
#include "SignInPage.h"
#include "SignInView.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebEngineProfile>
#include <QWebEngineScript>

namespace {

const QUrl TrustedBase(QStringLiteral("https://my-sso.awsapps.com/start/"));

class FixedCode : public MfaCodeProvider
{
public:
    void requestCode(int attempt, std::function<void(Result<QString>)> done) override
    {
        attempts = attempt;
        done(QStringLiteral("123456"));
    }
    int attempts = 0;
};

// Pages record what reached them in window.received, which the test reads from the page's world.
const char *const RecordScript = R"html(
window.received = [];
function record(what) { window.received.push(what); }
)html";

} // namespace

class TestPortalDriver : public QObject
{
    Q_OBJECT
private:
    QWebEngineProfile *m_profile = nullptr;
    std::unique_ptr<SignInPage> m_page;
    std::unique_ptr<SignInView> m_view;
    std::unique_ptr<PortalDriver> m_driver;
    FixedCode m_mfa;

    void load(const QString &body, const QUrl &base = TrustedBase, bool withView = true)
    {
        m_page = std::make_unique<SignInPage>(m_profile);
        m_page->installScripts();
        if (withView) {
            m_view = std::make_unique<SignInView>(m_page.get());
        }
        QSignalSpy loaded(m_page.get(), &QWebEnginePage::loadFinished);
        m_page->setHtml(
            QStringLiteral("<!doctype html><html><head><script>%1</script></head><body>%2</body></html>")
                .arg(QLatin1String(RecordScript), body),
            base);
        QVERIFY(loaded.wait(20000));
        m_driver = std::make_unique<PortalDriver>(
            m_page.get(), OriginPolicy(TrustedBase, QUrl()),
            SignInSecrets{QStringLiteral("alice"), QStringLiteral("s3cret pass")}, &m_mfa);
        m_driver->setLostAfterMs(1500);
    }

    QStringList received()
    {
        QStringList result;
        bool done = false;
        m_page->runJavaScript(QStringLiteral("JSON.stringify(window.received)"), QWebEngineScript::MainWorld,
                              [&](const QVariant &value) {
                                  for (const QJsonValue &item :
                                       QJsonDocument::fromJson(value.toString().toUtf8()).array()) {
                                      result.append(item.toString());
                                  }
                                  done = true;
                              });
        if (!QTest::qWaitFor([&] { return done; }, 5000)) {
            qWarning("the page did not answer");
        }
        return result;
    }

    bool waitForReceived(const QString &what, int timeoutMs = 8000)
    {
        return QTest::qWaitFor([&] { return received().contains(what); }, timeoutMs);
    }

private slots:
    void initTestCase()
    {
        m_profile = new QWebEngineProfile(this); // off the record: nothing kept between tests
    }

    void cleanup()
    {
        m_driver.reset();
        m_view.reset();
        m_page.reset();
    }

    void classicUsernameThenPassword()
    {
        load(QStringLiteral(R"html(
<div id="username-input"><label for="awsui-input-0">Username</label><input id="awsui-input-0" type="text"></div>
<button id="username-submit-button" onclick="record('user:' + document.getElementById('awsui-input-0').value);
  document.body.innerHTML = '<div id=password-input><label for=awsui-input-1>Password</label>' +
  '<input id=awsui-input-1 type=password><button id=password-submit-button ' +
  'onclick=&quot;record(\'pass:\' + document.getElementById(\'awsui-input-1\').value)&quot;>Sign in</button></div>';">Next</button>
)html"));
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("user:alice")));
        QVERIFY(waitForReceived(QStringLiteral("pass:s3cret pass")));
    }

    void reactControlledInputNeedsTheNativeSetter()
    {
        // Like React: a value tracker on the element ignores plain assignments made by the page world.
        load(QStringLiteral(R"html(
<form onsubmit="event.preventDefault(); record('user:' + state.value);">
  <label for="u">Email address</label><input id="u" autocomplete="username">
  <button type="submit">Continue</button>
</form>
<script>
var state = {value: ''};
var input = document.getElementById('u');
input.addEventListener('input', function () { state.value = input.value; });
</script>)html"));
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("user:alice")));
    }

    void buttonEnabledFromAnAnimationFrame()
    {
        load(QStringLiteral(R"html(
<label for="u">Username</label><input id="u">
<button id="next" disabled onclick="record('user:' + document.getElementById('u').value)">Next</button>
<script>requestAnimationFrame(function () { requestAnimationFrame(function () {
  document.getElementById('next').disabled = false; }); });</script>)html"));
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("user:alice")));
    }

    void aHiddenPageStillGetsAnimationFrames()
    {
        // No view at all: Chromium runs no animation frames for such a page; the page-world shim
        // serves them from (un-throttled) timers so the button still gets enabled.
        load(QStringLiteral(R"html(
<label for="u">Username</label><input id="u">
<button id="next" disabled onclick="record('user:' + document.getElementById('u').value)">Next</button>
<script>requestAnimationFrame(function () { document.getElementById('next').disabled = false; });</script>)html"),
             TrustedBase, false);
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("user:alice")));
    }

    void waitsForTheAntiAutomationField()
    {
        load(QStringLiteral(R"html(
<form onsubmit="event.preventDefault(); record(document.getElementsByName('metadata1')[0].value ? 'ok' : 'too-early');">
  <input type="hidden" name="metadata1" value="">
  <label for="u">Username</label><input id="u"><button type="submit">Next</button>
</form>
<script>setTimeout(function () { document.getElementsByName('metadata1')[0].value = 'filled'; }, 1500);</script>)html"));
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("ok")));
        QVERIFY(!received().contains(QStringLiteral("too-early")));
    }

    void cookieBannerIsAcceptedBeforeConsent()
    {
        load(QStringLiteral(R"html(
<h1>Allow aws-sso-tray to access your data?</h1>
<button data-testid="allow-access-button" type="submit" onclick="record('allowed')" style="position:absolute;top:200px;left:20px;width:200px;height:40px">Allow access</button>
<div id="awsccc-cb-content" style="position:fixed;top:150px;left:0;right:0;height:200px;background:#eee">
  We use cookies. <button data-id="awsccc-cb-btn-accept" onclick="record('cookies'); this.parentNode.remove()">Accept all cookies</button>
</div>)html"));
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("allowed")));
        QCOMPARE(received().first(), QStringLiteral("cookies"));
    }

    void mfaCodeComesFromTheProvider()
    {
        load(QStringLiteral(R"html(
<h2>Additional verification required</h2>
<label for="c">MFA code</label><input id="c" autocomplete="one-time-code" inputmode="numeric">
<button onclick="record('code:' + document.getElementById('c').value)">Sign in</button>)html"));
        m_driver->start();
        QVERIFY(waitForReceived(QStringLiteral("code:123456")));
    }

    void nothingIsTypedIntoAnUntrustedPage()
    {
        load(QStringLiteral(R"html(
<label for="p">Password</label><input id="p" type="password">
<button onclick="record('pass:' + document.getElementById('p').value)">Sign in</button>)html"),
             QUrl(QStringLiteral("https://my-sso-awsapps.example/start/")));
        QSignalSpy failed(m_driver.get(), &PortalDriver::failed);
        m_driver->start();
        QVERIFY(failed.wait(5000));
        QVERIFY(
            failed.first().first().value<SsoError>().message().contains(QStringLiteral("nothing was typed")));
        QTest::qWait(300);
        QVERIFY(received().isEmpty());
    }

    void theFirstAlertEndsTheRun()
    {
        load(QStringLiteral(R"html(
<div class="awsui-alert-type-error" role="alert">Your authentication information is incorrect. Please try again.</div>
<label for="p">Password</label><input id="p" type="password"><button>Sign in</button>)html"));
        QSignalSpy failed(m_driver.get(), &PortalDriver::failed);
        m_driver->start();
        QVERIFY(failed.wait(5000));
        const SsoError error = failed.first().first().value<SsoError>();
        QCOMPARE(error.exitCode(), 3);
        QVERIFY2(error.message().contains(QStringLiteral("incorrect")), qPrintable(error.message()));
    }

    void anUnknownPageIsHandedToTheUser()
    {
        load(QStringLiteral(
            R"html(<h1>Corporate portal</h1><p>Scan the QR code with the company app to continue.</p>)html"));
        QSignalSpy lost(m_driver.get(), &PortalDriver::lost);
        m_driver->start();
        QVERIFY(lost.wait(5000));
        QVERIFY(lost.first().first().toString().contains(TrustedBase.host()));
    }

    void securityKeyIsAnnouncedOnce()
    {
        load(QStringLiteral(
            R"html(<h1>Use your security key</h1><p>Insert your security key and touch it.</p>)html"));
        QSignalSpy key(m_driver.get(), &PortalDriver::securityKeyNeeded);
        QSignalSpy lost(m_driver.get(), &PortalDriver::lost);
        m_driver->start();
        QVERIFY(key.wait(5000));
        QTest::qWait(2000);
        QCOMPARE(key.count(), 1);
        QCOMPARE(lost.count(), 0);
    }

    void successIsReported()
    {
        load(QStringLiteral(
            R"html(<div data-analytics-alert="success">Request approved</div><p>You can close this window.</p>)html"));
        QSignalSpy success(m_driver.get(), &PortalDriver::portalReportedSuccess);
        m_driver->start();
        QVERIFY(success.wait(5000));
    }
};

BROWSER_TEST_MAIN(TestPortalDriver)
#include "TestPortalDriver.moc"
