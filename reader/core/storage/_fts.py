"""The full-text index: safe MATCH expressions, and keeping the index in step with the articles.

``article_search`` is an external-content FTS5 table over the ``article_search_source`` view (see
_schema.py). Such an index does not notice changes by itself: whatever changes a title, body or note
must run inside :func:`reindexing` (or call :func:`index_articles` for new articles) in the same
transaction.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from reader.core.models import SearchTerm
from reader.core.storage.database import chunks

# FTS5 ends a string at NUL, and no control character can be part of a token anyway.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def fts_string(text: str) -> str:
    """``text`` as an FTS5 string literal: whatever it holds, FTS5 reads it as plain tokens."""
    return '"' + _CONTROLS.sub(" ", text).replace('"', '""') + '"'


def _searchable(text: str) -> bool:
    # A string with no letter or digit holds no token; leaving it out keeps "(" or "*" from
    # turning a search into "match nothing".
    return any(char.isalnum() for char in text)


def _term(term: SearchTerm) -> str | None:
    if not _searchable(term.text):
        return None
    return fts_string(term.text) if term.phrase else fts_string(term.text) + "*"


def _either(terms: Iterable[SearchTerm]) -> str | None:
    parts = [part for part in map(_term, terms) if part is not None]
    if len(parts) > 1:
        return "(" + " OR ".join(parts) + ")"
    return parts[0] if parts else None


def match_expression(
    text: str,
    phrases: Sequence[str] = (),
    any_of: Sequence[Sequence[SearchTerm]] = (),
) -> str | None:
    """Build an FTS5 MATCH expression that finds articles containing all words and phrases.

    User input never reaches FTS5 syntax: every word and phrase becomes a quoted string, so
    ``AND``, ``NEAR``, ``(``, ``title:`` or a stray ``"`` are searched for as text. Words are
    prefix-matched (``"econ"*`` finds "economy"), which makes incremental search work while a word
    is being typed; phrases match exactly. Each group of ``any_of`` adds "at least one of these"
    (the only operators in the expression are the ones written here).

    Returns:
        The expression, or None when there is nothing searchable (the text is empty or only
        punctuation).
    """
    words = [SearchTerm(word) for word in text.split()]
    parts = [part for part in map(_term, words) if part is not None]
    parts += [fts_string(phrase) for phrase in phrases if _searchable(phrase)]
    # A parenthesised group needs an explicit AND: FTS5 reads "a (b OR c)" as a syntax error.
    groups = [part for part in map(_either, any_of) if part is not None]
    return " AND ".join(filter(None, [" ".join(parts), *groups])) or None


def without(expression: str, excluded: str) -> str:
    """``expression`` minus the articles matching ``excluded`` (FTS5's NOT is binary)."""
    return f"({expression}) NOT ({excluded})"


def any_expression(terms: Sequence[SearchTerm]) -> str | None:
    """An FTS5 MATCH expression for articles containing at least one of ``terms``.

    Returns:
        The expression, or None when no term is searchable.
    """
    return _either(terms)


def index_articles(db: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Add articles to the index, as the search view shows them now."""
    for part in chunks(list(article_ids)):
        marks = ", ".join("?" * len(part))
        db.execute(
            f"""
            INSERT INTO article_search (rowid, title, body, notes)
            SELECT id, title, body, notes FROM article_search_source WHERE id IN ({marks})
            """,
            part,
        )


def _unindex_articles(db: sqlite3.Connection, article_ids: Sequence[int]) -> None:
    # The "delete" command must get exactly the values that were indexed: read them from the view
    # before anything changes.
    for part in chunks(article_ids):
        marks = ", ".join("?" * len(part))
        db.execute(
            f"""
            INSERT INTO article_search (article_search, rowid, title, body, notes)
            SELECT 'delete', id, title, body, notes FROM article_search_source
            WHERE id IN ({marks})
            """,
            part,
        )


@contextmanager
def reindexing(db: sqlite3.Connection, article_ids: Iterable[int]) -> Iterator[None]:
    """Take articles out of the index, run the body (which changes them), and put them back."""
    ids = list(dict.fromkeys(article_ids))
    _unindex_articles(db, ids)
    yield
    index_articles(db, ids)
