// Soak: hundreds of consecutive browser sign-ins and silent refreshes in ONE process against the
// in-process simulator, with the process's resident memory and open file descriptors printed at the
// start (after a warm-up) and at the end. Run by hand (not a test):
//
//   QTWEBENGINE_DISABLE_SANDBOX=1 build-tests/tests/benchmarks/soak_benchmark [SIGN_INS] [REFRESHES]
//
// Every tenth sign-in starts after the simulator ended every portal session (username, password,
// consent again); the others reuse the portal cookie, as a day of logins does.
#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "OriginPolicy.h"
#include "SignInRun.h"
#include "SsoClock.h"
#include "SsoSimulator.h"
#include "TokenCache.h"
#include "TokenRefresher.h"
#include "WebEngineSetup.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <optional>

namespace {

struct Usage
{
    qint64 rssKiB = 0;
    int fds = 0;
};

Usage usage()
{
    Usage now;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:")) {
                now.rssKiB = line.mid(6).trimmed().split(' ').value(0).toLongLong();
            }
        }
    }
    now.fds = int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
    return now;
}

void print(const char *when, int signIns, int refreshes, const Usage &now)
{
    std::printf("%-6s after %4d sign-ins, %4d refreshes: RSS %7.1f MiB, %4d open file descriptors\n", when,
                signIns, refreshes, now.rssKiB / 1024.0, now.fds);
    std::fflush(stdout);
}

template<typename T>
Result<T> wait(const std::function<void(std::function<void(Result<T>)>)> &operation, int timeoutMs)
{
    QEventLoop loop;
    std::optional<Result<T>> outcome;
    operation([&](Result<T> result) {
        outcome.emplace(std::move(result));
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!outcome) {
        loop.exec();
    }
    return outcome ? std::move(*outcome)
                   : Result<T>(SsoError(SsoError::Kind::Timeout, QStringLiteral("no answer")));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QTemporaryDir scratch;
    qputenv("AWS_SSO_TRAY_DATA_DIR", scratch.filePath(QStringLiteral("data")).toUtf8());
    WebEngineSetup::prepareProcess();
    QApplication app(argc, argv);
    const int signIns = argc > 1 ? QByteArray(argv[1]).toInt() : 300;
    const int refreshes = argc > 2 ? QByteArray(argv[2]).toInt() : 300;
    const int warmUp = 5;

    SimulatorConfig config;
    config.signInPages.metadataDelayMs = 0; // the pages' anti-automation wait measures nothing here
    SsoSimulator simulator(config);
    if (!simulator.listen()) {
        std::fprintf(stderr, "soak: the simulator cannot listen\n");
        return 1;
    }
    HttpJsonClient http;
    OidcClient oidc(simulator.baseUrl(), &http);
    const TokenCache cache(scratch.filePath(QStringLiteral("cache")));
    SsoSession session;
    session.name = QStringLiteral("soak");
    session.startUrl = simulator.baseUrl().toString() + QStringLiteral("/start");
    session.region = QStringLiteral("us-east-1");
    session.scopes = {QStringLiteral("sso:account:access")};
    session.hasScopes = true;
    SignInSecrets secrets;
    secrets.username = QStringLiteral("alice");
    secrets.password = QStringLiteral("correct horse battery staple");
    const OriginPolicy policy(QUrl(session.startUrl), oidc.endpoint());

    Usage start;
    QElapsedTimer clock;
    clock.start();
    qint64 signInMs = 0;
    for (int i = 0; i < signIns; ++i) {
        if (i % 10 == 0) {
            simulator.endBrowserSessions();
        }
        SignInRun::Options options;
        options.diagnosticsDirectory = scratch.filePath(QStringLiteral("diagnostics"));
        SignInRun run(session, &oidc, cache, policy, secrets, nullptr, options);
        QElapsedTimer one;
        one.start();
        const Result<SsoToken> token = wait<SsoToken>(
            [&](auto done) {
                QObject::connect(&run, &SignInRun::finished, [done](const Result<SsoToken> &r) { done(r); });
                run.start();
            },
            60000);
        signInMs += one.elapsed();
        if (!token) {
            std::fprintf(stderr, "soak: sign-in %d failed: %s\n", i + 1, qPrintable(token.error().message()));
            return 1;
        }
        if (i + 1 == warmUp) {
            start = usage();
            print("start", i + 1, 0, start);
        }
    }
    TokenRefresher refresher(cache, &oidc);
    QElapsedTimer refreshClock;
    refreshClock.start();
    for (int i = 0; i < refreshes; ++i) {
        const Result<SsoToken> token =
            wait<SsoToken>([&](auto done) { refresher.refresh(session, std::move(done)); }, 30000);
        if (!token) {
            std::fprintf(stderr, "soak: refresh %d failed: %s\n", i + 1, qPrintable(token.error().message()));
            return 1;
        }
    }
    const qint64 refreshMs = refreshClock.elapsed();
    // Let deleteLater()s and Chromium's own cleanup run before the final sample.
    QEventLoop settle;
    QTimer::singleShot(1000, &settle, &QEventLoop::quit);
    settle.exec();
    const Usage end = usage();
    print("end", signIns, refreshes, end);
    std::printf("growth over %d sign-ins and %d refreshes: RSS %+.1f MiB, file descriptors %+d\n",
                signIns - warmUp, refreshes, (end.rssKiB - start.rssKiB) / 1024.0, end.fds - start.fds);
    std::printf("mean sign-in %.0f ms, mean refresh %.1f ms, total %.0f s\n", double(signInMs) / signIns,
                refreshes ? double(refreshMs) / refreshes : 0.0, clock.elapsed() / 1000.0);
    return 0;
}
