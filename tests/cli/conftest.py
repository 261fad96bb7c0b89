"""Fixtures of the cli tests (see tests/recent_datasets.py)."""

from tests.recent_datasets import more_recent_datasets as more_recent_datasets
