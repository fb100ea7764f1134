#include "CredentialsFileExport.h"

#include "AtomicFile.h"
#include "AwsConfigEditor.h"
#include "CacheTime.h"
#include "SsoClock.h"
#include "SsoServices.h"
#include "TokenRefresher.h"

#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>

namespace {

const QString MarkerStart = QStringLiteral("# managed by aws-sso-tray");

bool isFresh(const QDateTime &expiration, const QDateTime &now)
{
    return expiration.isValid() && now.secsTo(expiration) > CredentialsFileExport::RefreshMarginSeconds;
}

} // namespace

CredentialsFileExport::CredentialsFileExport(const SsoConfig &config, const TokenCache &cache,
                                             QString credentialsPath, const QProcessEnvironment &environment,
                                             QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_cache(cache)
    , m_path(std::move(credentialsPath))
    , m_environment(environment)
{}

CredentialsFileExport::~CredentialsFileExport() = default;

bool CredentialsFileExport::isOptedIn(const AwsConfigFile::Section &section)
{
    return section.text(optionKey()).trimmed().toLower() == QLatin1String("true");
}

QString CredentialsFileExport::marker(const QDateTime &expiration)
{
    return MarkerStart + QStringLiteral(" (aws_sso_tray_export in the AWS config); expires ") +
           CacheTime::format(expiration);
}

QDateTime CredentialsFileExport::ownedExpiration(const QStringList &comments)
{
    static const QRegularExpression expires(QStringLiteral("expires (\\S+)$"));
    for (const QString &comment : comments) {
        if (!comment.startsWith(MarkerStart)) {
            continue;
        }
        const QDateTime parsed = CacheTime::parse(expires.match(comment).captured(1));
        // Ours even when the time is unreadable: then it is due now.
        return parsed.isValid() ? parsed : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    }
    return {};
}

void CredentialsFileExport::sync(std::function<void(Result<Report>)> callback, const QString &onlyProfile)
{
    if (m_callback) {
        callback(SsoError(SsoError::Kind::Usage, QStringLiteral("A credentials export is already running.")));
        return;
    }
    const Result<QByteArray> text = AwsConfigFile::readParsableText(m_path);
    if (!text) {
        callback(text.error());
        return;
    }
    const AwsConfigFile &file = m_config.file();
    if (!onlyProfile.isEmpty()) {
        const AwsConfigFile::Section *section = file.profile(onlyProfile);
        const AwsConfigEditor editor(text.value());
        const bool owned = ownedExpiration(editor.comments(onlyProfile)).isValid();
        if ((!section || !isOptedIn(*section)) && !owned) {
            callback(
                SsoError(SsoError::Kind::Config,
                         QStringLiteral("The profile \"%1\" does not opt in to the credentials export; add "
                                        "\"%2 = true\" to it in %3.")
                             .arg(onlyProfile, optionKey(), file.sourceName())));
            return;
        }
    }
    m_callback = std::move(callback);
    m_onlyProfile = onlyProfile;
    m_toFetch.clear();
    m_fetched.clear();
    m_failures.clear();
    const AwsConfigEditor editor(text.value());
    const QDateTime now = SsoClock::now();
    for (const AwsConfigFile::Section &section : file.sections()) {
        if (section.kind != QLatin1String("profile") || !isOptedIn(section) ||
            (!onlyProfile.isEmpty() && section.name != onlyProfile)) {
            continue;
        }
        const QDateTime owned = ownedExpiration(editor.comments(section.name));
        if (!owned.isValid() && editor.hasSection(section.name)) {
            m_failures.append(conflict(section.name));
        } else if (!isFresh(owned, now)) {
            m_toFetch.append(section.name);
        }
    }
    fetchNext();
}

CredentialsFileExport::Outcome CredentialsFileExport::conflict(const QString &name) const
{
    return Outcome{name,
                   Outcome::Kind::Conflict,
                   {},
                   SsoError(SsoError::Kind::Config,
                            QStringLiteral("[%1] in %2 was not written by aws-sso-tray and is left as it is; "
                                           "remove that section, or %3 from the profile.")
                                .arg(name, m_path, optionKey()))};
}

void CredentialsFileExport::fetchNext()
{
    if (m_toFetch.isEmpty()) {
        m_refresher.reset();
        m_services.reset();
        finish();
        return;
    }
    const QString name = m_toFetch.takeFirst();
    const auto fail = [this, name](const SsoError &error) {
        m_failures.append(Outcome{name, Outcome::Kind::Failed, {}, error});
        // Later, so a failure never recurses into the next profile from inside a callback chain.
        QMetaObject::invokeMethod(this, &CredentialsFileExport::fetchNext, Qt::QueuedConnection);
    };
    const Result<SsoProfile> profile = m_config.profile(name);
    if (!profile) {
        fail(profile.error());
        return;
    }
    if (!profile->hasRole()) {
        fail(SsoError(
            SsoError::Kind::Config,
            QStringLiteral("The profile \"%1\" has no sso_account_id and sso_role_name, so it has no "
                           "role credentials to export; add both or remove %2.")
                .arg(name, optionKey())));
        return;
    }
    auto services = SsoServices::create(m_config.file(), profile->session, &profile.value(), m_environment);
    if (!services) {
        fail(services.error());
        return;
    }
    m_services = std::move(services).value();
    m_refresher = std::make_unique<TokenRefresher>(m_cache, &m_services->oidc());
    m_refresher->ensureFresh(profile->session, [self = QPointer<CredentialsFileExport>(this), name,
                                                resolved = profile.value(),
                                                fail](const Result<SsoToken> &token) {
        if (!self) {
            return;
        }
        if (!token) {
            fail(token.error());
            return;
        }
        self->m_services->portal().getRoleCredentials(
            token->accessToken, resolved.accountId, resolved.roleName,
            [self, name, fail](Result<RoleCredentials> credentials) {
                if (!self) {
                    return;
                }
                if (!credentials) {
                    fail(credentials.error());
                    return;
                }
                self->m_fetched.insert(name, credentials.value());
                QMetaObject::invokeMethod(self, &CredentialsFileExport::fetchNext, Qt::QueuedConnection);
            });
    });
}

void CredentialsFileExport::finish()
{
    auto callback = std::move(m_callback);
    m_callback = nullptr;
    Report report;
    report.path = m_path;
    report.outcomes = m_failures;
    // Read again: the file may have changed while the portal answered.
    const Result<QByteArray> text = AwsConfigFile::readParsableText(m_path);
    if (!text) {
        callback(text.error());
        return;
    }
    AwsConfigEditor editor(text.value());
    const QDateTime now = SsoClock::now();
    QSet<QString> optedIn;
    for (const AwsConfigFile::Section &section : m_config.file().sections()) {
        if (section.kind == QLatin1String("profile") && isOptedIn(section)) {
            optedIn.insert(section.name);
        }
    }
    QList<QDateTime> expirations;
    for (const QString &header : editor.headers()) {
        const QDateTime owned = ownedExpiration(editor.comments(header));
        if (!owned.isValid() || (!m_onlyProfile.isEmpty() && header != m_onlyProfile)) {
            continue;
        }
        if (!optedIn.contains(header)) {
            editor.removeSection(header);
            report.outcomes.append(Outcome{header, Outcome::Kind::Removed, {}, {}});
        } else if (!m_fetched.contains(header) && isFresh(owned, now)) {
            report.outcomes.append(Outcome{header, Outcome::Kind::Kept, owned, {}});
            expirations.append(owned);
        }
    }
    for (auto it = m_fetched.cbegin(); it != m_fetched.cend(); ++it) {
        const QString &name = it.key();
        const RoleCredentials &credentials = it.value();
        if (editor.hasSection(name) && !ownedExpiration(editor.comments(name)).isValid()) {
            report.outcomes.append(conflict(name));
            continue;
        }
        editor.replaceSection(name, {marker(credentials.expiration),
                                     QStringLiteral("aws_access_key_id = ") + credentials.accessKeyId,
                                     QStringLiteral("aws_secret_access_key = ") + credentials.secretAccessKey,
                                     QStringLiteral("aws_session_token = ") + credentials.sessionToken});
        report.outcomes.append(Outcome{name, Outcome::Kind::Written, credentials.expiration, {}});
        expirations.append(credentials.expiration);
    }
    m_fetched.clear();
    for (const QDateTime &expiration : std::as_const(expirations)) {
        const QDateTime due =
            qMax(expiration.addSecs(-RefreshMarginSeconds), now.addSecs(MinimumRefreshSeconds));
        if (!report.nextRefresh.isValid() || due < report.nextRefresh) {
            report.nextRefresh = due;
        }
    }
    report.fileChanged = editor.isChanged();
    if (report.fileChanged) {
        const QString directory = QFileInfo(m_path).absolutePath();
        if (!AtomicFile::makeOwnerOnlyDirectory(directory)) {
            callback(
                SsoError(SsoError::Kind::Cache,
                         QStringLiteral("Could not create the directory %1 for %2.").arg(directory, m_path)));
            return;
        }
        const Status written = AtomicFile::write(m_path, editor.text());
        if (!written) {
            callback(written.error());
            return;
        }
    }
    callback(report);
}
