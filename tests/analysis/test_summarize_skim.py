"""The default summariser (``skim``): rules, genre, explanations, weights and determinism."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from reader.core.analysis import (
    DEFAULT_ALGORITHM,
    summarize,
    summary_version,
)
from reader.core.analysis.summary import rules, skim
from reader.core.ingest import read_path
from reader.core.results import SummaryExplanation, SummarySentence
from reader.core.serialize import summary_from_dict, summary_to_dict

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def sample_bodies() -> list[tuple[str, str]]:
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".md", ".txt", ".html"})
    return [(p.name, read_path(p).body) for p in paths if p.name != "README.md"]


def test_skim_is_the_default() -> None:
    assert DEFAULT_ALGORITHM == "skim"


@pytest.mark.parametrize(("name", "body"), sample_bodies(), ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("count", [3, 5])
def test_no_default_summary_sentence_has_unbalanced_quotes_or_under_six_words(
    name: str, body: str, count: int
) -> None:
    summary = summarize(body, sentences=count)
    assert summary.sentences, name
    for sentence in summary.sentences:
        assert not rules.quotes_unbalanced(sentence.text), sentence.text
        assert rules.words(sentence.text) >= 6, sentence.text


NEWS = (
    "By. Jane Doe.\n\n"
    "PUBLISHED:. 14:11 EST, 25 October 2013.\n\n"
    "The harbour board voted on Tuesday to rebuild the north pier after a long dispute. "
    "He said the vote was close. "
    "The pier has been closed since a storm damaged its deck last winter. "
    '"It will be the finest pier on the coast, said the chair. '
    "Fishing crews said the closure had cost them hours every single week. "
    "Work on the new pier starts in March and should take about two years."
)


def test_bylines_fragments_and_cut_quotes_are_never_chosen_while_others_remain() -> None:
    summary = summarize(NEWS, algorithm="skim", sentences=4)
    texts = [s.text for s in summary.sentences]
    assert not any(t.startswith(("By", "PUBLISHED", "Jane")) for t in texts)
    assert not any(t.startswith('"It will') for t in texts)


def test_a_pronoun_opener_comes_only_after_its_antecedent() -> None:
    summary = summarize(NEWS, algorithm="skim", sentences=4)
    chosen = {s.index for s in summary.sentences}
    for sentence in summary.sentences:
        if rules.dangling_opener(sentence.text):
            assert sentence.index - 1 in chosen
            assert any("also chosen" in note for note in _explanation(sentence).notes)


def test_rules_give_way_when_nothing_else_is_left() -> None:
    summary = summarize("He left. She stayed. It rained.", algorithm="skim", sentences=3)
    assert len(summary.sentences) == 3
    assert any("relaxed" in n for s in summary.sentences for n in _explanation(s).notes)


def _explanation(sentence: SummarySentence) -> SummaryExplanation:
    """The sentence's explanation, which the skim algorithm always gives."""
    assert sentence.explanation is not None
    return sentence.explanation


def test_every_sentence_explains_its_score() -> None:
    summary = summarize(read_path(SAMPLES / "arctic-shipping-lanes-pact.md").body, sentences=3)
    for sentence in summary.sentences:
        why = sentence.explanation
        assert why is not None
        total = why.centrality + why.position + why.length + why.redundancy
        assert math.isclose(sentence.score, total)
        assert why.length <= 0 and why.redundancy <= 0
        assert 0 <= why.rating <= 1 and why.sentence_number >= 1 and why.words >= 6
        assert why.genre in {"news", "other"}


def test_explanations_survive_the_cache_round_trip() -> None:
    summary = summarize(NEWS, algorithm="skim")
    assert summary_from_dict(summary_to_dict(summary)) == summary
    plain = summarize(NEWS, algorithm="luhn")
    assert "explanation" not in summary_to_dict(plain)["sentences"][0]


def test_genre_reads_news_papers_essays_and_long_form() -> None:
    rule = skim.load_weights().genre
    bodies = dict(sample_bodies())
    verdict = {
        name: rules.genre_of(body, body.split(". "), rule).name for name, body in bodies.items()
    }
    assert verdict["riverside-bridge-closure.txt"] == "news"
    assert verdict["arctic-shipping-lanes-pact.md"] == "news"
    assert verdict["opinion-four-day-week.md"] == "other"  # a first-person column
    assert verdict["longform-forty-four-minutes.md"] == "other"  # over 3,000 words
    paper = "BACKGROUND\nWe found that the gene matters (Smith et al., 2020).\n\nRESULTS\nIt did."
    assert rules.genre_of(paper, paper.split("\n"), rule).name == "other"


def test_weights_file_parses_and_its_digest_is_in_the_cache_key() -> None:
    weights = skim.load_weights()
    sumy = {"luhn", "edmundson", "lsa", "lexrank", "textrank", "sumbasic", "reduction"}
    for setting in (weights.news, weights.other):
        assert setting.rater in sumy and setting.second_rater in sumy | {""}
        numbers = {k: v for k, v in dataclasses.asdict(setting).items() if "rater" not in k}
        assert all(v >= 0 for v in numbers.values()), setting
    assert skim.weights_digest() in summary_version("skim")
    assert "weights" not in summary_version("lexrank")


def test_shares_rank_ratings_with_ties_counting_half() -> None:
    assert skim.shares([0.2, 0.9, 0.2, 0.5]) == [1 / 6, 1.0, 1 / 6, 2 / 3]
    assert skim.shares([3.0]) == [1.0]
    assert skim.shares([]) == []


def test_sentence_faults_name_what_is_wrong() -> None:
    assert rules.sentence_faults('He said "we will win the next one.') == ("unbalanced quotes",)
    assert "under 6 words" in rules.sentence_faults("Work starts soon.")
    assert "byline or caption" in rules.sentence_faults(
        "Scroll down for video of the storm hitting the pier last night."
    )
    assert (
        rules.sentence_faults("The harbour board voted on Tuesday to rebuild the north pier.") == ()
    )
    assert rules.dangling_opener("But the board disagreed with the plan.") == "But"
    assert rules.dangling_opener("Board members disagreed with the plan.") is None
