"""A text box whose editing keys act in the order they were typed, however fast they come.

Textual's ``Input`` types a letter as its key event reaches the box, but runs the box's own
bound keys (Backspace, Delete, Ctrl+U, Ctrl+W, ←, →, Home, End, Enter...) only once the key has
bubbled up to the app, behind the keys already queued for the box. So keys that arrive in one
burst (a paste, SSH lag, a script, a fast typist) were applied out of order: ``x`` Backspace
``kent`` typed at once searched for ``xken``, ``xyz`` Ctrl+U ``avon`` left the box empty
(Textual 8.2.8; Textual issue #6605, the fix proposed in its pull request #6631).

Here the box runs its own (non-priority) bindings as the key reaches it, in order with the
letters around it, as Textual's app would have run them later; the key then goes no further.
Priority bindings still run first, at the app, as before. Every text box the app shows is one of
these (the palette's too: see ``tui.commands``; ``tests/ui/test_keys_in_order.py`` checks).
"""

from __future__ import annotations

from textual import events
from textual.command import CommandInput
from textual.widgets import Input


class InOrderInput(Input):
    """An ``Input`` whose bound keys act in order with the letters typed around them."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        if not event.is_printable:
            await run_own_bindings(self, event)


async def run_own_bindings(box: Input, event: events.Key) -> None:
    """Run ``box``'s own non-priority binding for ``event``'s key now (the one Textual's app
    would have run once the key bubbled up to it) and stop the key there if one ran."""
    bindings = box._bindings.copy()
    if box.app._keymap:
        bindings.apply_keymap(box.app._keymap)
    for binding in bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await box.app.run_action(binding.action, box):
            event.stop()
            event.prevent_default()
            return


class InOrderCommandInput(CommandInput):
    """The command palette's box (Ctrl+P, the theme switcher), its keys in order the same way."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        if not event.is_printable:
            await run_own_bindings(self, event)
