"""A feed with a huge number of entries is imported in bounded steps (issue 12, L7).

A 100,000-entry feed took 114 s to subscribe to, all in one go. Now one subscribe or update
imports at most MAX_NEW_ENTRIES (the newest), says how many are left, and the next updates import
the rest; nothing is skipped for good.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.ingest.feeds import intake
from reader.core.library import Library, open_library
from reader.core.records import FeedUpdate
from tests.reliability.tally import TALLY

CAP = 5  # the real cap is 500; a small one keeps the test fast and the arithmetic visible


def _feed(count: int) -> str:
    """An RSS feed of ``count`` entries, newest first, entry ``n`` published on day ``n``."""
    items = "".join(
        f"<item><guid>e{n}</guid><title>Entry {n}</title>"
        f"<pubDate>{n:02d} Jan 2025 08:00:00 +0000</pubDate>"
        f"<description>Entry number {n} of the long feed.</description></item>"
        for n in range(count, 0, -1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>{items}</channel></rss>'


def _titles(update: FeedUpdate) -> set[str]:
    return {result.article.title for result in update.added}


def _entries(first: int, last: int) -> set[str]:
    return {f"Entry {n}" for n in range(first, last + 1)}


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data")
    yield lib
    lib.close()


def test_the_documented_cap_is_500() -> None:
    assert intake.MAX_NEW_ENTRIES == 500


def test_a_long_feed_is_imported_newest_first_a_cap_at_a_time(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    TALLY["inputs tried"] += 1
    monkeypatch.setattr(intake, "MAX_NEW_ENTRIES", CAP)
    source = tmp_path / "long.xml"
    source.write_text(_feed(12), encoding="utf-8")

    first = library.sources.subscribe(str(source))
    assert _titles(first) == _entries(8, 12)
    (warning,) = first.warnings
    assert warning == (
        "long.xml: imported the 5 newest of 12 new entries; "
        "the other 7 come with the next updates (5 per update)"
    )

    second = library.sources.update_feeds()[0]
    assert _titles(second) == _entries(3, 7)
    assert "the other 2 come with the next updates" in second.warnings[0]

    third = library.sources.update_feeds()[0]
    assert _titles(third) == _entries(1, 2)
    assert third.warnings == ()
    assert library.sources.update_feeds()[0].added == ()
    assert library.sources.feeds()[0].articles == 12


def test_undated_entries_are_taken_in_feed_order(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake, "MAX_NEW_ENTRIES", 2)
    items = "".join(
        f"<item><guid>u{n}</guid><title>Undated {n}</title><description>Text {n}.</description></item>"
        for n in (3, 2, 1)  # a feed lists its newest entry first
    )
    source = tmp_path / "undated.xml"
    source.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>U</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    first = library.sources.subscribe(str(source))
    assert _titles(first) == {"Undated 2", "Undated 3"}
