"""The tests' waits (``tests/harness.py``) last as long as Textual's did: what was sent is
handled, a handler in the middle of its work is waited for, and a resize's debounce has run."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


class Slow(Static):
    @dataclass
    class Work(Message):
        seconds: float

    done: list[float] = []

    async def on_slow_work(self, message: Work) -> None:
        await asyncio.sleep(message.seconds)  # a handler awaiting something outside the loop
        self.done.append(message.seconds)


class Probe(App[None]):
    BINDINGS = [Binding("x", "mark", "Mark", id="mark")]

    def __init__(self) -> None:
        super().__init__()
        self.marks = 0

    def compose(self) -> ComposeResult:
        yield Slow("slow")

    def action_mark(self) -> None:
        self.marks += 1


async def test_a_handler_awaiting_is_waited_for_and_keys_and_a_resize_are_handled() -> None:
    app = Probe()
    async with app.run_test(size=(40, 10)) as pilot:
        slow = app.query_one(Slow)
        slow.done = []
        slow.post_message(Slow.Work(0.05))
        await pilot.pause()
        assert slow.done == [0.05], "the wait ended while a handler was still at work"
        await pilot.press("x", "x", "x")
        assert app.marks == 3, "a key the driver sent was not handled before the wait ended"
        await pilot.resize_terminal(30, 8)  # the app debounces a resize by 1/120 s
        assert slow.region.width == 30, "the screen was not laid out at the new size"
