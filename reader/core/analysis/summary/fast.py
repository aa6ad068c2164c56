"""Vectorised versions of sumy's pairwise summarisers (LexRank, TextRank, Reduction).

sumy 0.13 compares every pair of sentences in Python loops, which takes one to three seconds on
a 10,000-word text. The functions here compute the same ratings with numpy. TextRank and
Reduction repeat sumy's floating-point operations in the same order, so their ratings are
bit-for-bit identical; LexRank's cosine similarities are summed in another order (sumy itself
iterates a ``frozenset`` there, so its own low bits vary between runs), which can only matter
for sentences whose scores tie to the last bit. ``tests/analysis/test_summarize.py`` checks the
choices against stock sumy. The greedy summarisers are in :mod:`summarize_greedy`.

Each function takes the sentences' words exactly as the sumy summariser prepares them and
returns one rating per sentence (higher is better).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

# Columns of the sentence-by-term matrices are built this many terms at a time, so memory stays
# at O(sentences * chunk) however large the vocabulary.
_TERM_CHUNK = 2048


def _gram(rows: Sequence[dict[int, float]], terms: int) -> Any:
    """Return ``M @ M.T`` for the sparse rows ``rows`` (term index -> value) of a matrix ``M``.

    A term found in one sentence only (most of them) adds to that sentence's diagonal entry and
    nowhere else, so only terms shared by two or more sentences go through the matrix product.
    """
    import numpy as np

    n = len(rows)
    row_index = np.array([row for row, values in enumerate(rows) for _ in values], dtype=np.intp)
    term_index = np.array([term for values in rows for term in values], dtype=np.intp)
    value = np.array([v for values in rows for v in values.values()], dtype=float)
    shared = np.bincount(term_index, minlength=terms)[term_index] > 1
    gram = np.zeros((n, n))
    own = ~shared
    np.add.at(gram, (row_index[own], row_index[own]), value[own] ** 2)
    # Number the shared terms 0, 1, 2… so the dense blocks have no empty columns.
    columns = np.unique(term_index[shared], return_inverse=True)[1]
    rows_shared, values_shared = row_index[shared], value[shared]
    width = int(columns.max()) + 1 if columns.size else 0
    for first in range(0, width, _TERM_CHUNK):
        inside = (columns >= first) & (columns < first + _TERM_CHUNK)
        block = np.zeros((n, min(_TERM_CHUNK, width - first)))
        block[rows_shared[inside], columns[inside] - first] = values_shared[inside]
        gram += block @ block.T
    return gram


def _counts(sentences_words: Sequence[Sequence[str]]) -> tuple[list[dict[int, float]], int]:
    """Term counts per sentence, with terms numbered in order of first appearance."""
    vocabulary: dict[str, int] = {}
    rows = []
    for words in sentences_words:
        counts = Counter(vocabulary.setdefault(word, len(vocabulary)) for word in words)
        rows.append({term: float(count) for term, count in counts.items()})
    return rows, len(vocabulary)


def _pair_ratings(sentences_words: Sequence[Sequence[str]], *, single_word_rank: bool) -> Any:
    """The ``rank / (log|s1| + log|s2|)`` edge weights shared by TextRank and Reduction.

    ``rank`` counts pairs of equal words (``sum(s2.count(w) for w in s1)``), which is the dot
    product of the two sentences' count vectors. When both sentences have one word the norm is
    zero: TextRank then uses the rank itself, Reduction uses 0.
    """
    import numpy as np

    rows, terms = _counts(sentences_words)
    weights = _gram(rows, terms)  # the ranks, divided in place below (n x n arrays are large)
    # math.log, not numpy.log, so the norms round exactly as in sumy.
    logs = np.array([math.log(len(words)) if words else 0.0 for words in sentences_words])
    norms = logs[:, np.newaxis] + logs[np.newaxis, :]
    zero_norm = norms == 0.0
    # A zero rank stays 0 either way (0 / norm); a zero norm keeps the rank or becomes 0.
    np.divide(weights, norms, out=weights, where=~zero_norm)
    if not single_word_rank:
        weights[zero_norm] = 0.0
    return weights


def textrank_ratings(sentences_words: Sequence[Sequence[str]], damping: float = 0.85) -> Any:
    """sumy's ``TextRankSummarizer.rate_sentences`` as an array."""
    import numpy as np
    from sumy.summarizers.text_rank import TextRankSummarizer

    n = len(sentences_words)
    weights = _pair_ratings(sentences_words, single_word_rank=True)
    weights /= weights.sum(axis=1)[:, np.newaxis] + TextRankSummarizer._ZERO_DIVISION_PREVENTION
    # sumy's full((n, n), (1 - damping) / n) + damping * weights, in place: the same sums.
    weights *= damping
    weights += (1.0 - damping) / n
    return TextRankSummarizer.power_method(weights, TextRankSummarizer.epsilon)


def reduction_ratings(sentences_words: Sequence[Sequence[str]]) -> Any:
    """sumy's ``ReductionSummarizer.rate_sentences`` as an array.

    sumy adds each sentence's edge weights in pair order, which for one sentence is the order of
    the other sentences; a running sum along the row (self-edge 0) adds them in that order.
    """
    import numpy as np

    weights = _pair_ratings(sentences_words, single_word_rank=False)
    np.fill_diagonal(weights, 0.0)
    if len(sentences_words) < 2:
        return np.zeros(len(sentences_words))
    return np.cumsum(weights, axis=1)[:, -1]


def lexrank_ratings(
    sentences_words: Sequence[Sequence[str]], threshold: float = 0.1, epsilon: float = 0.1
) -> Any:
    """sumy's ``LexRankSummarizer`` ratings (idf-modified cosine, thresholded, power method)."""
    import numpy as np
    from sumy.summarizers.lex_rank import LexRankSummarizer

    n = len(sentences_words)
    rows, terms = _counts(sentences_words)
    sentence_frequency = Counter(term for row in rows for term in row)
    idf = {term: math.log(n / (1 + count)) for term, count in sentence_frequency.items()}
    weighted = [
        {term: count / max(row.values()) * idf[term] for term, count in row.items()} for row in rows
    ]
    cosine = _gram(weighted, terms)  # dot products, divided in place below
    lengths = np.sqrt(np.diag(cosine))
    # A sentence without weighted words has a zero row and column already: its cosines stay 0.
    np.divide(cosine, np.multiply.outer(lengths, lengths), out=cosine, where=cosine != 0)
    adjacency = (cosine > threshold).astype(float)
    del cosine
    degrees = adjacency.sum(axis=1)
    degrees[degrees == 0] = 1.0
    with np.errstate(divide="ignore", invalid="ignore"):  # see summarize(): NaN when no edges
        return LexRankSummarizer.power_method(adjacency / degrees[:, np.newaxis], epsilon)
