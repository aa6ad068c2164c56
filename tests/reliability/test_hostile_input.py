"""Hostile and broken files through every way out of skim: ingest, the CLI and Markdown export.

Each case ends in a one-line error or a safe import; nothing an article contains reaches the
terminal as a control sequence. The TUI half is in test_hostile_tui.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.ingest import decode, read_bytes, read_path
from reader.core.library import open_library
from tests.reliability.cases import CASE_IDS, CASES, FORBIDDEN, Case
from tests.reliability.tally import TALLY


def _check_draft_or_error(case: Case, read: object) -> str | None:
    """Run ``read``; return the body, or None when refused (as the case allows)."""
    assert callable(read)
    try:
        draft = read()
    except IngestError as error:
        message = str(error)
        assert "\n" not in message and message, message
        assert not FORBIDDEN.search(message)
        assert case.expect in ("refused", "either"), f"{case.name} was refused: {message}"
        return None
    assert case.expect in ("stored", "either"), f"{case.name} was imported"
    for value in (draft.title, draft.body, draft.source or "", draft.author or ""):
        assert not FORBIDDEN.search(value), repr(FORBIDDEN.search(value))
    assert "\n" not in draft.title
    if case.keeps:
        assert case.keeps in draft.body or case.keeps in draft.title
    body: str = draft.body
    return body


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_ingest_reads_or_refuses_cleanly(case: Case, tmp_path: Path) -> None:
    TALLY["inputs tried"] += 1
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    kind = path.suffix.lstrip(".")  # as read_path picks it; stdin would be sniffed instead
    from_bytes = _check_draft_or_error(
        case, lambda: read_bytes(case.data, name=case.filename, kind=kind)
    )
    from_path = _check_draft_or_error(case, lambda: read_path(path))
    assert from_bytes == from_path


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    TALLY["inputs tried"] += 1
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk, nothing read
        handle.truncate(decode.MAX_BYTES + 1)
    with pytest.raises(IngestError, match=r"huge\.txt: the file is 50\.0 MB; skim reads files up"):
        read_path(big)
    with pytest.raises(IngestError, match="skim reads files up to 50 MB"):
        read_bytes(b"a" * (decode.MAX_BYTES + 1), name="stdin")


def skim(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def _terminal_safe(text: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"control character {found.group()!r} reached the output"
    assert "\x1b" not in text and "Traceback" not in text


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_cli_add_show_list_export_stay_safe(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    status = skim(data, "add", str(path))
    out, err = capsys.readouterr()
    _terminal_safe(out + err)
    if status != 0:
        assert case.expect in ("refused", "either")
        assert err.startswith("skim: ") and err.count("\n") == 1, err
        return
    assert case.expect in ("stored", "either"), out
    article_id = out.split("\t")[0]
    assert skim(data, "show", article_id) == 0
    shown, err = capsys.readouterr()
    _terminal_safe(shown + err)
    if case.keeps:
        assert case.keeps in shown
    assert skim(data, "list") == 0
    listed, err = capsys.readouterr()
    _terminal_safe(listed + err)
    assert skim(data, "show", article_id, "--json") == 0
    raw, err = capsys.readouterr()
    _terminal_safe(raw + err)
    assert json.loads(raw)["id"] == int(article_id)
    assert skim(data, "note", article_id, "--quote", json.loads(raw)["body"][:8].strip()) == 0
    capsys.readouterr()
    out_dir = tmp_path / "notes"
    assert skim(data, "export", article_id, "--out", str(out_dir)) == 0
    capsys.readouterr()
    (exported,) = out_dir.glob("*.md")
    markdown = exported.read_text(encoding="utf-8")
    _terminal_safe(markdown)
    if case.keeps:
        assert case.keeps in markdown.replace("\\", "")  # Markdown may escape brackets


def test_stdin_with_escapes_is_imported_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    TALLY["inputs tried"] += 1
    (case,) = [c for c in CASES if c.name == "ansi and osc escapes"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.data)))
    assert skim(tmp_path, "add", "-") == 0
    _terminal_safe("".join(capsys.readouterr()))
    library = open_library(tmp_path)
    try:
        (meta,) = library.articles.find()
        body = library.articles.get(meta.id).body
    finally:
        library.close()
    assert (
        "Screen cleared? Title set?" in body and "pwned" not in body and not FORBIDDEN.search(body)
    )
