#include "DemoEnvironment.h"

#include "SecretStore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace {

const QString TeamUser = QStringLiteral("dana");
const QString TeamPassword = QStringLiteral("demo password dana");
const QString TeamTotp = QStringLiteral("JBSWY3DPEHPK3PXP");
const QString ShortUser = QStringLiteral("sam");
const QString ShortPassword = QStringLiteral("demo password sam");

QByteArray simulatorConfig()
{
    const QJsonArray users{
        QJsonObject{{QStringLiteral("username"), TeamUser},
                    {QStringLiteral("password"), TeamPassword},
                    {QStringLiteral("totpSecret"), TeamTotp}},
        QJsonObject{{QStringLiteral("username"), ShortUser},
                    {QStringLiteral("password"), ShortPassword},
                    {QStringLiteral("accessTokenLifetimeSeconds"), DemoEnvironment::ShortSessionSeconds}},
    };
    const QJsonObject config{{QStringLiteral("region"), QStringLiteral("eu-west-1")},
                             {QStringLiteral("users"), users},
                             {QStringLiteral("faults"), QJsonObject{{QStringLiteral("latencyMs"), 40}}}};
    return QJsonDocument(config).toJson();
}

QByteArray awsConfig(const QString &teamStartUrl, const QString &shortStartUrl)
{
    return QStringLiteral(
               "# aws-sso-tray --demo: a throwaway config pointing at the built-in simulator.\n"
               "[sso-session demo-team]\n"
               "sso_start_url = %1\n"
               "sso_region = eu-west-1\n"
               "sso_registration_scopes = sso:account:access\n"
               "\n"
               "[profile demo-dev]\n"
               "sso_session = demo-team\n"
               "sso_account_id = 111111111111\n"
               "sso_role_name = ReadOnly\n"
               "region = eu-west-1\n"
               "\n"
               "[profile demo-staging]\n"
               "sso_session = demo-team\n"
               "sso_account_id = 222222222222\n"
               "sso_role_name = PowerUser\n"
               "region = eu-west-1\n"
               "\n"
               "# A profile of the older form (start URL in the profile): it signs in with a device code\n"
               "# and gets no refresh token, so the tray warns before it expires.\n"
               "[profile demo-prod]\n"
               "sso_start_url = %2\n"
               "sso_region = eu-west-1\n"
               "sso_account_id = 333333333333\n"
               "sso_role_name = ReadOnly\n"
               "region = eu-west-1\n")
        .arg(teamStartUrl, shortStartUrl)
        .toUtf8();
}

} // namespace

DemoEnvironment::DemoEnvironment(QObject *parent)
    : QObject(parent)
{}

DemoEnvironment::~DemoEnvironment()
{
    removeSecrets();
    if (m_simulator.state() != QProcess::NotRunning) {
        m_simulator.terminate();
        m_simulator.waitForFinished(3000);
    }
}

QString DemoEnvironment::directory() const
{
    return m_directory ? m_directory->path() : QString();
}

QString DemoEnvironment::credentialsHint()
{
    return tr("Demo sign-in: user “%1”, password “%2”, MFA code from TOTP secret %3; or user “%4”, password "
              "“%5”.")
        .arg(TeamUser, TeamPassword, TeamTotp, ShortUser, ShortPassword);
}

