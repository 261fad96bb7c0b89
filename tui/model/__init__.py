"""The pure data layer: Polars and the standard library only, never Textual.

Everything the CLI and the TUI show is computed here; they only format the results. The modules
live in rooms: packages whose ``__init__`` says what lives there and what it may import, and
imports nothing (so a polars-free module such as ``tui.model.results.types`` loads without
Polars). From the ground up, each room imports only the rooms below it (an import-linter
contract in ``pyproject.toml`` checks it):

- ``data``: loading and reference data: datasets, forces, populations, offences, years, events;
- ``results``: what the views display, free of Polars, and sorting it per keystroke;
- ``stats``: changes, rates per 100,000 people and chance variation, in pure Python;
- ``figures``: the Polars queries behind each view, one module per question;
- ``findings``: peers, the tile map, release diffs, citing and reproducing a view;
- ``store``: derived data, computed once per dataset and kept;
- on top, side by side: ``session`` (a module: the TUI's handle on a loaded dataset, the one
  place that sees every room) and ``importing`` (reading the user's own files).
"""
