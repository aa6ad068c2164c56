"""Tone labels with evidence, and sentences marked opinion or report."""

from __future__ import annotations

import pytest

from reader.core.analysis import split_sentences
from reader.core.analysis.tone.label import Tone, ToneLabel, tone
from reader.core.analysis.tone.opinion import OPINION, REPORT, mark_sentences
from reader.core.library import Library
from tests.stories.conftest import aarhus_ids

ALARMING = (
    "The river is rising and the town faces catastrophe. Residents described a nightmare as "
    "water poured into cellars overnight, and panic spread when the alarm sounded. Officials "
    "warned of devastating damage to the old bridge. The dire forecast promises more rain."
)
PROVOCATIVE = (
    "Another week, another disgraceful decision from the council. Who exactly do they think "
    "they are fooling? You paid for this farce, and you will pay again! The new parking plan is "
    "a pathetic, ridiculous mess. Are we really supposed to believe it was an accident? Wake up!"
)


def _tone(text: str) -> Tone:
    return tone(text, split_sentences(text))


def _title(samples: Library, words: str) -> int:
    return next(m.id for m in samples.articles.find() if words in m.title)


def test_the_opinion_column_is_opinionated(samples: Library) -> None:
    result = samples.analysis.tone(samples.articles.get(_title(samples, "four-day week")))
    assert result.label is ToneLabel.OPINIONATED
    assert result.features["first_person_per_1000"] > 20
    assert result.features["opinion_share"] > 0.3
    assert any("first person" in reason for reason in result.reasons)


def test_the_wire_report_is_neutral(samples: Library) -> None:
    _, baltic = aarhus_ids(samples)
    result = samples.analysis.tone(samples.articles.get(baltic))
    assert result.label is ToneLabel.NEUTRAL
    assert result.features["quoted_share"] > 0.1
    # Its quotations hold first-person words ("I don't use that word lightly"): not counted.
    assert result.features["first_person_per_1000"] == 0


def test_the_aggregator_story_is_neutral_whatever_its_site_said(samples: Library) -> None:
    # The page was labelled "Provocative" by its aggregator; the heat is in the quotes.
    result = samples.analysis.tone(samples.articles.get(_title(samples, "offside call")))
    assert result.label is ToneLabel.NEUTRAL
    assert result.features["quoted_share"] > 0.15
    assert result.features["opinion_share"] == 0


def test_every_sample_report_is_neutral_and_only_the_column_is_not(samples: Library) -> None:
    labels = {
        m.title: samples.analysis.tone(samples.articles.get(m.id)).label
        for m in samples.articles.find()
    }
    assert [t for t, label in labels.items() if label is not ToneLabel.NEUTRAL] == [
        next(t for t in labels if "four-day week" in t)
    ]


def test_alarming_and_provocative() -> None:
    alarming = _tone(ALARMING)
    assert alarming.label is ToneLabel.ALARMING
    assert {s.text for s in alarming.evidence if s.label == "alarm"} >= {"catastrophe", "panic"}
    provocative = _tone(PROVOCATIVE)
    assert provocative.label is ToneLabel.PROVOCATIVE
    kinds = {s.label for s in provocative.evidence}
    assert {"loaded", "question", "exclamation", "second-person"} <= kinds


def test_the_same_words_inside_quotation_marks_do_not_count() -> None:
    quoted = " ".join(f"“{s.strip()}” a resident said." for s in ALARMING.split(". ") if s)
    result = _tone(quoted)
    assert result.label is ToneLabel.NEUTRAL
    assert result.features["alarm"] == 0
    assert any(s.label == "quoted-alarm" for s in result.evidence)


@pytest.mark.parametrize("text", [ALARMING, PROVOCATIVE])
def test_evidence_offsets_match_the_text(text: str) -> None:
    for span in _tone(text).evidence:
        assert text[span.start : span.end] == span.text


def test_evidence_offsets_match_a_stored_article(samples: Library) -> None:
    article = samples.articles.get(_title(samples, "four-day week"))
    result = samples.analysis.tone(article)
    assert len(result.evidence) > 50
    for span in result.evidence:
        assert article.body[span.start : span.end] == span.text
    for stance in result.sentences:
        for cue in stance.cues:
            assert article.body[cue.start : cue.end] == cue.text
            assert stance.start <= cue.start < stance.end


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Analysts believe the merger will fail.", OPINION),
        ("The council should scrap the plan.", OPINION),
        ("Frankly, the plan is a mistake.", OPINION),
        ("I think the bridge was never safe.", OPINION),
        ("Is this really the best we can do?", OPINION),
        ("Police said the road would reopen on Friday.", REPORT),
        ("He said the council should scrap the plan.", REPORT),
        ("The court ruled that riders must receive sick pay.", REPORT),
        ("Investigators believe the fire began in a storeroom.", REPORT),
        ("The rules, i.e. the new ones, apply from May.", REPORT),
        ("“This is a disgraceful farce and you know it,” the mayor said.", REPORT),
        ("Delegates argued over whether fees should be cut.", REPORT),
    ],
)
def test_sentences_are_marked_opinion_or_report(sentence: str, label: str) -> None:
    (stance,) = mark_sentences(sentence, [(0, len(sentence))])
    assert stance.label == label, stance.cues
