"""Upgrades from every earlier schema version (with the automatic backup), and backup/restore."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import UsageError
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft, ArticleQuery
from reader.core.storage import Storage
from reader.core.storage._migrations import MIGRATIONS, migrate
from tests.reliability.tally import TALLY

BODY = (
    "The ferry timetable changes on Monday. The first crossing leaves at seven from the east pier."
)


def _old_library(path: Path, version: int) -> None:
    """A library file at schema ``version``, holding one article with a tag and a highlight."""
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        migrate(db, path, MIGRATIONS[:version])
        db.execute(
            """INSERT INTO articles (id, title, body, url, added, content_hash, words, note)
               VALUES (7, 'Ferry times', ?, 'https://x.test/ferry', '2024-01-02T03:04:05.000000Z',
                       'hash-of-ferry', 16, 'check the pier')""",
            (BODY,),
        )
        db.execute("INSERT INTO tags VALUES (7, 'travel')")
        db.execute(
            """INSERT INTO annotations (article_id, start_offset, end_offset, quote, prefix, suffix,
                                        note, created, updated)
               VALUES (7, 39, 57, 'The first crossing', 'changes on Monday. ', ' leaves at',
                       'early!', '2024-01-02T03:04:05.000000Z', '2024-01-02T03:04:05.000000Z')"""
        )
        db.execute("INSERT INTO article_search (article_search) VALUES ('rebuild')")


@pytest.mark.parametrize("version", range(1, len(MIGRATIONS)))
def test_upgrade_from_every_earlier_version_keeps_data_and_a_backup(
    version: int, tmp_path: Path
) -> None:
    TALLY["schema versions upgraded"] += 1
    path = tmp_path / "library.sqlite3"
    _old_library(path, version)
    library = Library(Storage(path))
    try:
        article = library.articles.get(7)
        assert (article.title, article.body, article.tags, article.note) == (
            "Ferry times",
            BODY,
            ("travel",),
            "check the pier",
        )
        (annotation,) = library.annotations.of(7)
        assert BODY[annotation.start : annotation.end] == "The first crossing"
        assert annotation.note == "early!"
        assert [m.id for m in library.articles.find(ArticleQuery(text="pier"))] == [7]
        added = library.articles.add(
            ArticleDraft(title="New", body="A new article after the upgrade.")
        )
        assert added.created
    finally:
        library.close()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (backup,) = tmp_path.glob(f"library.sqlite3.bak-v{version}-*")
    with closing(sqlite3.connect(backup)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == version
        assert db.execute("SELECT title, body FROM articles").fetchall() == [("Ferry times", BODY)]


def test_an_up_to_date_or_new_library_makes_no_backup(tmp_path: Path) -> None:
    open_library(tmp_path).close()
    open_library(tmp_path).close()
    assert [p.name for p in tmp_path.iterdir() if ".bak-" in p.name] == []


def _library_with_notes(data: Path) -> Library:
    library = open_library(data)
    meta = library.articles.add(ArticleDraft(title="Ferry times", body=BODY)).article
    library.annotations.add_quote(meta.id, "first crossing", note="early!")
    return library


def test_backup_and_restore_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _library_with_notes(data).close()
    target = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data), "backup", str(target)]) == 0
    assert f"backed up 1 article to {target}" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "backup", str(target)]) == 1  # never overwrites
    assert "already exists" in capsys.readouterr().err

    library = open_library(data)
    library.articles.delete([m.id for m in library.articles.find()])
    library.articles.add(ArticleDraft(title="Later", body="Something added after the backup."))
    library.close()

    assert main(["--data-dir", str(data), "restore", str(target)]) == 0
    assert "the library as it was is kept in" in capsys.readouterr().out
    library = open_library(data)
    try:
        (meta,) = library.articles.find()
        assert meta.title == "Ferry times"
        assert [a.note for a in library.annotations.of(meta.id)] == ["early!"]
    finally:
        library.close()
    (safety,) = data.glob("library.sqlite3.before-restore-*")
    with closing(sqlite3.connect(safety)) as db:
        assert db.execute("SELECT title FROM articles WHERE deleted_at IS NULL").fetchall() == [
            ("Later",)
        ]


def test_backup_defaults_to_the_backups_folder_while_the_library_is_open(tmp_path: Path) -> None:
    library = _library_with_notes(tmp_path)
    try:
        path = library.backups.create()
        assert path.parent == tmp_path / "backups"
        with closing(sqlite3.connect(path)) as db:
            assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        library.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text, not a database", "not a usable skim library"),
        (None, "not a skim library"),  # a valid SQLite file of another program
    ],
)
def test_restore_refuses_what_is_not_a_skim_library(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    source = tmp_path / "other.db"
    if content is None:
        with closing(sqlite3.connect(source)) as db:
            db.execute("CREATE TABLE t (x)")
    else:
        source.write_bytes(content)
    library = _library_with_notes(tmp_path / "data")
    try:
        with pytest.raises(UsageError, match=message):
            library.backups.restore(source)
        assert library.articles.count() == 1  # untouched
    finally:
        library.close()
    assert not list((tmp_path / "data").glob("*before-restore*"))


def test_restore_of_an_older_backup_migrates_it(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    _old_library(old, 1)
    library = _library_with_notes(tmp_path / "data")
    try:
        library.backups.restore(old)
        assert library.articles.get(7).title == "Ferry times"
    finally:
        library.close()
    with closing(sqlite3.connect(tmp_path / "data" / "library.sqlite3")) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
