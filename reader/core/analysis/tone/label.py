"""A tone label for an article, with the evidence it was computed from.

The labels (:class:`ToneLabel`):

- **Alarming** — stresses danger and fear: alarm words ("catastrophe", "nightmare", "panic")
  in the writer's own voice, at least :data:`ALARM_MIN` of them and :data:`ALARM_RATE` per
  1,000 words.
- **Provocative** — sets out to provoke: loaded words ("disgraceful", "farce") together with
  devices aimed at the reader — exclamations, rhetorical questions, "you" — at least
  :data:`PROVOCATIVE_MIN` loaded words, :data:`LOADED_RATE` per 1,000 words, and
  :data:`DEVICES_MIN` such devices.
- **Opinionated** — argues a view: at least :data:`OPINION_SHARE` of its sentences are opinion
  (:mod:`.opinion`: first person, "should", stance adverbs, evaluations, commentators'
  beliefs), or first-person words reach :data:`FIRST_PERSON_RATE` per 1,000 words.
- **Neutral** — none of these: it reports, and leaves judgements to the people it quotes.
  (Loaded words inside quotations are listed as evidence, labelled ``quoted-loaded``, but do not
  count: a sober report of a furious manager is still a sober report.)

Everything is counted in the writer's voice, outside quotation marks; the share of quoted speech
is reported as a feature (a piece that is mostly quotation relays others' tone). The label is
decided in the order above. Evidence spans give every counted word, sentence or quotation with
its feature name, so a reader can see why.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.tone import markers
from reader.core.analysis.tone.opinion import OPINION, SentenceStance, mark_sentences, opinion_share
from reader.core.results import Span

ALARM_MIN = 3
ALARM_RATE = 4.0
PROVOCATIVE_MIN = 3
LOADED_RATE = 6.0
DEVICES_MIN = 3
OPINION_SHARE = 0.2
FIRST_PERSON_RATE = 12.0


class ToneLabel(enum.StrEnum):
    """The tone of an article (see the module docstring for definitions)."""

    NEUTRAL = "Neutral"
    OPINIONATED = "Opinionated"
    PROVOCATIVE = "Provocative"
    ALARMING = "Alarming"


@dataclass(frozen=True, slots=True)
class Tone:
    """An article's tone label, why, and the evidence.

    Attributes:
        label: the label.
        reasons: one line per fact that decided it, for people.
        features: the measured features (rates per 1,000 words of the writer's voice, counts,
            shares), by name.
        evidence: spans of the text behind the features (label: the feature), in text order.
        sentences: each sentence marked OPINION or REPORT.
    """

    label: ToneLabel
    reasons: tuple[str, ...]
    features: dict[str, float]
    evidence: tuple[Span, ...]
    sentences: tuple[SentenceStance, ...]


def tone(text: str, sentences: Sequence[tuple[int, int]]) -> Tone:
    """Label the tone of ``text``, given its sentence boundaries."""
    voice = markers.outside_quotes(text)
    words = markers.word_markers(text, voice)
    punctuation = markers.punctuation_markers(text, sentences, voice)
    quoted = markers.quoted_markers(text)
    # The same words inside quotations: not the writer's, but they show where the heat is.
    heat_in_quotes = [
        Span(w.start, w.end, f"quoted-{w.label}", w.text)
        for w in markers.word_markers(text, [(q.start, q.end) for q in quoted])
        if w.label in (markers.LOADED, markers.ALARM)
    ]
    stances = mark_sentences(text, sentences)
    counts = Counter(span.label for span in (*words, *punctuation))
    voice_words = max(1, markers.word_count(text, voice))
    all_words = max(1, markers.word_count(text, [(0, len(text))]))

    def rate(kind: str) -> float:
        return round(1000.0 * counts[kind] / voice_words, 1)

    devices = counts[markers.EXCLAMATION] + counts[markers.QUESTION] + counts[markers.SECOND_PERSON]
    features = {
        "words": float(all_words),
        "voice_words": float(voice_words),
        "quoted_share": round(1.0 - voice_words / all_words, 3),
        "loaded": float(counts[markers.LOADED]),
        "loaded_per_1000": rate(markers.LOADED),
        "loaded_in_quotes": float(
            sum(w.label == f"quoted-{markers.LOADED}" for w in heat_in_quotes)
        ),
        "alarm": float(counts[markers.ALARM]),
        "alarm_per_1000": rate(markers.ALARM),
        "intensifier": float(counts[markers.INTENSIFIER]),
        "intensifier_per_1000": rate(markers.INTENSIFIER),
        "first_person_per_1000": rate(markers.FIRST_PERSON),
        "second_person_per_1000": rate(markers.SECOND_PERSON),
        "exclamations": float(counts[markers.EXCLAMATION]),
        "questions": float(counts[markers.QUESTION]),
        "opinion_sentences": float(sum(s.label == OPINION for s in stances)),
        "opinion_share": round(opinion_share(stances), 3),
    }
    label, reasons = _decide(features, devices)
    evidence = sorted(
        (*words, *punctuation, *quoted, *heat_in_quotes), key=lambda s: (s.start, s.end)
    )
    return Tone(label, tuple(reasons), features, tuple(evidence), tuple(stances))


def _decide(f: dict[str, float], devices: int) -> tuple[ToneLabel, list[str]]:
    if f["alarm"] >= ALARM_MIN and f["alarm_per_1000"] >= ALARM_RATE:
        return ToneLabel.ALARMING, [
            f"{f['alarm']:.0f} alarm words ({f['alarm_per_1000']} per 1,000 words; "
            f"Alarming from {ALARM_MIN} and {ALARM_RATE})"
        ]
    if (
        f["loaded"] >= PROVOCATIVE_MIN
        and f["loaded_per_1000"] >= LOADED_RATE
        and devices >= DEVICES_MIN
    ):
        return ToneLabel.PROVOCATIVE, [
            f"{f['loaded']:.0f} loaded words ({f['loaded_per_1000']} per 1,000 words)",
            f"{devices} exclamations, questions or words addressing the reader",
        ]
    reasons = []
    if f["opinion_share"] >= OPINION_SHARE:
        reasons.append(
            f"{f['opinion_sentences']:.0f} opinion sentences ({100 * f['opinion_share']:.0f}%; "
            f"Opinionated from {100 * OPINION_SHARE:.0f}%)"
        )
    if f["first_person_per_1000"] >= FIRST_PERSON_RATE:
        reasons.append(
            f"first person {f['first_person_per_1000']} per 1,000 words "
            f"(Opinionated from {FIRST_PERSON_RATE})"
        )
    if reasons:
        return ToneLabel.OPINIONATED, reasons
    reasons = [
        f"reports: {100 * f['opinion_share']:.0f}% opinion sentences, "
        f"{f['loaded']:.0f} loaded and {f['alarm']:.0f} alarm words in its own voice",
        f"{100 * f['quoted_share']:.0f}% of its words are quotations",
    ]
    if f["loaded_in_quotes"]:
        reasons.append(f"{f['loaded_in_quotes']:.0f} loaded words are inside quotations")
    return ToneLabel.NEUTRAL, reasons
