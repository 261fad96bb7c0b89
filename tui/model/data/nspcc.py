"""NSPCC offence labels, and the rule that keeps Home Office counts out of the FOI series.

Shared by ``scripts/build_data.py`` (the bundled dataset) and the importer (NSPCC-style files), so
both read the same way.
"""

from __future__ import annotations

# Groups keep measures apart: summing a group never adds a stated total to its own breakdown, and
# the Home Office figures the NSPCC cited in 2025 never join the FOI series.
TOTAL_GROUP = "NSPCC FOI: total"
BREAKDOWN_GROUP = "NSPCC FOI: breakdown by offence type"
HO_CITED_GROUP = "Home Office data cited by NSPCC"

NSPCC_OFFENCES: dict[str, tuple[str, str, str]] = {
    # code: (description, group, subgroup)
    "all": ("Child abuse image offences: total as stated (NSPCC FOI)", TOTAL_GROUP, TOTAL_GROUP),
    "taking_making_distributing": (
        "Taking, making or distributing indecent images of children",
        BREAKDOWN_GROUP,
        BREAKDOWN_GROUP,
    ),
    "possession": ("Possession of indecent images of children", BREAKDOWN_GROUP, BREAKDOWN_GROUP),
    "prohibited_images": (
        "Possession of prohibited images of children",
        BREAKDOWN_GROUP,
        BREAKDOWN_GROUP,
    ),
    "other_or_unspecified": (
        "Other offence or no breakdown given",
        BREAKDOWN_GROUP,
        BREAKDOWN_GROUP,
    ),
    "ho_cited": (
        "Child sexual abuse image offences: Home Office data cited by NSPCC (2025 release)",
        HO_CITED_GROUP,
        HO_CITED_GROUP,
    ),
}

HO_CITED_RELEASE = "2025-02"
"""The release whose England and Wales figures are Home Office data (see nspcc-foi/NOTES.md)."""
HO_CITED_NATIONS = ("England", "Wales", "England and Wales")
