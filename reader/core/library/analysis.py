"""Sentences, entities, numbers, summaries and tone of stored articles (``lib.analysis``), cached per
text version."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.errors import AnalysisError
from reader.core.library.articles import Articles
from reader.core.models import Analysis, Article, Summary
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


class Analyses:
    """Cached analysis: computed once per (text, analyser version, parameters).

    (Named in the plural because :class:`~reader.core.models.Analysis` is one article's result.)
    """

    def __init__(self, storage: Storage, articles: Articles) -> None:
        """Cache in ``storage``; ``articles`` gives the texts :meth:`analyse_many` reads."""
        self._storage = storage
        self._articles = articles
        # The config file's summary choice: it wins over the stored one (see reader.core.config).
        self._preferred: tuple[str | None, int | None] = (None, None)

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
        from reader.core import analysis

        key = _analysis_key(article)
        cached = self._storage.cache.get(*key)
        if cached is not None:
            return analysis_from_dict(json.loads(cached))
        result = analysis.analyze(article.body)
        self._storage.cache.put(*key, json.dumps(analysis_to_dict(result)))
        return result

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
        from reader.core import analysis

        chosen_algorithm, chosen_sentences = self.summary_choice()
        algorithm = algorithm or chosen_algorithm
        if sentences is None and ratio is None:
            sentences = chosen_sentences
        key = _summary_key(article, algorithm, sentences, ratio)
        cached = self._storage.cache.get(*key)
        if cached is not None:
            return summary_from_dict(json.loads(cached))
        spans = self.of(article).sentences
        result = analysis.summarize(
            article.body,
            algorithm=algorithm,
            sentences=sentences,
            ratio=ratio,
            sentence_spans=spans,
            title=article.title,
        )
        self._storage.cache.put(*key, json.dumps(summary_to_dict(result)))
        return result

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
            if self._storage.cache.get(*_analysis_key(article)) is None:
                todo.setdefault(article.content_hash, article)
        jobs = [(hash_, a.body, a.title) for hash_, a in todo.items()]
        for hash_, found, summary in analyse_all(
            jobs, processes=processes, algorithm=algorithm, sentences=sentences
        ):
            article = todo[hash_]
            self._storage.cache.put(*_analysis_key(article), found)
            self._storage.cache.put(*_summary_key(article, algorithm, sentences, None), summary)
        return len(jobs)

    def tone(self, article: Article) -> Tone:
        """The tone label of ``article`` (Neutral, Opinionated, Provocative, Alarming), with its
        evidence spans and each sentence marked OPINION or REPORT."""
        from reader.core.analysis.tone.label import tone

        return tone(article.body, self.of(article).sentences)


def _analysis_key(article: Article) -> tuple[str, str, str, str]:
    """The cache key of an article's sentences, entities and numbers."""
    from reader.core import analysis

    return (article.content_hash, "analysis", analysis.analysis_version(), "")


def _summary_key(
    article: Article, algorithm: str, sentences: int | None, ratio: float | None
) -> tuple[str, str, str, str]:
    """The cache key of an article's summary; the title is a parameter (Edmundson reads it)."""
    from reader.core import analysis

    params = json.dumps(
        {"sentences": sentences, "ratio": ratio, "title": article.title}, sort_keys=True
    )
    return (
        article.content_hash,
        f"summary:{algorithm}",
        analysis.summary_version(algorithm),
        params,
    )
