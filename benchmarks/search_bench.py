"""The search measures: the first page of results against raw FTS5's floor, and the count.

The library screen shows the first page as soon as it is read and counts the matches afterwards,
in a worker; the two are timed apart. The floor is the same full-text query run in plain SQLite
on the same file, ranking with the same bm25 weights and stopping at the same page size: no
search of skim's can rank a page faster than SQLite itself, so the ratio says how much skim adds.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from benchmarks import libraries
from benchmarks.measure_types import Config, Row

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.models import ArticleQuery

#: Rows of the first page (the list asks for about this many, plus a screenful).
PAGE = 100
COMMON_WORDS = ("harbour", "reservoir", "tunnel")  # each in ~40% of generated articles
COMMON_PHRASES = ('"without a vote"', '"told reporters"')  # in most articles
TAGS = ("science", "culture", "local")  # each on ~5% of generated articles
#: The two ways of asking FTS5 for a ranked page; the faster is the floor.
_RAW = (
    "SELECT rowid FROM article_search WHERE article_search MATCH ? "
    "AND rank MATCH 'bm25(4.0, 1.0, 2.0)' ORDER BY rank LIMIT ?",
    "SELECT rowid FROM article_search WHERE article_search MATCH ? "
    "ORDER BY bm25(article_search, 4.0, 1.0, 2.0) LIMIT ?",
)


def _topic(library: Library, article_id: int) -> str:
    """The topic word of a generated article (its lead says "… covers the WORD.")."""
    lead = library.articles.get(article_id).body.split(".", 1)[0]
    return lead.rsplit(" ", 1)[-1]


def queries(library: Library, size: int) -> dict[str, list[str]]:
    """Searches a reader types: specific words (rare), common words, phrases, a tag filter."""
    topics = [_topic(library, 1 + (size * k) // 7) for k in range(3)]
    return {
        "specific word": topics,
        "common word (~40% match)": list(COMMON_WORDS),
        "specific phrase": [f'"covers the {word}"' for word in topics],
        "common phrase (most match)": list(COMMON_PHRASES),
        "common word, inbox view": [f"{word} is:inbox" for word in COMMON_WORDS],
        "common word and a tag (~5%)": [
            f"{word} tag:{tag}" for word, tag in zip(COMMON_WORDS, TAGS, strict=True)
        ],
        "tag filter": [f"tag:{tag}" for tag in TAGS],
    }


def _raw_seconds(db: sqlite3.Connection, query: ArticleQuery) -> float | None:
    """Seconds plain SQLite takes for the ranked page of ``query`` (None: no words to rank)."""
    from reader.core.storage._fts import match_expression

    match = match_expression(query.text, query.phrases, query.any_of)
    if match is None:
        return None
    best = []
    for sql in _RAW:
        start = time.perf_counter()
        db.execute(sql, (match, PAGE)).fetchall()
        best.append(time.perf_counter() - start)
    return min(best)


def search(config: Config) -> Iterator[Row]:
    """The first page of results (with the raw FTS5 floor and the ratio), then the count."""
    from reader.core.library import open_library
    from reader.core.query import parse_query

    for size in config.library_sizes:
        folder = libraries.library_dir(size)
        library = open_library(folder)
        raw = sqlite3.connect(f"{(folder / 'library.sqlite3').as_uri()}?mode=ro", uri=True)
        try:
            for label, texts in queries(library, size).items():
                page, floor, counting, found = [], [], [], 0
                for _ in range(config.runs):
                    for text in texts:
                        query = parse_query(text)
                        start = time.perf_counter()
                        library.articles.find(query, limit=PAGE)
                        page.append(time.perf_counter() - start)
                        seconds = _raw_seconds(raw, query)
                        if seconds is not None:
                            floor.append(seconds)
                        start = time.perf_counter()
                        found = library.articles.count(query)
                        counting.append(time.perf_counter() - start)
                target = 0.05 if size >= 100_000 else None
                ratio = statistics.median(page) / statistics.median(floor) if floor else None
                note = f"{found:,} found (last query)"
                if ratio is not None:
                    note += f"; raw FTS5 {statistics.median(floor) * 1000:.0f} ms, {ratio:.1f}x"
                yield Row(
                    f"search: {label}, first page",
                    f"{size:,}",
                    page,
                    target=target,
                    note=note,
                    extra={"raw_fts5": floor, "ratio": ratio},
                )
                yield Row(f"search: {label}, count (worker)", f"{size:,}", counting)
        finally:
            raw.close()
            library.close()
