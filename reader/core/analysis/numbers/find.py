"""Find numeric expressions (amounts, percentages, dates, times, ordinals, quantities) in text.

Deterministic and offline: a set of regular expressions (:mod:`.numbers_patterns`) proposes
candidates, a few context rules drop the ones that are not numbers (digits inside names, pronoun
"one", phone numbers), overlaps are resolved in favour of the longest candidate, and comparators
such as "more than" or "about" are pulled into the span, as the annotation guidelines ask.
"""

from __future__ import annotations

import functools
import re

from reader.core.analysis.numbers.anchors import anchors
from reader.core.analysis.numbers.patterns import ADDRESS, APPROXIMATOR, PATTERNS, PHONE
from reader.core.results import NumberLabel, Span

_PRIORITY = {label: rank for rank, (label, _) in enumerate(PATTERNS)}

# Capitalised words after which a numeral is an identifier (a CARDINAL), not part of a name.
_IDENTIFIER_WORDS = frozenset(
    [
        "Flight",
        "Route",
        "Platform",
        "Article",
        "Articles",
        "Annex",
        "Section",
        "Chapter",
        "Gate",
        "Terminal",
        "Room",
        "Highway",
        "Bus",
        "Pier",
        "Berth",
        "Lot",
        "Unit",
        "Exit",
        "Stage",
        "Page",
        "Clause",
        "Paragraph",
        "Resolution",
        "Level",
        "Grade",
        "Track",
        "Ward",
        "Block",
        "Building",
        "Floor",
        "Apartment",
        "Suite",
        "Box",
        "Interstate",
        "Road",
        "Street",
        "Avenue",
        "Lane",
        "Bay",
        "Dock",
        "Hall",
        "Court",
        "Appendix",
        "Table",
        "Figure",
        "Item",
        "Rule",
        "Amendment",
        "Category",
        "Cell",
        "Seat",
        "Row",
        "Zone",
        "District",
        "Precinct",
        "Game",
        "Games",
        "Match",
        "Week",
        "Day",
        "Round",
        "Stage",
        "Lap",
        "Hole",
        "Number",
        "Channel",
        "Station",
        "Line",
    ]
)
_NAMEY_BEFORE = re.compile(r"([A-Z][\w.&'’-]*) $")
_MONTHS_AND_DAYS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?:;\"“”'\u2018’(\[\n]\s*|\n)[\w.&'’-]+ $")
# "one" is not a count in "no one", "the one who", "one another", "one day", "one-off".
_PRONOUN_ONE_BEFORE = re.compile(
    r"(?i:\b(?:no|any|every|the|this|that|which|each|some|little|anyone|someone) )$"
)
_PRONOUN_ONE_AFTER = re.compile(
    r"(?i: (?:another|day|way|point|time)\b|-(?:off|time|way|sided|stop|on-one|liner|size|man)\b)"
)
_PUNCTUATION_AFTER = re.compile(r" ?[—–]|[,.;:!?\"”’)]")
# "a predictable one.", "I am one —": "one" standing for a noun, not counting.
_PRONOUN_ONE_SHAPE = re.compile(
    r"(?i:\b(?:a|an|the|this|that|every|any) [a-z]+ |\b(?:am|is|are|was|were|be|been) )$"
)
_CAPITAL_AFTER = re.compile(
    r" (?!(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b)[A-Z]"
)
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:a|an|the|its|their|his|her) )$")
_MILLIONS_OF_THINGS = re.compile(r"\dm$")
# After "2.4m", a noun means millions of something; a measure word means metres.
_PLURAL_AFTER = re.compile(
    r" (?!(?:away|high|long|deep|tall|wide|above|below|under|from|of|in|into|to|off|across"
    r"|along|per|and|or|by|at|on|up|down)\b)[a-z]{3,}\b"
)
_LIST_MARKER = re.compile(r"[.)] ")
_RANK_BEFORE = re.compile(r"(?i:\b(?:world|ranked|seeded|the|a|its|their|his|her|our) )$")
# Number words and prefixes that a span may start with for an approximator to be pulled in.
# Last words of the approximators, checked before the (slower) regular expression.
_APPROXIMATOR_ENDS = frozenset(
    [
        "than",
        "over",
        "under",
        "to",
        "least",
        "most",
        "as",
        "about",
        "around",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "some",
        "estimated",
        "of",
        "above",
        "below",
    ]
)
_NO_APPROXIMATOR_START = re.compile(
    r"(?i:the|this|last|next|that|early|late|mid|recent|yesterday|today|tomorrow|tonight)\b"
    r"|[A-Z][a-z]+day\b|(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
)


