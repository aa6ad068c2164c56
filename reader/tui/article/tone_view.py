"""How the article screen shows an article's tone: header words, evidence spans and an explanation.

Pure helpers over :class:`reader.core.analysis.tone.label.Tone`; the article screen turns the spans on
and off with a key. The writer's own loaded, alarm and first-person words (and exclamations,
questions) carry the evidence background; quotations are muted, because they are someone else's
voice and are not counted; heated words inside quotations are only underlined; opinion sentences
are in italics.
"""

from __future__ import annotations

from collections import Counter

from textual.content import Span

from reader.core import OPINION, Tone

EVIDENCE_STYLE = "bold on $tone-evidence"
QUOTED_STYLE = "$text-muted"
QUOTED_HEAT_STYLE = "underline"
OPINION_STYLE = "italic"
TIMES = "\N{MULTIPLICATION SIGN}"

#: How the kinds of evidence are named in the explanation (kinds not listed are not named).
KIND_NAMES: dict[str, str] = {
    "first-person": "first person",
    "second-person": "“you”",
    "loaded": "loaded words",
    "alarm": "alarm words",
    "intensifier": "intensifiers",
    "exclamation": "exclamations",
    "question": "questions",
    "quoted": "quotations",
    "quoted-loaded": "loaded words in quotes",
    "quoted-alarm": "alarm words in quotes",
}


def evidence_style(kind: str) -> str:
    """The style of one kind of evidence span."""
    if kind == "quoted":
        return QUOTED_STYLE
    if kind.startswith("quoted-"):
        return QUOTED_HEAT_STYLE
    return EVIDENCE_STYLE


def tone_spans(tone: Tone) -> list[Span]:
    """Spans for the ArticleText in tone mode, in drawing order (later spans win).

    Opinion sentences first (italics), then quotations (muted), then the words and marks that
    were counted, so a counted word inside an opinion sentence shows both.
    """
    spans = [Span(s.start, s.end, OPINION_STYLE) for s in tone.sentences if s.label == OPINION]
    quoted = [e for e in tone.evidence if e.label == "quoted"]
    others = [e for e in tone.evidence if e.label != "quoted"]
    spans.extend(Span(e.start, e.end, QUOTED_STYLE) for e in quoted)
    spans.extend(Span(e.start, e.end, evidence_style(e.label)) for e in others)
    return spans


def evidence_counts(tone: Tone) -> list[tuple[str, int]]:
    """How often each named kind of evidence occurs, most frequent first."""
    counts = Counter(e.label for e in tone.evidence if e.label in KIND_NAMES)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def explanation(tone: Tone) -> str:
    """Why the article got its label, for a notification (a few short lines)."""
    lines = [f"{tone.label}: " + "; ".join(tone.reasons)]
    counts = evidence_counts(tone)
    if counts:
        lines.append("Marked: " + ", ".join(f"{KIND_NAMES[k]} {n}{TIMES}" for k, n in counts))
    opinions = sum(s.label == OPINION for s in tone.sentences)
    if opinions:
        lines.append(f"{opinions} opinion sentence{'s' if opinions != 1 else ''} in italics.")
    return "\n".join(lines)
