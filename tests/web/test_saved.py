"""Pocket and Instapaper exports, and a folder of Markdown notes: import and dedupe."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.saved import read_saved_links
from reader.core.library import ImportOutcome, Library
from reader.core.models import TriageState
from tests.web import pages
from tests.web.conftest import LIMITS, Site, table_counts


def _write(tmp_path: Path, name: str, text: str, site: Site) -> Path:
    path = tmp_path / name
    path.write_text(text.format(base=site.base), encoding="utf-8")
    return path


def test_pocket_html_export_is_parsed() -> None:
    links, problems = read_saved_links(
        pages.POCKET_HTML.format(base="http://h").encode(), tool="pocket", label="ril_export.html"
    )
    assert [(link.url, link.title, link.state, link.tags) for link in links] == [
        ("http://h/story/1.html", "Dispatch one", TriageState.INBOX, ("coast", "weather")),
        ("http://h/missing", "A page that is gone", TriageState.INBOX, ()),
        ("http://h/story/2.html", "Dispatch two", TriageState.ARCHIVE, ("coast",)),
    ]
    assert links[0].added == datetime.fromtimestamp(1700000000, UTC)
    assert problems == [
        "ril_export.html link 3: mailto:someone@example.invalid is not a web address"
    ]


def test_instapaper_csv_export_is_parsed() -> None:
    links, problems = read_saved_links(
        pages.INSTAPAPER_CSV.format(base="http://h").encode(), tool="instapaper", label="i.csv"
    )
    assert problems == []
    assert [(link.state, link.starred, link.tags) for link in links] == [
        (TriageState.INBOX, False, ("coast",)),
        (TriageState.ARCHIVE, False, ()),
        (TriageState.INBOX, True, ()),
        (TriageState.INBOX, False, ("Boats",)),  # a folder of the reader's own becomes a tag
    ]
    assert links[0].note == "The harbour master counted 25 boats back by noon"
    assert links[0].where == "i.csv line 2"


@pytest.mark.parametrize(
    ("tool", "data", "message"),
    [
        ("pocket", b"name,link\nx,y\n", "not Pocket.s CSV export \\(expected columns"),
        ("instapaper", b"title,url,time_added,tags,status\n", "not Instapaper's CSV export"),
        ("pocket", b"<html><body><p>no links</p></body></html>", "no saved links found"),
        ("pocket", b"", "the file is empty"),
    ],
)
def test_other_files_are_refused(tool: str, data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        read_saved_links(data, tool=tool, label="export")


def test_pocket_import_fetches_pages_keeps_state_and_reports_failures(
    library: Library, site: Site, tmp_path: Path
) -> None:
    path = _write(tmp_path, "ril_export.html", pages.POCKET_HTML, site)
    seen: list[ImportOutcome] = []
    outcomes = library.sources.import_saved(path, "pocket", limits=LIMITS, on_outcome=seen.append)
    assert outcomes == seen
    errors = [o.error for o in outcomes if o.error]
    assert errors == [
        f"{path} link 3: mailto:someone@example.invalid is not a web address",
        f"{path} link 2: {site.base.removeprefix('http://')}/missing returned 404 Not Found",
    ]
    stored = {o.origin: library.articles.get(o.result.article.id) for o in outcomes if o.result}
    one = stored[site.url("/story/1.html")]
    assert one.title == "Dispatch 1 from the coast"
    assert one.tags == ("coast", "weather")
    assert one.state == TriageState.INBOX
    assert one.added == datetime.fromtimestamp(1700000000, UTC)
    two = stored[site.url("/story/2.html")]
    assert two.state == TriageState.ARCHIVE
    assert library.articles.count() == 2


def test_rerun_fetches_only_what_is_missing(library: Library, site: Site, tmp_path: Path) -> None:
    path = _write(tmp_path, "pocket.csv", pages.POCKET_CSV, site)
    first = library.sources.import_saved(path, "pocket", limits=LIMITS)
    assert [o.result.created for o in first if o.result] == [True, True]
    assert library.articles.get(first[1].result.article.id).state == TriageState.ARCHIVE  # type: ignore[union-attr]
    hits = site.hits("/story/3.html")
    again = library.sources.import_saved(path, "pocket", limits=LIMITS)
    assert [(o.result.created, o.result.reason) for o in again if o.result] == [
        (False, "same URL")
    ] * 2
    assert site.hits("/story/3.html") == hits


def test_instapaper_import_keeps_star_folder_and_selection(
    library: Library, site: Site, tmp_path: Path
) -> None:
    path = _write(tmp_path, "instapaper.csv", pages.INSTAPAPER_CSV, site)
    outcomes = library.sources.import_saved(path, "instapaper", limits=LIMITS)
    articles = [library.articles.get(o.result.article.id) for o in outcomes if o.result]
    assert [(a.state, a.starred, a.tags) for a in articles] == [
        (TriageState.INBOX, False, ("coast",)),
        (TriageState.ARCHIVE, False, ()),
        (TriageState.INBOX, True, ()),
        (TriageState.INBOX, False, ("boats",)),
    ]
    assert articles[0].note == "The harbour master counted 25 boats back by noon"
    # The note is searchable like any other.
    assert [m.id for m in library.articles.find(_search("harbour master counted"))][:1] == [
        articles[0].id
    ]


def _search(text: str):  # type: ignore[no-untyped-def]
    from reader.core.query import parse_query

    return parse_query(f"has:notes {text}")


def test_preview_uses_no_network_and_changes_nothing(
    library: Library, site: Site, tmp_path: Path
) -> None:
    library.sources.add_url(site.url("/story/3.html"), limits=LIMITS)
    path = _write(tmp_path, "pocket.csv", pages.POCKET_CSV, site)
    before, requests = table_counts(library.path), len(site.requests)
    links, problems = library.sources.preview_saved(path, "pocket")
    assert [(link.url, existing) for link, existing in links] == [
        (site.url("/story/3.html"), 1),
        (site.url("/story/4.html"), None),
    ]
    assert problems == []
    assert table_counts(library.path) == before and len(site.requests) == requests


def test_markdown_folder_is_deduplicated_against_the_library(
    library: Library, tmp_path: Path
) -> None:
    notes = tmp_path / "vault"
    notes.mkdir()
    (notes / "tides.md").write_text(
        "---\ntitle: Tides\nurl: https://example.invalid/tides\ntags: [sea]\n---\n\n"
        "The spring tide peaks on Thursday at 06:12.\n",
        encoding="utf-8",
    )
    (notes / "ferry.md").write_text(
        "---\ntitle: Ferry\n---\n\nThe Lantern sails again on Thursday.\n", encoding="utf-8"
    )
    first = library.articles.import_paths([notes])
    assert [o.result.created for o in first if o.result] == [True, True]
    # The same notes again, one of them renamed: recognised by URL and by text.
    (notes / "ferry.md").rename(notes / "ferry-renamed.md")
    again = library.articles.import_paths([notes])
    assert sorted((o.result.created, o.result.reason) for o in again if o.result) == [
        (False, "same URL"),
        (False, "same text"),
    ]
    assert library.articles.count() == 2


def test_import_reports_progress_link_by_link_besides_each_outcome(
    library: Library, site: Site, tmp_path: Path
) -> None:
    path = _write(tmp_path, "pocket.csv", pages.POCKET_CSV, site)
    calls: list[tuple[int, int, str]] = []
    seen: list[ImportOutcome] = []
    outcomes = library.sources.import_saved(
        path,
        "pocket",
        limits=LIMITS,
        on_outcome=seen.append,
        progress=lambda done, total, label: calls.append((done, total, label)),
    )
    assert seen == outcomes
    links = [o.origin for o in outcomes]
    total = len(links)
    assert calls == [*((i, total, url) for i, url in enumerate(links)), (total, total, "")]
