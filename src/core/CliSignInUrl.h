#pragma once

#include <QString>
#include <QUrl>

// The sign-in URL in what `aws sso login --no-browser` prints (read by `login --stdin`): the autofill
// device URL, else the /authorize URL of the PKCE flow. Pure text, so a fuzzer links it without a browser.
namespace CliSignInUrl {
// Empty when the text holds neither.
QUrl find(const QString &text);
} // namespace CliSignInUrl
