"""Table cells as Rich ``Text``: data is never parsed as markup; control characters are shown."""

from __future__ import annotations

from rich.text import Text

from tui.formatting import safe_text


def plain(value: object, *, style: str = "", justify: str = "left") -> Text:
    """A literal text cell (DataTable would parse a ``str`` as markup; ``Text`` it does not)."""
    return Text(safe_text(value), style=style, justify=justify)  # type: ignore[arg-type]


def number(value: str, *, style: str = "") -> Text:
    """A right-aligned number cell."""
    return Text(value, style=style, justify="right")


def highlighted(value: str, positions: tuple[int, ...], style: str) -> Text:
    """A literal text cell with the characters at ``positions`` styled (search matches)."""
    text = Text(safe_text(value))
    if safe_text(value) == value:
        for pos in positions:
            if 0 <= pos < len(value):
                text.stylize(style, pos, pos + 1)
    return text


def line(*parts: str | tuple[str, str]) -> Text:
    """Assemble literal text pieces (optionally ``(text, style)``) into one ``Text``."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(safe_text(part[0]), style=part[1])
        else:
            out.append(safe_text(part))
    return out
