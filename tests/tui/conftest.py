"""Shared fixtures for the TUI tests: temporary libraries (samples, empty, 10k rows) and a clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import Library, open_library
from tests.tui.helpers import fill_library, fixed_clock


def _copy_library(template: Path, target: Path) -> Library:
    target.mkdir(parents=True, exist_ok=True)
    for file in template.glob("library.sqlite3*"):
        shutil.copy(file, target / file.name)
    return open_library(target, clock=fixed_clock)


@pytest.fixture(scope="session")
def samples_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the bundled samples imported once per test session."""
    folder = tmp_path_factory.mktemp("samples-template")
    library = open_library(folder, clock=fixed_clock)
    library.articles.import_samples()
    library.close()
    return folder


@pytest.fixture(scope="session")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with 10,000 generated articles, built once per test session."""
    folder = tmp_path_factory.mktemp("big-template")
    library = open_library(folder, clock=fixed_clock)
    fill_library(library, 10_000)
    library.close()
    return folder


@pytest.fixture
def library(tmp_path: Path, samples_template: Path) -> Iterator[Library]:
    """A temporary library holding the bundled sample articles, on a fixed clock."""
    lib = _copy_library(samples_template, tmp_path / "data")
    yield lib
    lib.close()


@pytest.fixture
def empty_library(tmp_path: Path) -> Iterator[Library]:
    """A temporary library with nothing in it, on a fixed clock."""
    lib = open_library(tmp_path / "data", clock=fixed_clock)
    yield lib
    lib.close()


@pytest.fixture
def big_library(tmp_path: Path, big_template: Path) -> Iterator[Library]:
    """A temporary library of 10,000 generated articles."""
    lib = _copy_library(big_template, tmp_path / "data")
    yield lib
    lib.close()
