"""The core's Progress callback: one step per file imported and per article exported, plain numbers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import Library, Progress, open_library

Calls = list[tuple[int, int, str]]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data")
    yield lib
    lib.close()


def _recorder(calls: Calls) -> Progress:
    def record(done: int, total: int, label: str) -> None:
        calls.append((done, total, label))

    return record


def _notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    files = []
    for number in range(count):
        path = folder / f"note-{number:02}.txt"
        path.write_text(f"Note {number}\n\nThe council voted {number} times.\n", encoding="utf-8")
        files.append(path)
    return files


def test_importing_a_folder_reports_each_file_then_storing(
    library: Library, tmp_path: Path
) -> None:
    files = _notes(tmp_path / "notes", 3)
    (tmp_path / "notes" / "broken.txt").write_bytes(b"")  # unreadable: a step all the same
    calls: Calls = []
    outcomes = library.articles.import_paths([tmp_path / "notes"], progress=_recorder(calls))
    assert len(outcomes) == 4
    assert [c[:2] for c in calls] == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4), (4, 4)]
    assert {Path(label).name for _, _, label in calls[:4]} == {
        *(f.name for f in files),
        "broken.txt",
    }
    assert calls[-2][2] == "storing 3 articles"
    assert calls[-1] == (4, 4, "")


def test_without_progress_nothing_is_asked(library: Library, tmp_path: Path) -> None:
    _notes(tmp_path / "notes", 2)
    outcomes = library.articles.import_paths([tmp_path / "notes"])
    assert [o.result.created for o in outcomes if o.result] == [True, True]


@pytest.mark.parametrize("out", ["folder", "all.md"])
def test_export_reports_each_article_once(library: Library, tmp_path: Path, out: str) -> None:
    _notes(tmp_path / "notes", 3)
    ids = [
        o.result.article.id for o in library.articles.import_paths([tmp_path / "notes"]) if o.result
    ]
    calls: Calls = []
    report = library.exports.markdown(ids, out=tmp_path / out, progress=_recorder(calls))
    assert report.complete
    assert calls == [(0, 3, "Note 0"), (1, 3, "Note 1"), (2, 3, "Note 2"), (3, 3, "")]
    # Again: every file is unchanged (rendered twice to compare), still one step per article.
    calls.clear()
    library.exports.markdown(ids, out=tmp_path / out, progress=_recorder(calls))
    assert [c[:2] for c in calls] == [(0, 3), (1, 3), (2, 3), (3, 3)]
