"""The web commands of ``skim``: exit codes, one-line errors, what they print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.web import pages
from tests.web.conftest import Site, table_counts


@pytest.fixture(autouse=True)
def _short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKIM_FETCH_TIMEOUT", "2")


def skim(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_add_url(tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert skim(tmp_path, "add", site.url("/article.html")) == 0
    out = capsys.readouterr().out
    assert out == f"1\t{pages.ARTICLE_TITLE}\n"
    assert skim(tmp_path, "add", site.url("/moved")) == 0
    assert "(already in the library: same URL)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "/missing returned 404 Not Found"),
        ("/slow", "/slow did not answer within 2 s"),
        ("/loop-a", "redirects in a loop"),
        ("/doc.pdf", "is application/pdf, not a web page"),
    ],
)
def test_add_url_failures(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], path: str, message: str
) -> None:
    skim(tmp_path, "list")  # creates the library
    capsys.readouterr()
    before = table_counts(tmp_path / "library.sqlite3")
    assert skim(tmp_path, "add", site.url(path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("skim: ") and message in err and err.count("\n") == 1
    assert table_counts(tmp_path / "library.sqlite3") == before


def test_add_mixes_files_and_urls(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Gate 4 closes at noon on Friday.\n", encoding="utf-8")
    assert (
        skim(tmp_path / "data", "add", str(note), site.url("/missing"), site.url("/plain.txt")) == 1
    )
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 2 and "404 Not Found" in captured.err
    assert skim(tmp_path / "data", "add", "ftp://127.0.0.1/x") == 1
    assert "only http:// and https:// addresses" in capsys.readouterr().err


def test_feed_commands(tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert skim(tmp_path, "feed", "add", site.url("/rss.xml")) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Subscribed to Harbour Notes (feed 1)",
        "1\tHarbour two",
        "2\tHarbour one",
    ]

    assert skim(tmp_path, "feed", "add", site.url("/rss.xml")) == 1
    assert capsys.readouterr().err == "skim: already subscribed to Harbour Notes (feed 1)\n"

    assert skim(tmp_path, "feed", "list", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["url"] == site.url("/rss.xml") and listed["articles"] == 2

    assert skim(tmp_path, "feed", "update") == 0
    assert capsys.readouterr().out == "Harbour Notes (feed 1): 0 new\n"

    site.routes["/rss.xml"] = site.routes["/garbage.xml"]
    assert skim(tmp_path, "feed", "update", "1") == 1
    assert "not an RSS or Atom feed" in capsys.readouterr().err

    out_file = tmp_path / "feeds.opml"
    assert skim(tmp_path, "feed", "export-opml", str(out_file)) == 0
    assert site.url("/rss.xml") in out_file.read_text(encoding="utf-8")
    assert skim(tmp_path, "feed", "export-opml") == 0
    assert capsys.readouterr().out.startswith('<?xml version="1.0" encoding="UTF-8"?>')

    assert skim(tmp_path, "feed", "remove", "1") == 0
    assert "its 2 articles stay" in capsys.readouterr().out
    assert skim(tmp_path, "feed", "remove", "1") == 1
    assert capsys.readouterr().err == "skim: there is no feed 1 (see `skim feed list`)\n"

    assert skim(tmp_path, "feed", "import-opml", str(out_file)) == 0
    assert "Subscribed to 1 feed (0 already subscribed)" in capsys.readouterr().err


def test_feed_add_failure_changes_nothing(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    skim(tmp_path, "list")  # creates the library
    capsys.readouterr()
    before = table_counts(tmp_path / "library.sqlite3")
    assert skim(tmp_path, "feed", "add", site.url("/malformed.xml")) == 1
    assert "not an RSS or Atom feed" in capsys.readouterr().err
    assert table_counts(tmp_path / "library.sqlite3") == before


def test_import_from(tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "pocket.csv"
    export.write_text(pages.POCKET_CSV.format(base=site.base), encoding="utf-8")
    data = tmp_path / "data"
    assert skim(data, "import-from", "pocket", str(export), "--dry-run") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("fetch\t" + site.url("/story/3.html"))
    assert "2 to fetch, 0 already in the library" in captured.err
    assert skim(data, "import-from", "pocket", str(export)) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "1\tDispatch 3 from the coast",
        "2\tDispatch 4 from the coast",
    ]
    assert "2 imported, 0 already there, 0 failed" in captured.err

    broken = tmp_path / "ril_export.html"
    broken.write_text(pages.POCKET_HTML.format(base=site.base), encoding="utf-8")
    assert skim(data, "import-from", "pocket", str(broken)) == 1
    assert "1 failed" not in capsys.readouterr().err  # two failed: mailto and 404
    assert skim(data, "import-from", "instapaper", str(tmp_path / "none.csv")) == 1
    assert capsys.readouterr().err == f"skim: {tmp_path / 'none.csv'}: no such file\n"
