"""Subscriptions through the Library: subscribe, update only new entries, full text, failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import IngestError, NotFound, UsageError
from reader.core.library import Library
from tests.web import pages
from tests.web.conftest import LIMITS, Site, page, table_counts


def _feeds_rows(library: Library) -> list[tuple[object, ...]]:
    db = sqlite3.connect(library.path)
    try:
        return db.execute("SELECT * FROM feeds ORDER BY id").fetchall()
    finally:
        db.close()


def test_subscribe_imports_the_current_entries(library: Library, site: Site) -> None:
    result = library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS)
    assert result.error is None and result.warnings == ()
    assert result.feed.title == "Harbour Notes"
    assert result.feed.url == site.url("/rss.xml")
    assert result.feed.articles == 2 and not result.feed.full_text
    # Oldest first, so ids follow the feed's order of publication (feeds list newest first).
    assert [r.article.title for r in result.added] == ["Harbour two", "Harbour one"]
    assert result.new_articles == 2
    article = library.articles.get(result.added[0].article.id)
    assert article.source == "Harbour Notes"
    assert article.tags == ("harbour",)
    assert [f.id for f in library.sources.feeds()] == [result.feed.id]


def test_update_imports_only_new_entries(library: Library, site: Site) -> None:
    feed = library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS).feed
    site.routes["/rss.xml"] = page(
        pages.rss(
            [
                ("h3", "Harbour three", pages.full_entry(3)),
                ("h1", "Harbour one", pages.full_entry(1)),
                ("h2", "Harbour two", pages.full_entry(2)),
            ]
        ),
        "application/rss+xml",
    )
    (result,) = library.sources.update_feeds(limits=LIMITS)
    assert result.error is None
    assert [r.article.title for r in result.added] == ["Harbour three"]
    (again,) = library.sources.update_feeds([feed.id], limits=LIMITS)
    assert again.added == () and library.articles.count() == 3


def test_entry_already_in_the_library_is_not_stored_twice(library: Library, site: Site) -> None:
    library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS)
    site.routes["/other.xml"] = site.routes["/rss.xml"]
    result = library.sources.subscribe(site.url("/other.xml"), limits=LIMITS)
    assert [(r.created, r.reason) for r in result.added] == [(False, "same URL")] * 2
    assert library.articles.count() == 2


def test_unchanged_feed_is_not_downloaded_again(library: Library, site: Site) -> None:
    library.sources.subscribe(site.url("/etag.xml"), limits=LIMITS)
    (result,) = library.sources.update_feeds(limits=LIMITS)
    assert result.not_modified and result.added == ()
    _, headers = site.requests[-1]
    assert headers["If-None-Match"] == '"v1"'


def test_full_text_completes_teasers_and_keeps_the_teaser_when_the_page_fails(
    library: Library, site: Site
) -> None:
    result = library.sources.subscribe(site.url("/teasers.xml"), full_text=True, limits=LIMITS)
    assert result.feed.full_text
    bodies = {r.article.title: library.articles.get(r.article.id).body for r in result.added}
    assert bodies["Dispatch 1 from the coast"].startswith("This is dispatch number 1.")
    assert "library extended its opening hours" in bodies["Dispatch 2 from the coast"]
    assert bodies["Dispatch 3 from the coast"] == "A dispatch whose page has gone missing…"
    (warning,) = result.warnings
    assert "/missing returned 404 Not Found; kept the feed's text of “Dispatch 3" in warning


def test_without_full_text_teasers_are_stored_as_they_are(library: Library, site: Site) -> None:
    result = library.sources.subscribe(site.url("/teasers.xml"), limits=LIMITS)
    assert site.hits("/story/1.html") == 0
    first = library.articles.get(result.added[-1].article.id)
    assert first.body == "Rain on the headland, boats out at dawn…"


def test_web_page_is_followed_to_its_feed(library: Library, site: Site) -> None:
    result = library.sources.subscribe(site.url("/blog.html"), limits=LIMITS)
    assert result.feed.url == site.url("/rss.xml")
    with pytest.raises(UsageError, match="already subscribed to Harbour Notes"):
        library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS)


def test_malformed_but_readable_feed_is_imported_with_a_warning(
    library: Library, site: Site
) -> None:
    result = library.sources.subscribe(site.url("/partly-broken.xml"), limits=LIMITS)
    assert result.new_articles == 1
    (warning,) = result.warnings
    assert "not well-formed XML (line 3:" in warning


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "/missing returned 404 Not Found"),
        ("/slow", "/slow did not answer within 0.5 s"),
        ("/loop-a", "redirects in a loop"),
        ("/huge", "/huge is larger than 256 KB"),
        ("/garbage.xml", "/garbage.xml: not an RSS or Atom feed (line 1: syntax error)"),
        ("/malformed.xml", "/malformed.xml: not an RSS or Atom feed"),
        ("/doc.pdf", "/doc.pdf is application/pdf, not a feed"),
        ("/article.html", "/article.html is a web page that links to no feed"),
    ],
)
def test_subscribe_failures_leave_the_library_unchanged(
    library: Library, site: Site, path: str, message: str
) -> None:
    library.sources.subscribe(site.url("/atom.xml"), limits=LIMITS)
    before = table_counts(library.path)
    with pytest.raises(IngestError) as caught:
        library.sources.subscribe(site.url(path), limits=LIMITS)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert table_counts(library.path) == before


def test_billion_laughs_feed_is_harmless(library: Library, site: Site) -> None:
    result = library.sources.subscribe(site.url("/laughs.xml"), limits=LIMITS)
    assert all(len(library.articles.get(r.article.id).body) < 100 for r in result.added)
    blowup = library.sources.subscribe(site.url("/blowup.xml"), limits=LIMITS)
    assert all("xxxx" not in library.articles.get(r.article.id).body for r in blowup.added)


def test_failing_feed_is_reported_and_left_unchanged_while_others_update(
    library: Library, site: Site
) -> None:
    broken = library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS).feed
    library.sources.subscribe(site.url("/atom.xml"), limits=LIMITS)
    site.routes["/rss.xml"] = page(pages.MALFORMED, "application/rss+xml")
    site.routes["/atom.xml"] = page(
        pages.ATOM.replace("urn:valley-log:1", "urn:valley-log:2")
        .replace("/valley/frost", "/valley/thaw")
        .replace("Ground frost", "A thaw"),
        "application/atom+xml",
    )
    rows_before = _feeds_rows(library)
    first, second = library.sources.update_feeds(limits=LIMITS)
    assert first.feed.id == broken.id and first.error is not None
    assert "not an RSS or Atom feed" in first.error
    assert second.error is None and second.new_articles == 1
    rows_after = _feeds_rows(library)
    assert rows_after[0] == rows_before[0]  # not even last_checked moved


def test_update_of_an_unknown_feed_changes_nothing(library: Library, site: Site) -> None:
    library.sources.subscribe(site.url("/atom.xml"), limits=LIMITS)
    requests = len(site.requests)
    with pytest.raises(NotFound, match="there is no feed 99"):
        library.sources.update_feeds([1, 99], limits=LIMITS)
    assert len(site.requests) == requests


def test_unsubscribe_keeps_the_articles(library: Library, site: Site) -> None:
    feed = library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS).feed
    removed = library.sources.unsubscribe(feed.id)
    assert removed.articles == 2
    assert library.sources.feeds() == [] and library.articles.count() == 2
    assert table_counts(library.path)["feed_entries"] == 0
    with pytest.raises(NotFound):
        library.sources.unsubscribe(feed.id)


def test_local_feed_file(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "valley.atom"
    path.write_text(pages.ATOM, encoding="utf-8")
    result = library.sources.subscribe(str(path))
    assert result.feed.url == str(path.resolve())
    assert result.new_articles == 1
    (update,) = library.sources.update_feeds()
    assert update.error is None and update.added == ()
    path.unlink()
    (gone,) = library.sources.update_feeds()
    assert gone.error == "valley.atom: no such file"


def test_other_schemes_are_not_feeds(library: Library) -> None:
    with pytest.raises(IngestError, match="ftp:// feeds are not supported"):
        library.sources.subscribe("ftp://127.0.0.1/feed.xml")


def test_update_reports_progress_feed_by_feed(library: Library, site: Site) -> None:
    library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS)
    calls: list[tuple[int, int, str]] = []
    library.sources.update_feeds(
        limits=LIMITS, progress=lambda done, total, label: calls.append((done, total, label))
    )
    # Before the fetch, named by the feed's title; then once, done, with no label.
    assert calls == [(0, 1, "Harbour Notes"), (1, 1, "")]
