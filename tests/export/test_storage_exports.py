"""Storage for export: bulk reads, recent changes, export records and the migration adding them."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from reader.cli.export import since_time
from reader.core.errors import NotFound
from reader.core.library import Library
from reader.core.records import ExportRecord
from reader.core.storage import Storage
from reader.core.storage._migrations import MIGRATIONS
from tests.export.conftest import Clock
from tests.export.helpers import T0


def test_bulk_reads_keep_the_order_asked_for(library: Library, seeded: list[int]) -> None:
    storage: Storage = library._storage
    first, second, third = seeded
    articles = storage.exports.articles_by_ids([third, first, third])
    assert [a.id for a in articles] == [third, first]
    assert articles[1] == library.articles.get(first)
    notes = storage.exports.annotations_by_article([first, third])
    assert notes == {first: library.annotations.of(first), third: []}
    with pytest.raises(NotFound, match="there is no article 404"):
        storage.exports.articles_by_ids([first, 404])
    library.articles.delete([second])
    with pytest.raises(NotFound):
        storage.exports.check_articles([second])


def test_changed_since_sees_notes_highlights_and_deletions(
    library: Library, seeded: list[int], clock: Clock
) -> None:
    storage: Storage = library._storage
    first, second, third = seeded
    clock.advance()
    later = clock.now
    assert storage.exports.changed_since(seeded, later) == set()
    library.articles.set_article_note(third, "new note")
    library.annotations.delete(library.annotations.of(second)[0].id)
    assert storage.exports.changed_since(seeded, later) == {second, third}
    assert storage.exports.changed_since(seeded, later - timedelta(hours=2)) == {
        first,
        second,
        third,
    }


def test_export_records_replace_each_other(library: Library) -> None:
    storage: Storage = library._storage
    record = ExportRecord("/n/a.md", "/n", 3, "ab" * 32, T0, "default")
    storage.exports.save_record(record)
    newer = ExportRecord("/n/a.md", "/n", 3, "cd" * 32, T0 + timedelta(days=1), "brief")
    storage.exports.save_record(newer)
    storage.exports.save_record(ExportRecord("/m/b.md", "/m", None, "ef" * 32, T0, "/t/mine.md"))
    assert storage.exports.records("/n") == [newer]
    assert storage.exports.record("/m/b.md") == ExportRecord(
        "/m/b.md", "/m", None, "ef" * 32, T0, "/t/mine.md"
    )
    assert storage.exports.record("/nowhere.md") is None


def test_an_older_library_gains_the_exports_table(tmp_path: Path) -> None:
    # As a skim from before export left it: no exports table, schema version just below.
    path = tmp_path / "library.sqlite3"
    Storage(path).close()
    position = next(i for i, m in enumerate(MIGRATIONS) if m.__name__ == "_add_exports")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("DROP TABLE exports")
    db.execute(f"PRAGMA user_version = {position}")
    db.close()
    storage = Storage(path)
    storage.exports.save_record(ExportRecord("/a.md", "/", 1, "0" * 64, T0, "default"))
    assert storage.exports.record("/a.md") is not None
    storage.close()


def test_since_accepts_dates_times_and_ages() -> None:
    assert since_time("2025-03-01").isoformat() == "2025-03-01T00:00:00+00:00"
    assert since_time("2025-03-01T09:30Z").isoformat() == "2025-03-01T09:30:00+00:00"
    assert since_time("2025-03-01T09:30+02:00").utcoffset() == timedelta(hours=2)
    age = since_time("7d")
    assert timedelta(days=7) <= since_time("0h") - age < timedelta(days=7, seconds=5)
