#include "AwsConfigEditor.h"
#include "AwsConfigFile.h"
#include "CredentialsFileExport.h"
#include "HttpJsonClient.h"
#include "OidcClient.h"
#include "SimulatorTestSupport.h"
#include "SsoClock.h"
#include "SsoLogin.h"
#include "SsoSimulator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using Kind = CredentialsFileExport::Outcome::Kind;
using Report = CredentialsFileExport::Report;

class TestCredentialsFileExport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SsoSimulator> m_simulator;
    std::unique_ptr<TokenCache> m_cache;
    QString m_credentialsPath;

    // Hand-written content that must survive byte for byte.
    static QByteArray handWritten()
    {
        return QByteArrayLiteral("# static keys, keep me\n"
                                 "[static]\n"
                                 "aws_access_key_id = AKIAEXAMPLEEXAMPLE00\n"
                                 "aws_secret_access_key=notasecret\n"
                                 "\n"
                                 "; another one\n"
                                 "[legacy]\n"
                                 "aws_access_key_id : AKIAEXAMPLEEXAMPLE01\n");
    }

    static QString configText(bool exportOps)
    {
        return QStringLiteral("[sso-session my-sso]\n"
                              "sso_start_url = https://my-sso-portal.awsapps.com/start\n"
                              "sso_region = us-east-1\n"
                              "sso_registration_scopes = sso:account:access\n"
                              "[profile dev]\n"
                              "sso_session = my-sso\n"
                              "sso_account_id = 111111111111\n"
                              "sso_role_name = ReadOnly\n"
                              "aws_sso_tray_export = true\n"
                              "[profile ops]\n"
                              "sso_session = my-sso\n"
                              "sso_account_id = 222222222222\n"
                              "sso_role_name = PowerUser\n"
                              "%1"
                              "[profile plain]\n"
                              "sso_session = my-sso\n"
                              "sso_account_id = 111111111111\n"
                              "sso_role_name = PowerUser\n")
            .arg(exportOps ? QStringLiteral("aws_sso_tray_export = TRUE\n") : QString());
    }

    static SsoConfig config(bool exportOps = true)
    {
        const auto file = AwsConfigFile::parse(configText(exportOps).toUtf8(), QStringLiteral("config"));
        return SsoConfig::fromFile(file.value());
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"), m_simulator->baseUrl().toString());
        environment.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), m_simulator->baseUrl().toString());
        return environment;
    }

    bool logIn()
    {
        HttpJsonClient http;
        OidcClient oidc(m_simulator->baseUrl(), &http);
        SsoLogin login(config().session(QStringLiteral("my-sso")).value(), SsoLogin::Flow::DeviceCode, &oidc,
                       *m_cache);
        connect(&login, &SsoLogin::deviceAuthorizationReady, this,
                [this](const DeviceAuthorization &a) { m_simulator->approveDevice(a.userCode); });
        const auto token = waitForResult<SsoToken>([&](auto done) {
            connect(&login, &SsoLogin::finished, this, [done](const Result<SsoToken> &r) { done(r); });
            login.start();
        });
        return token.ok();
    }

    Result<Report> sync(const SsoConfig &config, const QString &onlyProfile = {})
    {
        CredentialsFileExport exporter(config, *m_cache, m_credentialsPath, environment());
        return waitForResult<Report>([&](auto done) { exporter.sync(done, onlyProfile); });
    }

    QByteArray credentialsText() const
    {
        QFile file(m_credentialsPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void writeCredentials(const QByteArray &text)
    {
        QFile file(m_credentialsPath);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
    }

    // The key values of [name] in the credentials file.
    QStringList keysOf(const QString &name) const
    {
        const auto parsed = AwsConfigFile::parse(credentialsText(), QStringLiteral("credentials"));
        for (const AwsConfigFile::Section &section : parsed->sections()) {
            if (section.header == name) {
                return {section.text(QStringLiteral("aws_access_key_id")),
                        section.text(QStringLiteral("aws_secret_access_key")),
                        section.text(QStringLiteral("aws_session_token"))};
            }
        }
        return {};
    }

    static Kind kindOf(const Report &report, const QString &name)
    {
        for (const CredentialsFileExport::Outcome &outcome : report.outcomes) {
            if (outcome.profileName == name) {
                return outcome.kind;
            }
        }
        return Kind(-1);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        SimulatorConfig simConfig;
        simConfig.roleCredentialLifetimeSeconds = 3600;
        m_simulator = std::make_unique<SsoSimulator>(simConfig);
        QVERIFY(m_simulator->listen());
        m_cache = std::make_unique<TokenCache>(m_dir->filePath(QStringLiteral("cache")));
        m_credentialsPath = m_dir->filePath(QStringLiteral("aws/credentials"));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("aws"))));
        writeCredentials(handWritten());
    }

    void cleanup()
    {
        SsoClock::setSource(nullptr);
        m_simulator.reset();
        m_cache.reset();
        m_dir.reset();
    }

    void writesTheSimulatorsCredentialsAndKeepsTheRest()
    {
        QVERIFY(logIn());
        const auto report = sync(config());
        QVERIFY2(report, qPrintable(describe(report)));
        QCOMPARE(kindOf(report.value(), QStringLiteral("dev")), Kind::Written);
        QCOMPARE(kindOf(report.value(), QStringLiteral("ops")), Kind::Written);
        QCOMPARE(report->outcomes.size(), 2);
        QVERIFY(report->fileChanged);
        const QByteArray text = credentialsText();
        QVERIFY(text.startsWith(QByteArray(handWritten() +
                                           "\n[dev]\n# managed by aws-sso-tray (aws_sso_tray_export in the "
                                           "AWS config); expires ")));
        QCOMPARE(QFile::permissions(m_credentialsPath) & 0x7077,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        for (const QString &name : {QStringLiteral("dev"), QStringLiteral("ops")}) {
            const QStringList keys = keysOf(name);
            QCOMPARE(keys.size(), 3);
            const QJsonObject verdict = m_simulator->checkRoleCredentials(keys[0], keys[1], keys[2]);
            QVERIFY2(verdict.value(QStringLiteral("valid")).toBool(), qPrintable(name));
            QCOMPARE(verdict.value(QStringLiteral("accountId")).toString(),
                     name == QLatin1String("dev") ? QStringLiteral("111111111111")
                                                  : QStringLiteral("222222222222"));
        }
        // Due 10 minutes before the credentials expire (they live an hour).
        const qint64 dueIn = SsoClock::now().secsTo(report->nextRefresh);
        QVERIFY2(dueIn > 3000 - 30 && dueIn <= 3000, qPrintable(QString::number(dueIn)));
    }

    void freshCredentialsAreKeptUntilTheMarginThenRefreshed()
    {
        QVERIFY(logIn());
        QVERIFY(sync(config()));
        const QByteArray first = credentialsText();
        const QStringList firstKeys = keysOf(QStringLiteral("dev"));
        const int credentialRequests = m_simulator->requestCount(QStringLiteral("/federation/credentials"));

        const auto again = sync(config());
        QVERIFY(again);
        QCOMPARE(kindOf(again.value(), QStringLiteral("dev")), Kind::Kept);
        QVERIFY(!again->fileChanged);
        QCOMPARE(credentialsText(), first);
        QCOMPARE(m_simulator->requestCount(QStringLiteral("/federation/credentials")), credentialRequests);

        // 51 minutes later the hour-long credentials have 9 minutes left: inside the margin.
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(51 * 60);
        SsoClock::setSource([later] { return later; });
        const auto refreshed = sync(config());
        QVERIFY2(refreshed, qPrintable(describe(refreshed)));
        QCOMPARE(kindOf(refreshed.value(), QStringLiteral("dev")), Kind::Written);
        QVERIFY(keysOf(QStringLiteral("dev")) != firstKeys);
        QVERIFY(credentialsText().startsWith(handWritten()));
    }

    void droppingTheOptionRemovesOnlyOwnSections()
    {
        QVERIFY(logIn());
        QVERIFY(sync(config()));
        const auto report = sync(config(false));
        QVERIFY(report);
        QCOMPARE(kindOf(report.value(), QStringLiteral("ops")), Kind::Removed);
        QVERIFY(keysOf(QStringLiteral("ops")).isEmpty());
        QCOMPARE(keysOf(QStringLiteral("dev")).size(), 3);

        // Without any opt-in, the file is exactly what the user wrote.
        const auto none = AwsConfigFile::parse("[profile dev]\nregion = x\n", QStringLiteral("config"));
        QVERIFY(sync(SsoConfig::fromFile(none.value())).ok());
        QCOMPARE(credentialsText(), handWritten());
    }

    void foreignSectionsAndFailuresAreReportedAndLeftAlone()
    {
        const QByteArray withDev = handWritten() + "\n[dev]\naws_access_key_id = MINE\n";
        writeCredentials(withDev);
        // Not logged in: ops fails, dev is someone else's section.
        const auto report = sync(config());
        QVERIFY2(report, qPrintable(describe(report)));
        QCOMPARE(kindOf(report.value(), QStringLiteral("dev")), Kind::Conflict);
        QCOMPARE(kindOf(report.value(), QStringLiteral("ops")), Kind::Failed);
        for (const CredentialsFileExport::Outcome &outcome : report->outcomes) {
            if (outcome.profileName == QLatin1String("ops")) {
                QCOMPARE(outcome.error.kind(), SsoError::Kind::UserAction);
            }
        }
        QVERIFY(!report->nextRefresh.isValid());
        QCOMPARE(credentialsText(), withDev);
    }

    void oneProfileOnly()
    {
        QVERIFY(logIn());
        const auto report = sync(config(), QStringLiteral("ops"));
        QVERIFY(report);
        QCOMPARE(report->outcomes.size(), 1);
        QCOMPARE(kindOf(report.value(), QStringLiteral("ops")), Kind::Written);
        QVERIFY(keysOf(QStringLiteral("dev")).isEmpty());
        // A profile that dropped the option may still be named: its own section goes.
        const auto removed = sync(config(false), QStringLiteral("ops"));
        QVERIFY2(removed, qPrintable(describe(removed)));
        QCOMPARE(kindOf(removed.value(), QStringLiteral("ops")), Kind::Removed);
        QCOMPARE(credentialsText(), handWritten());
        const auto refused = sync(config(), QStringLiteral("plain"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind(), SsoError::Kind::Config);
        QVERIFY(refused.error().message().contains(QStringLiteral("aws_sso_tray_export = true")));
    }

    void brokenCredentialsFileIsNeverTouched()
    {
        const QByteArray broken = QByteArrayLiteral("[a]\nk = 1\nk = 2\n");
        writeCredentials(broken);
        QVERIFY(logIn());
        const auto report = sync(config());
        QVERIFY(!report);
        QCOMPARE(report.error().kind(), SsoError::Kind::Config);
        QCOMPARE(credentialsText(), broken);
    }

    void missingFileAndDirectoryAreCreatedPrivate()
    {
        m_credentialsPath = m_dir->filePath(QStringLiteral("new/dir/credentials"));
        QVERIFY(logIn());
        QVERIFY(sync(config()));
        QCOMPARE(keysOf(QStringLiteral("dev")).size(), 3);
        QVERIFY(credentialsText().startsWith("[dev]\n"));
        QCOMPARE(QFile::permissions(m_dir->filePath(QStringLiteral("new/dir"))) & 0x0077,
                 QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestCredentialsFileExport)
#include "TestCredentialsFileExport.moc"
