"""An article's fingerprint for story grouping: content-word stems, names and numbers, and its day;
and the vector arithmetic that compares two fingerprints (cosine, weighted Dice).

Terms share one namespace so one document-frequency table serves all three kinds: a content word is
its Snowball stem ("batteri"), a name token starts with ``@`` ("@aarhus"), a number with ``#``
("#45000", "#2:15"). Title words count twice: a headline names the event.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date, datetime

from reader.core.records import Fingerprint
from reader.core.stories.words import (
    is_name_token,
    iter_tokens,
    normal_word,
    number_value,
    sentence_starts,
    stem,
    stopwords,
)

NAME_PREFIX = "@"
NUMBER_PREFIX = "#"
#: The day of an article whose date is unknown (no published date, none in its text): no real day
#: has this ordinal, grouping skips the time window and the day decay for it.
UNDATED = 0
#: Numbers below this say little about an event ("two", "5"); clock times and decimals are kept.
MIN_NUMBER = 10


def day_of(moment: datetime | date | None) -> int:
    """The day number used by the time window (proleptic Gregorian ordinal); :data:`UNDATED`
    for an unknown date."""
    return UNDATED if moment is None else moment.toordinal()


def days_apart(a: int, b: int) -> int:
    """How many days apart two articles are; 0 when either date is unknown (no decay)."""
    return 0 if UNDATED in (a, b) else abs(a - b)


def fingerprint(title: str, body: str, day: int) -> Fingerprint:
    """Fingerprint an article from its title and body."""
    terms: Counter[str] = Counter()
    names: set[str] = set()
    numbers: set[str] = set()
    stop = stopwords()
    for weight, text in ((2, title), (1, body)):
        starts = sentence_starts(text)
        for match in iter_tokens(text):
            token = match.group()
            value = number_value(token)
            if value is not None:
                if ":" in value or "." in value or float(value) >= MIN_NUMBER:
                    numbers.add(NUMBER_PREFIX + value)
                continue
            word = normal_word(token)
            if len(word) < 3 or word in stop:
                continue
            terms[stem(word)] += weight
            if is_name_token(token, match.start() in starts):
                names.add(NAME_PREFIX + word)
    return Fingerprint(
        terms=dict(terms), names=frozenset(names), numbers=frozenset(numbers), day=day
    )


def top_terms(counts: Mapping[str, int], idf: Callable[[str], float], limit: int) -> list[str]:
    """The ``limit`` terms with the highest tf-idf weight, best first (ties by term, for stability)."""
    return sorted(counts, key=lambda t: (-_tf(counts[t]) * idf(t), t))[:limit]


def pruned(fp: Fingerprint, idf: Callable[[str], float], limit: int) -> Fingerprint:
    """``fp`` keeping only its ``limit`` most characteristic content words (what is stored)."""
    if len(fp.terms) <= limit:
        return fp
    kept = top_terms(fp.terms, idf, limit)
    return Fingerprint({t: fp.terms[t] for t in kept}, fp.names, fp.numbers, fp.day)


def _tf(count: int) -> float:
    return 1.0 + math.log(count)


def tfidf_vector(counts: Mapping[str, int], idf: Callable[[str], float]) -> dict[str, float]:
    """Sub-linear tf times idf, for each term."""
    return {term: _tf(count) * idf(term) for term, count in counts.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (0.0 if either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b[term] for term, weight in a.items() if term in b)
    if dot == 0.0:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm


def weighted_dice(a: frozenset[str], b: frozenset[str], idf: Callable[[str], float]) -> float:
    """Idf-weighted Dice coefficient: twice the shared weight over the two sets' weights.

    (The overlap coefficient, shared over the smaller set, made one shared minister's name look
    like a perfect match for an article naming no one else.)
    """
    shared = sum(idf(term) for term in a & b)
    if shared == 0.0:
        return 0.0
    return 2.0 * shared / (sum(idf(t) for t in a) + sum(idf(t) for t in b))
