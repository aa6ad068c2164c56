"""M8, L2, L3: damaged library files and damaged backups.

A backup of a damaged library is refused (nothing is left half-written), `skim add` does not write
into a damaged file, damage seen once stops later writes until a restore, and `restore` runs the
full integrity check (an index that disagrees with its table passes ``quick_check``) and explains a
damaged backup in one line.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import StorageError
from reader.core.library import open_library
from reader.core.models import ArticleDraft
from tests.reliability.tally import TALLY

PAGE = 4096
NEW_TITLE = "Zebra crossing report qxv"


def _library(data: Path, articles: int = 300) -> Path:
    """A library of ``articles`` articles, checkpointed into its one file; returns the file."""
    library = open_library(data)
    try:
        library.articles.add_many(
            [
                ArticleDraft(title=f"Harbour {i}", body=f"Article {i} about pier {i * 7}. " * 40)
                for i in range(articles)
            ]
        )
    finally:
        library.close()
    path = data / "library.sqlite3"
    assert not path.with_name("library.sqlite3-wal").exists()
    return path


def _damage(path: Path, first: int | None = None, pages: int = 3) -> None:
    """Overwrite ``pages`` pages from page ``first`` (default: the middle of the file, deep inside
    the articles' text; near the start, SQLite's check lists many problems)."""
    data = bytearray(path.read_bytes())
    first = len(data) // PAGE // 2 if first is None else first
    data[first * PAGE : (first + pages) * PAGE] = b"\xff" * (pages * PAGE)
    path.write_bytes(bytes(data))


def _skim(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_backup_of_a_damaged_library_is_refused_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    _damage(_library(data))
    folder = tmp_path / "backups"
    folder.mkdir()
    capsys.readouterr()
    assert _skim(data, "backup", str(folder)) == 1
    line = _one_line(capsys.readouterr().err)
    assert "is damaged" in line and "no backup was written" in line and "skim restore" in line
    assert list(folder.iterdir()) == []
    assert _skim(data, "backup") == 1  # the default folder too
    assert list((data / "backups").iterdir()) == []


def test_add_does_not_write_into_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    path = _library(data)
    _damage(path)
    before = path.read_bytes()
    page = tmp_path / "new.txt"
    page.write_text(f"{NEW_TITLE}\n\nA new article that must not go into a damaged file.\n")
    capsys.readouterr()
    assert _skim(data, "add", str(page)) == 1
    assert "is damaged" in _one_line(capsys.readouterr().err)
    assert path.read_bytes() == before
    wal = path.with_name("library.sqlite3-wal")
    assert not wal.exists() or NEW_TITLE.encode() not in wal.read_bytes()


def test_damage_seen_once_stops_later_writes_until_a_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    path = _library(data)
    good = tmp_path / "good.sqlite3"
    assert _skim(data, "backup", str(good)) == 0
    _damage(path)
    library = open_library(data)
    try:
        # Reading every article reaches the damaged pages: the error names the way out...
        with pytest.raises(StorageError, match=r"damaged.*restore"):
            for meta in library.articles.find(limit=1000):
                library.articles.get(meta.id)
        # ...and from then on a write elsewhere in the file is refused, in this program or another.
        first = library.articles.find(limit=1)[0].id
        with pytest.raises(StorageError, match="damaged"):
            library.articles.set_article_note(first, "a note")
    finally:
        library.close()
    capsys.readouterr()
    assert _skim(data, "tag", str(first), "+late") == 1
    assert "is damaged" in _one_line(capsys.readouterr().err)

    assert _skim(data, "restore", str(good)) == 0
    assert _skim(data, "tag", str(first), "+late") == 0
    assert not path.with_name("library.sqlite3.damaged").exists()


def _with_wrong_index(path: Path) -> None:
    """Make an index disagree with its table: ``quick_check`` passes, ``integrity_check`` fails."""
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA writable_schema = ON")
        db.execute(
            """UPDATE sqlite_schema
               SET sql = 'CREATE INDEX articles_by_title ON articles (url COLLATE NOCASE) '
                         || 'WHERE deleted_at IS NULL'
               WHERE name = 'articles_by_title'"""
        )
        db.execute("PRAGMA writable_schema = OFF")
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA integrity_check").fetchone()[0] != "ok"


def test_restore_refuses_a_backup_whose_index_disagrees_with_its_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    path = _library(data, articles=40)
    backup = tmp_path / "copy.sqlite3"
    assert _skim(data, "backup", str(backup)) == 0
    _with_wrong_index(backup)
    capsys.readouterr()
    assert _skim(data, "restore", str(backup)) == 1
    line = _one_line(capsys.readouterr().err)
    assert "is damaged" in line and "missing from index articles_by_title" in line
    assert "choose another backup" in line
    assert not list(data.glob("*before-restore*"))
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


@pytest.mark.parametrize("first", [None, 3])
def test_a_damaged_backup_is_explained_in_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: int | None
) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    path = _library(data)
    backup = tmp_path / "copy.sqlite3"
    shutil.copy(path, backup)
    _damage(backup, first, pages=6)
    capsys.readouterr()
    assert _skim(data, "restore", str(backup)) == 1
    err = capsys.readouterr().err
    line = _one_line(err)
    assert "is damaged" in line and "choose another backup" in line
    assert len(line) < 400, line
