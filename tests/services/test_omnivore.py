"""Omnivore's export zip: text, state, labels and highlights, placed by quote; nothing twice."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.ingest.services.omnivore import parse_highlights
from reader.core.library import Library
from reader.core.models import TriageState
from tests.services.conftest import omnivore_zip


def test_highlights_markdown_is_split_into_quotes_labels_and_notes() -> None:
    note, marks = parse_highlights(
        "On the whole piece.\n\n> First line\n> second paragraph \n\n#a #b\n\nMy note\n\n> Two "
    )
    assert note == "On the whole piece."
    assert [(m.quote, m.tags, m.note) for m in marks] == [
        ("First line\nsecond paragraph", ("a", "b"), "My note"),
        ("Two", (), ""),
    ]


@pytest.mark.parametrize("folder", ["", "omnivore-export"])
def test_import_keeps_text_state_labels_and_highlights(
    library: Library, tmp_path: Path, folder: str
) -> None:
    path = omnivore_zip(tmp_path / "omnivore.zip", folder=folder)
    result = library.sources.import_service(path, "omnivore")
    assert [o.skipped for o in result.outcomes if o.skipped] == [
        f"{path} metadata_0_to_3.json item 3: deleted in Omnivore"
    ]
    stored = [o.result for o in result.outcomes if o.result]
    assert [r.created for r in stored] == [True, True]
    ferries = library.articles.get(stored[0].article.id)
    assert ferries.title == "Night ferries return to the harbour"
    assert ferries.author == "Ingrid Solvang"
    assert ferries.url == "https://news.example.invalid/ferries"
    assert ferries.state == TriageState.ARCHIVE
    assert ferries.added == datetime(2024, 11, 2, 8, 30, tzinfo=UTC)
    assert ferries.published == datetime(2024, 11, 1, 6, 0, tzinfo=UTC)
    assert set(ferries.tags) == {"ferries", "local news"}
    assert "It changes everything for shift workers" in ferries.body
    assert "<em>" not in ferries.body
    # Two quotes are in the text; the third is kept in the note, after the article's own note.
    assert result.highlights == 2 and result.highlights_in_note == 1
    first, second = library.annotations.of(ferries.id)
    assert ferries.body[first.start : first.end].startswith("The night ferry between Tromvik")
    assert first.note == "Finally." and set(first.tags) == {"transport", "islands"}
    assert ferries.body[second.start : second.end] == (
        "It changes everything for shift workers at the hospital"
    )
    assert ferries.note.startswith("A note on the whole article.\n\nHighlight from omnivore")
    assert "> A sentence the article no longer has" in ferries.note
    market = library.articles.get(stored[1].article.id)
    assert market.state == TriageState.INBOX and market.tags == ()


def test_a_second_import_adds_nothing(library: Library, tmp_path: Path) -> None:
    path = omnivore_zip(tmp_path / "omnivore.zip")
    first = library.sources.import_service(path, "omnivore")
    ferries_id = next(o.result.article.id for o in first.outcomes if o.result)
    note = library.articles.get(ferries_id).note
    again = library.sources.import_service(path, "omnivore")
    assert [o.result.created for o in again.outcomes if o.result] == [False, False]
    assert again.highlights == 0 and again.highlights_in_note == 0
    assert library.articles.count() == 2
    assert len(library.annotations.of(ferries_id)) == 2
    assert library.articles.get(ferries_id).note == note


def test_what_is_not_an_omnivore_export_is_refused_in_one_line(
    library: Library, tmp_path: Path
) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("not a zip", encoding="utf-8")
    with pytest.raises(
        IngestError, match=r"notes\.zip: not a zip file; is it Omnivore's export\?$"
    ):
        library.sources.import_service(text, "omnivore")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(IngestError, match=r"no metadata_\*\.json inside"):
        library.sources.import_service(other, "omnivore")
    assert library.articles.count() == 0


def test_cli_import_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = omnivore_zip(tmp_path / "omnivore.zip")
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "import-from", "omnivore", str(path), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == (
        "store\thttps://news.example.invalid/ferries\tNight ferries return to the harbour"
    )
    assert "2 to store, 0 already in the library" in captured.err
    assert main([*data, "import-from", "omnivore", str(path)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert captured.err.endswith(
        "2 imported, 0 already there, 1 skipped, 0 failed; 2 highlights added "
        "(1 not found in the text, kept in the article note)\n"
    )
    assert main([*data, "import-from", "omnivore", str(tmp_path / "missing.zip")]) == 1
    assert capsys.readouterr().err == f"skim: {tmp_path / 'missing.zip'}: no such file\n"
