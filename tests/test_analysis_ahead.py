"""Analysing ahead of the reader: which articles still need analysis, and analysing one into the
cache exactly as opening it would (``lib.analysis.unanalysed``, ``prepare``, ``idle_for``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import ArticleDraft, NotFound, open_library
from reader.core.library import Library
from reader.core.library import analysis as analyses_module

BODY = (
    "The council met on Monday. Mayor Elena Ruiz said {n} homes were at risk.\n\n"
    "Engineers from Harbour Works Ltd will start in March. The work costs $12 million."
)


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data")
    yield lib
    lib.close()


def _add(library: Library, count: int) -> list[int]:
    drafts = [
        ArticleDraft(title=f"Flood plan {i}", body=BODY.format(n=1000 + i)) for i in range(count)
    ]
    return [outcome.article.id for outcome in library.articles.add_many(drafts)]


def test_unanalysed_lists_the_newest_first_and_stops_at_the_limit(library: Library) -> None:
    ids = _add(library, 5)
    assert library.analysis.unanalysed(10) == ids[::-1]
    assert library.analysis.unanalysed(2) == ids[:-3:-1]


def test_prepare_caches_what_opening_reads(library: Library) -> None:
    ids = _add(library, 3)
    assert library.analysis.prepare(ids[1]) is True
    assert library.analysis.unanalysed(10) == [ids[2], ids[0]]
    assert library.analysis.prepare(ids[1]) is False  # nothing left to do for it
    # Opening reads the cache: no analyser runs for it again.
    article = library.articles.get(ids[1])
    analysed = library.analysis.of(article)
    summary = library.analysis.summary(article)
    assert analysed.entities and summary.sentences


def test_prepare_computes_the_same_results_as_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead = open_library(tmp_path / "ahead")
    article = ahead.articles.get(_add(ahead, 1)[0])
    ahead.analysis.prepare(article.id)
    cached = (ahead.analysis.of(article), ahead.analysis.summary(article))
    ahead.close()
    # The same article in a library with a cache of its own: analysed when opened.
    monkeypatch.setenv("SKIM_CACHE_DIR", str(tmp_path / "other-cache"))
    opened = open_library(tmp_path / "opened")
    again = opened.articles.get(_add(opened, 1)[0])
    assert opened.analysis.unanalysed(1) == [again.id]
    assert (opened.analysis.of(again), opened.analysis.summary(again)) == cached
    opened.close()


def test_a_new_summary_choice_makes_articles_unanalysed_again(library: Library) -> None:
    ids = _add(library, 2)
    for article_id in ids:
        library.analysis.prepare(article_id)
    assert library.analysis.unanalysed(10) == []
    library.analysis.set_summary_choice(sentences=5)
    assert library.analysis.unanalysed(10) == ids[::-1]


def test_skip_leaves_out_ids_and_deleted_articles_are_not_listed(library: Library) -> None:
    ids = _add(library, 3)
    library.articles.delete([ids[2]])
    assert library.analysis.unanalysed(10, skip={ids[0]}) == [ids[1]]
    with pytest.raises(NotFound):
        library.analysis.prepare(ids[2])


def test_only_the_newest_articles_are_looked_at(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _add(library, 450)  # more than two pages of 200
    assert library.analysis.unanalysed(500) == ids[::-1]
    monkeypatch.setattr(analyses_module, "UNANALYSED_SCAN", 200)
    assert library.analysis.unanalysed(500) == ids[::-1][:200]


def test_an_unusable_cache_lists_everything_and_prepare_still_works(library: Library) -> None:
    ids = _add(library, 2)
    library._storage.cache._bypass()  # as after a locked cache or a full disk
    assert library.analysis.prepare(ids[0]) is True
    assert library.analysis.unanalysed(10) == ids[::-1]  # the caller's skip set ends the loop


def test_idle_for_counts_only_what_a_reader_asked_for(library: Library) -> None:
    ids = _add(library, 2)
    assert library.analysis.idle_for() == float("inf")
    library.analysis.prepare(ids[0])  # background work
    assert library.analysis.idle_for() == float("inf")
    library.analysis.of(library.articles.get(ids[1]))
    assert 0 < library.analysis.idle_for() < 5


def test_idle_for_is_zero_while_a_reader_waits(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = library.articles.get(_add(library, 1)[0])
    inside, release = threading.Event(), threading.Event()
    from reader.core import analysis

    real = analysis.analyze

    def slow(text: str) -> object:
        inside.set()
        release.wait(5)
        return real(text)

    monkeypatch.setattr(analysis, "analyze", slow)
    reader = threading.Thread(target=library.analysis.of, args=(article,))
    reader.start()
    assert inside.wait(5)
    assert library.analysis.idle_for() == 0.0
    release.set()
    reader.join(5)
    assert library.analysis.idle_for() > 0


def test_cached_reads_both_only_once_both_are_there(library: Library) -> None:
    article = library.articles.get(_add(library, 1)[0])
    algorithm, sentences = library.analysis.summary_choice()
    assert library.analysis.cached(article, algorithm=algorithm, sentences=sentences) is None
    analysed = library.analysis.of(article)
    # The analysis alone is not enough: the reader would still wait for the summary.
    assert library.analysis.cached(article, algorithm=algorithm, sentences=sentences) is None
    summary = library.analysis.summary(article)
    ready = library.analysis.cached(article, algorithm=algorithm, sentences=sentences)
    assert ready == (analysed, summary)
    # Another length is another summary, not cached yet.
    assert library.analysis.cached(article, algorithm=algorithm, sentences=sentences + 1) is None
