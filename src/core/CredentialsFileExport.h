#pragma once

#include "PortalTypes.h"
#include "Result.h"
#include "SsoConfig.h"
#include "TokenCache.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>

class SsoServices;
class TokenRefresher;

// Role credentials copied into the shared credentials file (~/.aws/credentials or
// AWS_SHARED_CREDENTIALS_FILE) for tools that read nothing else. Opt-in per profile with
// "aws_sso_tray_export = true" in its ~/.aws/config section. Each exported [NAME] section starts with
// the comment line "# managed by aws-sso-tray ... expires <UTC time>": it says which sections this class
// owns (it never touches another) and when to refresh. A section whose profile dropped the option is
// removed; everything else in the file stays byte for byte.
class CredentialsFileExport : public QObject
{
    Q_OBJECT
public:
    // Credentials are renewed this long before they expire.
    static constexpr int RefreshMarginSeconds = 10 * 60;
    // And never more often than this, even when they live shorter than the margin.
    static constexpr int MinimumRefreshSeconds = 60;

    struct Outcome
    {
        enum class Kind
        {
            Written,  // fresh credentials written
            Kept,     // the section's credentials are still good
            Removed,  // the profile no longer opts in
            Conflict, // [NAME] exists and is not ours: left alone
            Failed,   // no credentials (not logged in, portal error): the section is left as it was
        };
        QString profileName;
        Kind kind = Kind::Written;
        QDateTime expiration; // Written and Kept
        SsoError error;       // Failed and Conflict
    };

    struct Report
    {
        QString path;
        QList<Outcome> outcomes;
        // When sync() should run next; invalid when nothing is exported.
        QDateTime nextRefresh;
        bool fileChanged = false;
    };

    // config and cache must outlive this object; environment decides the endpoints, as for the CLI.
    CredentialsFileExport(const SsoConfig &config, const TokenCache &cache, QString credentialsPath,
                          const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~CredentialsFileExport() override;

    static QString optionKey() { return QStringLiteral("aws_sso_tray_export"); }
    // Whether the profile's config section has aws_sso_tray_export = true (any case).
    static bool isOptedIn(const AwsConfigFile::Section &section);
    static QString marker(const QDateTime &expiration);
    // The expiry in an owned section's comments; invalid when the section is not ours.
    static QDateTime ownedExpiration(const QStringList &comments);

    // Writes, refreshes and removes the exported sections: every profile, or only `onlyProfile`.
    // The callback gets an error only when the file cannot be read, parsed or written.
    void sync(std::function<void(Result<Report>)> callback, const QString &onlyProfile = {});

private:
    Outcome conflict(const QString &name) const;
    void fetchNext();
    void finish();

    const SsoConfig &m_config;
    const TokenCache &m_cache;
    QString m_path;
    QProcessEnvironment m_environment;

    // One sync at a time.
    std::function<void(Result<Report>)> m_callback;
    QString m_onlyProfile;
    QStringList m_toFetch;
    QMap<QString, RoleCredentials> m_fetched;
    QList<Outcome> m_failures;
    std::unique_ptr<SsoServices> m_services;
    std::unique_ptr<TokenRefresher> m_refresher;
};
