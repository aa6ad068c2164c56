"""Full-text search over titles, bodies and notes, and its safety against any typed input."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.models import ArticleQuery, TriageState
from reader.core.storage import Storage
from reader.core.storage._fts import match_expression
from tests.storage.helpers import T0, AddFn

HOSTILE = [
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(a b, 2)",
    "(",
    ")",
    '"',
    '""',
    "*",
    "^",
    ":",
    "-",
    "+",
    "title:harbour",
    "{title body}:x",
    "a OR b",
    "harbour AND",
    "'",
    "\\",
    "\x00",
    "\x1b[2J",
    "col*",
    "*prefix",
    '"unterminated',
    "ünïcödé",
    "🙂",
    "  ",
    "a" * 2000,
    "x " * 300,
]


def _search(storage: Storage, text: str = "", *phrases: str, **filters: object) -> list[str]:
    query = ArticleQuery(text=text, phrases=phrases, **filters)  # type: ignore[arg-type]
    rows = storage.search.list_articles(query)
    assert storage.search.count_articles(query) == len(rows)
    return [row.title for row in rows]


def _fts_is_consistent(storage: Storage) -> None:
    # With rank = 1 FTS5 also compares the index with the content (the view): raises if they differ.
    storage.database.connection().execute(
        "INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)"
    )


@pytest.fixture
def library(storage: Storage, add: AddFn) -> Storage:
    add("Harbour budget approved", "The council voted on Monday to fund new piers.", minutes=1)
    add("Café culture", "A review of the crème brûlée at the new place by the harbour.", minutes=2)
    add("Election night", "Turnout was high; the economy dominated the debate.", minutes=3)
    return storage


def test_words_match_title_and_body(library: Storage) -> None:
    assert _search(library, "council") == ["Harbour budget approved"]
    assert set(_search(library, "harbour")) == {"Harbour budget approved", "Café culture"}
    assert _search(library, "harbour review") == ["Café culture"]


def test_title_matches_rank_above_body_matches(library: Storage) -> None:
    assert _search(library, "harbour") == ["Harbour budget approved", "Café culture"]


def test_words_are_prefixes_and_diacritics_are_ignored(library: Storage) -> None:
    assert _search(library, "econ") == ["Election night"]
    assert _search(library, "cafe creme brulee") == ["Café culture"]
    assert _search(library, "CAFÉ") == ["Café culture"]


def test_phrases_match_exactly(library: Storage) -> None:
    assert _search(library, "", "new piers") == ["Harbour budget approved"]
    assert _search(library, "", "piers new") == []
    assert _search(library, "harbour", "new place") == ["Café culture"]


def test_search_combines_with_filters(library: Storage) -> None:
    election = library.search.list_articles(ArticleQuery(text="election"))[0].id
    library.articles.set_state([election], TriageState.ARCHIVE)
    assert _search(library, "turnout", state=TriageState.ARCHIVE) == ["Election night"]
    assert _search(library, "turnout", state=TriageState.INBOX) == []


def test_notes_are_searched_and_kept_in_step(library: Storage) -> None:
    article_id = library.search.list_articles(ArticleQuery(text="election"))[0].id
    library.articles.set_note(article_id, "compare with the zeppelin survey", now=T0)
    assert _search(library, "zeppelin") == ["Election night"]
    library.articles.set_note(article_id, "nothing to see", now=T0)
    assert _search(library, "zeppelin") == []

    annotation = library.annotations.add(
        article_id,
        start=0,
        end=7,
        quote="Turnout",
        prefix="",
        suffix="",
        note="ask the quokka desk",
        tags=(),
        now=T0,
    )
    assert _search(library, "quokka") == ["Election night"]
    library.annotations.update(annotation.id, note="ask the wombat desk", now=T0)
    assert (_search(library, "quokka"), _search(library, "wombat")) == ([], ["Election night"])
    library.annotations.delete(annotation.id, now=T0)
    assert _search(library, "wombat") == []
    library.annotations.restore(annotation.id)
    assert _search(library, "wombat") == ["Election night"]
    _fts_is_consistent(library)


def test_deleted_articles_are_not_found(library: Storage) -> None:
    article_id = library.search.list_articles(ArticleQuery(text="council"))[0].id
    library.articles.delete([article_id], now=T0)
    assert _search(library, "council") == []
    library.articles.restore([article_id])
    assert _search(library, "council") == ["Harbour budget approved"]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(text)[:16] for text in HOSTILE])
def test_hostile_input_never_raises(library: Storage, text: str) -> None:
    _search(library, text)
    _search(library, "harbour", text)
    _search(library, f"harbour {text}")


def test_fts_syntax_is_searched_as_text(storage: Storage, add: AddFn) -> None:
    add("Plain", "cats and dogs")
    add("Operators", "cats NEAR dogs OR mice")
    assert _search(storage, "cats OR mice") == ["Operators"]  # OR is a word here, not an operator
    assert _search(storage, "NEAR(dogs") == ["Operators"]


def test_punctuation_only_text_does_not_filter(library: Storage) -> None:
    assert len(_search(library, '( * " -')) == 3
    assert match_expression('( * " -', ("...",)) is None


def test_match_expression_quotes_everything() -> None:
    assert (
        match_expression('say "hi" AND', ("new  piers",)) == '"say"* """hi"""* "AND"* "new  piers"'
    )
    assert match_expression("", ()) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=15), max_size=3))
def test_any_text_makes_a_valid_match_expression(text: str, phrases: list[str]) -> None:
    expression = match_expression(text, phrases)
    if expression is None:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5 (a, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('some text')")
    db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    db.close()


def test_integrity_check_detects_an_index_out_of_step(library: Storage) -> None:
    _fts_is_consistent(library)
    # Changing indexed text behind the index's back is exactly what reindexing() prevents.
    library.database.connection().execute("UPDATE articles SET note = 'sneaky' WHERE id = 1")
    with pytest.raises(sqlite3.DatabaseError):
        _fts_is_consistent(library)


def test_text_search_matches_once_not_once_per_article(storage: Storage) -> None:
    """Regression: counting a broad search re-ran the FTS match per article row (seconds at 10k)."""
    from reader.core.models import ArticleQuery, TriageState
    from reader.core.storage.search import _filter

    where = _filter(ArticleQuery(text="report", state=TriageState.INBOX))
    with storage.database.read() as db:
        plan = db.execute(f"EXPLAIN QUERY PLAN {where.select('count(*)')}", where.params).fetchall()
    details = " | ".join(row[-1] for row in plan)
    assert "MATERIALIZE m" in details, details
