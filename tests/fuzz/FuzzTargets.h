#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

// The parsers that read untrusted bytes, each as one entry point fed a whole input. Shared by the
// libFuzzer executables (fuzz_<name>) and TestFuzzCorpus, which replays every seed and every input
// that once crashed (tests/fuzz/corpus/<name>, tests/fuzz/regressions/<name>) in the normal build.
namespace FuzzTargets {
// ~/.aws/config text: AwsConfigFile::parse, then the SSO view of every profile and session.
void awsConfig(const QByteArray &data);
// A token or client-registration file of ~/.aws/sso/cache, and the round trip of what parses.
void cacheFiles(const QByteArray &data);
// An SSO-OIDC or portal answer body (the first line may name an HTTP status and an error type):
// HttpJsonClient::replyFrom, then every OIDC and portal parser.
void serviceResponses(const QByteArray &data);
// What `aws sso login --no-browser` printed, for `login --stdin`.
void cliSignInUrl(const QByteArray &data);
// A ~/.netrc for `secret import-netrc`.
void netrc(const QByteArray &data);

struct Target
{
    QString name;
    std::function<void(const QByteArray &)> run;
};
const QList<Target> &all();
} // namespace FuzzTargets
