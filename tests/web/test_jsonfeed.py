"""JSON Feed 1.0 and 1.1: the parser, and subscribing to one served by the local test server."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.feeds.entries import entry_text
from reader.core.ingest.feeds.parse import parse_feed
from reader.core.library import Library
from tests.web import pages
from tests.web.conftest import LIMITS, Site, page


def _feed_1_1(items: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Quay Journal",
            "home_page_url": "http://example.invalid/quay/",
            "authors": [{"name": "Quay Desk"}],
            "items": items,
        }
    ).encode()


ITEM_HTML: dict[str, Any] = {
    "id": "q1",
    "url": "http://example.invalid/quay/1",
    "title": "Quay one",
    "content_html": pages.full_entry(1),
    "date_published": "2025-02-03T10:00:00+01:00",
    "date_modified": "2025-02-04T09:00:00Z",
    "authors": [{"name": "Ada Berg"}, {"name": "Ola Lind"}],
    "tags": ["quays", "harbour"],
}
ITEM_TEXT: dict[str, Any] = {
    "id": "q2",
    "url": "http://example.invalid/quay/2",
    "title": "Quay two",
    "content_text": "Entry two <b>is plain text</b>.\n\nIt has two paragraphs.",
    "date_published": "2025-02-05T08:00:00Z",
}


def test_json_feed_1_1_items_are_read() -> None:
    parsed = parse_feed(_feed_1_1([ITEM_HTML, ITEM_TEXT]), label="quay.json")
    assert parsed.title == "Quay Journal"
    assert parsed.site_url == "http://example.invalid/quay/"
    first, second = parsed.items
    assert first.entry_id == "q1" and first.link == "http://example.invalid/quay/1"
    assert first.title == "Quay one" and first.author == "Ada Berg, Ola Lind"
    assert first.published == datetime(2025, 2, 3, 9, 0, tzinfo=UTC)
    assert first.updated == datetime(2025, 2, 4, 9, 0, tzinfo=UTC)
    assert first.tags == ("quays", "harbour") and first.is_html
    assert entry_text(first).startswith("Entry 1 begins here.\n\nSentence 1 of entry 1")
    # content_text is text, not markup; the feed's author stands in for the item's.
    assert not second.is_html and second.author == "Quay Desk"
    assert entry_text(second) == "Entry two <b>is plain text</b>.\n\nIt has two paragraphs."


def test_json_feed_1_0_author_object_and_numeric_id() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Old Quay",
        "items": [
            {"id": 7, "content_text": "Seven.", "author": {"name": "Per Vik"}},
            {"content_text": "No id and no url."},
            {"id": "no-content", "summary": "only a summary"},
        ],
    }
    parsed = parse_feed(json.dumps(document).encode(), label="old.json")
    seven, anonymous = parsed.items  # an item without content is not an entry
    assert seven.entry_id == "7" and seven.author == "Per Vik" and seven.link is None
    assert anonymous.entry_id.startswith("sha256:")


@pytest.mark.parametrize(
    ("data", "content_type", "message"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "", "not a JSON Feed ("),
        (b'{"title": "no version"}', "application/json", "not a JSON Feed (no jsonfeed.org"),
        (b"[1, 2]", "application/feed+json", "not a JSON Feed (not a JSON object)"),
        (
            b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}',
            "",
            "not a JSON Feed (no list of items)",
        ),
    ],
)
def test_what_is_not_a_json_feed_is_refused_in_one_line(
    data: bytes, content_type: str, message: str
) -> None:
    with pytest.raises(IngestError) as caught:
        parse_feed(data, label="feed.json", content_type=content_type)
    assert str(caught.value).startswith(f"feed.json: {message}")
    assert "\n" not in str(caught.value)


def test_subscribe_to_a_served_json_feed_and_update_imports_nothing_new(
    library: Library, site: Site
) -> None:
    site.routes["/feed.json"] = page(_feed_1_1([ITEM_HTML]), "application/feed+json")
    result = library.sources.subscribe(site.url("/feed.json"), limits=LIMITS)
    assert result.error is None and result.feed.title == "Quay Journal"
    (added,) = result.added
    article = library.articles.get(added.article.id)
    assert article.title == "Quay one" and article.author == "Ada Berg, Ola Lind"
    assert article.url == "http://example.invalid/quay/1"
    assert set(article.tags) == {"quays", "harbour"}
    (again,) = library.sources.update_feeds(limits=LIMITS)
    assert again.error is None and again.added == ()
    assert library.articles.count() == 1
