#include "SimSignInPages.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString NotBuiltYet =
    QStringLiteral("Sign-in pages are not built yet; approve with POST /_sim/approve");

QString approvalHint(const QJsonObject &body)
{
    return QStringLiteral("<p id=\"sim-not-built\">%1</p>\n<pre id=\"sim-approve-body\">%2</pre>")
        .arg(NotBuiltYet.toHtmlEscaped(),
             QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)).toHtmlEscaped());
}

} // namespace

SimSignInPages::SimSignInPages(SimState &state, SimOidcApi &oidc)
    : m_state(state)
    , m_oidc(oidc)
{}

SimResponse SimSignInPages::authorizePage(const SimRequest &request)
{
    const Result<SimAuthorizationRequest> authorization = m_oidc.parseAuthorization(QUrlQuery(request.url));
    if (!authorization) {
        // Not redirected: with a bad client or redirect URI there is nowhere trustworthy to send the browser.
        return SimResponse::html(
            QStringLiteral("Invalid authorization request"),
            QStringLiteral("<p id=\"sim-error\">%1</p>").arg(authorization.error().message().toHtmlEscaped()),
            400);
    }
    m_oidc.rememberAuthorization(authorization.value());
    QUrl authorizeUrl = m_state.baseUrl;
    authorizeUrl.setPath(request.path());
    authorizeUrl.setQuery(request.url.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return SimResponse::html(QStringLiteral("Sign in"),
                             approvalHint(QJsonObject{{QStringLiteral("authorizeUrl"),
                                                       authorizeUrl.toString(QUrl::FullyEncoded)}}));
}

SimResponse SimSignInPages::devicePage(const SimRequest &request)
{
    const QString userCode = request.queryValue(QStringLiteral("user_code")).trimmed().toUpper();
    return SimResponse::html(
        QStringLiteral("Authorize request"),
        approvalHint(QJsonObject{
            {QStringLiteral("userCode"), userCode.isEmpty() ? QStringLiteral("ABCD-EFGH") : userCode}}));
}
