#include "FuzzTargets.h"

#include "AwsConfigFile.h"
#include "CliSignInUrl.h"
#include "ClientRegistration.h"
#include "NetrcReader.h"
#include "OidcClient.h"
#include "PortalClient.h"
#include "SsoConfig.h"
#include "SsoToken.h"

#include <QJsonDocument>
#include <cstdlib>

namespace {
// A finding the sanitizers cannot see: a parser that accepts what it then cannot write back.
void check(bool condition, const char *what)
{
    if (!condition) {
        qFatal("fuzz invariant broken: %s", what);
    }
}
} // namespace

namespace FuzzTargets {

void awsConfig(const QByteArray &data)
{
    const Result<AwsConfigFile> file = AwsConfigFile::parse(data, QStringLiteral("fuzz-config"));
    if (!file) {
        check(!file.error().message().isEmpty(), "a config error without a message");
        return;
    }
    const SsoConfig config = SsoConfig::fromFile(file.value());
    for (const SsoProfile &profile : config.profiles()) {
        const Result<SsoProfile> again = config.profile(profile.name);
        check(bool(again), "a listed profile that cannot be looked up");
        (void)again->session.tokenCacheKey();
        (void)again->session.registrationCacheKey();
    }
    for (const SsoSession &session : config.sessions()) {
        (void)config.session(session.name);
        (void)config.profilesOf(session);
    }
    (void)config.profile(QStringLiteral("default"));
}

void cacheFiles(const QByteArray &data)
{
    const Result<SsoToken> token = SsoToken::fromJson(data, QStringLiteral("fuzz-token.json"));
    if (token) {
        // What we accept we must write back in a form we accept again, with the same token.
        const Result<SsoToken> again = SsoToken::fromJson(token->toJson(), QStringLiteral("again.json"));
        check(bool(again), "a token that does not read back after toJson()");
        check(again->accessToken == token->accessToken, "the access token changed in the round trip");
        check(again->refreshToken == token->refreshToken, "the refresh token changed in the round trip");
    }
    const Result<ClientRegistration> registration =
        ClientRegistration::fromJson(data, QStringLiteral("fuzz-registration.json"));
    if (registration) {
        const Result<ClientRegistration> again =
            ClientRegistration::fromJson(registration->toJson(), QStringLiteral("again.json"));
        check(bool(again), "a registration that does not read back after toJson()");
        check(again->clientSecret == registration->clientSecret,
              "the client secret changed in the round trip");
    }
}

void serviceResponses(const QByteArray &data)
{
    // "<status> <error type>\n<body>" when the first line looks like that, else a 200 with this body.
    int status = 200;
    QByteArray errorType;
    QByteArray body = data;
    const int newline = data.indexOf('\n');
    if (newline > 0 && newline < 80) {
        const QList<QByteArray> head = data.left(newline).split(' ');
        bool numeric = false;
        const int parsed = head.value(0).toInt(&numeric);
        if (numeric && parsed >= 100 && parsed <= 599) {
            status = parsed;
            errorType = head.value(1);
            body = data.mid(newline + 1);
        }
    }
    const Result<HttpJsonClient::Reply> reply = HttpJsonClient::replyFrom(
        status, errorType, body, QStringLiteral("the fuzz service"), QStringLiteral("127.0.0.1"));
    if (!reply) {
        check(!reply.error().message().isEmpty(), "a reply error without a message");
        return;
    }
    RegisterClientRequest request;
    request.scopes = {QStringLiteral("sso:account:access")};
    (void)OidcClient::registrationFrom(*reply, request);
    (void)OidcClient::deviceAuthorizationFrom(*reply);
    const Result<TokenResponse> token = OidcClient::tokenFrom(*reply);
    if (token) {
        check(!token->accessToken.isEmpty() && token->expiresInSeconds > 0, "a token answer without a token");
    }
    (void)PortalClient::roleCredentialsFrom(*reply, QStringLiteral("role R in account A"));
    (void)PortalClient::accountsFrom(reply->body);
    (void)PortalClient::rolesFrom(reply->body);
    (void)OidcClient::errorFor(*reply, QStringLiteral("the fuzz request"));
    (void)PortalClient::errorFor(*reply, QStringLiteral("the fuzz request"));
}

void cliSignInUrl(const QByteArray &data)
{
    const QUrl url = CliSignInUrl::find(QString::fromUtf8(data));
    if (url.isValid()) {
        check(url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"),
              "a sign-in URL that is not http(s)");
    }
}

void netrc(const QByteArray &data)
{
    (void)NetrcReader::parse(data, QStringLiteral("fuzz-netrc"));
}

const QList<Target> &all()
{
    static const QList<Target> targets = {
        {QStringLiteral("aws_config"), awsConfig},
        {QStringLiteral("cache_files"), cacheFiles},
        {QStringLiteral("service_responses"), serviceResponses},
        {QStringLiteral("cli_sign_in_url"), cliSignInUrl},
        {QStringLiteral("netrc"), netrc},
    };
    return targets;
}

} // namespace FuzzTargets
