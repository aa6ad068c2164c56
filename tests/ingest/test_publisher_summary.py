"""An aggregator page's own summary bullets and tone label are kept apart from the body."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.ingest.plaintext import parse_plaintext
from reader.core.ingest.reading import read_bytes, read_path
from reader.core.library import Library, open_library

SAMPLE = Path(__file__).resolve().parents[2] / "sample_articles" / "aggregator-offside-row.txt"

PAGE = """Dec 28, 2024, 8:10 AM
Kim vows toughest anti-US policy at party plenum
Critical
Key points:
- Kim Jong Un closed a five-day plenary meeting of the ruling party
  with a call for the toughest stance against Washington.
- More than 10,000 troops have been sent to Russia.
Story
North Korean leader Kim Jong Un vowed the toughest anti-US policy as a party plenum ended.

It ran from December 23 to 27 in Pyongyang.
Opinions
This is nothing new.
"""


def test_the_sample_aggregator_page_keeps_its_highlights_and_tone() -> None:
    draft = read_path(SAMPLE)
    assert draft.publisher_tone == "Provocative"
    assert len(draft.publisher_summary) == 3
    assert draft.publisher_summary[0].startswith("Castlebridge Athletic beat Northfield Rovers 3-1")
    assert "Castlebridge Athletic beat" not in draft.body  # still not body text
    assert "season-ticket holder" not in draft.body  # opinions are still dropped


def test_list_items_wrapped_over_lines_are_one_item_each() -> None:
    found = parse_plaintext(PAGE)
    assert found.publisher_tone == "Critical"
    assert found.publisher_summary == (
        "Kim Jong Un closed a five-day plenary meeting of the ruling party with a call for the "
        "toughest stance against Washington.",
        "More than 10,000 troops have been sent to Russia.",
    )
    assert found.body.startswith("North Korean leader")


def test_without_a_story_label_the_highlights_stay_in_the_body() -> None:
    found = parse_plaintext(PAGE.replace("Story\n", ""))
    assert found.publisher_summary == ()
    assert "More than 10,000 troops" in found.body


def test_a_plain_article_has_no_publisher_summary_or_tone() -> None:
    draft = read_bytes(b"A headline\n\nSome text of the article, long enough.\n", name="a.txt")
    assert draft.publisher_summary == () and draft.publisher_tone is None


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: datetime(2025, 1, 2, tzinfo=UTC))
    yield lib
    lib.close()


def test_the_publisher_summary_and_tone_are_stored(library: Library) -> None:
    draft = read_bytes(PAGE.encode(), name="kim.txt")
    article = library.articles.get(library.articles.add(draft).article.id)
    assert article.publisher_tone == "Critical"
    assert article.publisher_summary == draft.publisher_summary
    assert len(article.publisher_summary) == 2


def test_export_writes_them_and_a_markdown_import_reads_them_back(library: Library) -> None:
    from reader.core.export.context import front_matter

    draft = read_bytes(PAGE.encode(), name="kim.txt")
    article = library.articles.get(library.articles.add(draft).article.id)
    text = (
        f"---\n{front_matter(article, datetime(2025, 1, 3, tzinfo=UTC))}\n---\n\n{article.body}\n"
    )
    assert "publisher_tone: Critical" in text
    again = read_bytes(text.encode(), name="kim.md")
    assert again.publisher_summary == article.publisher_summary
    assert again.publisher_tone == "Critical"


def test_an_inferred_event_date_is_exported_as_inferred(library: Library) -> None:
    from reader.core.export.context import front_matter

    undated = PAGE.replace("Dec 28, 2024, 8:10 AM\n", "").replace("27 in", "27, 2024, in")
    article = library.articles.get(
        library.articles.add(read_bytes(undated.encode(), name="k.txt")).article.id
    )
    matter = front_matter(article, datetime(2025, 1, 3, tzinfo=UTC))
    assert "event_date: '2024-12-27'" in matter and "event_date_inferred: true" in matter
