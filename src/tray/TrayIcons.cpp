#include "TrayIcons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

TrayIcons::Glyph TrayIcons::glyphForPalette()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128 ? Glyph::Light : Glyph::Dark;
}

QString TrayIcons::iconName(TrayMenuModel::IconState state, Glyph glyph)
{
    QString stateName;
    switch (state) {
    case TrayMenuModel::IconState::Busy:
        stateName = QStringLiteral("busy");
        break;
    case TrayMenuModel::IconState::Error:
        stateName = QStringLiteral("error");
        break;
    case TrayMenuModel::IconState::Expired:
        stateName = QStringLiteral("expired");
        break;
    case TrayMenuModel::IconState::Expiring:
        stateName = QStringLiteral("expiring");
        break;
    case TrayMenuModel::IconState::Valid:
        stateName = QStringLiteral("valid");
        break;
    case TrayMenuModel::IconState::NotLoggedIn:
        stateName = QStringLiteral("idle");
        break;
    }
    return QStringLiteral("aws-sso-tray-%1-%2")
        .arg(stateName, glyph == Glyph::Dark ? QStringLiteral("dark") : QStringLiteral("light"));
}

QIcon TrayIcons::icon(TrayMenuModel::IconState state, Glyph glyph)
{
    const QString name = iconName(state, glyph);
    auto it = m_cache.constFind(name);
    if (it != m_cache.constEnd()) {
        return it.value();
    }
    // Rendered here rather than through an icon-engine plugin, so the icon never depends on one.
    QIcon built;
    QSvgRenderer renderer(QStringLiteral(":/tray/%1.svg").arg(name));
    for (const int size : {16, 22, 24, 32, 48, 64, 128}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        built.addPixmap(pixmap);
    }
    const QIcon themed = QIcon::fromTheme(name, built);
    m_cache.insert(name, themed);
    return themed;
}
