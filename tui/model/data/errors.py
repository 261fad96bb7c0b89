"""Errors the data layer raises: each one carries a single clear line for the user."""

from __future__ import annotations

from tui.model.data.names import name_list


class ModelError(Exception):
    """Base of every error the model raises for a user mistake or bad input."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        """One line that says what was wrong."""
        self.suggestions = suggestions
        """Close matches the user may have meant ("did you mean")."""

    def __str__(self) -> str:
        if self.suggestions:
            return f"{self.message}; did you mean: {name_list(self.suggestions)}?"
        return self.message


class DatasetError(ModelError):
    """A data file is missing, unreadable or not in the expected layout."""


class UnknownDatasetError(ModelError):
    """No dataset has that name."""


class UnknownForceError(ModelError):
    """A force name matched no force, or matched several."""


class UnknownOffenceError(ModelError):
    """An offence code or text matched no offence, or matched several."""


class UnknownYearError(ModelError):
    """A year is malformed or not in the dataset."""


class NoPeerGroupsError(ModelError):
    """A dataset without all offences by offence group (NSPCC FOI figures), so no force in it
    can be placed among peers; ``dataset_with_peers`` is a dataset that can (``homeoffice``)."""

    def __init__(self, dataset: str, dataset_with_peers: str = "homeoffice") -> None:
        self.dataset = dataset
        self.dataset_with_peers = dataset_with_peers
        super().__init__(
            f"dataset '{dataset}' has no offence groups to compare forces by "
            f"(peers need all offences by group, e.g. -d {dataset_with_peers})"
        )
