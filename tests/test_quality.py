"""Quality targets of skim's offline analysis, measured on the held-out test split of the gold standard.

These are the product targets; they fail until the analysers are good enough. Tune on the dev
split (``python -m benchmarks.quality --split dev --errors``), never on the test files.
"""

from __future__ import annotations

import pytest

from benchmarks.gold import load_split
from benchmarks.quality import Row, evaluate, find_row


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    from reader.core.analysis import analyze

    return evaluate(load_split("test"), analyze)


def test_person_org_place_strict(rows: list[Row]) -> None:
    row = find_row(rows, "entities", "PERSON+ORG+PLACE")
    assert row.f1 >= 0.85, row
    assert row.precision >= 0.90, row


def test_numbers_overlap_untyped(rows: list[Row]) -> None:
    row = find_row(rows, "numbers", "all (untyped)")
    assert row.precision >= 0.95, row
    assert row.recall >= 0.95, row


def test_sentences(rows: list[Row]) -> None:
    row = find_row(rows, "sentences", "spans")
    assert row.f1 >= 0.97, row
