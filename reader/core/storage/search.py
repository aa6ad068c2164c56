"""Listing, counting and searching articles: an :class:`ArticleQuery` turned into SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from reader.core.errors import UsageError
from reader.core.models import ArticleMeta, ArticleQuery
from reader.core.storage._convert import META_COLUMNS, meta_from_row
from reader.core.storage._fts import any_expression, match_expression, without
from reader.core.storage.database import Database
from reader.core.storage.tags import normalise_tags

SORTS = ("added", "published", "title", "source")

# bm25 weights of the title, body and notes columns: a word in the title or in the reader's own
# notes says more about an article than the same word somewhere in its body.
_BM25 = "bm25(article_search, 4.0, 1.0, 2.0)"

_T = TypeVar("_T")

#: Best matches the first try of a ranked page ranks (at least; twice the rows asked for).
_CANDIDATES = 500

_HAS_NOTES = """(a.note != '' OR EXISTS (
    SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.deleted_at IS NULL))"""


@dataclass
class _Filter:
    """The FROM and WHERE parts of a query, with their parameters in order."""

    source: str = "articles a"
    conditions: list[str] = field(default_factory=lambda: ["a.deleted_at IS NULL"])
    params: list[object] = field(default_factory=list)
    ranked: bool = False
    match: str = ""  # the full-text MATCH expression when ranked (also the first parameter)
    prelude: str = ""  # a WITH clause, when there is one

    def select(self, columns: str) -> str:
        """``SELECT columns FROM … WHERE …`` with the prelude in front."""
        where = " AND ".join(self.conditions)
        return f"{self.prelude} SELECT {columns} FROM {self.source} WHERE {where}"


#: How a ``tag:`` filter is checked: see _filter.
_TAG_CONDITIONS = {
    "page": "EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.tag = ?)",
    "count": "a.id IN (SELECT t.article_id FROM tags t WHERE t.tag = ?)",
    # The unary + keeps FTS5 from taking the list as rowid lookups (one search per id); as a plain
    # test on the index's rows it runs before the article row is read.
    "matches": "+article_search.rowid IN (SELECT t.article_id FROM tags t WHERE t.tag = ?)",
}


def _filter(query: ArticleQuery, *, counting: bool = False, tags: str = "") -> _Filter:
    where = _Filter()
    match = match_expression(query.text, query.phrases, query.any_of)
    excluded = any_expression(query.excluded)
    if match is not None and excluded is not None:
        match = without(match, excluded)
    elif excluded is not None:
        # Only words to leave out: FTS5 has no unary NOT, so take every article except the matches.
        # The subquery runs once (a list): count and first page of "-harbour" at 10k articles,
        # where 44% contain it, take ~7 ms.
        where.conditions.append(
            "a.id NOT IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)"
        )
        where.params.append(excluded)
    if match is not None:
        # MATERIALIZED: otherwise SQLite may scan articles and run the full-text match once per
        # row, which made counting a broad search at 10k articles take seconds instead of ~30 ms.
        # A count needs no bm25 score (a third of a broad count's time at 100k articles).
        score = "0" if counting else _BM25
        where.prelude = (
            "WITH m AS MATERIALIZED ("
            f"SELECT rowid, {score} AS score FROM article_search WHERE article_search MATCH ?)"
        )
        where.source = "m JOIN articles a ON a.id = m.rowid"
        where.params.append(match)
        where.ranked = True
        where.match = match
    if query.state is not None:
        where.conditions.append("a.state = ?")
        where.params.append(query.state.value)
    if query.starred is not None:
        where.conditions.append("a.starred = ?")
        where.params.append(int(query.starred))
    for tag in normalise_tags(query.tags):
        # A count is fastest driven by the tag's rows (IN: ~25 ms against ~100 ms at 100k
        # articles); a sorted page by the sort index, checking each row until the page is full.
        # "matches" (every full-text match in turn, see _ranked_page): by the tag's rows too.
        form = tags or ("count" if counting else "page")
        where.conditions.append(_TAG_CONDITIONS[form])
        where.params.append(tag)
    needle = (query.source or "").strip().casefold()
    if needle:
        where.conditions.append("instr(casefold(a.source), ?) > 0")
        where.params.append(needle)
    if query.read is not None:
        where.conditions.append("a.is_read = ?")
        where.params.append(int(query.read))
    if query.has_notes is not None:
        where.conditions.append(_HAS_NOTES if query.has_notes else f"NOT {_HAS_NOTES}")
    return where


def _order(sort: str, descending: bool) -> str:
    # Ties are broken by id in the same direction, so paging through a list never skips or repeats.
    direction = "DESC" if descending else "ASC"
    if sort == "added":
        return f"a.added {direction}, a.id {direction}"
    if sort == "published":
        return f"a.published {direction} NULLS LAST, a.id {direction}"
    if sort == "title":
        return f"a.title COLLATE NOCASE {direction}, a.id {direction}"
    return f"a.source COLLATE NOCASE {direction} NULLS LAST, a.id {direction}"


def _ranked_page(
    db: sqlite3.Connection, query: ArticleQuery, limit: int, offset: int
) -> list[ArticleMeta]:
    """One page of a ranked search, reading only what the page needs.

    Ranking every match with bm25 is the floor of a broad search's cost (a few µs a match): the
    first try ranks in the full-text index alone and keeps only the best few hundred (SQLite
    sorts with a bounded heap for ORDER BY … LIMIT), then checks the filters on those rows.
    Ties are broken by id, newest first, exactly as the unlimited query does, so the best N of
    the index are the first N of the whole order. When the filters leave fewer than the page
    needs (a narrow view), they are checked on every match and only the rows they keep are
    scored. A tag usually leaves few, so with one that is the first try (at 100k articles, a word
    in 41% of them and a tag on 5%: ~50 ms, less than ranking every match). List columns are
    read for the page only.
    """
    wanted = offset + limit
    kept = None if query.tags else _best_kept(db, query, wanted)
    if kept is None:
        kept = _all_kept(db, query, wanted)
    page = json.dumps(kept[offset:wanted])
    rows = db.execute(
        f"SELECT {META_COLUMNS} FROM json_each(?) j JOIN articles a ON a.id = j.value "
        "ORDER BY j.key",
        (page,),
    ).fetchall()
    return [meta_from_row(row) for row in rows]


def _best_kept(db: sqlite3.Connection, query: ArticleQuery, wanted: int) -> list[int] | None:
    """The first ``wanted`` ids of the ranked result, from the best matches of the index only.

    Returns:
        The ids, or None when the filters left fewer than ``wanted`` of the best matches while
        more matches exist (then only ranking every match can tell).
    """
    where = _filter(query)
    candidates = max(_CANDIDATES, 2 * wanted)
    ranked = db.execute(
        f"""
        SELECT rowid, {_BM25} AS score FROM article_search WHERE article_search MATCH ?
        ORDER BY score, rowid DESC LIMIT ?
        """,
        (where.match, candidates),
    ).fetchall()
    conditions = " AND ".join(where.conditions)
    kept = [
        row[0]
        for row in db.execute(
            f"SELECT a.id FROM json_each(?) j JOIN articles a ON a.id = j.value "
            f"WHERE {conditions} ORDER BY j.key LIMIT ?",
            # The MATCH expression is the first parameter (see _filter): it is not used here.
            [json.dumps([row[0] for row in ranked]), *where.params[1:], wanted],
        )
    ]
    return kept if len(kept) == wanted or len(ranked) < candidates else None


def _all_kept(db: sqlite3.Connection, query: ArticleQuery, wanted: int) -> list[int]:
    """The first ``wanted`` ids of the ranked result, checking the filters on every match.

    CROSS JOIN: the index drives, and the score is computed after WHERE, for kept rows only.
    """
    where = _filter(query, tags="matches")
    conditions = " AND ".join(where.conditions)
    rows = db.execute(
        f"""
        SELECT a.id, {_BM25} AS score
        FROM article_search CROSS JOIN articles a ON a.id = article_search.rowid
        WHERE article_search MATCH ? AND {conditions}
        ORDER BY score, a.id DESC LIMIT ?
        """,
        [*where.params, wanted],
    ).fetchall()
    return [row[0] for row in rows]


def _in_one_snapshot(db: sqlite3.Connection, read: Callable[[], _T]) -> _T:
    """Run ``read`` (several statements) in one read transaction.

    Without it each statement sees the library as it is then: a write landing between the ranking
    and the page's rows could shift the page or show an article just deleted.
    """
    if db.in_transaction:
        return read()
    db.execute("BEGIN")
    try:
        return read()
    finally:
        db.execute("COMMIT")


class SearchStore:
    """Lists of articles: filtered, full-text searched, sorted, paged and counted."""

    def __init__(self, database: Database) -> None:
        """Read and write through ``database``."""
        self._database = database

    def list_articles(
        self,
        query: ArticleQuery,
        *,
        sort: str = "added",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleMeta]:
        """The non-deleted articles matching ``query``.

        Args:
            query: the filter; when it asks for words (``query.wants_words``), results are
                ranked by relevance (bm25) and ``sort`` is not used.
            sort: ``added``, ``published``, ``title`` or ``source``. Articles without a publication
                date or a source come last either way; titles and sources sort without regard to
                (ASCII) case.
            descending: newest / Z first.
            limit: at most this many rows (all when None).
            offset: rows to skip, for paging.

        Raises:
            UsageError: an unknown sort, or a negative limit or offset.
        """
        if sort not in SORTS:
            raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        if (limit is not None and limit < 0) or offset < 0:
            raise UsageError("limit and offset cannot be negative")
        where = _filter(query)
        with self._database.read() as db:
            if where.ranked and limit is not None:
                return _in_one_snapshot(db, lambda: _ranked_page(db, query, limit, offset))
            order = "m.score, a.id DESC" if where.ranked else _order(sort, descending)
            params = [*where.params, -1 if limit is None else limit, offset]
            rows = db.execute(
                f"{where.select(META_COLUMNS)} ORDER BY {order} LIMIT ? OFFSET ?", params
            ).fetchall()
        return [meta_from_row(row) for row in rows]

    def count_articles(self, query: ArticleQuery) -> int:
        """How many non-deleted articles match ``query``."""
        where = _filter(query, counting=True)
        with self._database.read() as db:
            (count,) = db.execute(where.select("count(*)"), where.params).fetchone()
        return int(count)

    def view_counts(self) -> dict[str, int]:
        """Sizes of the sidebar views: ``inbox``, ``later``, ``archive``, ``starred`` and ``all``."""
        with self._database.read() as db:
            # One statement (one snapshot); each count is answered from an index alone.
            row = db.execute(
                """
                SELECT
                    (SELECT count(*) FROM articles WHERE state = 'inbox' AND deleted_at IS NULL),
                    (SELECT count(*) FROM articles WHERE state = 'later' AND deleted_at IS NULL),
                    (SELECT count(*) FROM articles WHERE state = 'archive' AND deleted_at IS NULL),
                    (SELECT count(*) FROM articles WHERE starred = 1 AND deleted_at IS NULL),
                    (SELECT count(*) FROM articles WHERE deleted_at IS NULL)
                """
            ).fetchone()
        keys = ("inbox", "later", "archive", "starred", "all")
        return {key: int(value) for key, value in zip(keys, row, strict=True)}
