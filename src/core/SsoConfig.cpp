#include "SsoConfig.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <algorithm>
#include <optional>

// Validation follows botocore's SSOProvider._load_sso_config (credentials) and the AWS CLI's
// `aws sso login` (BaseSSOCommand._get_sso_config), whose error texts are kept word for word, each
// followed by a sentence that says what to do.

namespace {

using Section = AwsConfigFile::Section;

const QString SsoSessionKey = QStringLiteral("sso_session");
const QString StartUrlKey = QStringLiteral("sso_start_url");
const QString RegionKey = QStringLiteral("sso_region");
const QString AccountIdKey = QStringLiteral("sso_account_id");
const QString RoleNameKey = QStringLiteral("sso_role_name");
const QString ScopesKey = QStringLiteral("sso_registration_scopes");

SsoError configError(const QString &message)
{
    return SsoError(SsoError::Kind::Config, message);
}

QString bracketed(const Section &section)
{
    return QLatin1Char('[') + section.header + QLatin1Char(']');
}

// Any of these keys means the profile is meant to sign in through IAM Identity Center.
bool isSsoProfile(const Section &profile)
{
    return profile.contains(SsoSessionKey) || profile.contains(AccountIdKey) ||
           profile.contains(RoleNameKey) || profile.contains(StartUrlKey) || profile.contains(RegionKey);
}

// http:// is accepted only for a start URL on this machine (a local simulator or test portal).
bool isAcceptableStartUrl(const QString &text)
{
    for (const QChar character : text) {
        if (character.isSpace()) {
            return false;
        }
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return false;
    }
    if (url.scheme() == QLatin1String("https")) {
        return true;
    }
    if (url.scheme() != QLatin1String("http")) {
        return false;
    }
    const QString host = url.host();
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
           host == QLatin1String("::1");
}

// botocore's validate_region_name: the region becomes part of a host name.
bool isValidRegionName(const QString &region)
{
    static const QRegularExpression hostLabel(QStringLiteral("^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$"));
    return hostLabel.match(region).hasMatch();
}

QStringList parseScopes(const QString &raw)
{
    QStringList scopes;
    for (const QString &scope : raw.split(QLatin1Char(','))) {
        const QString trimmed = scope.trimmed();
        if (!trimmed.isEmpty()) {
            scopes.append(trimmed);
        }
    }
    return scopes;
}

// The checks every start URL and sso_region share, wherever they are configured.
std::optional<SsoError> checkStartUrlAndRegion(const Section &where, const AwsConfigFile &file)
{
    const QString startUrl = where.text(StartUrlKey);
    if (!isAcceptableStartUrl(startUrl)) {
        return configError(
            QStringLiteral("The sso_start_url \"%1\" in %2 is not an https:// URL. Fix it in %3 "
                           "(http:// is accepted only for localhost, 127.0.0.1 and ::1).")
                .arg(startUrl, bracketed(where), file.sourceName()));
    }
    const QString region = where.text(RegionKey);
    if (!isValidRegionName(region)) {
        return configError(QStringLiteral("Provided region_name '%1' doesn't match a supported format. Fix "
                                          "sso_region in %2 in %3.")
                               .arg(region, bracketed(where), file.sourceName()));
    }
    return std::nullopt;
}

QStringList missingKeys(const Section &section, const QStringList &required)
{
    QStringList missing;
    for (const QString &key : required) {
        // An empty value counts as missing: the CLI would only fail later, at the service.
        if (section.text(key).isEmpty()) {
            missing.append(key);
        }
    }
    return missing;
}

SsoError unknownSessionError(const QString &sessionName, const QString &whatToDo)
{
    return configError(
        QStringLiteral("The specified sso-session does not exist: \"%1\". %2").arg(sessionName, whatToDo));
}

// A well-formed [sso-session NAME]: start URL and region present and valid, scopes parsed.
Result<SsoSession> sessionFrom(const Section &section, const AwsConfigFile &file)
{
    const QStringList missing = missingKeys(section, {StartUrlKey, RegionKey});
    if (!missing.isEmpty()) {
        return configError(
            QStringLiteral("Missing the following required SSO configuration values: %1. Add %2 to "
                           "%3 in %4.")
                .arg(missing.join(QStringLiteral(", ")),
                     missing.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"), bracketed(section),
                     file.sourceName()));
    }
    if (const std::optional<SsoError> invalid = checkStartUrlAndRegion(section, file)) {
        return *invalid;
    }
    SsoSession session;
    session.name = section.name;
    session.startUrl = section.text(StartUrlKey);
    session.region = section.text(RegionKey);
    session.hasScopes = section.contains(ScopesKey);
    session.scopes = parseScopes(section.text(ScopesKey));
    return session;
}

bool sameValue(const AwsConfigFile::Value &left, const AwsConfigFile::Value &right)
{
    return left.text == right.text && left.nested == right.nested;
}

QString shown(const AwsConfigFile::Value &value)
{
    if (!value.isNested()) {
        return value.text;
    }
    QStringList entries;
    for (auto it = value.nested.cbegin(); it != value.nested.cend(); ++it) {
        entries.append(it.key() + QStringLiteral(" = ") + it.value());
    }
    return entries.join(QStringLiteral(", "));
}

// "Add sso_account_id to [profile dev] and sso_region to [sso-session my-sso] in ~/.aws/config"
QString whereToAdd(const QStringList &profileKeys, const Section &profile, const QStringList &sessionKeys,
                   const Section *session)
{
    QStringList parts;
    if (!profileKeys.isEmpty()) {
        parts.append(profileKeys.join(QStringLiteral(", ")) + QStringLiteral(" to ") + bracketed(profile));
    }
    if (!sessionKeys.isEmpty() && session) {
        parts.append(sessionKeys.join(QStringLiteral(", ")) + QStringLiteral(" to ") + bracketed(*session));
    }
    return QStringLiteral("Add ") + parts.join(QStringLiteral(" and "));
}

Result<SsoProfile> profileFrom(const Section &section, const AwsConfigFile &file)
{
    const QString &name = section.name;
    const QString configureHint = QStringLiteral("run `aws configure sso --profile %1`").arg(name);
    const bool wantsRole = section.contains(AccountIdKey) || section.contains(RoleNameKey);
    const QStringList roleKeys = wantsRole ? QStringList{RoleNameKey, AccountIdKey} : QStringList{};

    SsoProfile profile;
    profile.name = name;
    profile.accountId = section.text(AccountIdKey);
    profile.roleName = section.text(RoleNameKey);
    profile.region = section.text(QStringLiteral("region"));
    profile.servicesName = section.text(QStringLiteral("services"));
    profile.endpointUrl = section.text(QStringLiteral("endpoint_url"));
    profile.ignoreConfiguredEndpointUrls = section.text(QStringLiteral("ignore_configured_endpoint_urls"));
    profile.caBundle = section.text(QStringLiteral("ca_bundle"));

    if (section.contains(SsoSessionKey)) {
        const QString sessionName = section.text(SsoSessionKey);
        const Section *sessionSection = file.ssoSession(sessionName);
        if (!sessionSection) {
            if (sessionName.isEmpty()) {
                return unknownSessionError(sessionName,
                                           QStringLiteral("Set sso_session in %1 in %2 to the name of an "
                                                          "[sso-session NAME] section.")
                                               .arg(bracketed(section), file.sourceName()));
            }
            return unknownSessionError(
                sessionName,
                QStringLiteral("Add an [sso-session %1] section to %2, or fix sso_session in %3.")
                    .arg(sessionName, file.sourceName(), bracketed(section)));
        }
        // botocore compares every key the session sets, in the session's order.
        for (const QString &key : sessionSection->keyOrder) {
            if (!section.contains(key)) {
                continue;
            }
            const AwsConfigFile::Value &inProfile = section.values[key];
            const AwsConfigFile::Value &inSession = sessionSection->values[key];
            if (!sameValue(inProfile, inSession)) {
                return configError(
                    QStringLiteral("The value for %1 is inconsistent between profile (%2) and "
                                   "sso-session (%3). Remove %1 from %4 in %5, or make the two equal.")
                        .arg(key, shown(inProfile), shown(inSession), bracketed(section), file.sourceName()));
            }
        }
        // botocore merges the session into the profile, so a role key may come from either; the start
        // URL and region must be in the session, where the token provider (and `aws sso login`) read them.
        QStringList missingInProfile;
        for (const QString &key : roleKeys) {
            if (section.text(key).isEmpty() && sessionSection->text(key).isEmpty()) {
                missingInProfile.append(key);
            }
        }
        if (wantsRole && profile.accountId.isEmpty()) {
            profile.accountId = sessionSection->text(AccountIdKey);
        }
        if (wantsRole && profile.roleName.isEmpty()) {
            profile.roleName = sessionSection->text(RoleNameKey);
        }
        const QStringList missingInSession = missingKeys(*sessionSection, {StartUrlKey, RegionKey});
        if (!missingInProfile.isEmpty() || !missingInSession.isEmpty()) {
            return configError(
                QStringLiteral("The profile \"%1\" is configured to use SSO but is missing required "
                               "configuration: %2. %3 in %4, or %5.")
                    .arg(name, (missingInProfile + missingInSession).join(QStringLiteral(", ")),
                         whereToAdd(missingInProfile, section, missingInSession, sessionSection),
                         file.sourceName(), configureHint));
        }
        Result<SsoSession> session = sessionFrom(*sessionSection, file);
        if (!session) {
            return session.error();
        }
        profile.session = std::move(session).value();
    } else {
        const QStringList missing = missingKeys(section, roleKeys + QStringList{StartUrlKey, RegionKey});
        if (!missing.isEmpty()) {
            return configError(
                QStringLiteral("The profile \"%1\" is configured to use SSO but is missing required "
                               "configuration: %2. %3 in %4, or %5.")
                    .arg(name, missing.join(QStringLiteral(", ")), whereToAdd(missing, section, {}, nullptr),
                         file.sourceName(), configureHint));
        }
        if (const std::optional<SsoError> invalid = checkStartUrlAndRegion(section, file)) {
            return *invalid;
        }
        // `aws sso login` ignores sso_registration_scopes outside an sso-session, and so does the cache key.
        profile.session.startUrl = section.text(StartUrlKey);
        profile.session.region = section.text(RegionKey);
    }

    // botocore fails every client of a profile whose services = NAME has no such section, unless
    // configured endpoints are ignored.
    if (section.contains(QStringLiteral("services")) &&
        profile.ignoreConfiguredEndpointUrls.toLower() != QLatin1String("true")) {
        const Section *services = file.services(profile.servicesName);
        if (!services || services->values.isEmpty()) {
            return configError(
                QStringLiteral("The profile is configured to use the services section but the \"%1\" "
                               "services configuration does not exist. Add a [services %1] section "
                               "to %2, or remove services from %3.")
                    .arg(profile.servicesName, file.sourceName(), bracketed(section)));
        }
    }
    return profile;
}

} // namespace

