"""What the views display, free of Polars: small frozen results, and sorting them per keystroke.

Lives here: the results of the core views: the Forces table (``types``), a force's series and
detail (``detail_types``), Compare (``comparison_types``) and several forces side by side
(``multi_series``); the protocols a view asks the loaded data through (``interface``); and
filtering and sorting rows as the user types (``ordering``, ``compare_order``).

May import: the standard library and the pure modules of ``tui.model.data`` (never ``dataset``
or ``schema``). Never Polars (an import contract checks it), so screens, widgets and the CLI's
reports import anything here. ``interface`` names the findings' and the importer's result types
for type checking only.

This package imports nothing: import the modules themselves.
"""
