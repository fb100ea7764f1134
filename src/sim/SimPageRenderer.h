#pragma once

#include "SimResponse.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Turns a page description into HTML: the shell of resources/sim/shell.html with the page kit's stylesheet
// and scripts, and the page's data as JSON for those scripts. Also serves the kits' files (/static/sim/...).
class SimPageRenderer
{
public:
    static const QString AssetPrefix; // "/static/sim/"

    struct Page
    {
        QString title;
        // Which stylesheet and script draw the page: "classic", "cloudscape", "external-idp" or "hop".
        QString kit;
        QJsonObject bootstrap;
        int status = 200;
    };

    static SimResponse render(const Page &page);
    // The file under AssetPrefix, or a 404 page.
    static SimResponse asset(const QString &path);
    // A small page for dead ends (unknown workflow, wrong origin), in plain HTML.
    static SimResponse notice(const QString &title, const QString &message, int status);
};
