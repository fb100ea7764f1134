#pragma once

#include "CommandContext.h"
#include "Result.h"
#include "SsoSession.h"

#include <QStringList>
#include <QUrl>
#include <optional>

class QCommandLineParser;
struct SsoProfile;

// aws-sso-tray login (--profile NAME | --sso-session NAME) [--device-code] [--show-browser]
//                    [--no-browser] [--force] [--timeout SECONDS]
// aws-sso-tray login --stdin [--profile NAME | --sso-session NAME]
// Nothing to do while the token is valid; a silent refresh where possible; else a sign-in in the
// invisible browser (or, with --no-browser, an approval URL printed for any browser).
class LoginCommand
{
public:
    explicit LoginCommand(CommandContext &context);
    int run(const QStringList &arguments);

    // Whether these arguments need the browser engine (and so a QApplication prepared for it).
    static bool needsBrowser(const QStringList &arguments);
    static bool wantsVisibleBrowser(const QStringList &arguments);
    // The sign-in URL in `aws sso login --no-browser` output: the autofill device URL, else the
    // /authorize URL of the PKCE flow. Empty when the text holds neither.
    static QUrl signInUrlFromCliOutput(const QString &text);

private:
    int signInWithBrowser(const SsoSession &session, const SsoProfile *profile,
                          const QCommandLineParser &parser, int timeoutSeconds);
    int signInWithoutBrowser(const SsoSession &session, const SsoProfile *profile, int timeoutSeconds);
    int completeCliSignIn(const QCommandLineParser &parser, int timeoutSeconds);

    CommandContext &m_context;
};
