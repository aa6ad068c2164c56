"""Parsing feeds: RSS and Atom, malformed XML, entity bombs, teasers; the DTD remover itself."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.feeds.entries import entry_draft, entry_text, is_teaser
from reader.core.ingest.feeds.parse import FeedItem, parse_feed
from reader.core.ingest.feeds.xmlsafe import without_dtd
from tests.web import pages


def test_rss_entries_with_full_content() -> None:
    parsed = parse_feed(pages.rss([("g1", "One", pages.full_entry(1))]).encode(), label="feed")
    assert parsed.title == "Harbour Notes"
    assert parsed.site_url == "http://example.invalid/"
    assert parsed.warning is None
    (item,) = parsed.items
    assert item.entry_id == "g1"
    assert item.link == "http://example.invalid/g1"
    assert item.published == datetime(2025, 1, 14, 8, 0, tzinfo=UTC)
    assert item.full_content and item.is_html
    assert item.tags == ("harbour",)
    text = entry_text(item)
    assert text.startswith("Entry 1 begins here.\n\nSentence 1 of entry 1")
    assert not is_teaser(item, text)


def test_atom_entry_becomes_a_draft() -> None:
    parsed = parse_feed(pages.ATOM.encode(), label="feed")
    (item,) = parsed.items
    draft = entry_draft(item, text=entry_text(item), feed_title=parsed.title, label="feed")
    assert draft.title == "Frost returns to the valley floor"
    assert draft.source == "Valley Weather Log"
    assert draft.author == "Tove Lund"
    assert draft.url == "http://example.invalid/valley/frost"
    assert draft.published == datetime(2025, 2, 1, 6, 30, tzinfo=UTC)
    assert draft.updated == datetime(2025, 2, 1, 10, 0, tzinfo=UTC)
    assert draft.body == (
        "Ground frost was recorded at four stations overnight.\n\n"
        "The lowest reading, minus nine degrees, came from the old mill."
    )


def test_feed_that_cannot_be_read_is_a_clear_error() -> None:
    with pytest.raises(IngestError) as caught:
        parse_feed(pages.GARBAGE.encode(), label="garbage.xml")
    assert str(caught.value).startswith("garbage.xml: not an RSS or Atom feed (line 1:")


def test_malformed_feed_with_readable_entries_is_read_with_a_warning() -> None:
    parsed = parse_feed(pages.PARTLY_BROKEN.encode(), label="careless.xml")
    assert [item.title for item in parsed.items] == ["Tides & times"]
    assert parsed.warning is not None
    assert parsed.warning.startswith("careless.xml: the feed is not well-formed XML (line 3:")
    assert parsed.warning.endswith("read 1 entries")


def test_web_page_linking_to_its_feed_gives_the_link() -> None:
    parsed = parse_feed(pages.PAGE_WITH_FEED_LINK.encode(), label="blog", content_type="text/html")
    assert parsed.alternate == "/rss.xml" and parsed.items == ()


def test_web_page_without_a_feed_link_is_refused() -> None:
    with pytest.raises(IngestError, match="a web page that links to no feed"):
        parse_feed(pages.EMPTY_HTML.encode(), label="page", content_type="text/html")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_billion_laughs_is_not_expanded(encoding: str) -> None:
    document = pages.billion_laughs()
    if encoding == "utf-16":
        document = document.replace(
            '<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>'
        )
    start = time.monotonic()
    parsed = parse_feed(document.encode(encoding), label="laughs.xml")
    assert time.monotonic() - start < 1
    texts = [
        parsed.title or "",
        *(i.title or "" for i in parsed.items),
        *(i.content for i in parsed.items),
    ]
    assert all("lollol" not in text and len(text) < 200 for text in texts)


def test_quadratic_blowup_is_not_expanded() -> None:
    start = time.monotonic()
    parsed = parse_feed(pages.quadratic_blowup().encode(), label="big.xml")
    assert time.monotonic() - start < 1
    assert all("xxxx" not in item.content for item in parsed.items)


def test_without_dtd_removes_only_the_doctype() -> None:
    document = b"""<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE rss [\n<!ENTITY a "]>">\n<!-- ]> -->\n]>\n<rss><title>&a;</title></rss>"""
    assert (
        without_dtd(document)
        == b'<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n\n<rss><title>&a;</title></rss>'
    )
    # The result always declares UTF-8, which is what it is.
    plain = b"<rss><title>T</title></rss>"
    assert without_dtd(plain) == b'<?xml version="1.0" encoding="utf-8"?>' + plain
    # A DOCTYPE inside the document is not in the prolog: the parser rejects it, nothing expands.
    assert without_dtd(b"<a/><!DOCTYPE x>").endswith(b"?><a/><!DOCTYPE x>")
    # One that never ends takes the rest of the document with it.
    assert (
        without_dtd(b'<!DOCTYPE x [ <!ENTITY a "b"> <rss>')
        == b'<?xml version="1.0" encoding="utf-8"?>'
    )


def test_without_dtd_reencodes_wide_documents() -> None:
    document = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>'
    assert without_dtd(document.encode("utf-16")) == b'<?xml version="1.0" encoding="utf-8"?><rss/>'


def _item(content: str, *, full: bool) -> FeedItem:
    return FeedItem("id", "T", "http://127.0.0.1/x", None, None, None, content, True, full)


@pytest.mark.parametrize(
    ("content", "full", "teaser"),
    [
        ("<p>Short summary of the story.</p>", False, True),
        ("<p>Short but complete post.</p>", True, False),
        ("<p>" + "word " * 200 + "</p>", False, False),
        ("<p>" + "word " * 200 + "and so on…</p>", True, True),
        ("<p>" + "word " * 200 + "</p><p>Continue reading →</p>", True, True),
        (
            "<p>" + "word " * 200 + "</p><p>The post Tides appeared first on Harbour Notes.</p>",
            True,
            True,
        ),
        ("<p>" + "word " * 200 + " and more people came.</p>", True, False),
        ("", True, True),
    ],
)
def test_teaser_detection(content: str, full: bool, teaser: bool) -> None:
    item = _item(content, full=full)
    assert is_teaser(item, entry_text(item)) is teaser


def test_entry_without_text_is_an_error_naming_it() -> None:
    item = _item("", full=False)
    with pytest.raises(IngestError, match="feed: entry “T” has no text"):
        entry_draft(item, text="", feed_title=None, label="feed")
