#!/usr/bin/env python3
"""Writes the tray's status icons: one SVG per state and glyph colour.

A cloud with a key (the app) in the panel's contrast colour, and a badge that says the state at a
glance. "dark" icons have a dark glyph for light panels, "light" icons a light glyph for dark panels.
Run it after changing a colour or shape; the SVGs are committed so the build needs no Python.
"""
import os

GLYPHS = {"dark": "#263238", "light": "#eceff1"}

# state -> (badge colour, badge symbol as SVG drawn in a 20x20 box at the badge's centre), or None
BADGES = {
    "valid": ("#2e7d32", '<path d="M-5 0.5 L-1.5 4 L5.5 -3.5" fill="none" stroke="#fff" stroke-width="3" '
                         'stroke-linecap="round" stroke-linejoin="round"/>'),
    "expiring": ("#f9a825", '<path d="M0 -5.5 V0.5 L4 3" fill="none" stroke="#fff" stroke-width="3" '
                            'stroke-linecap="round" stroke-linejoin="round"/>'),
    "expired": ("#c62828", '<path d="M-4.5 -4.5 L4.5 4.5 M4.5 -4.5 L-4.5 4.5" fill="none" stroke="#fff" '
                           'stroke-width="3" stroke-linecap="round"/>'),
    "busy": ("#1565c0", '<circle cx="-5" cy="0" r="2.2" fill="#fff"/><circle cx="0" cy="0" r="2.2" fill="#fff"/>'
                        '<circle cx="5" cy="0" r="2.2" fill="#fff"/>'),
    "error": ("#c62828", '<path d="M0 -6 V1.5" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/>'
                         '<circle cx="0" cy="6" r="2" fill="#fff"/>'),
    "idle": None,
}

CLOUD = ("M18 46 C9 46 4 40 4 33.5 C4 27 9 22 15.5 22 C17.5 13.5 24.5 8 33 8 C42.5 8 50 15 51 24 "
         "C57 25 61 30 61 36.5 C61 42 57 46 51 46 Z")
KEY = ('<circle cx="24" cy="30" r="6" fill="none" stroke="{c}" stroke-width="3.5"/>'
       '<path d="M30 30 H45 M40 30 V35 M45 30 V34" fill="none" stroke="{c}" stroke-width="3.5" '
       'stroke-linecap="round"/>')


def icon(state, glyph):
    colour = GLYPHS[glyph]
    background = GLYPHS["light" if glyph == "dark" else "dark"]
    badge = BADGES[state]
    opacity = "0.55" if state == "idle" else "1"
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">',
        f'<g opacity="{opacity}">',
        f'<path d="{CLOUD}" fill="none" stroke="{colour}" stroke-width="4.5" stroke-linejoin="round"/>',
        KEY.format(c=colour),
        "</g>",
    ]
    if badge:
        fill, symbol = badge
        parts += [
            '<g transform="translate(48 48)">',
            f'<circle r="15" fill="{background}"/>',
            f'<circle r="12.5" fill="{fill}"/>',
            symbol,
            "</g>",
        ]
    parts.append("</svg>\n")
    return "".join(parts)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for state in BADGES:
        for glyph in GLYPHS:
            with open(os.path.join(here, f"aws-sso-tray-{state}-{glyph}.svg"), "w") as out:
                out.write(icon(state, glyph))


if __name__ == "__main__":
    main()
