"""sumy's greedy summarisers (SumBasic, KL-Sum) with numpy, choosing the same sentences.

Both pick one sentence per round until none is left and rate a sentence ``-round`` (0 for the
first pick). sumy recomputes every remaining sentence's score from scratch each round, in Python:
SumBasic is O(n²·w) and KL-Sum O(n³·w) because it also rebuilds the growing summary's word list
for every candidate (~50 s at 10,000 words). Here each round is a few array operations over the
(sentence, word) pairs.

SumBasic adds each sentence's word probabilities in the same order as sumy (``numpy.bincount``
accumulates sequentially), so its picks are identical. KL-Sum's divergence is rearranged so that
the summary's share is computed once per round; the sums then round differently from sumy's, so
candidates within a relative 1e-12 of the best count as tied and the first wins, as in sumy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

_TIE = 1e-12


def _pairs(sentences_words: Sequence[Sequence[str]], index: Mapping[str, int]) -> tuple[Any, Any]:
    """(sentence, word index) of every word occurrence, sentence by sentence, in word order."""
    import numpy as np

    sentence = [i for i, words in enumerate(sentences_words) for _ in words]
    word = [index[w] for words in sentences_words for w in words]
    return np.array(sentence, dtype=np.intp), np.array(word, dtype=np.intp)


def sumbasic_ratings(sentences_words: Sequence[Sequence[str]]) -> list[float]:
    """sumy's ``SumBasicSummarizer._compute_ratings`` for content words already stemmed.

    Args:
        sentences_words: each sentence's content words (normalised, stop words out, stemmed).
    """
    import numpy as np

    n = len(sentences_words)
    all_words = [w for words in sentences_words for w in words]
    index: dict[str, int] = {}
    for w in all_words:
        index.setdefault(w, len(index))
    occurrences = np.array([index[w] for w in all_words], dtype=np.intp)
    counts = np.bincount(occurrences, minlength=len(index)).astype(float)
    probability = counts / len(all_words) if all_words else counts
    sentence, word = _pairs(sentences_words, index)
    lengths = np.array([len(words) for words in sentences_words], dtype=float)
    remaining = np.ones(n, dtype=bool)
    ratings = [0.0] * n
    for round_ in range(n):
        sums = np.bincount(sentence, weights=probability[word], minlength=n)
        with np.errstate(invalid="ignore"):
            averages = np.where(lengths > 0, sums / lengths, 0.0)
        best = int(np.argmax(np.where(remaining, averages, -np.inf)))
        remaining[best] = False
        ratings[best] = float(-round_)
        for w in sentences_words[best]:  # one squaring per occurrence, as sumy does
            probability[index[w]] *= probability[index[w]]
    return ratings


def kl_ratings(
    content_words: Sequence[Sequence[str]],
    raw_words: Sequence[Sequence[str]],
    document_frequency: Mapping[str, float],
) -> list[float]:
    """sumy's ``KLSummarizer._compute_ratings``.

    sumy scores a candidate by ``sum(D[w] * log(D[w] / J[w]))`` over the words ``w`` of the
    candidate joined with the summary so far, where ``J`` is their joint frequency and ``D`` the
    document's. Quirks kept on purpose, so the picks match: candidates contribute their
    normalised content words, the summary its sentences' raw words (any case, stop words too),
    and only words that are keys of ``D`` enter the sum, while every word counts in ``J``'s
    denominator.

    Args:
        content_words: each sentence's lowercased words without stop words.
        raw_words: each sentence's words as tokenised.
        document_frequency: ``D``, as ``KLSummarizer.compute_tf`` returns it.
    """
    import numpy as np

    n = len(content_words)
    vocabulary = list(document_frequency)
    index = {w: i for i, w in enumerate(vocabulary)}
    frequency = np.array([document_frequency[w] for w in vocabulary], dtype=float)
    d_log_d = frequency * np.log(frequency) if len(vocabulary) else frequency
    # One entry per distinct word of a candidate, with its count there.
    entry_sentence: list[int] = []
    entry_word: list[int] = []
    entry_count: list[float] = []
    for i, words in enumerate(content_words):
        distinct: dict[int, int] = {}
        for w in words:
            distinct[index[w]] = distinct.get(index[w], 0) + 1
        entry_sentence.extend([i] * len(distinct))
        entry_word.extend(distinct)
        entry_count.extend(float(c) for c in distinct.values())
    sentence = np.array(entry_sentence, dtype=np.intp)
    word = np.array(entry_word, dtype=np.intp)
    count = np.array(entry_count, dtype=float)
    lengths = np.array([len(words) for words in content_words], dtype=float)

    summary_counts = np.zeros(len(vocabulary))  # raw summary words that are keys of D
    summary_length = 0  # every raw summary word
    remaining = np.ones(n, dtype=bool)
    ratings = [0.0] * n
    for round_ in range(n):
        divergence = _kl(
            sentence, word, count, lengths, frequency, d_log_d, summary_counts, summary_length, n
        )
        divergence = np.where(remaining, divergence, np.inf)
        lowest = divergence.min()
        tied = divergence <= lowest + _TIE * max(1.0, abs(lowest))
        best = int(np.argmax(tied))
        remaining[best] = False
        ratings[best] = float(-round_)
        for w in raw_words[best]:
            if w in index:
                summary_counts[index[w]] += 1
        summary_length += len(raw_words[best])
    return ratings


def _kl(
    sentence: Any,
    word: Any,
    count: Any,
    lengths: Any,
    frequency: Any,
    d_log_d: Any,
    summary_counts: Any,
    summary_length: int,
    n: int,
) -> Any:
    """Every candidate's divergence from the document when joined with the summary.

    With ``S`` the summary counts, ``T`` the words where ``S > 0``, ``c`` a candidate's counts
    and ``l + L`` the joint length, the sum over the candidate's words and ``T`` of
    ``D·log(D·(l+L)/(c+S))`` splits into terms over ``T`` (the same for every candidate) and
    corrections over the candidate's own words.
    """
    import numpy as np

    in_summary = summary_counts > 0
    s = summary_counts[word]
    shared = s > 0
    d = frequency[word]
    with np.errstate(divide="ignore"):
        log_s = np.log(np.where(in_summary, summary_counts, 1.0))
    own_d_log_d = np.bincount(sentence, weights=np.where(shared, 0.0, d_log_d[word]), minlength=n)
    own_d = np.bincount(sentence, weights=np.where(shared, 0.0, d), minlength=n)
    own_log = np.bincount(
        sentence, weights=d * (np.log(count + s) - np.where(shared, log_s[word], 0.0)), minlength=n
    )
    summary_d_log_d = float(d_log_d[in_summary].sum())
    summary_d = float(frequency[in_summary].sum())
    summary_log = float((frequency * log_s)[in_summary].sum())
    total = lengths + summary_length
    with np.errstate(divide="ignore", invalid="ignore"):
        value = (
            summary_d_log_d
            + own_d_log_d
            + np.log(total) * (summary_d + own_d)
            - (summary_log + own_log)
        )
    # An empty candidate with an empty summary has no joint words: sumy's sum is 0.
    return np.where(total > 0, value, 0.0)
