"""A ranked page is read from the best matches only: the same rows, in the same order, as the
whole ranked list would give at that place, whatever the filters leave out."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.core.models import ArticleQuery, TriageState
from reader.core.query import parse_query
from reader.core.storage import Storage, search
from tests.storage.helpers import T0, AddFn

QUERIES = [
    "harbour",
    "harb",
    '"harbour wall"',
    "harbour council",
    "harbour OR ferry",
    "harbour -ferry",
    "harbour is:later",
    "harbour is:starred",
    "harbour is:unread",
    "harbour is:read",
    "harbour tag:local",
    "harbour tag:rare",
    "harbour source:gazette",
    "harbour has:notes",
    "harbour -has:notes",
    "ferry is:archive tag:local",
    "nowhere",
]
PAGES = [(0, 1), (0, 5), (0, 40), (3, 7), (10, 10), (35, 20), (100, 5)]


@pytest.fixture
def library(storage: Storage, add: AddFn) -> Storage:
    """60 articles mentioning the harbour 1-4 times, some alike (equal scores), in every state."""
    ids = []
    for i in range(60):
        times = 1 + i % 4
        body = " ".join(["The harbour wall held."] * times)
        # Every third article has a twin with the same words: ties only the id can break.
        body += f" Council item {i // 3}." if i % 3 else f" Council item {i // 3} again."
        if i % 5 == 0:
            body += " The ferry ran late."
        title = "Harbour news" if i % 7 == 0 else f"Local report {i}"
        source = "The Gazette" if i % 2 else "Harbour Times"
        tags = ["local"] + (["rare"] if i in (2, 57) else [])
        ids.append(add(title, body + f" Ref {i}.", minutes=i, source=source, tags=tags))
    storage.articles.set_state(ids[::4], TriageState.LATER)
    storage.articles.set_state(ids[1::6], TriageState.ARCHIVE)
    storage.articles.set_starred(ids[::9], True)
    storage.reading.set_read(ids[::2], True)
    storage.articles.set_note(ids[5], "harbour note", now=T0)
    storage.articles.delete([ids[0], ids[13]], now=T0)
    return storage


@pytest.fixture(params=[3, 500], ids=["few-candidates", "default"])
def candidates(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    # With 3, almost every page needs more than the first try ranks: the fallback is tested too.
    monkeypatch.setattr(search, "_CANDIDATES", request.param)
    return int(request.param)


@pytest.mark.parametrize("text", QUERIES)
def test_a_page_is_that_slice_of_the_whole_ranked_list(
    library: Storage, candidates: int, text: str
) -> None:
    query = parse_query(text)
    whole = [meta.id for meta in library.search.list_articles(query)]
    for offset, limit in PAGES:
        page = library.search.list_articles(query, limit=limit, offset=offset)
        assert [meta.id for meta in page] == whole[offset : offset + limit], (offset, limit)
    assert library.search.count_articles(query) == len(whole)


def test_the_list_columns_of_a_page_are_those_of_the_article(library: Storage) -> None:
    page = library.search.list_articles(parse_query("harbour"), limit=10)
    assert page == [library.articles.meta(meta.id) for meta in page]


def test_filters_apply_to_a_ranked_page(library: Storage, candidates: int) -> None:
    later = library.search.list_articles(parse_query("harbour is:later tag:local"), limit=50)
    assert later and all(m.state == TriageState.LATER and "local" in m.tags for m in later)
    rare = library.search.list_articles(parse_query("harbour tag:rare"), limit=50)
    assert sorted(m.title for m in rare) == ["Local report 2", "Local report 57"]
    read = library.search.list_articles(ArticleQuery(text="harbour", read=True), limit=50)
    assert read and all(m.read for m in read)
    deleted = {m.id for m in library.search.list_articles(ArticleQuery(text="harbour"), limit=99)}
    assert not deleted & set(library.articles.last_deleted())


def test_ties_are_broken_newest_first(storage: Storage, add: AddFn, candidates: int) -> None:
    # The same number of words and of matches: the same score, so the later article comes first.
    ids = [add(f"Tide note {n}", f"The tide came in at {n}.", minutes=n) for n in range(8)]
    query = parse_query("tide")
    whole = storage.search.list_articles(query)
    assert [m.id for m in whole] == ids[::-1]
    assert storage.search.list_articles(query, limit=4, offset=2) == whole[2:6]


def test_a_ranked_page_is_read_from_one_snapshot(
    library: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page is read in several statements; another program's write landing between them must
    # not show in the page (here: a title changed after the ranking, before the rows were read).
    query = parse_query("harbour")
    first = library.search.list_articles(query, limit=1)[0]
    ranked = search._best_kept

    def rank_then_write(*args: object, **kwargs: object) -> list[int] | None:
        kept = ranked(*args, **kwargs)  # type: ignore[arg-type]
        with closing(sqlite3.connect(tmp_path / "library.sqlite3")) as other:
            other.execute(
                "UPDATE articles SET title = 'Changed meanwhile' WHERE id = ?", (first.id,)
            )
            other.commit()
        return kept

    monkeypatch.setattr(search, "_best_kept", rank_then_write)
    assert library.search.list_articles(query, limit=1)[0].title == first.title
    monkeypatch.undo()
    assert library.search.list_articles(query, limit=1)[0].title == "Changed meanwhile"
