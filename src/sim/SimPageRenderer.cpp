#include "SimPageRenderer.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>

const QString SimPageRenderer::AssetPrefix = QStringLiteral("/static/sim/");

namespace {

QByteArray resource(const QString &name)
{
    QFile file(QStringLiteral(":/sim/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

QByteArray contentTypeOf(const QString &name)
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("css"), QByteArrayLiteral("text/css; charset=utf-8")},
        {QStringLiteral("js"), QByteArrayLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral("svg"), QByteArrayLiteral("image/svg+xml")},
        {QStringLiteral("html"), QByteArrayLiteral("text/html; charset=utf-8")},
    };
    return types.value(name.section(QLatin1Char('.'), -1), QByteArrayLiteral("application/octet-stream"));
}

// JSON inside <script>: "</script>" or "<!--" in a value must not end or confuse the element.
QString scriptSafeJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
        .replace(QLatin1Char('<'), QStringLiteral("\\u003c"));
}

} // namespace

SimResponse SimPageRenderer::render(const Page &page)
{
    QString html = QString::fromUtf8(resource(QStringLiteral("shell.html")));
    // The hop page only moves on; it borrows the cloudscape look for its one line.
    const QString style = page.kit == QLatin1String("hop") ? QStringLiteral("cloudscape") : page.kit;
    html.replace(QStringLiteral("{{title}}"), page.title.toHtmlEscaped())
        .replace(QStringLiteral("{{kit}}"), page.kit)
        .replace(QStringLiteral("{{style}}"), AssetPrefix + style + QStringLiteral(".css"))
        .replace(QStringLiteral("{{script}}"), AssetPrefix + page.kit + QStringLiteral(".js"))
        .replace(QStringLiteral("{{common}}"), AssetPrefix + QStringLiteral("common.js"))
        .replace(QStringLiteral("{{bootstrap}}"), scriptSafeJson(page.bootstrap));
    SimResponse response;
    response.status = page.status;
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    response.body = html.toUtf8();
    return response;
}

SimResponse SimPageRenderer::asset(const QString &path)
{
    const QString name = path.mid(AssetPrefix.size());
    const QByteArray data = name.contains(QLatin1Char('/')) ? QByteArray() : resource(name);
    if (data.isEmpty() || name == QLatin1String("shell.html")) {
        return notice(QStringLiteral("Not found"), QStringLiteral("There is no file %1.").arg(path), 404);
    }
    SimResponse response;
    response.contentType = contentTypeOf(name);
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    response.body = data;
    return response;
}

SimResponse SimPageRenderer::notice(const QString &title, const QString &message, int status)
{
    return SimResponse::html(
        title, QStringLiteral("<p id=\"sim-error\" role=\"alert\">%1</p>").arg(message.toHtmlEscaped()),
        status);
}
