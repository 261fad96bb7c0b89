"""A theme's colour variables as colours, for widgets that draw with them (the map's tiles, the
chart of several forces).

Textual's themes give some variables as a colour and an alpha (the ANSI theme's
``foreground-muted`` is ``"ansi_default 50%"``), which ``Color.parse`` refuses: switching to that
theme with the map open ended the app (``ColorParseError``, found by a key storm).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color, ColorParseError


def theme_colour(variables: Mapping[str, str], name: str, fallback: str) -> Color:
    """The variable ``name`` as a colour ("COLOUR 50%" is the colour at half alpha); the
    ``fallback`` when the theme lacks it or gives something that is not a colour."""
    colour, _, alpha = variables.get(name, fallback).strip().partition(" ")
    try:
        parsed = Color.parse(colour)
    except ColorParseError:
        return Color.parse(fallback)
    if alpha.endswith("%"):
        try:
            parsed = parsed.with_alpha(max(0.0, min(1.0, float(alpha[:-1]) / 100)))
        except ValueError:
            pass
    return parsed
