"""Mark each sentence as OPINION (the writer judges, argues or hedges) or REPORT (states or quotes).

A sentence scores points for cues in the writer's own voice (outside quotation marks):

- first person: "I", "my" (2), "we", "our" (1); second person, addressing the reader (1);
- stance adverbs and phrases ("clearly", "frankly", "let's be honest", "in my view") (2);
- obligation: "should", "ought to" (2); "must", "need to" (1: rules and requirements use them);
- beliefs of the writer or of a group of commentators ("I think", "analysts believe") (2);
- evaluative and loaded words ("wrong", "better", "embarrassing") and intensifiers (1 each);
- a question or an exclamation of the writer (2 and 1).

A sentence with :data:`OPINION_SCORE` points or more is OPINION. Quoted speech is not scored: an
attributed quotation is reported, whatever it says. Nor are obligations, beliefs and evaluations
in reported speech ("He said batteries should be collected…", "the court ruled that riders must
…") or in an indirect question ("whether contributions should be…"). The cues are returned as
evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reader.core import wordlists
from reader.core.analysis.tone import markers
from reader.core.results import Span

OPINION = "OPINION"
REPORT = "REPORT"
OPINION_SCORE = 2

_WEIGHTS = {
    markers.FIRST_PERSON: 1,
    markers.SECOND_PERSON: 1,
    markers.LOADED: 1,
    markers.INTENSIFIER: 1,
    markers.ALARM: 1,
    markers.QUESTION: 2,
    markers.EXCLAMATION: 1,
    "stance": 2,
    "modal": 2,
    "evaluative": 1,
    "belief": 2,
}
_SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
# Who may hold a belief the writer hedges with: commentators, not the sources of facts
# ("investigators believe the fire began…" reports what investigators say).
_HOLDERS = (
    r"I|we|analysts?|critics?|experts?|observers?|commentators?|economists?|many|some|others"
    r"|supporters?|opponents?|sceptics?|skeptics?|fans|most|few|people"
)


# A speech or ruling verb: what follows is someone else's view, reported.
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|according to|argued|argues|warned|urged|insisted|claimed"
    r"|ruled|rules|found|decided|concluded|recommended|called (?:the|it|for))\b"
)
_WHETHER = re.compile(r"\bwhether\b[^.;:]*$", re.I)
_SPEAKERS_CUES = frozenset({"modal", "belief", "evaluative", markers.LOADED})


@dataclass(frozen=True, slots=True)
class SentenceStance:
    """One sentence of a text marked OPINION or REPORT.

    Attributes:
        start: offset of the sentence in the text.
        end: offset just past it.
        label: :data:`OPINION` or :data:`REPORT`.
        score: the points its cues add up to.
        cues: the cue words or phrases (labels: cue kinds), offsets into the text.
    """

    start: int
    end: int
    label: str
    score: int
    cues: tuple[Span, ...]


@cache
def _cue_patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for entry in wordlists.phrases("reader.core.analysis.tone", "opinion_cues.txt"):
        kind, _, words = entry.partition(":")
        phrase = r"\s+".join(re.escape(w) for w in words.split())
        phrase = phrase.replace("'", "['’]")
        if kind.strip() == "belief":
            # A belief counts only with its holder just before it: "analysts believe".
            phrase = rf"(?:{_HOLDERS})\s+(?:\w+\s+)?{phrase}"
        patterns.append((kind.strip(), re.compile(rf"(?<![\w'’]){phrase}(?![\w'’])", re.I)))
    return patterns


def mark_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> list[SentenceStance]:
    """Mark every sentence of ``text`` (its ``(start, end)`` boundaries) as opinion or report."""
    voice = markers.outside_quotes(text)
    words = markers.word_markers(text, voice)
    punctuation = markers.punctuation_markers(text, sentences, voice)
    phrases = _phrase_cues(text, voice)
    result = []
    for start, end in sentences:
        cues = sorted(
            (c for c in (*words, *punctuation, *phrases) if start <= c.start < end),
            key=lambda c: (c.start, c.end),
        )
        reported = any(
            _REPORTED.search(text, max(s, start), min(e, end))
            for s, e in voice
            if s < end and start < e
        )
        score = sum(_weight(c, text, reported) for c in _without_overlaps(cues))
        label = OPINION if score >= OPINION_SCORE else REPORT
        result.append(SentenceStance(start, end, label, score, tuple(cues)))
    return result


def opinion_share(stances: Sequence[SentenceStance]) -> float:
    """Share of sentences marked OPINION (0.0 for no sentences)."""
    return sum(s.label == OPINION for s in stances) / len(stances) if stances else 0.0


def _phrase_cues(text: str, voice: Sequence[tuple[int, int]]) -> list[Span]:
    found = []
    for kind, pattern in _cue_patterns():
        for s, e in voice:
            for match in pattern.finditer(text, s, e):
                found.append(Span(match.start(), match.end(), kind, match.group()))
    return found


def _weight(cue: Span, text: str, reported: bool) -> int:
    if cue.label == markers.FIRST_PERSON and cue.text.casefold().replace("’", "'") in _SINGULAR:
        return 2
    if cue.label in _SPEAKERS_CUES and reported:
        return 0
    if cue.label == "modal":
        if _WHETHER.search(text[max(0, cue.start - 60) : cue.start]):
            return 0
        return 2 if cue.text.casefold().startswith(("should", "ought")) else 1
    return _WEIGHTS.get(cue.label, 0)


def _without_overlaps(cues: list[Span]) -> list[Span]:
    """Cues in order, a word found by two lists ("dishonest": loaded and evaluative) once."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for cue in cues:
        if (cue.start, cue.end) not in seen:
            seen.add((cue.start, cue.end))
            kept.append(cue)
    return kept
