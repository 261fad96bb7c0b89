"""Bring your own data: read CSV, Parquet, XLSX and ODS files into the canonical schema, headless.

Polars, fastexcel and the standard library only, never Textual. The CLI (``ox import``) calls
``api``; the TUI calls ``service.Importer`` through the polars-free ``FileImporter`` protocol. Every
result is a frozen dataclass of plain Python values (``results``, ``problems``: no Polars). This
package imports nothing itself, so those result types load without Polars.

May import: Polars, fastexcel, the standard library, ``tui.model.data`` (the schema, the catalogue
and the reference data) and ``tui.model.store`` (an import writes its dataset's answers ahead).
No room imports it (``tui.model.results.interface`` names its result types for type checking
only).
"""
