#include "SimPortalApi.h"

#include "SimRandom.h"

#include <QJsonArray>

namespace {

const QByteArray BearerHeader = QByteArrayLiteral("x-amz-sso_bearer_token");
constexpr int MaximumMaxResult = 100;

SimResponse invalidRequest(const QString &message)
{
    return SimResponse::portalError(QStringLiteral("InvalidRequestException"), message);
}

} // namespace

SimPortalApi::SimPortalApi(SimState &state)
    : m_state(state)
{}

const SimAccessToken *SimPortalApi::authorize(const SimRequest &request, SimResponse &refusal) const
{
    const SimAccessToken *access = m_state.liveAccessToken(QString::fromUtf8(request.header(BearerHeader)));
    if (!access) {
        refusal = SimResponse::portalError(QStringLiteral("UnauthorizedException"),
                                           QStringLiteral("Session token not found or invalid"));
    }
    return access;
}

std::optional<SimPortalApi::Page> SimPortalApi::requestedPage(const SimRequest &request,
                                                              const QString &accountId, qsizetype total,
                                                              SimResponse &refusal) const
{
    Page page;
    page.size = m_state.config.listPageSize;
    if (request.hasQueryItem(QStringLiteral("max_result"))) {
        bool isNumber = false;
        const int maxResult = request.queryValue(QStringLiteral("max_result")).toInt(&isNumber);
        if (!isNumber || maxResult < 1 || maxResult > MaximumMaxResult) {
            refusal = invalidRequest(
                QStringLiteral("max_result must be a number from 1 to %1.").arg(MaximumMaxResult));
            return std::nullopt;
        }
        page.size = qMin<qsizetype>(maxResult, page.size);
    }
    const QString nextToken = request.queryValue(QStringLiteral("next_token"));
    if (!nextToken.isEmpty()) {
        const auto cursor = m_state.pageCursors.constFind(nextToken);
        if (cursor == m_state.pageCursors.constEnd() || cursor->listing != request.path() ||
            cursor->accountId != accountId || cursor->offset > total) {
            refusal = invalidRequest(QStringLiteral("Invalid next token."));
            return std::nullopt;
        }
        page.offset = cursor->offset;
    }
    page.size = qMin(page.size, total - page.offset);
    return page;
}

void SimPortalApi::addNextToken(QJsonObject &answer, const SimRequest &request, const QString &accountId,
                                const Page &page, qsizetype total)
{
    if (page.offset + page.size >= total) {
        return;
    }
    SimPageCursor cursor;
    cursor.listing = request.path();
    cursor.accountId = accountId;
    cursor.offset = int(page.offset + page.size);
    const QString nextToken = SimRandom::token(QString(), 24);
    m_state.pageCursors.insert(nextToken, cursor);
    answer.insert(QStringLiteral("nextToken"), nextToken);
}

SimResponse SimPortalApi::getRoleCredentials(const SimRequest &request)
{
    SimResponse refusal;
    const SimAccessToken *access = authorize(request, refusal);
    if (!access) {
        return refusal;
    }
    const QString roleName = request.queryValue(QStringLiteral("role_name"));
    const QString accountId = request.queryValue(QStringLiteral("account_id"));
    if (roleName.isEmpty() || accountId.isEmpty()) {
        return invalidRequest(QStringLiteral("role_name and account_id are required."));
    }
    const SimulatorConfig::Account *account = m_state.config.findAccount(accountId);
    if (!account || !account->roles.contains(roleName)) {
        // The real portal's words for a role or account the user is not assigned.
        return SimResponse::portalError(QStringLiteral("ForbiddenException"), QStringLiteral("No access"));
    }
    SimRoleCredentials issued;
    issued.accessKeyId = SimRandom::accessKeyId();
    issued.secretAccessKey = SimRandom::secretAccessKey();
    issued.sessionToken = SimRandom::token(QStringLiteral("IQoJb3JpZ2luX2Vj"), 240);
    issued.accountId = accountId;
    issued.roleName = roleName;
    issued.username = access->username;
    issued.expiresAt = SimState::now().addSecs(m_state.config.roleCredentialLifetimeSeconds);
    m_state.roleCredentials.insert(issued.accessKeyId, issued);
    return SimResponse::json(QJsonObject{
        {QStringLiteral("roleCredentials"),
         QJsonObject{
             {QStringLiteral("accessKeyId"), issued.accessKeyId},
             {QStringLiteral("secretAccessKey"), issued.secretAccessKey},
             {QStringLiteral("sessionToken"), issued.sessionToken},
             {QStringLiteral("expiration"), issued.expiresAt.toMSecsSinceEpoch()},
         }},
    });
}

SimResponse SimPortalApi::listAccounts(const SimRequest &request)
{
    SimResponse refusal;
    if (!authorize(request, refusal)) {
        return refusal;
    }
    const QList<SimulatorConfig::Account> &accounts = m_state.config.accounts;
    const std::optional<Page> page = requestedPage(request, QString(), accounts.size(), refusal);
    if (!page) {
        return refusal;
    }
    QJsonArray accountList;
    for (const SimulatorConfig::Account &account : accounts.mid(page->offset, page->size)) {
        accountList.append(QJsonObject{{QStringLiteral("accountId"), account.accountId},
                                       {QStringLiteral("accountName"), account.accountName},
                                       {QStringLiteral("emailAddress"), account.emailAddress}});
    }
    QJsonObject answer{{QStringLiteral("accountList"), accountList}};
    addNextToken(answer, request, QString(), *page, accounts.size());
    return SimResponse::json(answer);
}

SimResponse SimPortalApi::listAccountRoles(const SimRequest &request)
{
    SimResponse refusal;
    if (!authorize(request, refusal)) {
        return refusal;
    }
    const QString accountId = request.queryValue(QStringLiteral("account_id"));
    if (accountId.isEmpty()) {
        return invalidRequest(QStringLiteral("account_id is required."));
    }
    const SimulatorConfig::Account *account = m_state.config.findAccount(accountId);
    if (!account) {
        return SimResponse::portalError(QStringLiteral("ResourceNotFoundException"),
                                        QStringLiteral("Account %1 not found.").arg(accountId));
    }
    const QStringList roles = account->roles;
    const std::optional<Page> page = requestedPage(request, accountId, roles.size(), refusal);
    if (!page) {
        return refusal;
    }
    QJsonArray roleList;
    for (const QString &role : roles.mid(page->offset, page->size)) {
        roleList.append(
            QJsonObject{{QStringLiteral("roleName"), role}, {QStringLiteral("accountId"), accountId}});
    }
    QJsonObject answer{{QStringLiteral("roleList"), roleList}};
    addNextToken(answer, request, accountId, *page, roles.size());
    return SimResponse::json(answer);
}

SimResponse SimPortalApi::logout(const SimRequest &request)
{
    SimResponse refusal;
    if (!authorize(request, refusal)) {
        return refusal;
    }
    m_state.logout(QString::fromUtf8(request.header(BearerHeader)));
    return SimResponse::empty();
}
