"""Writing a view to a file: the format from the name, written atomically. Headless."""

from __future__ import annotations

from pathlib import Path

from tui.atomic_file import write_atomic
from tui.output.render import Format, render
from tui.output.reports import Report

EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}
SUFFIX: dict[str, str] = {"csv": ".csv", "markdown": ".md", "json": ".json"}


def format_for(path: Path, default: Format = "csv") -> Format:
    """The export format a file name asks for (by extension), else ``default``."""
    return EXTENSIONS.get(path.suffix.lower(), default)


def with_format(path: Path, fmt: str) -> Path:
    """``path`` with the extension of ``fmt`` (keeping any other suffix)."""
    if path.suffix.lower() in EXTENSIONS:
        return path.with_suffix(SUFFIX[fmt])
    return path.with_name(path.name + SUFFIX[fmt])


def write_report(report: Report, path: Path, fmt: Format) -> int:
    """Write ``report`` to ``path`` atomically (a temporary file, then a rename).

    Returns:
        The number of records written.

    Raises:
        OSError: the folder does not exist or cannot be written (the message names the path).
    """
    text = render(report, fmt)
    write_atomic(path, text.encode("utf-8"))
    return len(report.records)
