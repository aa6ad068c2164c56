"""Extractive summaries: which sentences of an article to show as its Highlights.

``algorithms`` is the API (the algorithm table, :func:`summarize`, cache versions); behind it,
``skim`` (the default, fitted weights in ``weights.toml`` with ``rules``), ``scoring`` (sumy's
algorithms), ``fast`` and ``greedy`` (faster equivalents of two of them), ``sumy_document`` and
``tokenizer`` with ``fast_words`` (what sumy is given), ``stems`` (each distinct word stemmed once
per document, for every rater) and ``descriptions`` (the help text).
"""

from __future__ import annotations

from reader.core.analysis.summary.algorithms import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_SENTENCES,
    SUMMARY_LIMIT,
    partial_note,
    summarize,
    summary_version,
)

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "DEFAULT_SENTENCES",
    "SUMMARY_LIMIT",
    "partial_note",
    "summarize",
    "summary_version",
]
