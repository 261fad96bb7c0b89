"""Loading and reference data: what every figure is computed from.

Lives here: the catalogue of datasets (``catalogue``), the one long schema they are stored in
(``schema``) and loading one into memory (``dataset``, Polars); the reference files the model
reads: forces (``reference``), populations (``population``), recording events (``events``), the
words researchers use for offences (``offence_terms``) and the NSPCC's labels (``nspcc``); and the
vocabulary every room shares: financial years (``years``), offences and selections
(``offences``), what a dataset counts (``measure``), names (``names``), fuzzy matching
(``search``) and the errors the data layer raises (``errors``).

May import: the standard library, Polars (``schema`` and ``dataset`` only) and the pure helpers
of ``tui`` (``tui.paths``, ``tui.jsonfile``, ``tui.formatting``, ``tui.atomic_file``); no other
room, with one exception the import contract declares: the loader (``dataset``) may call the
derived store (``tui.model.store``), whose key starts from the dataset's SHA-256.

This package imports nothing: import the modules themselves.
"""
