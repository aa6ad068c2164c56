"""The analysis cache out of the library: migration 8 moves it out and the file shrinks, backups
no longer carry it, and a read-only library still caches."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from reader.core import paths
from reader.core.analysis import analyze
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft
from reader.core.serialize import analysis_to_dict
from reader.core.storage import Storage
from reader.core.storage._migrations import MIGRATIONS
from tests.reliability.test_read_only_library import read_only

BODY = (
    "The harbour council met on Monday in Aarhus. Mayor Anna Holm said the new sea wall would "
    "cost 42 million kroner. Work starts in the spring and should take two years. "
)
#: The table as schema versions 1 to 7 had it.
OLD_TABLE = """
CREATE TABLE analysis_cache (
    text_hash TEXT NOT NULL, analyser TEXT NOT NULL, version TEXT NOT NULL, params TEXT NOT NULL,
    payload TEXT NOT NULL, created TEXT NOT NULL,
    PRIMARY KEY (text_hash, analyser, version, params)
) WITHOUT ROWID
"""


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_schema")}


def _library_at_version_7(data: Path, articles: int) -> tuple[Path, int]:
    """A version-7 library whose analysis_cache holds each article's analysis.

    Built with today's code, then given back the table (the only difference between versions 7
    and 8). Returns the file and the bytes of cached payloads.
    """
    library = open_library(data)
    hashes = []
    for n in range(articles):
        draft = ArticleDraft(title=f"Sea wall {n}", body=f"Report {n}. " + BODY * 12)
        article_id = library.articles.add(draft).article.id
        hashes.append(library.articles.get(article_id).content_hash)
    payload = json.dumps(analysis_to_dict(analyze("Report 0. " + BODY * 12)))
    library.close()
    path = paths.database_path(data)
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute(OLD_TABLE)
        db.executemany(
            "INSERT INTO analysis_cache VALUES (?, 'analysis', '1', '', ?, '2025-01-01')",
            [(text_hash, payload) for text_hash in hashes],
        )
        db.execute("PRAGMA user_version = 7")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, len(payload.encode()) * articles


def test_the_upgrade_drops_the_cache_and_the_file_shrinks_by_its_size(tmp_path: Path) -> None:
    assert len(MIGRATIONS) == 8
    data = tmp_path / "data"
    path, cached_bytes = _library_at_version_7(data, articles=60)
    before = path.stat().st_size
    library = open_library(data)
    try:
        after = path.stat().st_size
        assert "analysis_cache" not in _tables(path)
        assert before - after >= 0.9 * cached_bytes, (before, after, cached_bytes)
        # Analyses are still served: computed again, then from the cache file.
        article = library.articles.get(1)
        assert library.analysis.of(article) == analyze(article.body)
        with closing(sqlite3.connect(paths.analysis_cache_path())) as db:
            assert db.execute("SELECT count(*) FROM analysis_cache").fetchone()[0] == 1
        assert library.analysis.of(article) == analyze(article.body)
    finally:
        library.close()
    (kept,) = data.glob("library.sqlite3.bak-v7-*")  # the upgrade's safety copy, as before
    assert "analysis_cache" in _tables(kept)


def test_a_backup_holds_no_analysis_cache(tmp_path: Path) -> None:
    library = open_library(tmp_path / "data")
    try:
        added = library.articles.add(ArticleDraft(title="Sea wall", body=BODY)).article
        article = library.articles.get(added.id)
        library.analysis.of(article)
        library.analysis.summary(article)
        backup = library.backups.create(tmp_path / "backup.sqlite3")
    finally:
        library.close()
    assert "analysis_cache" not in _tables(backup)
    assert "articles" in _tables(backup)
    with closing(sqlite3.connect(paths.analysis_cache_path())) as db:
        assert db.execute("SELECT count(*) FROM analysis_cache").fetchone()[0] == 2


def test_a_read_only_library_still_caches_its_analyses(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library = open_library(data)
    article_id = library.articles.add(ArticleDraft(title="Sea wall", body=BODY)).article.id
    library.close()
    with read_only(paths.database_path(data), data):
        library = open_library(data)
        try:
            assert library.read_only
            article = library.articles.get(article_id)
            assert library.analysis.of(article) == analyze(BODY)
        finally:
            library.close()
    with closing(sqlite3.connect(paths.analysis_cache_path())) as db:
        assert db.execute("SELECT count(*) FROM analysis_cache").fetchone()[0] == 1


def test_a_library_opened_from_storage_alone_caches_in_memory(tmp_path: Path) -> None:
    library = Library(Storage(tmp_path / "library.sqlite3"))
    try:
        added = library.articles.add(ArticleDraft(title="Sea wall", body=BODY)).article
        article = library.articles.get(added.id)
        assert library.analysis.of(article) == library.analysis.of(article)
    finally:
        library.close()
    assert not paths.analysis_cache_path().exists()
