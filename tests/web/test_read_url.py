"""Reading a web page into an article, and `Library.sources.add_url`: metadata, text, refusals."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.web import extract_article, read_url
from reader.core.library import Library
from tests.web import pages
from tests.web.conftest import LIMITS, Site, table_counts


def test_article_text_and_metadata(site: Site) -> None:
    draft = read_url(site.url("/article.html"), limits=LIMITS, given_by_user=True)
    assert draft.title == pages.ARTICLE_TITLE
    assert draft.author == "Ingrid Solvang"
    assert draft.source == "Fjord Courier"
    assert draft.published == datetime(2025, 4, 3, 5, 15, tzinfo=UTC)
    assert draft.url == draft.origin == site.url("/article.html")
    assert draft.tags == ("ferries",)
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0].startswith("The Lantern, the oldest ferry")
    # Page chrome is gone; the headline and byline are metadata, not text.
    for chrome in ("cookies", "Home", "Related", "Copyright", "By Ingrid", pages.ARTICLE_TITLE):
        assert chrome not in draft.body
    # A <br> stays a line break inside its paragraph; list items are their own paragraphs.
    assert any(
        p.endswith("for eleven years.\nHe added that the cafe had also reopened.")
        for p in paragraphs
    )
    assert "- New engines from a yard in Ålesund" in paragraphs
    assert "A quieter deck" in paragraphs


def test_url_is_the_final_address_after_redirects(site: Site) -> None:
    draft = read_url(site.url("/moved"), limits=LIMITS, given_by_user=True)
    assert draft.url == site.url("/article.html")


def test_plain_text_pages_are_read_as_text(site: Site) -> None:
    draft = read_url(site.url("/plain.txt"), limits=LIMITS, given_by_user=True)
    assert draft.title == "Harbour pilots agree new night shifts"
    assert draft.url == site.url("/plain.txt")
    assert draft.body.startswith("The pilots' association agreed")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/doc.pdf", "/doc.pdf is application/pdf, not a web page"),
        ("/photo.png", "/photo.png is image/png, not a web page"),
        ("/empty.html", "/empty.html: no article text found on the page"),
    ],
)
def test_what_is_not_an_article_is_refused(site: Site, path: str, expected: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_url(site.url(path), limits=LIMITS, given_by_user=True)
    assert str(caught.value) == site.base.removeprefix("http://") + expected


def test_a_tiny_page_is_still_read() -> None:
    # Far under trafilatura's default minimum (250 characters), which skim lowers for notes.
    draft = extract_article(
        "<html><head><title>Note</title></head><body><p>Gate 4 closes at noon.</p></body></html>",
        url="http://127.0.0.1/note",
    )
    assert draft.body == "Gate 4 closes at noon."
    assert draft.source == "127.0.0.1"


def test_add_url_stores_once_and_reports_the_duplicate(library: Library, site: Site) -> None:
    first = library.sources.add_url(site.url("/article.html"), limits=LIMITS)
    assert first.created
    stored = library.articles.get(first.article.id)
    assert stored.origin == site.url("/article.html")
    again = library.sources.add_url(site.url("/moved"), limits=LIMITS)
    assert not again.created and again.reason == "same URL"
    assert library.articles.count() == 1


@pytest.mark.parametrize(
    "path", ["/missing", "/slow", "/loop-a", "/huge", "/doc.pdf", "/empty.html", "/chain/7"]
)
def test_failures_leave_the_library_unchanged(library: Library, site: Site, path: str) -> None:
    library.sources.add_url(site.url("/plain.txt"), limits=LIMITS)
    before = table_counts(library.path)
    with pytest.raises(IngestError):
        library.sources.add_url(site.url(path), limits=LIMITS)
    assert table_counts(library.path) == before


def test_a_short_page_keeps_its_paragraphs_apart_and_leaves_related_stories_out() -> None:
    # Under 250 characters trafilatura used to hand the page to its fallback extractors, which
    # ran the paragraphs together and kept the "more stories" box.
    lead = (
        "The quay shuts on Monday for eleven weeks of repairs to its timber piles, the harbour "
        "board said."
    )
    rest = "Traders said the closure would cost them the summer season and asked for compensation."
    page = f"""<html><body><article><h1>Pier</h1><p>{lead}</p><p>{rest}</p>
      <div class="more-stories"><p>Ferry fares rise again as fuel costs climb.</p></div>
      </article></body></html>"""
    draft = extract_article(page, url="http://127.0.0.1/pier")
    assert draft.body == f"{lead}\n\n{rest}"
