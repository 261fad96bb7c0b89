"""Output shared by the CLI and the TUI: reports (records and notes), rendered as a table, CSV,
JSON, Markdown or TSV, and written to files. Headless: never Textual, never Polars."""
