"""Fixtures of the stories tests: a library with the sample articles, and the two Aarhus reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.library import Library, open_library

FIXED = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A library holding the bundled sample articles (shared by all the stories tests: read only)."""
    library = open_library(tmp_path_factory.mktemp("samples"), clock=lambda: FIXED)
    library.articles.import_samples()
    yield library
    library.close()


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library of its own."""
    lib = open_library(tmp_path / "data", clock=lambda: FIXED)
    yield lib
    lib.close()


def aarhus_ids(library: Library) -> tuple[int, int]:
    """(Harbour Times id, Baltic Wire id) of the two reports of the Aarhus fire."""
    by_source = {m.source: m.id for m in library.articles.find() if "recycling plant" in m.title}
    return by_source["The Harbour Times"], by_source["Baltic Wire Service"]
