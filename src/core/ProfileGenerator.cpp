#include "ProfileGenerator.h"

#include "AwsConfigEditor.h"
#include "AwsConfigFile.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace {

const QStringList Placeholders = {QStringLiteral("{account_id}"), QStringLiteral("{account_name}"),
                                  QStringLiteral("{role_name}"), QStringLiteral("{session}")};

QString assignmentKey(const QString &accountId, const QString &roleName)
{
    return accountId + QLatin1Char('/') + roleName;
}

} // namespace

ProfileGenerator::ProfileGenerator(PortalClient *portal, QObject *parent)
    : QObject(parent)
    , m_portal(portal)
{}

int ProfileGenerator::Plan::count(Change::Kind kind) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [kind](const Change &change) { return change.kind == kind; }));
}

void ProfileGenerator::listAssignments(const QString &accessToken,
                                       PortalClient::Callback<QList<Assignment>> callback)
{
    m_portal->listAccounts(accessToken,
                           [self = QPointer<ProfileGenerator>(this), accessToken,
                            callback = std::move(callback)](Result<QList<AccountInfo>> accounts) {
                               if (!self) {
                                   return;
                               }
                               if (!accounts) {
                                   callback(accounts.error());
                                   return;
                               }
                               self->collectRoles(accessToken, std::move(accounts).value(),
                                                  std::make_shared<QList<Assignment>>(), callback);
                           });
}

void ProfileGenerator::collectRoles(const QString &accessToken, QList<AccountInfo> accounts,
                                    const std::shared_ptr<QList<Assignment>> &found,
                                    PortalClient::Callback<QList<Assignment>> callback)
{
    if (accounts.isEmpty()) {
        std::sort(found->begin(), found->end(), [](const Assignment &a, const Assignment &b) {
            return std::tie(a.accountName, a.accountId, a.roleName) <
                   std::tie(b.accountName, b.accountId, b.roleName);
        });
        callback(*found);
        return;
    }
    const AccountInfo account = accounts.takeFirst();
    m_portal->listAccountRoles(
        accessToken, account.accountId,
        [self = QPointer<ProfileGenerator>(this), accessToken, account, accounts = std::move(accounts), found,
         callback = std::move(callback)](Result<QList<RoleInfo>> roles) mutable {
            if (!self) {
                return;
            }
            if (!roles) {
                callback(roles.error());
                return;
            }
            for (const RoleInfo &role : roles.value()) {
                found->append(Assignment{account.accountId, account.accountName, role.roleName});
            }
            self->collectRoles(accessToken, std::move(accounts), found, std::move(callback));
        });
}

Status ProfileGenerator::checkNameTemplate(const QString &nameTemplate)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[^}]*\\}"));
    QRegularExpressionMatchIterator matches = placeholder.globalMatch(nameTemplate);
    while (matches.hasNext()) {
        const QString found = matches.next().captured();
        if (!Placeholders.contains(found)) {
            return SsoError(SsoError::Kind::Usage,
                            QStringLiteral("The name template has an unknown placeholder %1; use %2.")
                                .arg(found, Placeholders.join(QStringLiteral(", "))));
        }
    }
    return Done{};
}

QString ProfileGenerator::profileName(const QString &nameTemplate, const Assignment &assignment,
                                      const QString &sessionName)
{
    QString filled = nameTemplate;
    filled.replace(QStringLiteral("{account_id}"), assignment.accountId)
        .replace(QStringLiteral("{account_name}"), assignment.accountName)
        .replace(QStringLiteral("{role_name}"), assignment.roleName)
        .replace(QStringLiteral("{session}"), sessionName);
    QString name;
    for (const QChar c : filled.toLower()) {
        // ASCII only: shlex, shells and every SDK's INI reader agree on these.
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                          (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
                          c == QLatin1Char('_');
        if (safe) {
            name.append(c);
        } else if (!name.endsWith(QLatin1Char('-'))) {
            name.append(QLatin1Char('-'));
        }
    }
    while (name.startsWith(QLatin1Char('-'))) {
        name.remove(0, 1);
    }
    while (name.endsWith(QLatin1Char('-'))) {
        name.chop(1);
    }
    return name;
}

QString ProfileGenerator::generatedMarker(const QString &sessionName)
{
    return QStringLiteral("# generated by aws-sso-tray from sso-session %1").arg(sessionName);
}

Result<ProfileGenerator::Plan> ProfileGenerator::plan(const QByteArray &configText, const QString &sourceName,
                                                      const QList<Assignment> &assignments,
                                                      const Options &options)
{
    if (const Status valid = checkNameTemplate(options.nameTemplate); !valid) {
        return valid.error();
    }
    const Result<AwsConfigFile> config = AwsConfigFile::parse(configText, sourceName);
    if (!config) {
        return config.error();
    }
    AwsConfigEditor editor(configText);
    Plan plan;
    QSet<QString> assigned;
    QSet<QString> namesTaken;
    const QString marker = generatedMarker(options.sessionName);
    for (const Assignment &assignment : assignments) {
        assigned.insert(assignmentKey(assignment.accountId, assignment.roleName));
        Change change{Change::Kind::Added,
                      profileName(options.nameTemplate, assignment, options.sessionName),
                      assignment.accountId,
                      assignment.roleName,
                      {}};
        const AwsConfigFile::Section *existing = config->profile(change.profileName);
        if (change.profileName.isEmpty()) {
            change.kind = Change::Kind::Conflict;
            change.reason =
                QStringLiteral("the name template gives an empty profile name; change --name-template.");
        } else if (namesTaken.contains(change.profileName)) {
            change.kind = Change::Kind::Conflict;
            change.reason = QStringLiteral("another role already gets this name; put {account_id} into "
                                           "--name-template to tell them apart.");
        } else if (existing) {
            const bool same = existing->text(QStringLiteral("sso_session")) == options.sessionName &&
                              existing->text(QStringLiteral("sso_account_id")) == assignment.accountId &&
                              existing->text(QStringLiteral("sso_role_name")) == assignment.roleName;
            change.kind = same ? Change::Kind::Unchanged : Change::Kind::Conflict;
            if (!same) {
                change.reason =
                    QStringLiteral("the profile exists with other settings (line %1 of %2) and is "
                                   "left as it is; rename it or choose another --name-template.")
                        .arg(existing->line)
                        .arg(sourceName);
            }
        }
        namesTaken.insert(change.profileName);
        if (change.kind == Change::Kind::Added) {
            QStringList body{marker, QStringLiteral("sso_session = ") + options.sessionName,
                             QStringLiteral("sso_account_id = ") + assignment.accountId,
                             QStringLiteral("sso_role_name = ") + assignment.roleName};
            if (!options.region.isEmpty()) {
                body.append(QStringLiteral("region = ") + options.region);
            }
            editor.appendSection(QStringLiteral("profile ") + change.profileName, body);
        }
        plan.changes.append(change);
    }
    if (options.prune) {
        for (const AwsConfigFile::Section &section : config->sections()) {
            if (section.kind != QLatin1String("profile") ||
                !editor.comments(section.header).contains(marker)) {
                continue;
            }
            const QString accountId = section.text(QStringLiteral("sso_account_id"));
            const QString roleName = section.text(QStringLiteral("sso_role_name"));
            if (assigned.contains(assignmentKey(accountId, roleName))) {
                continue;
            }
            editor.removeSection(section.header);
            plan.changes.append(Change{Change::Kind::Removed, section.name, accountId, roleName, {}});
        }
    }
    plan.updatedText = editor.text();
    plan.diff = editor.diff(sourceName);
    return plan;
}
