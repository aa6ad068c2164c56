"""Opening a library: schema creation, migrations, refusing foreign files, connection settings."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.core.errors import StorageError
from reader.core.storage import Storage, database
from reader.core.storage._migrations import MIGRATIONS, migrate
from reader.core.storage._schema import APPLICATION_ID, SCHEMA, split_statements


def _pragma(path: Path, name: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        db.close()


def test_new_library_is_marked_and_at_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Storage(path).close()
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "user_version") == len(MIGRATIONS)
    assert _pragma(path, "journal_mode") == "wal"


def test_connection_settings(storage: Storage) -> None:
    db = storage.database.connection()
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    assert db.isolation_level is None


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    first = Storage(path)
    first.settings.put("theme", "dusk")
    first.close()
    again = Storage(path)
    assert again.settings.get("theme") == "dusk"
    again.close()


@pytest.mark.parametrize("mark_as_skim", [False, True])
def test_database_at_version_zero_is_migrated(tmp_path: Path, mark_as_skim: bool) -> None:
    path = tmp_path / "lib.sqlite3"
    db = sqlite3.connect(path)
    if mark_as_skim:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    db.close()
    storage = Storage(path)
    assert storage.search.view_counts()["all"] == 0
    storage.close()
    assert _pragma(path, "user_version") == len(MIGRATIONS)


def test_newer_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Storage(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StorageError, match="made by a newer skim"):
        Storage(path)


def test_other_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a skim library"):
        Storage(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()


def test_unmarked_database_with_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    with pytest.raises(StorageError, match="another program"):
        Storage(path)
    assert _pragma(path, "journal_mode") == "delete"


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("These are my notes, not a database.\n" * 40)
    with pytest.raises(StorageError, match="not an SQLite database") as info:
        Storage(path)
    assert str(path) in str(info.value)
    assert path.read_text().startswith("These are my notes")


def test_missing_folder_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does its folder exist"):
        Storage(tmp_path / "missing" / "lib.sqlite3")


def test_migrations_run_in_order_from_the_stored_version(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Storage(path).close()  # at version 1

    def add_column(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE settings ADD COLUMN changed TEXT")

    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, path, (*MIGRATIONS, add_column))
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    columns = [row[1] for row in db.execute("PRAGMA table_info(settings)")]
    assert "changed" in columns
    migrate(db, path, (*MIGRATIONS, add_column))  # up to date: nothing runs twice
    db.close()


def test_failed_migration_leaves_the_database_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Storage(path).close()

    def broken(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE settings ADD COLUMN changed TEXT")
        raise RuntimeError("boom")

    db = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(db, path, (*MIGRATIONS, broken))
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "changed" not in [row[1] for row in db.execute("PRAGMA table_info(settings)")]
    db.close()


def test_schema_splits_into_statements() -> None:
    statements = list(split_statements(SCHEMA))
    assert all(sqlite3.complete_statement(s) for s in statements)
    creates = [line for s in statements for line in s.splitlines() if line.startswith("CREATE ")]
    assert len(creates) == len(statements)  # one CREATE per statement, comments around them
    with pytest.raises(ValueError):
        list(split_statements("CREATE TABLE x (a"))


def test_locked_library_gives_a_user_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "lib.sqlite3"
    storage = Storage(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            storage.settings.put("theme", "dusk")
    finally:
        other.execute("ROLLBACK")
        other.close()
    storage.settings.put("theme", "dusk")  # the failed write left no transaction behind
    assert storage.settings.get("theme") == "dusk"
    storage.close()


def test_each_thread_gets_its_own_connection(storage: Storage) -> None:
    seen: list[object] = []

    def work() -> None:
        seen.append(storage.database.connection())
        storage.settings.put("from-thread", "yes")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen[0] is not storage.database.connection()
    assert storage.settings.get("from-thread") == "yes"


def test_closed_storage_refuses_work(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "lib.sqlite3")
    storage.close()
    storage.close()  # twice is fine
    with pytest.raises(StorageError, match="closed"):
        storage.settings.get("theme")


def test_checkpoint_empties_the_write_ahead_log(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    storage = Storage(path)
    for i in range(20):
        storage.settings.put(f"key{i}", "x" * 1000)
    assert (tmp_path / "lib.sqlite3-wal").stat().st_size > 0
    storage.checkpoint()
    assert (tmp_path / "lib.sqlite3-wal").stat().st_size == 0
    storage.close()
