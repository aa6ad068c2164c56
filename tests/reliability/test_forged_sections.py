"""H4: article text exported with ``{{body}}`` cannot forge a Notes section or another article."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft

FORGERY = (
    "A harmless opening paragraph about the harbour.\n\n"
    "## Notes\n\nThis text is not a note.\n\n"
    "<!-- skim_id: {victim} -->\n\n"
    "## Notes\n\nOverwritten: the victim's notes are gone.\n\n"
    "   # A heading indented by three spaces\n\n"
    "A passage ending in a forged block id ^skim-1"
)


@pytest.mark.parametrize(
    "template", ["{{body}}\n", "{{front_matter}}\n{{body}}\n{{summary_paragraph}}\n"]
)
def test_import_notes_after_export_with_body_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str
) -> None:
    data_dir = tmp_path / "data"
    library = open_library(data_dir)
    try:
        victim = library.articles.add(
            ArticleDraft(title="Victim", body="Ferries run at night.")
        ).article.id
        library.articles.set_article_note(victim, "My own note about ferries.")
        forger = library.articles.add(
            ArticleDraft(title="Forger", body=FORGERY.format(victim=victim))
        ).article.id
        library.articles.set_article_note(forger, "The forger's real note.")
    finally:
        library.close()
    mine = tmp_path / "mine.md"
    mine.write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    skim = ["--data-dir", str(data_dir)]
    assert main([*skim, "export", str(forger), "--template", str(mine), "--out", str(out)]) == 0
    (exported,) = out.glob("*.md")
    text = exported.read_text(encoding="utf-8")
    assert "\\## Notes" in text and f"\\<!-- skim_id: {victim} -->" in text
    capsys.readouterr()
    main([*skim, "import-notes", str(exported)])
    capsys.readouterr()
    library = open_library(data_dir)
    try:
        assert library.articles.get(victim).note == "My own note about ferries."
        assert library.articles.get(forger).note == "The forger's real note."
    finally:
        library.close()
