"""What analysing a text gives: entity and number labels, spans, sentences and summaries.

Frozen dataclasses and enums, public through :mod:`reader.core` like the article types of
:mod:`reader.core.models`; the analysers (:mod:`reader.core.analysis`) make them, storage caches
them, and the stories and exports read them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class EntityLabel(enum.StrEnum):
    """Kinds of named entity skim recognises."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    GROUP = "GROUP"  # nationalities, demonyms, religious and political groups


class NumberLabel(enum.StrEnum):
    """Kinds of numeric expression skim recognises."""

    CARDINAL = "CARDINAL"
    MONEY = "MONEY"
    PERCENT = "PERCENT"
    DATE = "DATE"
    TIME = "TIME"
    ORDINAL = "ORDINAL"
    QUANTITY = "QUANTITY"


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled range of a text: ``text == body[start:end]``."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Sentences, entities and numbers of one text, all as character offsets into it."""

    sentences: tuple[tuple[int, int], ...]
    entities: tuple[Span, ...]
    numbers: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SummaryExplanation:
    """Why the default summariser (``skim``) chose a sentence: the parts of its score.

    ``score`` of the sentence is ``centrality + position + length + redundancy``.

    Attributes:
        centrality: the weighted share from sumy's rating of the sentence.
        position: the weighted position prior (early sentences score more, on news most).
        length: the penalty for a long sentence (0 or negative).
        redundancy: the penalty for repeating a sentence chosen before it (0 or negative).
        rater: the sumy algorithm whose rating is the centrality (``"lexrank"``…).
        rating: that rating, as a share of the text's sentences it beats (0-1).
        sentence_number: the sentence's place among the text's prose sentences (1 = first).
        words: the sentence's length in words.
        genre: ``"news"`` or ``"other"``, from the text (it sets how much position counts).
        notes: rules that applied (for example a pronoun whose antecedent is also chosen).
        genre_reason: why the text was read as that genre, in one line.
    """

    centrality: float
    position: float
    length: float
    redundancy: float
    rater: str
    rating: float
    sentence_number: int
    words: int
    genre: str
    notes: tuple[str, ...] = ()
    genre_reason: str = ""


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence chosen by a summariser.

    Attributes:
        index: position of the sentence among all sentences of the text (0-based).
        start: offset of its first character in the text.
        end: offset just past its last character.
        text: the sentence itself.
        score: the summariser's score (higher is better; scale depends on the algorithm).
        rank: 1 for the best-scored sentence of the summary, 2 for the next…
        explanation: the parts of the score, for the algorithms that have parts (``skim``).
    """

    index: int
    start: int
    end: int
    text: str
    score: float
    rank: int
    explanation: SummaryExplanation | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """An extractive summary: chosen sentences in text order.

    ``read_up_to`` is the character offset where the summarised part of a very long text ends
    (see ``reader.core.analysis.summary.algorithms.SUMMARY_LIMIT``); None when the whole text was read.
    """

    algorithm: str
    sentences: tuple[SummarySentence, ...]
    read_up_to: int | None = None
