"""Readwise's highlights CSV: highlights attached to the article they came from (by title when the
export has no address), or kept as an entry of their own; a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.services.readwise import read_readwise
from reader.core.library import Library
from tests.services.conftest import omnivore_zip

# The columns of Readwise's "Export to CSV", in its order; rows written for this test.
READWISE_CSV = """Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags
"the last boat left at nine in the evening",Night ferries return to the harbour,Ingrid Solvang,,Why it mattered,yellow,"transport,night",offset,120,2024-11-03 09:00:00+00:00,ferries
"Stallholders will move to the square outside the library",Covered market to close for repairs,,,,blue,,offset,40,2024-11-06 10:00:00+00:00,
"A lighthouse keeper counts the ships that pass.",The Keeper's Year,Mara Lind,B000TEST01,First chapter,yellow,,location,112,2024-12-01 20:00:00+00:00,"books,sea"
"Fog is a kind of weather that listens.",The Keeper's Year,Mara Lind,B000TEST01,,yellow,fog,location,340,2024-12-02 21:00:00+00:00,"books,sea"
"""


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "readwise.csv"
    path.write_text(READWISE_CSV, encoding="utf-8")
    return path


def test_highlights_go_to_the_matching_article_or_an_entry_of_their_own(
    library: Library, tmp_path: Path
) -> None:
    library.sources.import_service(omnivore_zip(tmp_path / "o.zip"), "omnivore")
    before = library.articles.count()
    result = library.sources.import_service(_write(tmp_path), "readwise")
    ferries, market, book = (o.result for o in result.outcomes if o.result)
    assert (ferries.created, ferries.reason) == (False, "same title")
    assert (market.created, market.reason) == (False, "same title")
    assert book.created and library.articles.count() == before + 1
    assert result.highlights == 4
    ferries_marks = library.annotations.of(ferries.article.id)
    placed = {
        library.articles.get(ferries.article.id).body[a.start : a.end]: a for a in ferries_marks
    }
    mark = placed["the last boat left at nine in the evening"]
    assert mark.note == "Why it mattered" and set(mark.tags) == {"transport", "night"}
    keeper = library.articles.get(book.article.id)
    assert keeper.title == "The Keeper's Year" and keeper.author == "Mara Lind"
    assert set(keeper.tags) == {"books", "sea"}
    assert [keeper.body[a.start : a.end] for a in library.annotations.of(keeper.id)] == [
        "A lighthouse keeper counts the ships that pass.",
        "Fog is a kind of weather that listens.",
    ]

    again = library.sources.import_service(_write(tmp_path), "readwise")
    assert [o.result.created for o in again.outcomes if o.result] == [False] * 3
    assert again.highlights == 0 and library.articles.count() == before + 1


def test_a_csv_without_readwise_columns_is_refused(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("title,url\nA,https://example.invalid/a\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"other\.csv: not Readwise's highlights CSV"):
        library.sources.import_service(path, "readwise")


def test_an_address_in_any_url_column_or_row_matches_by_url(
    library: Library, tmp_path: Path
) -> None:
    library.sources.import_service(omnivore_zip(tmp_path / "o.zip"), "omnivore")
    path = tmp_path / "with-urls.csv"
    path.write_text(
        "Highlight,Book Title,Book Author,Note,Tags,Highlighted at,Source URL\n"
        '"Stallholders will move to the square",Another title,,,,2024-11-06 10:00:00+00:00,\n'
        '"while the roof is replaced",Another title,,,,2024-11-06 10:01:00+00:00,'
        "https://news.example.invalid/market\n",
        encoding="utf-8",
    )
    (entry,) = read_readwise(path.read_bytes(), label="w.csv").entries
    assert entry.url == "https://news.example.invalid/market"
    result = library.sources.import_service(path, "readwise")
    (market,) = (o.result for o in result.outcomes if o.result)
    assert (market.created, market.reason) == (False, "same URL")
    assert result.highlights == 2
