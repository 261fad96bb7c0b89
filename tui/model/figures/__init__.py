"""Figures and tables: the Polars queries behind each view, one module per question.

Lives here: the sums every query starts from (``selection``) and which rows a table lists
(``totals``, ``force_lookup``, ``membership``); the Forces table (``force_table``,
``table_rates``, ``figure_facts``); one force's series, offences and detail (``series``,
``breakdown``, ``detail``, ``detail_extras``, ``side_by_side``); Compare (``comparison``,
``compare_chance``); several forces at once (``multi_query``).

May import: Polars, the standard library, ``tui.model.data``, ``tui.model.results`` and
``tui.model.stats``. The views never import these (they ask ``tui.model.session`` in a worker and
get ``results`` back); the CLI calls them directly. ``force_lookup`` is polars-free: the quick
``ox show`` path resolves names with it.

This package imports nothing: import the modules themselves.
"""
