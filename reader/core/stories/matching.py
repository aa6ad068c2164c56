"""Group the figures of several sources: those that agree, those that differ, those only one gives.

First the same value in the same unit ("120 people" and "about 120 staff"); then, among the rest,
figures of the same unit that count the same thing — judged by the words of their clause and
sentence — even with different values ("14 people were injured" / "injuring 17 people").
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.stories.figures import Figure, same_value
from reader.core.stories.values import CURRENCY_UNITS
from reader.core.stories.words import stem

#: A figure pair must reach this to count as the same thing with different values (see
#: _pair_score): one shared clause word and its sentence, for a count.
MATCH_THRESHOLD = 3
#: Shared sentence words that let two clock times pair without a shared clause word.
SENTENCE_MATCH = 4
#: Units whose values are never "different figures of one thing": two years are two dates.
_NEVER_DIFFER = frozenset({"year", "date"})
_KINDS = {
    "clock": "time of day",
    "%": "percentage",
    "m": "distance",
    "kg": "weight",
    "l": "volume",
    "ha": "area",
    "deg": "temperature",
    "min": "duration",
    "day": "duration",
    "year": "year",
    "date": "date",
    "age": "age",
}
#: Below this a count is too small to trust an equal value without shared words ("two").
SMALL_COUNT = 10


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """The figures of several sources judged to state the same thing.

    Attributes:
        about: what they count, in the words of the first source ("people injured").
        figures: at most one figure per source, in source order.
    """

    about: str
    figures: tuple[Figure, ...]

    @property
    def article_ids(self) -> tuple[int, ...]:
        """The sources that give this figure."""
        return tuple(f.article_id for f in self.figures)

    @property
    def differs(self) -> bool:
        """True when the sources give different values."""
        return any(not same_value(self.figures[0], f) for f in self.figures[1:])


def group_figures(per_source: Sequence[Sequence[Figure]]) -> list[FigureGroup]:
    """Group figures across sources: equal values first, then the same thing with other values.

    Args:
        per_source: the figures of each source, sources in display order.
    """
    order = {f.article_id: k for k, figures in enumerate(per_source) for f in figures}
    groups: list[list[Figure]] = []
    for figures in per_source:
        for figure in figures:
            matches = [
                g for g in groups if _joinable(g, figure) and any(_agrees(f, figure) for f in g)
            ]
            if matches:
                max(matches, key=lambda g: max(_context(f, figure) for f in g)).append(figure)
            else:
                groups.append([figure])
    _join_differing(groups)
    for group in groups:
        group.sort(key=lambda f: order[f.article_id])
    groups.sort(key=lambda g: (-len(g), order[g[0].article_id], g[0].span.start))
    return [FigureGroup(_about(g), tuple(g)) for g in groups]


def _joinable(group: list[Figure], figure: Figure) -> bool:
    """A group takes at most one figure per source, all of one unit."""
    return all(f.article_id != figure.article_id and f.unit == figure.unit for f in group)


def _agrees(a: Figure, b: Figure) -> bool:
    if not same_value(a, b):
        return False
    # "two" or "three" turn up everywhere: equal small counts must count the same thing.
    if not same_thing(a, b):
        return False
    small = a.span.label == "CARDINAL" and (a.value is None or abs(a.value) < SMALL_COUNT)
    return not small or bool(a.near & b.near)


def same_thing(a: Figure, b: Figure) -> bool:
    """False when the two figures count different nouns ("22 appliances" vs "four were
    firefighters") or are narrowed differently ("seriously injured" vs "injured").

    Times of day and amounts of money are told apart by their sentence instead (see
    :func:`_pair_score`): "shortly before 5 a.m." hedges the time, it does not qualify a thing.
    """
    if a.unit == "clock" or a.unit in CURRENCY_UNITS:
        return True
    if a.head and b.head and a.head != b.head:
        return False
    return a.qualifiers == b.qualifiers


def _context(a: Figure, b: Figure) -> tuple[int, int]:
    """(shared clause words, shared sentence words) of two figures."""
    return len(a.near & b.near), len(a.sentence & b.sentence)


def _pair_score(a: list[Figure], b: list[Figure], units_left: Counter[tuple[int, str]]) -> int:
    """How surely two groups of different sources state the same thing (0: not at all).

    Shared clause words count double and shared sentence words once. Counts and measures must
    share a clause word (what they count: "firefighters", "injured"). A clock time may instead
    share :data:`SENTENCE_MATCH` sentence words (the call "at the Kattegat plant in Lisbjerg").
    A currency is specific enough to add 2, and 2 more when it is the only figure in that
    currency left in both sources (the one damage estimate of each outlet).
    """
    unit = a[0].unit
    if unit != b[0].unit or a[0].value is None or b[0].value is None or unit in _NEVER_DIFFER:
        return 0
    near, sentence = max((_context(f, g) for f in a for g in b), key=lambda c: 2 * c[0] + c[1])
    score = 2 * near + sentence
    if unit in CURRENCY_UNITS:
        score += 2
        if all(units_left[(f.article_id, unit)] == 1 for f in (a[0], b[0])):
            score += 2
        return score if score >= MATCH_THRESHOLD + 1 else 0
    if near == 0 and not (unit == "clock" and sentence >= SENTENCE_MATCH):
        return 0
    if not all(same_thing(f, g) for f in a for g in b):
        return 0
    return score if score >= MATCH_THRESHOLD else 0


def _join_differing(groups: list[list[Figure]]) -> None:
    """Merge lone figures of different sources that state the same thing, best pairs first."""
    while True:
        units_left: Counter[tuple[int, str]] = Counter(
            (g[0].article_id, g[0].unit) for g in groups if len(g) == 1
        )
        best: tuple[int, int, int] | None = None
        for i, j in itertools.combinations(range(len(groups)), 2):
            a, b = groups[i], groups[j]
            if {f.article_id for f in a} & {f.article_id for f in b}:
                continue
            score = _pair_score(a, b, units_left)
            if score and (best is None or score > best[0]):
                best = (score, i, j)
        if best is None:
            return
        _, i, j = best
        groups[i].extend(groups[j])
        del groups[j]


def _about(group: list[Figure]) -> str:
    """What a group measures: a phrase of the first source's text ("troops to Russia"), else the
    clause words its figures share, else the kind of figure. A year is named as a year ("year of
    significant fires"), never as if it counted something."""
    first = group[0]
    phrase = next((f.phrase for f in group if f.phrase), "")
    if first.unit in _KINDS and first.unit != "clock":
        kind = _KINDS[first.unit]
        return f"{kind}: {phrase}" if phrase else kind
    if phrase:
        return phrase
    if len(group) > 1:
        shared = frozenset.intersection(*(f.near for f in group))
        words = [w for w in first.near_words if stem(w) in shared]
        if words:
            return " ".join(dict.fromkeys(words))
    elif first.near_words:
        return " ".join(first.near_words[:2])
    return _KINDS.get(first.unit) or (
        f"amount in {first.unit}" if first.unit in CURRENCY_UNITS else first.span.label.lower()
    )