def find_numbers(text: str) -> list[Span]:
    """Return the numeric expressions of ``text``, sorted and non-overlapping.

    Args:
        text: any text; offsets in the result refer to it.

    Returns:
        Spans labelled with :class:`~reader.core.results.NumberLabel` values, where
        ``span.text == text[span.start:span.end]``.
    """
    if not text:
        return []
    blocked = bytearray(len(text))
    if "@" in text or "www." in text or "://" in text:
        for match in ADDRESS.finditer(text):
            blocked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    candidates: list[tuple[int, int, NumberLabel]] = []
    for position, labels in anchors(text):
        if blocked[position]:
            continue
        if text[position].isdigit():
            phone = PHONE.match(text, position)
            if phone is not None:
                blocked[position : phone.end()] = b"\x01" * (phone.end() - position)
                continue
        for label, pattern in _patterns_for(labels):
            found = pattern.match(text, position)
            if found is None or found.end() == position:
                continue
            kept = _check(text, position, found.end(), label)
            if kept is not None:
                candidates.append((position, found.end(), kept))
    chosen = _longest_first(candidates, blocked)
    return [Span(s, e, str(label), text[s:e]) for s, e, label in _with_approximators(text, chosen)]


@functools.cache
def _patterns_for(
    labels: frozenset[NumberLabel],
) -> tuple[tuple[NumberLabel, re.Pattern[str]], ...]:
    return tuple((label, pattern) for label, pattern in PATTERNS if label in labels)


def _check(text: str, start: int, end: int, label: NumberLabel) -> NumberLabel | None:
    """Apply the context rules to one candidate: its label, a new label, or None to drop it."""
    value = text[start:end]
    before = text[max(0, start - 40) : start]
    after = text[end : end + 12]
    if value[0].isdigit() and len(before) >= 2 and before[-1] == "-" and before[-2].isalpha():
        return None  # "nylon-6", "COVID-19", "F-16": a name, not a number
    if after[:1] == "-" and after[1:2].isalpha() and label is not NumberLabel.ORDINAL:
        return None  # "3-pointer", "one-off": a number word inside a fixed compound
    if label is NumberLabel.ORDINAL and value[0].isdigit() and _CAPITAL_AFTER.match(after):
        return None  # "8th Circuit", "5th Avenue": part of a name
    if value.isdigit() and _LIST_MARKER.match(after) and (start == 0 or text[start - 1] == "\n"):
        return None  # "1. The configuration change…": a list item's number
    if label is NumberLabel.CARDINAL:
        if after[:1].isalpha() or after[:1] in "$€£":
            return None  # "3D", "5G"
        if value.lower() == "one" and (
            _PRONOUN_ONE_BEFORE.search(before)
            or _PRONOUN_ONE_AFTER.match(after)
            or (_PUNCTUATION_AFTER.match(after) and _PRONOUN_ONE_SHAPE.search(before))
        ):
            return None
        if value.startswith("No.") and _RANK_BEFORE.search(before):
            return NumberLabel.ORDINAL  # "world No. 2" is a rank
        if value.isdigit() and _is_part_of_name(before):
            return None
    if label is NumberLabel.QUANTITY:
        if value.lower().startswith("one-time"):
            return None
        if (
            _MILLIONS_OF_THINGS.search(value)
            and _PLURAL_AFTER.match(after)
            and not _ARTICLE_BEFORE.search(before)  # "a 2m wall", "the 100m sprint"
        ):
            return NumberLabel.CARDINAL  # "2.4m people": millions, not metres
    return label


def _is_part_of_name(before: str) -> bool:
    """True when the numeral follows a capitalised name word ("Series 7", "Apollo 11")."""
    match = _NAMEY_BEFORE.search(before)
    if match is None:
        return False
    word = match.group(1).rstrip(".")
    if word in _IDENTIFIER_WORDS or word in _MONTHS_AND_DAYS or word.isupper():
        return False
    # A capitalised first word of a sentence says nothing about names.
    return _SENTENCE_END_BEFORE.search(before) is None


def _longest_first(
    candidates: list[tuple[int, int, NumberLabel]], blocked: bytearray
) -> list[tuple[int, int, NumberLabel]]:
    """Keep non-overlapping candidates, longest first, ties broken by pattern priority."""
    candidates.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0]))
    chosen: list[tuple[int, int, NumberLabel]] = []
    for start, end, label in candidates:
        if blocked.find(1, start, end) == -1:
            blocked[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, label))
    chosen.sort()
    return chosen


def _with_approximators(
    text: str, spans: list[tuple[int, int, NumberLabel]]
) -> list[tuple[int, int, NumberLabel]]:
    """Extend spans leftwards over "more than", "about", "nearly"… without touching a neighbour."""
    out: list[tuple[int, int, NumberLabel]] = []
    previous_end = 0
    for start, end, label in spans:
        word_before = text[max(0, start - 15) : start - 1].rsplit(" ", 1)[-1].lower()
        if word_before in _APPROXIMATOR_ENDS and not _NO_APPROXIMATOR_START.match(text, start):
            match = APPROXIMATOR.search(text, max(previous_end, start - 40), start)
            if match is not None:
                start = match.start()
        out.append((start, end, label))
        previous_end = end
    return out
