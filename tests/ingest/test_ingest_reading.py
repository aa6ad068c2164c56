"""Entry points: read_path errors and dispatch, read_bytes sniffing, iter_directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.errors import IngestError
from reader.core.ingest import SUPPORTED_SUFFIXES, decode, iter_directory, read_bytes, read_path
from reader.core.ingest.reading import sniff_kind

MD = "---\ntitle: Pier to close\n---\nThe quay *shuts*.\n"
HTML = "<!doctype html><title>Pier to close</title><article><p>The quay shuts.</p></article>"
TXT = "Pier to close\n\nThe quay shuts.\n"


def test_supported_suffixes() -> None:
    assert frozenset({".txt", ".md", ".markdown", ".html", ".htm"}) == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.txt", TXT), ("a.md", MD), ("a.MARKDOWN", MD), ("a.html", HTML), ("a.htm", HTML)],
)
def test_read_path_dispatches_on_the_suffix(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    draft = read_path(path)
    assert draft.title == "Pier to close"
    assert draft.body == "The quay shuts."
    assert draft.origin == str(path)


def test_a_txt_file_is_not_sniffed_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# not a heading in a text file\n\nBody here.\n", encoding="utf-8")
    assert read_path(path).title == "# not a heading in a text file"


def test_an_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(HTML, encoding="utf-8")
    assert read_path(path).body == "The quay shuts."


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nope\.txt: no such file$"):
        read_path(tmp_path / "nope.txt")


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"is a directory, not a file$"):
        read_path(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match=r"is not a regular file$"):
        read_path(fifo)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TXT, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Patched rather than chmod'ed, so the test also means something when run as root.
    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(IngestError, match=r"secret\.txt: permission denied$"):
        read_path(path)


def test_other_os_errors_become_ingest_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "flaky.txt"
    path.write_text(TXT, encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", fail)
    with pytest.raises(
        IngestError, match=r"flaky\.txt: cannot read the file \(Input/output error\)"
    ):
        read_path(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(decode.MAX_BYTES + 1)  # sparse: costs no disk space or time
    with pytest.raises(
        IngestError, match=r"huge\.txt: the file is 50\.0 MB; skim reads files up to 50 MB"
    ):
        read_path(path)


def test_read_bytes_origin_and_kind() -> None:
    draft = read_bytes(MD.encode(), name="-")
    assert (draft.origin, draft.title, draft.body) == ("-", "Pier to close", "The quay shuts.")
    forced = read_bytes(MD.encode(), name="-", kind="txt")  # taken as plain text, markup and all
    assert forced.body == "--- title: Pier to close --- The quay *shuts*."


def test_read_bytes_rejects_an_unknown_kind() -> None:
    with pytest.raises(IngestError, match="unknown format 'pdf'; use txt, md or html"):
        read_bytes(b"x", name="-", kind="pdf")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (MD, "md"),
        ("---\r\ntitle: x\r\n---\r\nBody\r\n", "md"),
        ("# Heading\n\nBody", "md"),
        (HTML, "html"),
        ("  <html><body><p>x</p></body></html>", "html"),
        ("<!-- saved --><article><p>x</p></article>", "html"),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (TXT, "txt"),
        ("---\nnot: [valid\n---\nBody", "txt"),  # not front matter after all
        ("---\n- a list\n---\nBody", "txt"),
        ("<3 you\n\nBody", "txt"),
    ],
)
def test_sniffing(text: str, kind: str) -> None:
    assert sniff_kind(text) == kind


def _touch(path: Path, text: str = TXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_iter_directory_lists_supported_files_sorted(tmp_path: Path) -> None:
    wanted = [
        _touch(tmp_path / "a" / "z.md"),
        _touch(tmp_path / "b.txt"),
        _touch(tmp_path / "c" / "d" / "e.HTML"),
        _touch(tmp_path / "page.htm"),
    ]
    _touch(tmp_path / ".hidden.txt")
    _touch(tmp_path / ".git" / "x.md")
    _touch(tmp_path / "notes.pdf")
    _touch(tmp_path / "README.md")
    _touch(tmp_path / "LICENSE.txt")
    (tmp_path / "folder.txt").mkdir()
    assert list(iter_directory(tmp_path)) == wanted


def test_iter_directory_does_not_follow_directory_links(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert list(iter_directory(tmp_path)) == [tmp_path / "a.txt"]


def test_iter_directory_errors(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"no such directory$"):
        list(iter_directory(tmp_path / "missing"))
    with pytest.raises(IngestError, match=r"is not a directory$"):
        list(iter_directory(_touch(tmp_path / "file.txt")))
