"""Quotations of an article and who said them.

A quotation is text between quotation marks (“…” or "…") of at least :data:`MIN_WORDS` words;
shorter quoted bits are names or scare quotes ("Scheldt Rose"). The speaker is found in the
quotation's sentence (outside the quotation marks): a PERSON next to a speech verb ("said Lars
Vestergaard", "Jens Riis told reporters"), else an ORG or GROUP there; "she said" means the last
person named before; a quotation with no attribution at all continues the previous quotation of
the same or the previous paragraph. A surname alone is written as the fullest name of that person
in the article ("Ms Skovgaard" → "Mette Skovgaard").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.results import Span

MIN_WORDS = 3
_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"")
#: Verbs (any tense, and the participle of a clause like "…, accusing it of") and constructions
#: that attribute a quotation: "said", but also "criticised … as", "called", "warned", "described
#: … as", "according to", "quoted … as saying", "X's remarks that …", "in a statement".
_SPEECH = re.compile(
    r"\b(?:"
    r"said|says?|saying|told|tells?|telling|according to|wrote|writes?|writing|warn|add|ask"
    r"|insist|argue|claim|urge|slam|slams|deny|reply|plead"
    # Stems that are other words on their own ("not", "call", "brand") need an ending.
    r"|(?:add|ask|warn|explain|insist|stat|urg|admit|argu|not|repli|recall|declar|announc"
    r"|continu|comment|conced|acknowledg|claim|accus|criticis|criticiz|call|describ|dismiss"
    r"|denounc|vow|pledg|brand|label|labell|slamm|reject|prais|condemn|blam|deni|complain"
    r"|promis|predict|tweet|post|respond|quot|remark|suggest|confirm|charg|hail|lament"
    r"|mock|decri|characteris|characteriz|demand|plead|assur|stress)"
    r"(?:es|ed|ing|s|d)"
    r"|(?:remarks|comments|words|statement|speech|message|tweet|warning|assertion)"
    r"\s+(?:that|about|on|in|to|was|were|calling|describing)"
    r")\b",
    re.IGNORECASE,
)
#: "The coach, Pavel Sorin, was unrepentant: “…”" – a colon before the quotation introduces it.
_COLON_INTRO = re.compile(r":\s*$")
_PRONOUN = re.compile(r"\b(?:he|she|they)\s+(?:\w+\s+)?$|^\s*,?\s*(?:he|she|they)\b", re.I)
_SPEAKER_LABELS = ("PERSON", "ORG", "GROUP")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation and its speaker.

    Attributes:
        article_id: the article it is in.
        start: offset of the first quoted character (inside the marks).
        end: offset just past the last quoted character.
        text: the quoted words.
        speaker: who said it, as named in the article; None when no one could be found.
    """

    article_id: int
    start: int
    end: int
    text: str
    speaker: str | None


def find_quotes(
    article_id: int,
    body: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Span],
) -> list[Quote]:
    """The quotations of ``body`` in text order, each with its speaker if one can be found."""
    marks = quoted_ranges(body)
    full_names = _full_names(entities)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in marks:
        text = body[start:end]
        if len(text.split()) < MIN_WORDS:
            continue
        zone_start, zone_end = _zone(start, end, sentences, len(body))
        speaker = _attributed(body, zone_start, zone_end, marks, entities, start)
        if (
            speaker is None
            and previous is not None
            and _unattributed(body, zone_start, zone_end, marks)
            and _near(body, previous.end, start)
        ):
            speaker = previous.speaker
        quote = Quote(article_id, start, end, text, full_names.get(speaker, speaker))
        quotes.append(quote)
        previous = quote
    return quotes


def quoted_ranges(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the text inside each pair of quotation marks, in order."""
    return [
        (m.start(1), m.end(1)) if m.group(1) is not None else (m.start(2), m.end(2))
        for m in _QUOTE.finditer(body)
    ]


def _zone(
    start: int, end: int, sentences: Sequence[tuple[int, int]], length: int
) -> tuple[int, int]:
    """From the first sentence the quotation touches to the last (quotes end sentences)."""
    first = [s for s, e in sentences if s <= start < e]
    last = [e for s, e in sentences if s < end <= e + 1]
    return (first[0] if first else max(0, start - 1), last[0] if last else min(length, end + 1))


def _outside(
    body: str, zone_start: int, zone_end: int, marks: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Ranges of the zone that are not inside quotation marks."""
    pieces = []
    position = zone_start
    for start, end in marks:
        if end <= zone_start or start >= zone_end:
            continue
        if start - 1 > position:
            pieces.append((position, start - 1))
        position = max(position, end + 1)
    if position < zone_end:
        pieces.append((position, zone_end))
    return pieces


def _attributed(
    body: str,
    zone_start: int,
    zone_end: int,
    marks: Sequence[tuple[int, int]],
    entities: Sequence[Span],
    quote_start: int,
) -> str | None:
    """The speaker named next to a speech verb in the quotation's sentence, if any."""
    for piece_start, piece_end in _outside(body, zone_start, zone_end, marks):
        text = body[piece_start:piece_end]
        verb = _SPEECH.search(text)
        if verb is None and piece_end + 1 == quote_start and _COLON_INTRO.search(text):
            verb = _COLON_INTRO.search(text)
        if verb is None:
            continue
        verb_at = piece_start + verb.start()
        inside = [
            e
            for e in entities
            if piece_start <= e.start and e.end <= piece_end and e.label in _SPEAKER_LABELS
        ]
        for labels in (("PERSON",), ("ORG", "GROUP")):
            named = [e for e in inside if e.label in labels]
            if named:
                return min(named, key=lambda e: abs(e.start - verb_at)).text
        if _PRONOUN.search(text[: verb.start()]) or _PRONOUN.search(text[verb.end() :]):
            return _last_person(entities, quote_start)
    return None


def _unattributed(
    body: str, zone_start: int, zone_end: int, marks: Sequence[tuple[int, int]]
) -> bool:
    """True when the sentence holds no speech verb outside quotation marks."""
    return not any(
        _SPEECH.search(body[s:e]) for s, e in _outside(body, zone_start, zone_end, marks)
    )


def _near(body: str, previous_end: int, start: int) -> bool:
    """True when a quotation follows the previous one in the same or the next paragraph."""
    return body.count("\n\n", previous_end, start) <= 1


def _last_person(entities: Sequence[Span], before: int) -> str | None:
    people = [e for e in entities if e.label == "PERSON" and e.end <= before]
    return people[-1].text if people else None


def _full_names(entities: Sequence[Span]) -> dict[str | None, str]:
    """Map each single-word PERSON mention to the longest PERSON name ending with it, else (a
    family name written first: "Kim" for "Kim Jong Un") the longest one starting with it."""
    people = [e.text for e in entities if e.label == "PERSON"]
    mapping: dict[str | None, str] = {}
    for name in people:
        if " " in name:
            continue
        fuller = [p for p in people if p != name and p.split()[-1] == name]
        fuller = fuller or [p for p in people if p != name and p.split()[0] == name]
        if fuller:
            mapping[name] = max(fuller, key=len)
    return mapping
