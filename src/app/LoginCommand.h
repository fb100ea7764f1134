#pragma once

#include "CommandContext.h"
#include "MfaCodeProvider.h"
#include "Result.h"
#include "SignInSecrets.h"
#include "SsoSession.h"

#include <QStringList>
#include <QUrl>
#include <memory>
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
    // The stored username and password, and where MFA codes will come from (stored TOTP secret, else
    // the terminal); keychain problems are warnings, since the portal's cookie may be enough.
    std::unique_ptr<MfaCodeProvider> loadSignInSecrets(const QString &startUrl, SignInSecrets *secrets);
    int signInWithBrowser(const SsoSession &session, const SsoProfile *profile,
                          const QCommandLineParser &parser, int timeoutSeconds);
    int signInWithoutBrowser(const SsoSession &session, const SsoProfile *profile, int timeoutSeconds);
    int completeCliSignIn(const QCommandLineParser &parser, int timeoutSeconds);

    CommandContext &m_context;
};
