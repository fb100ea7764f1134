#pragma once

#include "TrayMenuModel.h"

#include <QHash>
#include <QIcon>

// The tray icon for each state, in the variant that contrasts with the panel: a dark glyph on light
// panels, a light one on dark panels. The SVGs are built in (resources/icons/tray) and also installed
// in the hicolor theme, where a theme may override them.
class TrayIcons
{
public:
    enum class Glyph
    {
        Dark,
        Light
    };

    // The glyph that suits the current palette's window colour (panels follow the desktop's theme).
    static Glyph glyphForPalette();
    static QString iconName(TrayMenuModel::IconState state, Glyph glyph);
    QIcon icon(TrayMenuModel::IconState state, Glyph glyph);

private:
    QHash<QString, QIcon> m_cache;
};
