"""The analysis cache's own file: created when missing, rebuilt when damaged or not skim's,
bypassed when it cannot be used — never an error."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from reader.core.storage import Storage
from reader.core.storage.cache import CACHE_APPLICATION_ID, CACHE_VERSION, CacheStore

KEY = ("hash1", "analysis", "1", "")


def _rows(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT text_hash, payload FROM analysis_cache").fetchall()


def test_a_missing_cache_file_and_folder_are_created(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "cache.sqlite3"
    cache = CacheStore(path)
    assert not path.exists()  # opened on first use only
    assert cache.get(*KEY) is None
    cache.put(*KEY, '{"a": 1}')
    assert cache.get(*KEY) == '{"a": 1}'
    cache.close()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == CACHE_APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == CACHE_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert _rows(path) == [("hash1", '{"a": 1}')]


def test_a_cache_file_removed_between_runs_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    first = CacheStore(path)
    first.put(*KEY, "old")
    first.close()
    for leftover in tmp_path.iterdir():
        leftover.unlink()
    second = CacheStore(path)
    assert second.get(*KEY) is None
    second.put(*KEY, "new")
    assert second.get(*KEY) == "new"
    second.close()


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database at all\n" * 200)
    cache = CacheStore(path)
    assert cache.get(*KEY) is None
    cache.put(*KEY, "fresh")
    assert cache.get(*KEY) == "fresh"
    cache.close()
    assert _rows(path) == [("hash1", "fresh")]


def test_a_cache_damaged_while_in_use_is_rebuilt_on_the_next_use(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = CacheStore(path)
    for n in range(200):
        cache.put(f"hash{n}", "analysis", "1", "", "x" * 500)
    cache.close()
    with closing(sqlite3.connect(path)) as db:  # fold the log into the file, then damage pages
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    cache = CacheStore(path)
    assert cache.get("hash5", "analysis", "1", "") is None  # damaged: a miss, no error
    assert "is damaged; rebuilding it" in caplog.text
    cache.put(*KEY, "again")
    assert cache.get(*KEY) == "again"
    cache.close()


def test_another_programs_database_in_its_place_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.commit()
    cache = CacheStore(path)
    cache.put(*KEY, "ours")
    assert cache.get(*KEY) == "ours"
    cache.close()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == CACHE_APPLICATION_ID


def test_a_newer_skims_cache_is_left_alone_and_bypassed(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute(f"PRAGMA application_id = {CACHE_APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {CACHE_VERSION + 1}")
        db.commit()
    before = path.read_bytes()
    cache = CacheStore(path)
    cache.put(*KEY, "skipped")
    assert cache.get(*KEY) is None
    cache.close()
    assert path.read_bytes() == before


def test_a_cache_that_cannot_be_created_is_bypassed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = CacheStore(blocker / "cache.sqlite3")  # its "folder" is a file
    cache.put(*KEY, "nowhere")
    assert cache.get(*KEY) is None
    cache.close()


def test_a_locked_cache_skips_the_write_and_works_again_when_free(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = CacheStore(path)
    cache.put(*KEY, "first")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        cache.put("hash2", "analysis", "1", "", "skipped")
        assert cache.get(*KEY) == "first"  # reading still works (WAL)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert cache.get("hash2", "analysis", "1", "") is None
    cache.put("hash2", "analysis", "1", "", "stored")
    assert cache.get("hash2", "analysis", "1", "") == "stored"
    cache.close()


def test_threads_share_one_cache(tmp_path: Path) -> None:
    cache = CacheStore(tmp_path / "cache.sqlite3")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                cache.put(f"h{n}-{i}", "analysis", "1", "", str(i))
                assert cache.get(f"h{n}-{i}", "analysis", "1", "") == str(i)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cache.close()
    assert errors == []
    assert len(_rows(tmp_path / "cache.sqlite3")) == 80


def test_libraries_share_the_cache_file_and_keep_nothing_of_it(tmp_path: Path) -> None:
    cache_path = tmp_path / "cache" / "analysis.sqlite3"
    one = Storage(tmp_path / "one.sqlite3", cache_path=cache_path)
    one.cache.put(*KEY, "from one")
    one.close()
    two = Storage(tmp_path / "two.sqlite3", cache_path=cache_path)
    assert two.cache.get(*KEY) == "from one"  # same text hash: the same result, computed once
    two.close()
    for library in ("one.sqlite3", "two.sqlite3"):
        with closing(sqlite3.connect(tmp_path / library)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_schema")}
        assert "analysis_cache" not in tables


def test_storage_without_a_cache_path_caches_in_memory(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "library.sqlite3")
    storage.cache.put(*KEY, "in memory")
    assert storage.cache.get(*KEY) == "in memory"
    storage.close()
    assert {p.name for p in tmp_path.iterdir()} <= {
        "library.sqlite3",
        "library.sqlite3-wal",
        "library.sqlite3-shm",
    }
