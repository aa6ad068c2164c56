"""Lines written in capitals: headlines ("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN") and datelines
("LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29", "AARHUS, Denmark (BWS) -").

In capitals, a capital says nothing, so the ordinary rules would make a name of every word. These
lines are kept out of them: a dateline's place is a PLACE, and in a headline a word (or a few) is
an entity only when its title-case form is a name the rest of the document or the word lists know
("SHEARER" after "Alan Shearer", "ENGLAND"). Anything else in capitals is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from reader.core.analysis.entities.lexicon import Lexicon
from reader.core.results import EntityLabel, Span

_LINE = re.compile(r"[^\n]+")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
# The place at the start of a dateline, then an optional ", Region", then a date, "(Agency)" or a dash.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})"
    r"(?:\s?,\s?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
    r"(?:\s+(?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.? \d{1,2})\b|\s?\(|\s[-—–]\s)"
)
_CAPS_WORD = re.compile(r"[A-Z][A-Z.&'’-]*[A-Z.]|[A-Z]")
_POSSESSIVE = re.compile(r"['’]S$")
_LONGEST_NAME = 4


@dataclass(frozen=True, slots=True)
class CapitalLine:
    """A line in capitals; ``dateline`` is the (start, end) of its dateline place, if any."""

    start: int
    end: int
    dateline: tuple[int, int] | None


def capital_lines(text: str) -> list[CapitalLine]:
    """The lines of ``text`` whose words are all in capitals, and datelines, in text order."""
    out: list[CapitalLine] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        segment = line.group()
        # Most lines hold a lowercase letter, and then they are not in capitals: skip the counting.
        all_caps = segment.upper() == segment and len(_TWO_LETTERS.findall(segment)) >= 2
        dateline = _DATELINE.match(text, start)
        place = None
        if dateline is not None and any(c.isalpha() for c in dateline.group("place")):
            place = _strip(text, *dateline.span("place"))
        if all_caps and dateline is not None and dateline.group().endswith((" ", "(")):
            place = None  # "SOCCER - SHEARER NAMED…": a headline's topic, not a dateline
        if place is not None and not all_caps:
            # "MILWAUKEE, Wisconsin 1996-08-29": only the place in capitals is set apart.
            out.append(CapitalLine(place[0], place[1], place))
        elif all_caps or place is not None:
            out.append(CapitalLine(start, end, place))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in ".'’-":
        end -= 1
    return start, end


def inside(position: int, lines: list[CapitalLine]) -> bool:
    """True when ``position`` falls inside one of ``lines`` (which are in text order)."""
    low, high = 0, len(lines)
    while low < high:
        middle = (low + high) // 2
        if lines[middle].end <= position:
            low = middle + 1
        else:
            high = middle
    return low < len(lines) and lines[low].start <= position


def capital_spans(
    text: str,
    lines: list[CapitalLine],
    known: Mapping[str, EntityLabel],
    lex: Lexicon,
) -> list[Span]:
    """Entities of the capital lines: dateline places, and names the document already knows."""
    spans: list[Span] = []
    for line in lines:
        begin = line.start
        if line.dateline is not None:
            start, end = line.dateline
            spans.append(Span(start, end, str(EntityLabel.PLACE), text[start:end]))
            begin = end
        words = [m for m in _CAPS_WORD.finditer(text, begin, line.end)]
        i = 0
        while i < len(words):
            found = _longest_known(text, words, i, known, lex)
            if found is None:
                i += 1
                continue
            j, label, end = found
            start = words[i].start()
            spans.append(Span(start, end, str(label), text[start:end]))
            i = j
    return spans


def _longest_known(
    text: str, words: list[re.Match[str]], i: int, known: Mapping[str, EntityLabel], lex: Lexicon
) -> tuple[int, EntityLabel, int] | None:
    """The longest name starting at ``words[i]``: (index after it, its label, its end)."""
    for j in range(min(len(words), i + _LONGEST_NAME), i, -1):
        if any(text[words[k].end() : words[k + 1].start()] != " " for k in range(i, j - 1)):
            continue  # a name never spans punctuation
        start, end = words[i].start(), words[j - 1].end()
        raw = text[start:end]
        possessive = _POSSESSIVE.search(raw)
        if possessive is not None:
            raw, end = raw[: possessive.start()], end - 2
        for form in (raw, _title(raw)):
            label = _label_of(form, known, lex)
            if label is not None:
                return j, label, end
    return None


def _title(words: str) -> str:
    """ "NEW YORK" -> "New York", "O'BRIEN" -> "O'Brien", "U.S." stays."""
    return re.sub(r"[A-Z]+", lambda m: m.group()[0] + m.group()[1:].lower(), words)


def _label_of(form: str, known: Mapping[str, EntityLabel], lex: Lexicon) -> EntityLabel | None:
    if form in known:
        return known[form]
    if form in lex.places:
        return EntityLabel.PLACE
    if form in lex.orgs:
        return EntityLabel.ORG
    if form in lex.groups:
        return EntityLabel.GROUP
    if form in lex.people:
        return EntityLabel.PERSON
    return None
