"""skim's default summariser: sumy's rating, a position prior, length and redundancy control.

sumy stays the engine: one or two of its algorithms rate every sentence (the *raters*, fitted
per genre), and the rating becomes a share — how many of the text's sentences this one
beats — so that ratings of any scale and flatness count alike. To that the summariser adds:

* **position** — ``weight · exp(-i / decay)`` for the *i*-th prose sentence. News states its gist
  first, so on news-like text (see :func:`rules.genre_of`) position counts more than on
  essays, long-form or papers; the two settings are fitted apart.
* **length** — a sentence longer than ``long_sentence`` words loses ``weight · (words / long -
  1)``: long sentences crowd a three-line summary and, in sumy's graph algorithms, win only by
  sharing more words.
* **redundancy** — maximal marginal relevance: sentences are picked one by one, each losing
  ``weight x`` its greatest word overlap (cosine of stemmed content words) with those picked.
* **rules** — no sentence with unbalanced quotes, under six words, a byline or a caption; no
  sentence opening with "But", "He", "It"… unless the sentence before it is chosen too. When
  the text has too few sentences that pass, the rules give way one by one, and say so.

The weights live in ``weights.toml`` beside this module, fitted by
``benchmarks/fit_summary.py`` on public data. Everything is deterministic: ties go to the
earlier sentence.
"""

from __future__ import annotations

import hashlib
import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any

from reader.core.analysis.summary import rules
from reader.core.analysis.summary.rules import Genre
from reader.core.results import SummaryExplanation

WEIGHTS_FILE = "weights.toml"
# How far the rules give way when too few sentences pass them, in order.
_RELAXED = ("pronoun openers", "bylines and captions", "all rules")


@dataclass(frozen=True, slots=True)
class GenreWeights:
    """The weights for one genre (news, or everything else).

    ``rater`` is a sumy algorithm; ``second_rater`` (``""`` for none) another, whose share is
    added with ``second_weight`` (the centrality is the weighted mean of the two shares).
    """

    rater: str
    position: float
    position_decay: float
    long_sentence: float
    length: float
    redundancy: float
    second_rater: str = ""
    second_weight: float = 0.0

    def raters(self) -> list[str]:
        """The sumy algorithms this setting reads."""
        return [self.rater, self.second_rater] if self.second_rater else [self.rater]

    def describe(self) -> str:
        """The raters as the explanation names them (``"edmundson and lexrank at 0.5"``)."""
        if not self.second_rater:
            return self.rater
        return f"{self.rater} and {self.second_rater} at {self.second_weight:g}"

    def centrality(self, found: Features) -> list[float]:
        """Each sentence's centrality: the rater's share, or the weighted mean of two."""
        first = found.ratings[self.rater]
        if not self.second_rater:
            return first
        second, weight = found.ratings[self.second_rater], self.second_weight
        return [(a + weight * b) / (1 + weight) for a, b in zip(first, second, strict=True)]


@dataclass(frozen=True, slots=True)
class Weights:
    """Everything the summariser was fitted on: the genre rule and the two settings."""

    genre: rules.GenreRule
    news: GenreWeights
    other: GenreWeights


@dataclass(frozen=True, slots=True)
class Features:
    """What the summariser knows of each prose sentence of a text, before any weight.

    Attributes:
        ratings: per rater, each sentence's rating as the share of sentences it beats (0-1).
        words: each sentence's length in words.
        faults: each sentence's :func:`rules.sentence_faults`.
        openers: each sentence's dangling first word, or None.
        stems: each sentence's stemmed content words.
        genre: whether the text reads like news.
    """

    ratings: dict[str, list[float]]
    words: list[int]
    faults: list[tuple[str, ...]]
    openers: list[str | None]
    stems: list[frozenset[str]]
    genre: Genre


@dataclass(frozen=True, slots=True)
class Pick:
    """A chosen sentence: its place among the prose sentences, score and explanation."""

    position: int
    score: float
    explanation: SummaryExplanation


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """The fitted weights, read from the package's ``weights.toml``."""
    return parse_weights(weights_text())


@lru_cache(maxsize=1)
def weights_text() -> str:
    """The weights file as text."""
    return resources.files("reader.core.analysis.summary").joinpath(WEIGHTS_FILE).read_text("utf-8")


def weights_digest() -> str:
    """A short hash of the weights file, for the summary's cache key."""
    return hashlib.sha1(weights_text().encode("utf-8")).hexdigest()[:10]


def parse_weights(text: str) -> Weights:
    """Weights from the TOML ``text`` (see ``weights.toml``)."""
    data: dict[str, Any] = tomllib.loads(text)
    names = [f.name for f in fields(GenreWeights) if "rater" not in f.name]

    def setting(table: dict[str, Any]) -> GenreWeights:
        numbers = {n: float(table.get(n, 0.0)) for n in names}
        return GenreWeights(
            rater=str(table["rater"]), second_rater=str(table.get("second_rater", "")), **numbers
        )

    return Weights(
        genre=rules.GenreRule(
            long_form_words=int(data["genre"]["long_form_words"]),
            first_person=float(data["genre"]["first_person"]),
        ),
        news=setting(data["news"]),
        other=setting(data["other"]),
    )


