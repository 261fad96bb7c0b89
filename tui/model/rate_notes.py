"""How the views mark and explain a rate per 100,000 people (see :mod:`tui.model.rates`).

Text only, apart from the rates themselves, so the force table can mark a rate without importing
the populations (it is painted before they are needed).
"""

from __future__ import annotations

POPULATION_NOTE = (
    "per 100,000 people (ONS mid-year estimate of the year the financial year starts in)"
)
"""What a rate is, in the words every view uses."""
CAVEAT_LEGEND = "‡ City of London: tiny resident population, rate not comparable with others"
"""The caveat in one short line, for a table's legend."""
CAVEAT_MARK = "‡"
"""Marks a rate that carries a caveat (City of London); the legend gives the caveat."""
CAVEAT_MARK_ASCII = "#"