SsoConfig SsoConfig::fromFile(const AwsConfigFile &file)
{
    SsoConfig config;
    config.m_file = file;

    // Each session with the line that introduces it: its [sso-session] header, or for a legacy start
    // URL the header of its first profile.
    QList<QPair<int, SsoSession>> sessions;
    const auto addSession = [&sessions](int line, const SsoSession &session) {
        for (const auto &known : std::as_const(sessions)) {
            if (known.second.id() == session.id()) {
                return;
            }
        }
        sessions.append({line, session});
    };

    QSet<QString> referencedSessions;
    for (const Section &section : file.sections()) {
        if (section.kind != QLatin1String("profile") || !isSsoProfile(section)) {
            continue;
        }
        if (section.contains(SsoSessionKey)) {
            referencedSessions.insert(section.text(SsoSessionKey));
        }
        Result<SsoProfile> profile = profileFrom(section, file);
        if (!profile) {
            config.m_problems.append({section.name, profile.error().message()});
            continue;
        }
        if (profile->session.isLegacy()) {
            addSession(section.line, profile->session);
        }
        config.m_profiles.append(std::move(profile).value());
    }
    for (const Section &section : file.sections()) {
        if (section.kind != QLatin1String("sso-session")) {
            continue;
        }
        const Result<SsoSession> session = sessionFrom(section, file);
        if (session) {
            addSession(section.line, session.value());
        } else if (!referencedSessions.contains(section.name)) {
            // Profiles that use a broken session report it themselves; this one has no profile.
            config.m_problems.append({section.name, session.error().message()});
        }
    }
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const auto &left, const auto &right) { return left.first < right.first; });
    for (const auto &entry : std::as_const(sessions)) {
        config.m_sessions.append(entry.second);
    }
    return config;
}

