#include "SimRequest.h"

#include <QHostAddress>

SimRequest SimRequest::from(const QHttpServerRequest &request)
{
    SimRequest copy;
    copy.method = request.method();
    copy.url = request.url();
    copy.body = request.body();
    copy.headers = request.headers();
    return copy;
}

QByteArray SimRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool SimRequest::hasQueryItem(const QString &key) const
{
    return QUrlQuery(url).hasQueryItem(key);
}

QString SimRequest::queryValue(const QString &key) const
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

bool SimRequest::isLoopbackHost(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}
