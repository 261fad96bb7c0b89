"""The pure data layer: Polars and the standard library only, never Textual.

Everything the CLI and the TUI show is computed here; they only format the results. Import from the
submodules (this package imports nothing, so that a polars-free module such as ``tui.model.types``
can be imported without loading Polars):

- ``catalogue``: which datasets exist; ``dataset``: loading one (Polars);
- ``types``: the results views display; ``interface``: the polars-free protocols views call;
- ``selection``, ``totals``, ``force_table``, ``series``, ``breakdown``, ``comparison``, ``detail``:
  the queries, one module per question; ``session``: the TUI's handle on a loaded dataset;
- ``offences``, ``reference``, ``years``, ``search``, ``ordering``, ``changes``: pure helpers.
"""
