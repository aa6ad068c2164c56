"""Offline text analysis: sentences, entities, numbers and extractive summaries.

Every function is a pure function of the text, and each has a version string so cached results
are recomputed when the code that made them changes. Importing this package is cheap: nltk,
sumy and numpy load the first time an analysis runs.

Modules: ``sentences`` (boundaries); packages ``entities`` and ``numbers`` (spans), ``summary``
(extractive summaries) and ``tone`` (tone label, opinion, quotes). Analysing many articles in
worker processes is the library's job (:mod:`reader.core.library.batch`).
"""

from __future__ import annotations

from reader.core.analysis.sentences import split_sentences
from reader.core.analysis.summary import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_SENTENCES,
    SUMMARY_LIMIT,
    partial_note,
    summarize,
    summary_version,
)
from reader.core.results import Analysis

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "DEFAULT_SENTENCES",
    "SUMMARY_LIMIT",
    "analysis_version",
    "analyze",
    "partial_note",
    "split_sentences",
    "summarize",
    "summary_version",
]


def analyze(text: str) -> Analysis:
    """Find the sentences, named entities and numeric expressions of ``text``.

    All three are character offsets into ``text``, in text order.
    """
    from reader.core.analysis.entities import find_entities
    from reader.core.analysis.numbers import find_numbers

    sentences = split_sentences(text)
    return Analysis(
        sentences=tuple(sentences),
        entities=tuple(find_entities(text, sentences)),
        numbers=tuple(find_numbers(text)),
    )


def analysis_version() -> str:
    """A string that changes whenever :func:`analyze` could give a different result.

    For cache keys: it combines the versions of the sentence, entity and number analysers.
    """
    from reader.core.analysis import versions  # not the analysers: a cache lookup needs no more

    return f"sentences-{versions.SENTENCES}/entities-{versions.ENTITIES}/numbers-{versions.NUMBERS}"
