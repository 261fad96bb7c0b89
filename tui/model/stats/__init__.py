"""Statistics over counts, in pure Python: changes, rates per 100,000 people and chance.

Lives here: changes, % changes, ranks, indexes and the marks of a year-on-year change
(``changes``); rates per 100,000 people (``rates``); chance variation, the exact test and
interval of a change between two counts (``chance``).

May import: the standard library, the pure modules of ``tui.model.data`` (populations, forces)
and ``tui.model.results``. Never Polars (an import contract checks it): the CLI's reports and the
views call these directly.

This package imports nothing: import the modules themselves.
"""