Result<SsoProfile> SsoConfig::profile(const QString &name) const
{
    const Section *section = m_file.profile(name);
    if (!section) {
        return configError(
            QStringLiteral("The config profile (%1) could not be found. Run `aws configure sso "
                           "--profile %1` to add it to %2, or pick another profile.")
                .arg(name, m_file.sourceName()));
    }
    if (!isSsoProfile(*section)) {
        return configError(
            QStringLiteral("Missing the following required SSO configuration values: sso_start_url, "
                           "sso_region. To make sure this profile is properly configured to use SSO, "
                           "please run: aws configure sso --profile %1 (the profile \"%1\" in %2 "
                           "has neither sso_session nor sso_start_url).")
                .arg(name, m_file.sourceName()));
    }
    return profileFrom(*section, m_file);
}

Result<SsoSession> SsoConfig::session(const QString &name) const
{
    const Section *section = m_file.ssoSession(name);
    if (!section) {
        return unknownSessionError(name, QStringLiteral("Add an [sso-session %1] section to %2, or run `aws "
                                                        "configure sso-session`.")
                                             .arg(name, m_file.sourceName()));
    }
    return sessionFrom(*section, m_file);
}

QList<SsoProfile> SsoConfig::profilesOf(const SsoSession &session) const
{
    QList<SsoProfile> profiles;
    for (const SsoProfile &profile : m_profiles) {
        if (profile.session.id() == session.id()) {
            profiles.append(profile);
        }
    }
    return profiles;
}
