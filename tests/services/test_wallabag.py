"""wallabag's JSON export: text, archive and star, tags, annotations placed by quote; nothing twice."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.library import Library
from reader.core.models import TriageState
from tests.services.conftest import wallabag_json


def test_import_keeps_state_star_tags_and_annotations(library: Library, tmp_path: Path) -> None:
    path = wallabag_json(tmp_path / "wallabag.json")
    result = library.sources.import_service(path, "wallabag")
    ferries_result, market_result = (o.result for o in result.outcomes if o.result)
    ferries = library.articles.get(ferries_result.article.id)
    assert ferries.starred and ferries.state == TriageState.INBOX
    assert ferries.author == "Ingrid Solvang"
    assert ferries.added == datetime(2024, 10, 20, 7, 15, tzinfo=UTC)
    assert set(ferries.tags) == {"ferries", "transport"}
    assert result.highlights == 1 and result.highlights_in_note == 0
    (annotation,) = library.annotations.of(ferries.id)
    assert ferries.body[annotation.start : annotation.end] == (
        "the last boat left at nine in the evening"
    )
    assert annotation.note == "The point of the piece."
    market = library.articles.get(market_result.article.id)
    assert market.state == TriageState.ARCHIVE and not market.starred

    again = library.sources.import_service(path, "wallabag")
    assert [o.result.created for o in again.outcomes if o.result] == [False, False]
    assert again.highlights == 0 and len(library.annotations.of(ferries.id)) == 1
    assert library.articles.count() == 2


def test_an_article_already_in_the_library_gains_only_the_new_annotations(
    library: Library, tmp_path: Path
) -> None:
    path = wallabag_json(tmp_path / "wallabag.json")
    library.sources.import_service(path, "wallabag")
    (ferries,) = [a for a in library.articles.find() if a.starred]
    library.annotations.delete(library.annotations.of(ferries.id)[0].id)
    again = library.sources.import_service(path, "wallabag")
    assert again.highlights == 1 and len(library.annotations.of(ferries.id)) == 1


def test_cli_counts_read_in_the_right_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = wallabag_json(tmp_path / "wallabag.json")
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "import-from", "wallabag", str(path)]) == 0
    assert capsys.readouterr().err.endswith(
        "2 imported, 0 already there, 0 skipped, 0 failed; 1 highlight added\n"
    )
    assert main([*data, "import-from", "wallabag", str(path)]) == 0
    assert capsys.readouterr().err.endswith(
        "0 imported, 2 already there, 0 skipped, 0 failed; 0 highlights added\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not JSON; is it wallabag's JSON export?"),
        ('{"entries": []}', "not a list of entries; is it wallabag's JSON export?"),
        ('[{"title": "no url"}]', "not a list of entries; is it wallabag's JSON export?"),
    ],
)
def test_what_is_not_a_wallabag_export_is_refused_in_one_line(
    library: Library, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        library.sources.import_service(path, "wallabag")
    assert str(caught.value) == f"{path}: {message}"
    assert library.articles.count() == 0


def test_an_annotation_without_a_quote_becomes_the_article_note(
    library: Library, tmp_path: Path
) -> None:
    """wallabag keeps a note on the whole article as an annotation with no quote: it was dropped."""
    path = wallabag_json(tmp_path / "wallabag.json")
    entries = json.loads(path.read_text(encoding="utf-8"))
    entries[0]["annotations"] += [
        {"text": "Read again before the council vote.", "quote": "", "ranges": []},
        {"text": "  ", "quote": None, "ranges": []},
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")
    result = library.sources.import_service(path, "wallabag")
    ferries = library.articles.get(next(o.result for o in result.outcomes if o.result).article.id)
    assert ferries.note == "Read again before the council vote."
    assert [a.note for a in library.annotations.of(ferries.id)] == ["The point of the piece."]
