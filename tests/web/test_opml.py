"""OPML: export and import round trip, folders, refusals, no entity expansion."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.feeds.opml import parse_opml, render_opml
from reader.core.library import Library
from reader.core.records import Feed
from tests.web.conftest import LIMITS, Site, table_counts

WHEN = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>From another reader</title></head>
  <body>
    <outline text="News">
      <outline type="rss" text="Harbour Notes" xmlUrl="https://news.example.invalid/rss"
               htmlUrl="https://news.example.invalid/"/>
      <outline type="rss" title="Valley Log" text="valley" xmlUrl="https://valley.example.invalid/atom"/>
    </outline>
    <outline type="rss" text="Duplicate" xmlUrl="https://news.example.invalid/rss"/>
    <outline type="rss" text="Local" xmlUrl="file:///home/someone/feed.xml"/>
    <outline text="A folder with no feed"/>
  </body>
</opml>
"""


def _feed(feed_id: int, url: str, title: str, site_url: str | None = None) -> Feed:
    return Feed(feed_id, url, title, site_url, WHEN, None, False)


def test_render_is_deterministic_and_escapes() -> None:
    feeds = [
        _feed(
            1,
            "https://a.example.invalid/rss?x=1&y=2",
            'Tom & Jerry "news"',
            "https://a.example.invalid/",
        ),
        _feed(2, "/srv/feeds/local.xml", "Local"),
    ]
    text = render_opml(feeds, created=WHEN)
    assert text == render_opml(feeds, created=WHEN)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert "<dateCreated>Thu, 01 May 2025 12:00:00 GMT</dateCreated>" in text
    assert 'xmlUrl="https://a.example.invalid/rss?x=1&amp;y=2"' in text
    assert 'text="Tom &amp; Jerry &quot;news&quot;"' in text
    assert 'xmlUrl="file:///srv/feeds/local.xml"' in text
    outlines = parse_opml(text.encode(), label="out.opml")
    assert [(o.url, o.title, o.site_url) for o in outlines] == [
        (
            "https://a.example.invalid/rss?x=1&y=2",
            'Tom & Jerry "news"',
            "https://a.example.invalid/",
        ),
        ("file:///srv/feeds/local.xml", "Local", None),
    ]


def test_import_takes_web_feeds_from_folders_once(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "subs.opml"
    path.write_bytes(OPML)
    result = library.sources.import_opml(path)
    assert [(f.title, f.url, f.site_url) for f in result.added] == [
        ("Harbour Notes", "https://news.example.invalid/rss", "https://news.example.invalid/"),
        ("Valley Log", "https://valley.example.invalid/atom", None),
    ]
    assert all(f.last_checked is None for f in result.added)
    assert result.skipped == (
        f"{path}: skipped file:///home/someone/feed.xml: not an http(s) address",
    )
    again = library.sources.import_opml(path)
    assert again.added == () and len(again.existing) == 2


def test_round_trip_through_the_library(library: Library, site: Site, tmp_path: Path) -> None:
    library.sources.subscribe(site.url("/rss.xml"), limits=LIMITS)
    library.sources.subscribe(site.url("/atom.xml"), limits=LIMITS)
    exported = library.sources.export_opml()
    path = tmp_path / "skim.opml"
    path.write_text(exported, encoding="utf-8")

    from reader.core.library import open_library

    other = open_library(tmp_path / "other")
    try:
        result = other.sources.import_opml(path)
        assert [(f.url, f.title, f.site_url) for f in result.added] == [
            (f.url, f.title, f.site_url) for f in library.sources.feeds()
        ]
        assert other.sources.export_opml().split("<body>")[1] == exported.split("<body>")[1]
    finally:
        other.close()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<opml><body><outline xmlUrl='x'></body></opml>",
            "not a valid OPML file (line 1, column",
        ),
        (b"<rss><channel/></rss>", "not an OPML file (its root element is <rss>)"),
        (b"", "not a valid OPML file"),
    ],
)
def test_bad_opml_is_refused_and_nothing_changes(
    library: Library, tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "bad.opml"
    path.write_bytes(data)
    before = table_counts(library.path)
    with pytest.raises(IngestError) as caught:
        library.sources.import_opml(path)
    assert message in str(caught.value)
    assert table_counts(library.path) == before


def test_opml_entities_are_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<opml><body><outline text="&b;" xmlUrl="https://x.example.invalid/"/></body></opml>'
    )
    with pytest.raises(IngestError, match="undefined entity"):
        parse_opml(bomb, label="bomb.opml")


def test_missing_opml_file(library: Library, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nothing\.opml: no such file"):
        library.sources.import_opml(tmp_path / "nothing.opml")
