"""Sentences, entities, numbers and summaries of stored articles, cached per text version."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reader.core.library.articles import ArticlesMixin
from reader.core.models import Analysis, Article, Summary
from reader.core.serialize import (
    analysis_from_dict,
    analysis_to_dict,
    summary_from_dict,
    summary_to_dict,
)


class AnalysisMixin(ArticlesMixin):
    """Cached analysis: computed once per (text, analyser version, parameters)."""

    def analysis(self, article: Article) -> Analysis:
        """Sentences, entities and numbers of ``article``, from the cache when possible."""
        from reader.core import analysis

        key = _analysis_key(article)
        cached = self._storage.cache_get(*key)
        if cached is not None:
            return analysis_from_dict(json.loads(cached))
        result = analysis.analyze(article.body)
        self._storage.cache_put(*key, json.dumps(analysis_to_dict(result)))
        return result

    def summary(
        self,
        article: Article,
        *,
        algorithm: str | None = None,
        sentences: int | None = None,
        ratio: float | None = None,
    ) -> Summary:
        """An extractive summary of ``article`` (default algorithm, 3 sentences), cached."""
        from reader.core import analysis

        algorithm = algorithm or analysis.DEFAULT_ALGORITHM
        if sentences is None and ratio is None:
            sentences = analysis.DEFAULT_SENTENCES
        key = _summary_key(article, algorithm, sentences, ratio)
        cached = self._storage.cache_get(*key)
        if cached is not None:
            return summary_from_dict(json.loads(cached))
        spans = self.analysis(article).sentences
        result = analysis.summarize(
            article.body,
            algorithm=algorithm,
            sentences=sentences,
            ratio=ratio,
            sentence_spans=spans,
            title=article.title,
        )
        self._storage.cache_put(*key, json.dumps(summary_to_dict(result)))
        return result

    def analyse_many(self, ids: Sequence[int], *, processes: int | None = None) -> int:
        """Analyse and summarise (default algorithm) many articles on all cores, into the cache.

        Workers compute (see reader.core.analysis.batch); this process writes. Articles already
        cached are skipped. Returns how many were analysed.
        """
        from reader.core import analysis
        from reader.core.analysis.batch import analyse_all

        algorithm, sentences = analysis.DEFAULT_ALGORITHM, analysis.DEFAULT_SENTENCES
        todo: dict[str, Article] = {}
        for article_id in ids:
            article = self.get(article_id)
            if self._storage.cache_get(*_analysis_key(article)) is None:
                todo.setdefault(article.content_hash, article)
        jobs = [(hash_, a.body, a.title) for hash_, a in todo.items()]
        for hash_, found, summary in analyse_all(jobs, processes=processes):
            article = todo[hash_]
            self._storage.cache_put(*_analysis_key(article), found)
            self._storage.cache_put(*_summary_key(article, algorithm, sentences, None), summary)
        return len(jobs)


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
