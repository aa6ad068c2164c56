"""An import that stores first and groups afterwards (``group=False``, then ``group_new``): the
same stories as grouping while storing, searchable before grouping, and resumable when stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import Library, open_library
from reader.core.models import ArticleQuery, ImportOutcome
from tests.stories.conftest import FIXED


def _stories(library: Library) -> list[tuple[int, ...]]:
    return sorted(tuple(m.id for m in s.articles) for s in library.stories.find(min_size=1))


def _new(outcomes: list[ImportOutcome]) -> list[int]:
    return [o.result.article.id for o in outcomes if o.result and o.result.created]


def test_grouping_after_storing_makes_the_same_stories(samples: Library, library: Library) -> None:
    steps: list[tuple[int, int]] = []
    outcomes = library.articles.import_samples(group=False)
    assert library.stories.find(min_size=1) == []  # stored, not grouped yet
    grouped = library.stories.group_new(
        _new(outcomes), progress=lambda done, total, _label: steps.append((done, total))
    )
    assert grouped == len(outcomes) == 15
    assert steps[-1] == (15, 15)
    assert _stories(library) == _stories(samples)
    assert any(len(story) == 2 for story in _stories(library))  # the two Aarhus reports


def test_stored_articles_are_searchable_before_grouping(library: Library) -> None:
    library.articles.import_samples(group=False)
    found = library.articles.find(ArticleQuery(text="recycling"))
    assert found and all(library.stories.sizes([m.id])[m.id] == 1 for m in found)


def test_grouping_again_is_harmless(library: Library) -> None:
    ids = _new(library.articles.import_samples(group=False))
    assert library.stories.group_new(ids) == 15
    before = _stories(library)
    assert library.stories.group_new(ids) == 0
    assert library.stories.group_pending() == 0
    assert _stories(library) == before


def test_an_import_stopped_before_grouping_is_grouped_by_the_next(
    samples: Library, tmp_path: Path
) -> None:
    library = open_library(tmp_path / "data", clock=lambda: FIXED)
    try:
        library.articles.import_samples(group=False)  # then the process was stopped
    finally:
        library.close()
    library = open_library(tmp_path / "data", clock=lambda: FIXED)
    try:
        assert library.stories.find(min_size=1) == []
        assert library.stories.group_new([]) == 15  # the next import had nothing new
        assert _stories(library) == _stories(samples)
    finally:
        library.close()


def test_skim_add_groups_before_it_exits(
    samples: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "add", "--samples"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 15 and err == ""  # not a terminal: nothing on stderr
    library = open_library(data)
    try:
        assert _stories(library) == _stories(samples)
    finally:
        library.close()


def test_skim_add_groups_what_a_stopped_import_left(
    samples: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    library = open_library(data)
    try:
        library.articles.import_samples(group=False)  # stored; stopped before grouping
    finally:
        library.close()
    note = tmp_path / "note.txt"
    note.write_text("A note\n\nThe parish council met on Tuesday.\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "add", str(note)]) == 0
    capsys.readouterr()
    library = open_library(data)
    try:
        assert library.stories.group_pending() == 0
        assert len(_stories(library)) == len(_stories(samples)) + 1
    finally:
        library.close()
