"""Leaving words out (``-word``, ``NOT word``) and ``a OR b``, from the search box to SQL."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.models import ArticleQuery, SearchTerm, TriageState
from reader.core.query import parse_query
from reader.core.storage import Storage
from reader.core.storage._fts import any_expression, match_expression, without
from tests.storage.helpers import AddFn


@pytest.fixture
def library(storage: Storage, add: AddFn) -> Storage:
    add("Battery fire in Aarhus", "A fire at the Aarhus recycling plant hurt fourteen.", minutes=1)
    add(
        "Aarhus plant fire: 17 hurt", "Smoke over Aarhus after the recycling plant fire.", minutes=2
    )
    add("Warehouse fire in Oslo", "Firefighters fought the blaze through the night.", minutes=3)
    add("Floods in Bergen", "The river rose two metres; the old town flooded.", minutes=4)
    add("Harbour budget", "The council approved the sea wall.", minutes=5)
    return storage


def _titles(storage: Storage, search: str, **filters: object) -> set[str]:
    from dataclasses import replace

    query = replace(parse_query(search, finished=True), **filters)  # type: ignore[arg-type]
    rows = storage.search.list_articles(query)
    assert storage.search.count_articles(query) == len(rows)
    return {row.title for row in rows}


def test_a_minus_word_leaves_articles_out(library: Storage) -> None:
    """Regression: "fire -aarhus" returned exactly the Aarhus articles ("-aarhus" was a word)."""
    assert _titles(library, "fire -aarhus") == {"Warehouse fire in Oslo"}
    assert _titles(library, "fire NOT aarhus") == {"Warehouse fire in Oslo"}
    assert _titles(library, 'fire -"recycling plant"') == {"Warehouse fire in Oslo"}
    assert _titles(library, "fire -aarhus -oslo") == set()


def test_only_left_out_words_list_everything_else(library: Storage) -> None:
    # FTS5 has no unary NOT: all articles except the matches.
    assert _titles(library, "-fire") == {"Floods in Bergen", "Harbour budget"}
    assert _titles(library, "NOT fire NOT flood") == {"Harbour budget"}
    assert _titles(library, "-fire", state=TriageState.ARCHIVE) == set()


def test_or_finds_either_and_binds_tighter_than_the_words_around_it(library: Storage) -> None:
    assert _titles(library, "oslo OR bergen") == {"Warehouse fire in Oslo", "Floods in Bergen"}
    assert _titles(library, "oslo OR bergen night") == {"Warehouse fire in Oslo"}
    assert _titles(library, '"sea wall" OR flooded') == {"Floods in Bergen", "Harbour budget"}
    assert _titles(library, "aarhus OR oslo OR bergen -smoke") == {
        "Battery fire in Aarhus",
        "Warehouse fire in Oslo",
        "Floods in Bergen",
    }


def test_operators_work_with_filters(library: Storage) -> None:
    oslo = library.search.list_articles(ArticleQuery(text="oslo"))[0].id
    library.articles.set_state([oslo], TriageState.LATER)
    assert _titles(library, "fire -aarhus is:later") == {"Warehouse fire in Oslo"}
    assert _titles(library, "fire -aarhus is:inbox") == set()
    assert _titles(library, "-fire is:inbox") == {"Floods in Bergen", "Harbour budget"}


def test_results_with_words_are_ranked_and_without_are_sorted(library: Storage) -> None:
    # Newest first would put Bergen first; "oslo" in a title outweighs "flooded" in a body.
    ranked = library.search.list_articles(parse_query("flooded OR oslo"))
    assert [row.title for row in ranked] == ["Warehouse fire in Oslo", "Floods in Bergen"]
    by_title = library.search.list_articles(parse_query("-fire"), sort="title", descending=False)
    assert [row.title for row in by_title] == ["Floods in Bergen", "Harbour budget"]


def test_punctuation_only_terms_do_not_change_the_result(library: Storage) -> None:
    assert _titles(library, 'fire -"(" -*') == _titles(library, "fire")
    assert _titles(library, "oslo OR (") == {"Warehouse fire in Oslo"}


def test_expressions() -> None:
    either = (SearchTerm("fire"), SearchTerm("sea wall", phrase=True))
    assert match_expression("a", ("b c",), (either,)) == '"a"* "b c" AND ("fire"* OR "sea wall")'
    assert match_expression("", (), ((SearchTerm("x"), SearchTerm("*")),)) == '"x"*'
    assert any_expression([SearchTerm("NOT"), SearchTerm('"')]) == '"NOT"*'
    assert without('"a"*', '"b"*') == '("a"*) NOT ("b"*)'


_TERMS = st.lists(st.builds(SearchTerm, st.text(max_size=12), st.booleans()), max_size=3)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30), st.lists(_TERMS, max_size=2), _TERMS)
def test_any_terms_make_a_valid_expression(
    text: str, groups: list[list[SearchTerm]], excluded: list[SearchTerm]
) -> None:
    expression = match_expression(text, (), groups)
    left_out = any_expression(excluded)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5 (a, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('some text')")
    for candidate in (expression, left_out):
        if candidate is not None:
            db.execute("SELECT rowid FROM t WHERE t MATCH ?", (candidate,)).fetchall()
    if expression is not None and left_out is not None:
        db.execute("SELECT rowid FROM t WHERE t MATCH ?", (without(expression, left_out),))
    db.close()
