#include "PortalClient.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <memory>
#include <utility>

namespace {
// Guards against a service that keeps sending the same nextToken.
constexpr int MaxPages = 1000;

QList<QPair<QByteArray, QByteArray>> bearer(const QString &accessToken)
{
    return {{QByteArrayLiteral("x-amz-sso_bearer_token"), accessToken.toUtf8()}};
}
} // namespace

PortalClient::PortalClient(QUrl endpoint, HttpJsonClient *http, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_http(http)
{
}

QUrl PortalClient::operationUrl(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl url = m_endpoint;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);
    QUrlQuery urlQuery;
    for (const auto &[name, value] : query) {
        urlQuery.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(urlQuery.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

SsoError PortalClient::errorFor(const HttpJsonClient::Reply &reply, const QString &operation)
{
    using Kind = SsoError::Kind;
    const QString &type = reply.errorType;
    const QString detail = reply.errorMessage.isEmpty() ? type : reply.errorMessage;
    if (type == QLatin1String("UnauthorizedException") || reply.httpStatus == 401) {
        return SsoError(Kind::UserAction,
                        QStringLiteral("The SSO session is no longer valid (%1); log in again.").arg(detail), type);
    }
    if (type == QLatin1String("ForbiddenException") || reply.httpStatus == 403) {
        return SsoError(Kind::AuthFailed,
                        QStringLiteral("The SSO portal refused %1 (%2); check the account's role assignments "
                                       "in IAM Identity Center.")
                            .arg(operation, detail),
                        type);
    }
    if (type == QLatin1String("ResourceNotFoundException") || reply.httpStatus == 404) {
        return SsoError(Kind::Config,
                        QStringLiteral("The SSO portal does not know %1 (%2); check sso_account_id and "
                                       "sso_role_name in the AWS config.")
                            .arg(operation, detail),
                        type);
    }
    if (type == QLatin1String("TooManyRequestsException") || reply.httpStatus == 429) {
        return SsoError(Kind::Network,
                        QStringLiteral("The SSO portal is throttling requests; try again in a minute."), type);
    }
    if (reply.httpStatus >= 500) {
        return SsoError(Kind::Network,
                        QStringLiteral("The SSO portal had an internal error during %1 (HTTP %2); try again in a "
                                       "minute.")
                            .arg(operation)
                            .arg(reply.httpStatus),
                        type);
    }
    return SsoError(Kind::Config,
                    QStringLiteral("The SSO portal rejected %1: %2 (HTTP %3).").arg(operation, detail).arg(reply.httpStatus),
                    type);
}

void PortalClient::getRoleCredentials(const QString &accessToken, const QString &accountId, const QString &roleName,
                                      Callback<RoleCredentials> callback)
{
    const QString operation = QStringLiteral("role %1 in account %2").arg(roleName, accountId);
    const QUrl url = operationUrl(QStringLiteral("/federation/credentials"),
                                  {{QStringLiteral("role_name"), roleName}, {QStringLiteral("account_id"), accountId}});
    m_http->get(url, bearer(accessToken),
                [operation, callback = std::move(callback)](Result<HttpJsonClient::Reply> reply) {
                    callback(reply ? roleCredentialsFrom(*reply, operation)
                                   : Result<RoleCredentials>(reply.error()));
                });
}

Result<RoleCredentials> PortalClient::roleCredentialsFrom(const HttpJsonClient::Reply &reply,
                                                          const QString &operation)
{
    if (reply.isError()) {
        return errorFor(reply, operation);
    }
    const QJsonObject json = reply.body.value(QStringLiteral("roleCredentials")).toObject();
    RoleCredentials credentials;
    credentials.accessKeyId = json.value(QStringLiteral("accessKeyId")).toString();
    credentials.secretAccessKey = json.value(QStringLiteral("secretAccessKey")).toString();
    credentials.sessionToken = json.value(QStringLiteral("sessionToken")).toString();
    const qint64 expirationMs = json.value(QStringLiteral("expiration")).toVariant().toLongLong();
    credentials.expiration = QDateTime::fromMSecsSinceEpoch(expirationMs, Qt::UTC);
    if (credentials.accessKeyId.isEmpty() || credentials.secretAccessKey.isEmpty() || expirationMs <= 0) {
        return SsoError(SsoError::Kind::Network,
                        QStringLiteral("The SSO portal answered the credentials request for %1 "
                                       "without keys; try again later.")
                            .arg(operation));
    }
    return credentials;
}

void PortalClient::fetchAllPages(const QString &path, QList<QPair<QString, QString>> query,
                                 const QString &accessToken, const QString &operation,
                                 std::function<void(const QJsonObject &)> collect, Callback<Done> done,
                                 const QString &nextToken, int pagesSoFar)
{
    QList<QPair<QString, QString>> pageQuery = query;
    if (!nextToken.isEmpty()) {
        pageQuery.append({QStringLiteral("next_token"), nextToken});
    }
    const QUrl url = operationUrl(path, pageQuery);
    m_http->get(url, bearer(accessToken),
                [this, self = QPointer<PortalClient>(this), path, query = std::move(query), accessToken, operation,
                 collect = std::move(collect), done = std::move(done), nextToken,
                 pagesSoFar](Result<HttpJsonClient::Reply> reply) mutable {
                    if (!self) {
                        return;
                    }
                    if (!reply) {
                        done(reply.error());
                        return;
                    }
                    if (reply->isError()) {
                        done(errorFor(*reply, operation));
                        return;
                    }
                    collect(reply->body);
                    const QString next = reply->body.value(QStringLiteral("nextToken")).toString();
                    if (next.isEmpty()) {
                        done(Done{});
                        return;
                    }
                    if (next == nextToken || pagesSoFar + 1 >= MaxPages) {
                        done(SsoError(SsoError::Kind::Network,
                                      QStringLiteral("The SSO portal kept paging %1 without end; try again later.")
                                          .arg(operation)));
                        return;
                    }
                    fetchAllPages(path, std::move(query), accessToken, operation, std::move(collect),
                                  std::move(done), next, pagesSoFar + 1);
                });
}

void PortalClient::listAccounts(const QString &accessToken, Callback<QList<AccountInfo>> callback)
{
    auto accounts = std::make_shared<QList<AccountInfo>>();
    fetchAllPages(
        QStringLiteral("/assignment/accounts"), {{QStringLiteral("max_result"), QStringLiteral("100")}},
        accessToken, QStringLiteral("the account list"),
        [accounts](const QJsonObject &page) { accounts->append(accountsFrom(page)); },
        [accounts, callback = std::move(callback)](const Status &status) {
            if (!status) {
                callback(status.error());
                return;
            }
            callback(*accounts);
        });
}

void PortalClient::listAccountRoles(const QString &accessToken, const QString &accountId,
                                    Callback<QList<RoleInfo>> callback)
{
    auto roles = std::make_shared<QList<RoleInfo>>();
    fetchAllPages(
        QStringLiteral("/assignment/roles"),
        {{QStringLiteral("account_id"), accountId}, {QStringLiteral("max_result"), QStringLiteral("100")}},
        accessToken, QStringLiteral("the roles of account %1").arg(accountId),
        [roles](const QJsonObject &page) { roles->append(rolesFrom(page)); },
        [roles, callback = std::move(callback)](const Status &status) {
            if (!status) {
                callback(status.error());
                return;
            }
            callback(*roles);
        });
}

void PortalClient::logout(const QString &accessToken, Callback<Done> callback)
{
    m_http->post(operationUrl(QStringLiteral("/logout"), {}), bearer(accessToken),
                 [callback = std::move(callback)](Result<HttpJsonClient::Reply> reply) {
                     if (!reply) {
                         callback(reply.error());
                         return;
                     }
                     if (reply->isError()) {
                         callback(errorFor(*reply, QStringLiteral("the logout")));
                         return;
                     }
                     callback(Done{});
                 });
}

QList<AccountInfo> PortalClient::accountsFrom(const QJsonObject &page)
{
    QList<AccountInfo> accounts;
    for (const QJsonValue &value : page.value(QStringLiteral("accountList")).toArray()) {
        const QJsonObject account = value.toObject();
        accounts.append(AccountInfo{account.value(QStringLiteral("accountId")).toString(),
                                    account.value(QStringLiteral("accountName")).toString(),
                                    account.value(QStringLiteral("emailAddress")).toString()});
    }
    return accounts;
}

QList<RoleInfo> PortalClient::rolesFrom(const QJsonObject &page)
{
    QList<RoleInfo> roles;
    for (const QJsonValue &value : page.value(QStringLiteral("roleList")).toArray()) {
        const QJsonObject role = value.toObject();
        roles.append(RoleInfo{role.value(QStringLiteral("roleName")).toString(),
                              role.value(QStringLiteral("accountId")).toString()});
    }
    return roles;
}