Status DemoEnvironment::prepare(const QString &program)
{
    m_directory =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/aws-sso-tray-demo-XXXXXX"));
    if (!m_directory->isValid()) {
        return SsoError(SsoError::Kind::Config,
                        tr("Cannot create the demo's directory: %1.").arg(m_directory->errorString()));
    }
    const QString root = m_directory->path();
    for (const char *sub : {"home/.aws", "config", "data", "cache"}) {
        QDir().mkpath(root + QLatin1Char('/') + QLatin1String(sub));
    }
    QFile simConfig(root + QStringLiteral("/simulator.json"));
    if (!simConfig.open(QIODevice::WriteOnly) || simConfig.write(simulatorConfig()) < 0) {
        return SsoError(SsoError::Kind::Config, tr("Cannot write %1.").arg(simConfig.fileName()));
    }
    simConfig.close();

    m_simulator.setProcessChannelMode(QProcess::SeparateChannels);
    m_simulator.setStandardErrorFile(root + QStringLiteral("/simulator.log"));
    m_simulator.start(program,
                      {QStringLiteral("sim"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--config"), simConfig.fileName()});
    if (!m_simulator.waitForStarted(10000)) {
        return SsoError(SsoError::Kind::Network,
                        tr("Cannot start the simulator: %1.").arg(m_simulator.errorString()));
    }
    // It prints the export lines that point the AWS tools at it.
    static const QRegularExpression exportLine(QStringLiteral("^export (\\w+)=(\\S+)$"));
    QHash<QString, QString> exports;
    while (exports.size() < 2) {
        if (!m_simulator.canReadLine() && !m_simulator.waitForReadyRead(10000)) {
            return SsoError(
                SsoError::Kind::Network,
                tr("The simulator did not start; see %1.").arg(root + QStringLiteral("/simulator.log")));
        }
        while (m_simulator.canReadLine()) {
            const QRegularExpressionMatch match =
                exportLine.match(QString::fromUtf8(m_simulator.readLine()).trimmed());
            if (match.hasMatch()) {
                exports.insert(match.captured(1), match.captured(2));
            }
        }
    }
    for (auto it = exports.cbegin(); it != exports.cend(); ++it) {
        qputenv(it.key().toUtf8().constData(), it.value().toUtf8());
    }
    m_baseUrl = exports.value(QStringLiteral("AWS_ENDPOINT_URL_SSO"));
    const QUrl base(m_baseUrl);
    // Two start URLs on the one simulator: the same port by address and by name, so each session has
    // its own keychain entry and cookies.
    m_startUrls = {m_baseUrl + QStringLiteral("/start"),
                   QStringLiteral("http://localhost:%1/start").arg(base.port())};

    qputenv("HOME", QFile::encodeName(root + QStringLiteral("/home")));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(root + QStringLiteral("/config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(root + QStringLiteral("/data")));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(root + QStringLiteral("/cache")));
    const QString configPath = root + QStringLiteral("/home/.aws/config");
    qputenv("AWS_CONFIG_FILE", QFile::encodeName(configPath));
    qputenv("AWS_SHARED_CREDENTIALS_FILE",
            QFile::encodeName(root + QStringLiteral("/home/.aws/credentials")));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly) ||
        config.write(awsConfig(m_startUrls.at(0), m_startUrls.at(1))) < 0) {
        return SsoError(SsoError::Kind::Config, tr("Cannot write %1.").arg(configPath));
    }
    return Done{};
}

void DemoEnvironment::storeSecrets(std::function<void(Status)> done)
{
    auto *store = new SecretStore(this);
    StoredSecrets team{TeamUser, TeamPassword, TeamTotp};
    StoredSecrets brief{ShortUser, ShortPassword, QString()};
    const QString shortUrl = m_startUrls.value(1);
    store->write(m_startUrls.value(0), team, [store, shortUrl, brief, done](const Status &first) {
        if (!first) {
            store->deleteLater();
            done(first);
            return;
        }
        store->write(shortUrl, brief, [store, done](const Status &second) {
            store->deleteLater();
            done(second);
        });
    });
}

void DemoEnvironment::removeSecrets()
{
    // Leave nothing of the demo in the user's keychain; bounded, as every keychain call is.
    SecretStore store;
    for (const QString &startUrl : std::as_const(m_startUrls)) {
        QEventLoop wait;
        bool finished = false;
        store.remove(startUrl, [&wait, &finished](const Status &) {
            finished = true;
            wait.quit();
        });
        if (!finished) {
            QTimer::singleShot(SecretStore::DefaultTimeout + std::chrono::seconds(1), &wait,
                               &QEventLoop::quit);
            wait.exec();
        }
    }
    m_startUrls.clear();
}
