"""A Line-API scroll view that sends the terminal only the lines that changed.

Measured from outside (``benchmarks/pty_bench.py``), a cursor move in a Textual ``ScrollView``
that calls ``refresh()`` rewrites every line and both scrollbars: about 10 KB per key at 100×30.
Here a change records what each line shows before and after and refreshes only the lines that
differ; a change in the number of rows moves the vertical scrollbar's thumb without a layout;
scrolling repaints the scrolling part only; and the scrollbars are redrawn only when a size
really changed (Textual redraws both on every layout of the screen, which a keystroke in any
input triggers).
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView

Lines = list[tuple[object, ...]]
"""What each line shows (first entry: the scroll offsets), to compare before and after."""


class LineView(ScrollView):
    """Subclasses describe their lines in :meth:`_drawn_lines` and keep ``_fixed_lines`` lines
    at the top that do not scroll."""

    DEFAULT_CSS = """
    LineView {
        /* The vertical scrollbar is always there (a track when every row fits): a scrollbar that
           came and went while typing in a search box re-laid and repainted the whole view. */
        overflow-y: scroll;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._bars_for: tuple[Size, Size, Size] | None = None
        """The (size, container size, virtual size) the scrollbars were last laid out for."""

    @property
    def _fixed_lines(self) -> int:
        """Lines at the top that stay when the view scrolls down (a header, totals)."""
        return 0

    def _drawn_lines(self) -> Lines | None:
        """What each line shows now (None when not laid out yet)."""
        return None

    @property
    def _view(self) -> Size:
        """The lines and cells the content is drawn on (the scrollbars excluded)."""
        return self.scrollable_content_region.size

    def _refresh_changed(self, before: Lines | None) -> None:
        """Repaint the lines whose content differs from ``before`` (all when it is unknown)."""
        after = self._drawn_lines()
        if before is None or after is None or len(before) != len(after):
            self.refresh()
            return
        # After a scroll, ``watch_scroll_y`` / ``watch_scroll_x`` repaint the body themselves.
        # On a short terminal the view may be shorter than its fixed lines: compare only the
        # lines it has (a header and totals taller than the view raised IndexError here).
        last = len(after) if before[0] == after[0] else min(self._fixed_lines, len(after))
        width = self._view.width
        for y in range(1, last):
            if before[y] != after[y]:
                self.refresh(Region(0, y, width, 1))

    def _set_virtual_size(self, size: Size) -> None:
        """Resize the scrollable area; a change of height alone (filtering) costs no layout."""
        old = self.virtual_size
        if size == old:
            return
        if not self.is_mounted or size.width != old.width:
            self.virtual_size = size  # new columns: a layout
            return
        # Setting ``virtual_size`` would repaint the whole view and both scrollbars (the
        # horizontal one alone is 3.5 KB of escapes); the changed lines are refreshed by the
        # caller, and the vertical bar (always shown, see DEFAULT_CSS) only moves its thumb.
        self.set_reactive(LineView.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height
            self.vertical_scrollbar.refresh()
        self._bars_for = (self.outer_size, self.container_size, size)
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Textual's ScrollView redraws both scrollbars on every layout of the screen (it
        compares the compositor's view of its size with its own virtual size, which differ
        whenever there is something to scroll). Here only when a size really changed."""
        if (size, container_size, self.virtual_size) == self._bars_for:
            return False
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self._bars_for = (size, container_size, self.virtual_size)
        return changed

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling down moves the body only: the fixed lines stay painted."""
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = new_value
        if round(old_value) != round(new_value):
            top = self._fixed_lines
            self.refresh(Region(0, top, self._view.width, max(0, self._view.height - top)))
