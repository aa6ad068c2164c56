"""Readwise Reader's CSV export: each saved page fetched from the local server with its state and
tags; unsaved feed items skipped with a count; a second import fetches nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reader.core.ingest.saved.readwise_reader import read_readwise_reader
from reader.core.library import Library
from reader.core.models import TriageState
from tests.web.conftest import LIMITS, Site

# The local server answers at once; a longer deadline only keeps a loaded machine from failing it.
PATIENT = replace(LIMITS, timeout=10.0)

# The columns of Reader's "Export CSV", in its order; rows written for this test.
READER_CSV = """Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen
Dispatch one,{base}/story/1.html,01hx0000000000000000000001,"['coast', 'rain']",2024-09-01 10:00:00+00:00,0.5,later,True
Dispatch two,{base}/story/2.html,01hx0000000000000000000002,[],2024-09-02 11:00:00+00:00,1,archive,True
Dispatch three,{base}/story/3.html,01hx0000000000000000000003,['harbour'],2024-09-03 12:00:00+00:00,0,shortlist,False
A feed item,{base}/story/4.html,01hx0000000000000000000004,[],2024-09-04 12:00:00+00:00,0,feed,False
A note,,01hx0000000000000000000005,[],2024-09-05 12:00:00+00:00,0,new,False
"""


def _write(tmp_path: Path, site: Site) -> Path:
    path = tmp_path / "reader.csv"
    path.write_text(READER_CSV.format(base=site.base), encoding="utf-8")
    return path


def test_rows_become_links_with_state_star_tags_and_date() -> None:
    links, skipped = read_readwise_reader(
        READER_CSV.format(base="http://h").encode(), label="r.csv"
    )
    assert [(link.url, link.tags, link.state, link.starred) for link in links] == [
        ("http://h/story/1.html", ("coast", "rain"), TriageState.INBOX, False),
        ("http://h/story/2.html", (), TriageState.ARCHIVE, False),
        ("http://h/story/3.html", ("harbour",), TriageState.INBOX, True),
    ]
    assert links[0].added == datetime(2024, 9, 1, 10, 0, tzinfo=UTC)
    assert skipped == "r.csv: skipped 1 feed item never saved and 1 entry without a web address"


def test_import_fetches_each_page_and_again_fetches_nothing(
    library: Library, site: Site, tmp_path: Path
) -> None:
    path = _write(tmp_path, site)
    outcomes = library.sources.import_saved(path, "readwise-reader", limits=PATIENT)
    assert [o.skipped for o in outcomes if o.skipped] == [
        f"{path}: skipped 1 feed item never saved and 1 entry without a web address"
    ]
    assert not [o.error for o in outcomes if o.error]
    stored = [library.articles.get(o.result.article.id) for o in outcomes if o.result]
    assert [(a.state, a.starred) for a in stored] == [
        (TriageState.INBOX, False),
        (TriageState.ARCHIVE, False),
        (TriageState.INBOX, True),
    ]
    assert stored[0].tags == ("coast", "rain")
    assert site.hits("/story/4.html") == 0
    hits = site.hits("/story/1.html")
    again = library.sources.import_saved(path, "readwise-reader", limits=PATIENT)
    assert [o.result.created for o in again if o.result] == [False] * 3
    assert site.hits("/story/1.html") == hits and library.articles.count() == 3
