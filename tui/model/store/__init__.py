"""The derived store: figures computed once per dataset and kept, so asking again needs no Polars.

Lives here: everything cached or shipped precomputed, keyed on every input it came from, and
the code that builds it. Reading is polars-free (the first frame and the quick ``ox show`` read
it); building runs the queries of ``tui.model.figures``.

May import: every room below it (``figures`` and ``stats`` to build, ``results`` and ``data`` to
read). Above it are only ``tui.model.session`` and ``tui.model.importing``; below it, only the
loader (``tui.model.data.dataset``) may call it.

Modules: ``derived_build``, ``derived_store``, ``old_caches``, ``well_typed``.

This package imports nothing: import the modules themselves.
"""
