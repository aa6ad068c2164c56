"""Vectorised versions of sumy's pairwise summarisers (LexRank, TextRank, Reduction).

sumy 0.13 compares every pair of sentences in Python loops, which takes one to three seconds on
a 10,000-word text. The functions here compute the same ratings with numpy. TextRank and
Reduction repeat sumy's floating-point operations in the same order, so their ratings are
bit-for-bit identical; LexRank's cosine similarities are summed in another order (sumy itself
iterates a ``frozenset`` there, so its own low bits vary between runs), which can only matter
for sentences whose scores tie to the last bit. ``tests/analysis/test_summarize.py`` checks the
choices against stock sumy. Past :data:`LEXRANK_RUN` sentences LexRank rates runs of sentences
rather than the whole text, so that its cost grows with the text (``test_summary_long.py``).
The greedy summarisers are in :mod:`summarize_greedy`.

Each function takes the sentences' words exactly as the sumy summariser prepares them and
returns one rating per sentence (higher is better).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

# Columns of the sentence-by-term matrices are built this many terms at a time, so memory stays
# at O(sentences * chunk) however large the vocabulary.
_TERM_CHUNK = 2048
# LexRank compares every pair of sentences of a text up to this many sentences (about 12,000
# words of news; a 3,000-word article has ~150), so ratings and picks there are sumy's. Past it,
# each sentence is compared with those of its own run of at most this many consecutive
# sentences: work and memory then grow in proportion to the text (at 50,000 words, a third of
# the time, and 2.3 MB matrices instead of one of 37 MB), and a sentence is central when it
# speaks for its part of a long text rather than for the whole.
LEXRANK_RUN = 600
# LexRank: a term in this many sentences or more adds its products as one dense block.
_FREQUENT = 24
# Rows of the cosine matrix turned to 0/1 at a time (bounds the temporary array).
_ROW_BLOCK = 256


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
    """sumy's ``LexRankSummarizer`` ratings (idf-modified cosine, thresholded, power method).

    Up to :data:`LEXRANK_RUN` sentences, those of sumy. A longer text is cut into near-equal
    runs of consecutive sentences, at most :data:`LEXRANK_RUN` each, and each run is rated as
    sumy would rate it on its own (see :data:`LEXRANK_RUN` for why); each run's unit vector
    is scaled by ``sqrt(run / n)`` so that the whole is a unit vector, like sumy's.
    """
    import numpy as np

    n = len(sentences_words)
    if n <= LEXRANK_RUN:
        return _lexrank(sentences_words, threshold, epsilon)
    runs = -(-n // LEXRANK_RUN)
    bounds = [n * k // runs for k in range(runs + 1)]
    return np.concatenate(
        [
            _lexrank(sentences_words[a:b], threshold, epsilon) * math.sqrt((b - a) / n)
            for a, b in itertools.pairwise(bounds)
        ]
    )


def _lexrank(sentences_words: Sequence[Sequence[str]], threshold: float, epsilon: float) -> Any:
    """sumy's LexRank ratings of ``sentences_words``, all pairs compared.

    Each sentence's terms are weighted ``count / (its greatest count) * idf`` with
    ``idf = log(n / (1 + sentences with the term))``, the same operations as sumy's.
    """
    import numpy as np
    from sumy.summarizers.lex_rank import LexRankSummarizer

    n = len(sentences_words)
    if not n:
        return np.zeros(0)
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(w, len(vocabulary)) for words in sentences_words for w in words]
    terms = len(vocabulary)
    sizes = np.fromiter((len(words) for words in sentences_words), np.intp, n)
    # One entry per (sentence, term), sorted by sentence then term, with the term's count.
    keys = np.repeat(np.arange(n, dtype=np.intp), sizes) * max(terms, 1) + np.array(ids, np.intp)
    keys, counts = np.unique(keys, return_counts=True)
    row, term = np.divmod(keys, max(terms, 1))
    starts = np.flatnonzero(np.concatenate(([True], row[1:] != row[:-1]))) if len(row) else row
    most = np.maximum.reduceat(counts, starts) if len(row) else counts
    most_of_entry = np.repeat(most, np.diff(np.concatenate((starts, [len(row)]))))
    frequency = np.bincount(term, minlength=terms)
    # math.log, as sumy, on the few distinct sentence frequencies.
    idf_of = np.array([math.log(n / (1 + count)) for count in range(n + 1)])
    value = counts / most_of_entry * idf_of[frequency[term]]
    adjacency = _linked(row, term, value, n, terms, threshold)
    degrees = adjacency.sum(axis=1)
    degrees[degrees == 0] = 1.0
    adjacency /= degrees[:, np.newaxis]  # in place: the same quotients as a new array
    with np.errstate(divide="ignore", invalid="ignore"):  # see summarize(): NaN when no edges
        return LexRankSummarizer.power_method(adjacency, epsilon)


def _linked(row: Any, term: Any, value: Any, n: int, terms: int, threshold: float) -> Any:
    """The 0/1 matrix of the sentence pairs whose cosine similarity is above ``threshold``.

    ``row``, ``term`` and ``value`` give each sentence's weighted terms, sentence by sentence.
    Only sentences that share a term have a dot product other than 0, so each term adds the
    products of its own sentences' weights (sparse): the work grows with the pairs of sentences
    that share a term, not with sentences x vocabulary as a matrix product does. A sentence's
    cosine with itself counts, as in sumy. One n x n array holds the products, then the
    cosines, then the answer.
    """
    import numpy as np

    lengths = np.sqrt(np.bincount(row, weights=value * value, minlength=n))
    # Postings: each term's (sentence, weight) entries, in sentence order.
    order = np.argsort(term, kind="stable")
    posting_row, posting_value = row[order], value[order]
    frequency = np.bincount(term, minlength=terms)
    ends = np.cumsum(frequency)
    dots = np.zeros((n, n))
    # Frequent terms: one dense outer product each. Rare ones (most terms): all their pairs at
    # once, as flat index arrays, which saves a Python step per term.
    frequent = frequency >= _FREQUENT
    for t in np.flatnonzero(frequent):
        rows = posting_row[ends[t] - frequency[t] : ends[t]]
        weights = posting_value[ends[t] - frequency[t] : ends[t]]
        dots[np.ix_(rows, rows)] += np.multiply.outer(weights, weights)
    rare = ~frequent[term[order]]
    rare_row, rare_value = posting_row[rare], posting_value[rare]
    size = frequency[term[order][rare]]  # each rare entry pairs with its term's entries
    count = int(size.sum())
    if count:
        entry = np.repeat(np.arange(len(size)), size)
        offset = np.arange(count) - np.repeat(np.cumsum(size) - size, size)
        other = np.repeat(_run_starts(term[order][rare]), size) + offset
        np.add.at(
            dots.reshape(-1),
            rare_row[entry] * n + rare_row[other],
            rare_value[entry] * rare_value[other],
        )
    # Cosines, a block of rows at a time (no second n x n array), then the 0/1 answer.
    for first_row in range(0, n, _ROW_BLOCK):
        block = dots[first_row : first_row + _ROW_BLOCK]
        scale = np.multiply.outer(lengths[first_row : first_row + _ROW_BLOCK], lengths)
        np.divide(block, scale, out=block, where=block != 0)
        np.greater(block, threshold, out=block)  # writes 1.0 or 0.0 into the float array
    return dots


def _run_starts(keys: Any) -> Any:
    """For each element of the sorted ``keys``, the index where its run of equal keys starts."""
    import numpy as np

    if not len(keys):
        return keys
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return np.repeat(starts, np.diff(np.concatenate((starts, [len(keys)]))))