def features(
    text: str,
    spans: Sequence[tuple[int, int]],
    built: Any,
    weights: Weights,
    raters: Sequence[str] | None = None,
) -> Features:
    """Compute the :class:`Features` of the prose sentences of ``built`` (a SumyDocument).

    Only the rater of the text's genre runs, unless ``raters`` names others (for fitting).
    """
    from reader.core.analysis.summary import scoring

    sentences = [text[spans[i][0] : spans[i][1]] for i in built.span_indices]
    genre = rules.genre_of(text, sentences, weights.genre)
    if raters is None:
        raters = (weights.news if genre.name == "news" else weights.other).raters()
    ratings = {
        rater: shares(
            [r if math.isfinite(r) else 0.0 for r in scoring.RATERS[rater](built.document)]
        )
        for rater in raters
    }
    counts = [rules.words(s) for s in sentences]
    return Features(
        ratings=ratings,
        words=counts,
        faults=[rules.sentence_faults(s, c) for s, c in zip(sentences, counts, strict=True)],
        openers=[rules.dangling_opener(s) for s in sentences],
        stems=[frozenset(words) for words in scoring._stemmed_content_words(built.document)],
        genre=genre,
    )


def shares(ratings: Sequence[float]) -> list[float]:
    """Each rating as the share of the other sentences it beats (ties count half)."""
    n = len(ratings)
    if n < 2:
        return [1.0] * n
    order = sorted(range(n), key=lambda i: ratings[i])
    result = [0.0] * n
    start = 0
    while start < n:  # a run of equal ratings shares the mean of its places
        end = start
        while end + 1 < n and ratings[order[end + 1]] == ratings[order[start]]:
            end += 1
        for k in range(start, end + 1):
            result[order[k]] = (start + end) / 2 / (n - 1)
        start = end + 1
    return result


def choose(found: Features, weights: Weights, count: int) -> list[Pick]:
    """Pick ``count`` sentences (fewer if the text has fewer), best first."""
    genre = found.genre.name
    setting = weights.news if genre == "news" else weights.other
    rating = setting.centrality(found)
    n = len(rating)
    base = []
    for i in range(n):
        position = setting.position * math.exp(-i / max(setting.position_decay, 1e-9))
        overshoot = found.words[i] / max(setting.long_sentence, 1.0) - 1.0
        base.append((rating[i], position, min(0.0, -setting.length * max(0.0, overshoot))))
    overlap = [0.0] * n
    chosen: list[int] = []
    picks: list[Pick] = []
    while len(chosen) < min(count, n):
        level, eligible = _eligible(found, chosen)
        best = max(eligible, key=lambda i: (sum(base[i]) - setting.redundancy * overlap[i], -i))
        centrality, position, length = base[best]
        redundancy = min(0.0, -setting.redundancy * overlap[best])
        notes = _notes(found, chosen, best, level)
        why = SummaryExplanation(
            centrality=centrality,
            position=position,
            length=length,
            redundancy=redundancy,
            rater=setting.describe(),
            rating=rating[best],
            sentence_number=best + 1,
            words=found.words[best],
            genre=genre,
            notes=notes,
            genre_reason=found.genre.reason(),
        )
        picks.append(Pick(best, centrality + position + length + redundancy, why))
        chosen.append(best)
        for j in range(n):
            overlap[j] = max(overlap[j], _cosine(found.stems[best], found.stems[j]))
    return picks


def _eligible(found: Features, chosen: Sequence[int]) -> tuple[int, list[int]]:
    """The sentences that may be picked next, at the strictest level that leaves any."""
    taken = set(chosen)
    free = [i for i in range(len(found.words)) if i not in taken]
    for level in range(len(_RELAXED) + 1):
        eligible = [i for i in free if _allowed(found, i, taken, level)]
        if eligible:
            return level, eligible
    return len(_RELAXED), free  # unreachable: the last level allows everything


def _allowed(found: Features, i: int, taken: set[int], level: int) -> bool:
    faults = found.faults[i]
    if level >= 3:
        return True
    if level >= 2:
        return not any(f != "byline or caption" for f in faults)
    if faults:
        return False
    return level >= 1 or found.openers[i] is None or i == 0 or i - 1 in taken


def _notes(found: Features, chosen: Sequence[int], i: int, level: int) -> tuple[str, ...]:
    notes = []
    opener = found.openers[i]
    if opener is not None and i > 0:
        if i - 1 in chosen:
            notes.append(f"opens with “{opener}”: follows sentence {i}, also chosen")
        else:
            notes.append(f"opens with “{opener}” without the sentence before it")
    if level > 0:
        notes.append(f"too few sentences passed the rules: relaxed {_RELAXED[level - 1]}")
    notes.extend(found.faults[i])
    return tuple(notes)


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
