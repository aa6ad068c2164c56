"""M1: a charset naming a codec that is not a text encoding is ignored, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.ingest import read_bytes
from reader.core.ingest.web import read_url
from tests.web.conftest import LIMITS, Site, page

NOT_TEXT = ["base64", "hex", "zlib", "rot13", "bz2", "uu", "quopri", "undefined"]
# "café" in cp1252: not UTF-8, so the declared charset is tried before the cp1252 fallback.
BODY = "<html><head>{meta}<title>Caf\xe9 prices</title></head><body><p>{text}</p></body></html>"
TEXT = "The caf\xe9 raised its prices by 12 percent on Monday, the owner said. " * 4


def _html(charset: str) -> bytes:
    return BODY.format(meta=f'<meta charset="{charset}">', text=TEXT).encode("cp1252")


@pytest.mark.parametrize("charset", NOT_TEXT)
def test_a_file_declaring_a_non_text_codec_is_read(charset: str) -> None:
    draft = read_bytes(_html(charset), name="page.html", kind="html")
    assert "café raised its prices" in draft.body


@pytest.mark.parametrize("charset", NOT_TEXT)
def test_a_page_served_with_a_non_text_codec_is_read(site: Site, charset: str) -> None:
    site.routes["/odd.html"] = page(
        BODY.format(meta="", text=TEXT).encode("cp1252"), f"text/html; charset={charset}"
    )
    assert (
        "café raised its prices"
        in read_url(site.url("/odd.html"), limits=LIMITS, given_by_user=True).body
    )


def test_one_odd_file_does_not_stop_a_folder_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, charset in enumerate(NOT_TEXT):
        (folder / f"{number}.html").write_bytes(
            _html(charset).replace(b"prices", f"prices {number}".encode())
        )
    (folder / "plain.txt").write_text("A plain title\n\nPlain text about the harbour.", "utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "add", str(folder)]) == 0
    assert main(["--data-dir", str(tmp_path / "data"), "list", "--json"]) == 0
    assert capsys.readouterr().out.count('"id"') == len(NOT_TEXT) + 1


def test_an_error_quoting_a_hostile_header_is_one_clean_line(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """M3: the server's Content-Type is quoted in the error, without its escape sequences."""
    site.routes["/feed"] = page(b"%PDF-1.4", "application/pdf\x1b[2J\x1b[H\x1b[5m")
    status = main(["--data-dir", str(tmp_path / "data"), "feed", "add", site.url("/feed")])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("skim: ") and err.count("\n") == 1
    assert "\x1b" not in err and "[2J" not in err
