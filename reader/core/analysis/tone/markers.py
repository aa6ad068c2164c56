"""Visible markers of voice in a text, as spans: loaded words, person, punctuation, quotations.

Shared by :mod:`.tone` and :mod:`.opinion`. Everything except quotations is looked for only in the
writer's own voice, outside quotation marks: a furious quote in a sober report is the speaker's
fury, not the outlet's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from reader.core import wordlists
from reader.core.analysis.tone.quotes import quoted_ranges
from reader.core.results import Span

#: Marker kinds (the ``label`` of the spans).
LOADED = "loaded"
ALARM = "alarm"
INTENSIFIER = "intensifier"
FIRST_PERSON = "first-person"
SECOND_PERSON = "second-person"
EXCLAMATION = "exclamation"
QUESTION = "question"
QUOTED = "quoted"

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_FIRST = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "we're",
        "we've",
        "we'd",
        "we'll",
    ]
)
_SECOND = frozenset(
    ["you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll"]
)


@cache
def _lists() -> dict[str, frozenset[str]]:
    return {
        LOADED: wordlists.words("reader.core.analysis.tone", "loaded.txt"),
        ALARM: wordlists.words("reader.core.analysis.tone", "alarm.txt"),
        INTENSIFIER: wordlists.words("reader.core.analysis.tone", "intensifiers.txt"),
    }


def outside_quotes(text: str) -> list[tuple[int, int]]:
    """Ranges of ``text`` that are the writer's own voice (not inside quotation marks)."""
    ranges = []
    position = 0
    for start, end in quoted_ranges(text):
        if start - 1 > position:
            ranges.append((position, start - 1))
        position = end + 1
    if position < len(text):
        ranges.append((position, len(text)))
    return ranges


def in_ranges(start: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """True when offset ``start`` lies in one of ``ranges`` (sorted, disjoint)."""
    return any(s <= start < e for s, e in ranges)


def word_markers(text: str, voice: Sequence[tuple[int, int]]) -> list[Span]:
    """Loaded, alarm and intensifier words and first/second-person words in the writer's voice."""
    lists = _lists()
    found = []
    for s, e in voice:
        for match in _WORD.finditer(text, s, e):
            word = match.group().casefold().replace("’", "'")
            kind = _kind(word, match.group(), lists)
            if kind is not None:
                found.append(Span(match.start(), match.end(), kind, match.group()))
    return found


def _kind(word: str, token: str, lists: dict[str, frozenset[str]]) -> str | None:
    if word in _FIRST and _is_pronoun(word, token):
        return FIRST_PERSON
    if word in _SECOND:
        return SECOND_PERSON
    for kind in (ALARM, LOADED, INTENSIFIER):
        if word in lists[kind]:
            return kind
    return None


def _is_pronoun(word: str, token: str) -> bool:
    """ "I" is always a capital ("i.e." is not a pronoun); "US" is a country."""
    if word == "i" or word.startswith("i'"):
        return token[0] == "I"
    return word != "us" or token == "us"


def punctuation_markers(
    text: str, sentences: Iterable[tuple[int, int]], voice: Sequence[tuple[int, int]]
) -> list[Span]:
    """Sentences of the writer's voice ending in "!" (exclamation) or "?" (a question asked of
    the reader: a report asks none of its own, so such questions are rhetorical)."""
    found = []
    for start, end in sentences:
        stripped = text[start:end].rstrip("\"”’' )")
        if not stripped:
            continue
        mark = start + len(stripped) - 1
        if text[mark] in "!?" and in_ranges(mark, voice):
            kind = EXCLAMATION if text[mark] == "!" else QUESTION
            found.append(Span(start, end, kind, text[start:end]))
    return found


def quoted_markers(text: str) -> list[Span]:
    """Each quotation as a span (for the share of quoted speech)."""
    return [Span(s, e, QUOTED, text[s:e]) for s, e in quoted_ranges(text)]


def word_count(text: str, ranges: Iterable[tuple[int, int]]) -> int:
    """Words of ``text`` within ``ranges``."""
    return sum(len(_WORD.findall(text, s, e)) for s, e in ranges)
