"""Browser bookmarks (Netscape bookmark file): folders become tags, dates are kept, entries that
are not web pages are skipped with a count, and a second import fetches nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.ingest.saved.bookmarks import read_bookmarks
from reader.core.library import Library
from tests.web.conftest import LIMITS, Site

# The local server answers at once; a longer deadline only keeps a loaded machine from failing it.
PATIENT = replace(LIMITS, timeout=10.0)

# The shape browsers export (Firefox's, trimmed): roots flagged or named, nested folders.
BOOKMARKS = """<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>
<DL><p>
    <DT><A HREF="place:sort=8&maxResults=10" ADD_DATE="1700000000">Recent Tags</A>
    <DT><H3 ADD_DATE="1690000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks Toolbar</H3>
    <DL><p>
        <DT><A HREF="javascript:alert(1)" ADD_DATE="1700000001">A bookmarklet</A>
        <DT><H3 ADD_DATE="1690000001">Coast &amp; Sea</H3>
        <DL><p>
            <DT><A HREF="{base}/story/5.html" ADD_DATE="1700000500" TAGS="rain">Five</A>
            <DT><H3>Weather</H3>
            <DL><p>
                <DT><A HREF="{base}/story/6.html" ADD_DATE="1700000600">Six</A>
            </DL><p>
        </DL><p>
        <DT><A HREF="{base}/story/7.html" ADD_DATE="1700000700">Seven, on the toolbar</A>
    </DL><p>
    <DT><A HREF="file:///home/reader/notes.txt">A local file</A>
    <DT><A HREF="{base}/story/5.html" ADD_DATE="1700009999">Five again</A>
</DL><p>
"""


def _write(tmp_path: Path, site: Site) -> Path:
    path = tmp_path / "bookmarks.html"
    path.write_text(BOOKMARKS.format(base=site.base), encoding="utf-8")
    return path


def test_folders_become_tags_and_non_web_entries_are_counted() -> None:
    found = read_bookmarks(BOOKMARKS.format(base="http://example.invalid"), label="b.html")
    assert [(link.url, link.tags) for link in found.links] == [
        ("http://example.invalid/story/5.html", ("rain", "Coast & Sea")),
        ("http://example.invalid/story/6.html", ("Coast & Sea", "Weather")),
        ("http://example.invalid/story/7.html", ()),
    ]
    assert found.links[0].added == datetime.fromtimestamp(1700000500, UTC)
    assert found.links[1].title == "Six"
    assert found.skipped == 3 and found.schemes == ("place", "javascript", "file")
    assert found.notice("b.html") == (
        "b.html: skipped 3 entries are not a web page (place:, javascript:, file:)"
    )


def test_a_file_without_bookmarks_is_refused() -> None:
    with pytest.raises(IngestError, match=r"^b\.html: no bookmarks found"):
        read_bookmarks("<html><body><p>nothing</p></body></html>", label="b.html")


def test_import_fetches_each_page_once_and_again_fetches_nothing(
    library: Library, site: Site, tmp_path: Path
) -> None:
    path = _write(tmp_path, site)
    outcomes = library.sources.import_saved(path, "bookmarks", limits=PATIENT)
    assert [o.skipped for o in outcomes if o.skipped] == [
        f"{path}: skipped 3 entries are not a web page (place:, javascript:, file:)"
    ]
    assert not [o.error for o in outcomes if o.error]
    stored = {o.origin: library.articles.get(o.result.article.id) for o in outcomes if o.result}
    six = stored[site.url("/story/6.html")]
    assert six.tags == ("coast & sea", "weather")  # tags are stored lower-case
    assert six.added == datetime.fromtimestamp(1700000600, UTC)
    assert library.articles.count() == 3
    hits = site.hits("/story/6.html")
    again = library.sources.import_saved(path, "bookmarks", limits=PATIENT)
    assert [o.result.created for o in again if o.result] == [False] * 3
    assert site.hits("/story/6.html") == hits and library.articles.count() == 3


def test_cli_reports_the_skipped_count_and_exits_zero(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKIM_FETCH_TIMEOUT", "5")  # a loaded machine must not fail it
    path = _write(tmp_path, site)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import-from", "bookmarks", str(path), "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "skipped 3 entries are not a web page" in err
    assert "3 to fetch, 0 already in the library" in err
    assert main(["--data-dir", str(data), "import-from", "bookmarks", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.endswith("3 imported, 0 already there, 0 failed\n")
