"""Figures for comparison: a number span with its value (:mod:`.values`) and what it counts.

What a figure counts is read from its clause: the ordinary words right after it ("14 *people* were
*injured*") and right before it ("*injuring* 17 people"), plus the words of its sentence for wider
context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.results import NumberLabel, Span
from reader.core.stories.phrases import figure_phrase, head_word, qualifiers
from reader.core.stories.values import is_unit_word, parse_value, plain
from reader.core.stories.words import NUMBER_WORDS, iter_tokens, normal_word, stem, stopwords

#: Labels whose values are compared; ordinals ("second-largest") say nothing comparable.
COMPARED = frozenset(
    {
        NumberLabel.CARDINAL,
        NumberLabel.MONEY,
        NumberLabel.PERCENT,
        NumberLabel.TIME,
        NumberLabel.QUANTITY,
        NumberLabel.DATE,
    }
)
_CLAUSE_END = re.compile(r"[,;:()\[\]—–]|\s-\s|[.!?](?:\s|$)")
#: Labels of points in time: without a value they are relative ("last year") or vague.
_WHEN = frozenset({NumberLabel.DATE, NumberLabel.TIME})
#: Units of figures named by what comes before them ("reported at 2:15 a.m.").
_BY_BEFORE = frozenset({"clock", "year", "date", "m"})
#: How many content words on each side of a figure tell what it counts.
NEAR_WORDS = 3


@dataclass(frozen=True, slots=True)
class Figure:
    """A number of one article, read for comparison.

    Attributes:
        article_id: the article it is in.
        span: the number span (offsets into that article's body).
        value: its value in the unit's base (metres, minutes of the day…); None when vague
            ("thousands", "the early hours of Monday").
        unit: "" for a plain count, a currency ("USD", "kroner"), "%", "clock", a dimension
            ("m", "kg", "min", "deg"…), "year" or "date".
        approximate: the text hedges it ("about", "more than", "some").
        near_words: the ordinary words (not names) just before and after it in its clause, as
            written but lowercased: what it counts ("injuring", "people").
        sentence: stems of the content words (names too) of its sentence, apart from the figure.
        phrase: a few words of the text that say what it measures ("troops to Russia").
        qualifiers: stems of the degree words that narrow what it counts ("seriously").
        head: the stem of the noun right after it ("people" in "17 people"), or "".
    """

    article_id: int
    span: Span
    value: float | None
    unit: str
    approximate: bool
    near_words: tuple[str, ...]
    sentence: frozenset[str]
    phrase: str = ""
    qualifiers: frozenset[str] = frozenset()
    head: str = ""

    @property
    def near(self) -> frozenset[str]:
        """Stems of :attr:`near_words`."""
        return frozenset(stem(w) for w in self.near_words)


def read_figures(
    article_id: int,
    body: str,
    numbers: tuple[Span, ...],
    sentences: tuple[tuple[int, int], ...],
) -> list[Figure]:
    """The comparable figures of an article, from its number spans and sentence boundaries.

    Dates and times that only make sense against the day of writing ("last year", "Monday",
    "tonight") are left out: two outlets that both say "Monday" need not mean the same day.
    """
    figures = []
    for span in numbers:
        if span.label not in COMPARED:
            continue
        sentence = _sentence_of(span, sentences, len(body))
        value, unit, approximate = parse_value(span.text, span.label)
        if value is None and span.label in _WHEN:
            continue
        clause_before = _clause_before(body, sentence[0], span.start)
        clause_after = _clause_after(body, span.end, sentence[1])
        before = _content_words(clause_before, names=False)
        after = _content_words(clause_after, names=False)
        words = _content_words(body[sentence[0] : span.start] + " " + body[span.end : sentence[1]])
        figures.append(
            Figure(
                article_id=article_id,
                span=span,
                value=value,
                unit=unit,
                approximate=approximate,
                near_words=(*before[-NEAR_WORDS:], *after[:NEAR_WORDS]),
                sentence=frozenset(stem(w) for w in words),
                phrase=figure_phrase(clause_before, clause_after, prefer_before=unit in _BY_BEFORE),
                qualifiers=qualifiers(clause_before, clause_after),
                head=head_word(clause_after) if unit == "" else "",
            )
        )
    return figures


def same_value(a: Figure, b: Figure) -> bool:
    """True when two figures state the same amount in the same unit.

    Within rounding (0.5%), or 3% when either is hedged ("about 8 kilometres" and "roughly 5
    miles" agree). Vague figures agree when their words do ("Monday", "last year").
    """
    if a.unit != b.unit:
        return False
    if a.value is None or b.value is None:
        return a.value is None and b.value is None and plain(a.span.text) == plain(b.span.text)
    if a.value == b.value:
        return True
    tolerance = 0.03 if a.approximate or b.approximate else 0.005
    return abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value))


def _sentence_of(
    span: Span, sentences: tuple[tuple[int, int], ...], length: int
) -> tuple[int, int]:
    for start, end in sentences:
        if start <= span.start < end:
            return start, max(end, span.end)
    return 0, length


def _clause_before(body: str, sentence_start: int, position: int) -> str:
    text = body[sentence_start:position]
    ends = list(_CLAUSE_END.finditer(text))
    return text[ends[-1].end() :] if ends else text


def _clause_after(body: str, position: int, sentence_end: int) -> str:
    text = body[position:sentence_end]
    end = _CLAUSE_END.search(text)
    return text[: end.start()] if end else text


def _content_words(text: str, *, names: bool = True) -> list[str]:
    """Lowercased content words of ``text``; without capitalised words unless ``names``."""
    stop = stopwords()
    words = []
    for match in iter_tokens(text):
        token = match.group()
        if token[0].isdigit() or token.casefold() in NUMBER_WORDS:
            continue
        if not names and token[0].isupper():
            continue
        word = normal_word(token)
        if len(word) < 3 or word in stop or is_unit_word(word):
            continue
        words.append(word)
    return words
