"""Sentences, entities, numbers, summaries and tone of stored articles (``lib.analysis``), cached per
text version."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING

from reader.core.errors import AnalysisError
from reader.core.library.articles import Articles
from reader.core.models import Article
from reader.core.results import Analysis, Summary
from reader.core.serialize import (
    analysis_from_dict,
    analysis_to_dict,
    summary_from_dict,
    summary_to_dict,
)
from reader.core.storage import Storage

if TYPE_CHECKING:
    from reader.core.analysis.tone.label import Tone

#: Where the library keeps its summary algorithm and length (the reader's ``S`` and ``+``/``-``).
SUMMARY_ALGORITHM_SETTING = "summary.algorithm"
SUMMARY_SENTENCES_SETTING = "summary.sentences"
#: How many of the newest articles :meth:`Analyses.unanalysed` looks at (it stays quick, and a
#: reader's session does not analyse a 100k library wholesale: ``skim analyze --all`` does that).
UNANALYSED_SCAN = 1_000


class Analyses:
    """Cached analysis: computed once per (text, analyser version, parameters).

    (Named in the plural because :class:`~reader.core.results.Analysis` is one article's result.)
    """

    def __init__(self, storage: Storage, articles: Articles) -> None:
        """Cache in ``storage``; ``articles`` gives the texts :meth:`analyse_many` reads."""
        self._storage = storage
        self._articles = articles
        # The config file's summary choice: it wins over the stored one (see reader.core.config).
        self._preferred: tuple[str | None, int | None] = (None, None)
        self._foreground = _Foreground()

    def prefer(self, *, algorithm: str | None = None, sentences: int | None = None) -> None:
        """Use ``algorithm`` and ``sentences`` over the library's stored choice (None: the stored one).

        For the config file's ``[summary]``: it applies to this ``Library`` only and is never
        stored. :meth:`set_summary_choice` drops it for what it changes, so a choice made in the
        reader applies at once.
        """
        self._preferred = (algorithm, sentences)

    def summary_choice(self) -> tuple[str, int]:
        """The library's summary algorithm and length in sentences.

        Every summary of a stored article uses them unless a call says otherwise: the reader,
        ``skim show``, ``skim summary``, export and story comparisons show the same highlights.
        A missing or unusable stored value gives the default (``skim``, 3 sentences).
        """
        from reader.core import analysis

        preferred_algorithm, preferred_sentences = self._preferred
        algorithm = (
            preferred_algorithm or self._storage.settings.get(SUMMARY_ALGORITHM_SETTING) or ""
        )
        count = str(
            preferred_sentences or self._storage.settings.get(SUMMARY_SENTENCES_SETTING) or ""
        )
        if algorithm not in analysis.ALGORITHMS:
            algorithm = analysis.DEFAULT_ALGORITHM
        sentences = int(count) if count.isdigit() and int(count) > 0 else analysis.DEFAULT_SENTENCES
        return algorithm, sentences

    def set_summary_choice(
        self, *, algorithm: str | None = None, sentences: int | None = None
    ) -> None:
        """Change the library's summary algorithm and/or length (see :meth:`summary_choice`).

        Raises:
            AnalysisError: an unknown algorithm or a length below 1.
        """
        from reader.core import analysis

        if algorithm is not None:
            if algorithm not in analysis.ALGORITHMS:
                raise AnalysisError(
                    f"unknown summary algorithm {algorithm!r}:"
                    f" choose one of {', '.join(analysis.ALGORITHMS)}"
                )
            self._storage.settings.put(SUMMARY_ALGORITHM_SETTING, algorithm)
            self._preferred = (None, self._preferred[1])
        if sentences is not None:
            if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
                raise AnalysisError(
                    f"number of summary sentences must be a whole number ≥ 1, not {sentences!r}"
                )
            self._storage.settings.put(SUMMARY_SENTENCES_SETTING, str(sentences))
            self._preferred = (self._preferred[0], None)

    def of(self, article: Article) -> Analysis:
        """Sentences, entities and numbers of ``article``, from the cache when possible."""
        with self._foreground.running():
            return self._of(article)

    def _of(self, article: Article) -> Analysis:
        from reader.core import analysis

        cached = self._cached_analysis(article)
        if cached is not None:
            return cached
        result = analysis.analyze(article.body)
        key = _analysis_key(article.content_hash)
        self._storage.cache.put(*key, json.dumps(analysis_to_dict(result)))
        return result

    def _cached_analysis(self, article: Article) -> Analysis | None:
        text = self._storage.cache.get(*_analysis_key(article.content_hash))
        return None if text is None else analysis_from_dict(json.loads(text))

    def summary(
        self,
        article: Article,
        *,
        algorithm: str | None = None,
        sentences: int | None = None,
        ratio: float | None = None,
    ) -> Summary:
        """An extractive summary of ``article``, cached.

        What is not given comes from the library's :meth:`summary_choice`.
        """
        chosen_algorithm, chosen_sentences = self.summary_choice()
        algorithm = algorithm or chosen_algorithm
        if sentences is None and ratio is None:
            sentences = chosen_sentences
        with self._foreground.running():
            return self._summary(article, algorithm, sentences, ratio)

    def cached(
        self, article: Article, *, algorithm: str, sentences: int
    ) -> tuple[Analysis, Summary] | None:
        """The analysis of ``article`` and its summary, when both are cached; else None.

        Only reads: nothing is computed, so it costs a few milliseconds even for a long article.
        """
        summary = self._cached_summary(article, algorithm, sentences, None)
        if summary is None:
            return None
        analysed = self._cached_analysis(article)
        return None if analysed is None else (analysed, summary)

    def _summary(
        self, article: Article, algorithm: str, sentences: int | None, ratio: float | None
    ) -> Summary:
        from reader.core import analysis

        cached = self._cached_summary(article, algorithm, sentences, ratio)
        if cached is not None:
            return cached
        spans = self._of(article).sentences
        result = analysis.summarize(
            article.body,
            algorithm=algorithm,
            sentences=sentences,
            ratio=ratio,
            sentence_spans=spans,
            title=article.title,
        )
        key = _summary_key(article.content_hash, article.title, algorithm, sentences, ratio)
        self._storage.cache.put(*key, json.dumps(summary_to_dict(result)))
        return result

    def _cached_summary(
        self, article: Article, algorithm: str, sentences: int | None, ratio: float | None
    ) -> Summary | None:
        key = _summary_key(article.content_hash, article.title, algorithm, sentences, ratio)
        text = self._storage.cache.get(*key)
        return None if text is None else summary_from_dict(json.loads(text))

    def analyse_many(self, ids: Sequence[int], *, processes: int | None = None) -> int:
        """Analyse and summarise (the library's summary choice) many articles on all cores.

        Workers compute (see reader.core.library.batch); this process writes. Articles already
        cached are skipped. Returns how many were analysed.
        """
        from reader.core.library.batch import analyse_all

        algorithm, sentences = self.summary_choice()
        todo: dict[str, Article] = {}
        for article_id in ids:
            article = self._articles.get(article_id)
            if self._storage.cache.get(*_analysis_key(article.content_hash)) is None:
                todo.setdefault(article.content_hash, article)
        jobs = [(hash_, a.body, a.title) for hash_, a in todo.items()]
        for hash_, found, summary in analyse_all(
            jobs, processes=processes, algorithm=algorithm, sentences=sentences
        ):
            article = todo[hash_]
            self._storage.cache.put(*_analysis_key(hash_), found)
            self._storage.cache.put(
                *_summary_key(hash_, article.title, algorithm, sentences, None), summary
            )
        return len(jobs)

    # -- analysing ahead of the reader (the reader's background queue) ---------------------------

    def unanalysed(self, limit: int, *, skip: Collection[int] = ()) -> list[int]:
        """Up to ``limit`` ids, newest first, of articles whose opening would have to analyse.

        That is: the cache lacks their analysis or their summary in the library's summary choice.
        Only the :data:`UNANALYSED_SCAN` newest articles are looked at; ids in ``skip`` are left
        out (those a caller already tried: with an unusable cache they would come back forever).
        """
        algorithm, sentences = self.summary_choice()
        found: list[int] = []
        before: int | None = None
        for _page in range(0, UNANALYSED_SCAN, 200):
            rows = self._storage.articles.newest(200, before=before)
            keys = [
                key
                for _id, hash_, title in rows
                for key in (
                    _analysis_key(hash_),
                    _summary_key(hash_, title, algorithm, sentences, None),
                )
            ]
            cached = self._storage.cache.has(keys)
            for i, (article_id, _hash, _title) in enumerate(rows):
                if article_id not in skip and not (cached[2 * i] and cached[2 * i + 1]):
                    found.append(article_id)
                    if len(found) == limit:
                        return found
            if len(rows) < 200:
                break
            before = rows[-1][0]
        return found

    def prepare(self, article_id: int) -> bool:
        """Analyse and summarise (the summary choice) one article ahead of its opening, as
        opening would, into the cache. False when both were cached already.

        Unlike :meth:`of` and :meth:`summary` this is background work: it does not count in
        :meth:`idle_for`, which background callers wait on so a reader's own request goes first.

        Raises:
            NotFound: the article is gone.
        """
        article = self._articles.get(article_id)
        algorithm, sentences = self.summary_choice()
        keys = [
            _analysis_key(article.content_hash),
            _summary_key(article.content_hash, article.title, algorithm, sentences, None),
        ]
        if all(self._storage.cache.has(keys)):
            return False
        self._summary(article, algorithm, sentences, None)
        return True

    def reader_waiting(self) -> AbstractContextManager[None]:
        """A block during which background work holds back (see :meth:`idle_for`): wrap all a
        reader waits for, reading included, not only the analysis calls."""
        return self._foreground.running()

    def idle_for(self) -> float:
        """Seconds since the last :meth:`of`, :meth:`summary`, :meth:`tone` call or
        :meth:`reader_waiting` block ended: 0 while one runs, infinity before the first.
        Background work waits for a pause in them."""
        return self._foreground.idle_for()

    def tone(self, article: Article) -> Tone:
        """The tone label of ``article`` (Neutral, Opinionated, Provocative, Alarming), with its
        evidence spans and each sentence marked OPINION or REPORT."""
        from reader.core.analysis.tone.label import tone

        with self._foreground.running():
            return tone(article.body, self._of(article).sentences)


class _Foreground:
    """Counts the analyses someone is waiting for, and when the last one ended (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._ended = -float("inf")

    @contextmanager
    def running(self) -> Iterator[None]:
        """Count the block as a foreground analysis."""
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                self._ended = time.monotonic()

    def idle_for(self) -> float:
        """Seconds since the last one ended (0 while one runs)."""
        with self._lock:
            return 0.0 if self._running else time.monotonic() - self._ended


def _analysis_key(content_hash: str) -> tuple[str, str, str, str]:
    """The cache key of a text's sentences, entities and numbers."""
    from reader.core import analysis

    return (content_hash, "analysis", analysis.analysis_version(), "")


def _summary_key(
    content_hash: str, title: str, algorithm: str, sentences: int | None, ratio: float | None
) -> tuple[str, str, str, str]:
    """The cache key of an article's summary; the title is a parameter (Edmundson reads it)."""
    from reader.core import analysis

    params = json.dumps({"sentences": sentences, "ratio": ratio, "title": title}, sort_keys=True)
    return (
        content_hash,
        f"summary:{algorithm}",
        analysis.summary_version(algorithm),
        params,
    )
