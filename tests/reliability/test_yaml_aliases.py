"""M5: YAML aliases ("billion laughs") in front matter are refused, in notes files and imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.export.notes_parse import parse_notes
from reader.core.ingest import read_bytes
from reader.core.library import open_library
from reader.core.models import ArticleDraft

LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{','.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)]
)


def test_a_notes_file_with_aliases_is_refused_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    library = open_library(data)
    try:
        article = library.articles.add(
            ArticleDraft(title="Ferries", body="Ferries run at night.")
        ).article
        library.articles.set_tags(article.id, ["mine"])
    finally:
        library.close()
    notes = tmp_path / "notes.md"
    notes.write_text(f"---\nskim_id: {article.id}\n{LAUGHS}\ntags: *i\n---\n\n## Notes\n\nx\n")
    status = main(["--data-dir", str(data), "import-notes", str(notes)])
    out, err = capsys.readouterr()
    assert status != 0 or "aliases" in out + err
    assert "aliases (*name) are not allowed" in out + err
    assert len(out + err) < 500
    library = open_library(data)
    try:
        assert library.articles.meta(article.id).tags == ("mine",)
    finally:
        library.close()


def test_a_skim_id_that_is_an_alias_gives_a_short_error() -> None:
    with pytest.raises(Exception, match="aliases") as raised:
        parse_notes(f"---\n{LAUGHS}\nskim_id: *i\n---\n")
    assert len(str(raised.value)) < 200


def test_an_article_with_aliases_in_its_front_matter_is_refused() -> None:
    text = f"---\n{LAUGHS}\ntitle: *i\n---\n\nBody text of the article.\n"
    with pytest.raises(IngestError, match="aliases"):
        read_bytes(text.encode(), name="laughs.md", kind="md")


def test_a_tag_must_be_one_value_not_a_tree() -> None:
    (parsed,) = parse_notes("---\nskim_id: 3\ntags: [ok, [nested, list], {a: b}, 7, true]\n---\n")
    assert parsed.tags == ("ok", "7")
