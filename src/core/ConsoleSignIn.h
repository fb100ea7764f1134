#pragma once

#include "HttpJsonClient.h"
#include "PortalTypes.h"
#include "Result.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QUrl>
#include <functional>

// A sign-in URL for the AWS Management Console from role credentials, through the AWS federation
// endpoint (getSigninToken, then Action=login). The URL is a bearer secret for about 15 minutes: show it
// only where the user asked for it, never in logs.
class ConsoleSignIn : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl destination;               // required; consoleHome(region) is the console's start page
        QString issuer;                 // where the console sends the user when the session ends, if anywhere
        int sessionDurationSeconds = 0; // 0: the endpoint's default; else 900..43200
    };

    ConsoleSignIn(QUrl federationEndpoint, HttpJsonClient *http, QObject *parent = nullptr);

    // $AWS_SSO_TRAY_FEDERATION_ENDPOINT, else the endpoint of the region's partition: aws-us-gov for
    // us-gov-*, aws-cn for cn-*, aws for every other region.
    static QUrl federationEndpoint(const QString &region, const QProcessEnvironment &environment);
    static QUrl consoleHome(const QString &region);
    // A usage error unless 0 or 900..43200.
    static Status checkDuration(int seconds);

    void signInUrl(const RoleCredentials &credentials, const Options &options,
                   std::function<void(Result<QUrl>)> callback);

private:
    QUrl m_endpoint;
    HttpJsonClient *m_http;
};
