#pragma once

#include "HttpJsonClient.h"
#include "PortalTypes.h"
#include "Result.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>

// The SSO portal: role credentials, the accounts and roles a token can see (every page), logout.
class PortalClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    PortalClient(QUrl endpoint, HttpJsonClient *http, QObject *parent = nullptr);

    void getRoleCredentials(const QString &accessToken, const QString &accountId, const QString &roleName,
                            Callback<RoleCredentials> callback);
    void listAccounts(const QString &accessToken, Callback<QList<AccountInfo>> callback);
    void listAccountRoles(const QString &accessToken, const QString &accountId, Callback<QList<RoleInfo>> callback);
    void logout(const QString &accessToken, Callback<Done> callback);

    static SsoError errorFor(const HttpJsonClient::Reply &reply, const QString &operation);
    // What the answers mean, public for the fuzzers: the credentials or the error a reply is, and the
    // accounts or roles on one page of a listing.
    static Result<RoleCredentials> roleCredentialsFrom(const HttpJsonClient::Reply &reply,
                                                       const QString &operation);
    static QList<AccountInfo> accountsFrom(const QJsonObject &page);
    static QList<RoleInfo> rolesFrom(const QJsonObject &page);

private:
    // Follows nextToken until the last page, handing each page's body to collect.
    void fetchAllPages(const QString &path, QList<QPair<QString, QString>> query, const QString &accessToken,
                       const QString &operation, std::function<void(const QJsonObject &)> collect,
                       Callback<Done> done, const QString &nextToken = {}, int pagesSoFar = 0);
    QUrl operationUrl(const QString &path, const QList<QPair<QString, QString>> &query) const;

    QUrl m_endpoint;
    HttpJsonClient *m_http;
};
