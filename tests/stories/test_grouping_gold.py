"""Story grouping against the gold set of article pairs (tuned on dev; asserted on test)."""

from __future__ import annotations

import pytest

from benchmarks import stories_tune
from benchmarks.stories_gold import (
    GoldPair,
    StoriesGoldError,
    evaluate,
    load_split,
    parse_pairs,
    score_grouping,
)


def test_gold_set_has_enough_pairs_of_every_kind() -> None:
    pairs = [*load_split("dev"), *load_split("test")]
    kinds = {kind: sum(p.kind == kind for p in pairs) for kind in ("same-event", "near-miss")}
    assert len(pairs) >= 40
    assert kinds["same-event"] >= 20 and kinds["near-miss"] >= 15
    # The splits share no pair and no article text.
    dev_bodies = {p.a.body for p in load_split("dev")} | {p.b.body for p in load_split("dev")}
    test_bodies = {p.a.body for p in load_split("test")} | {p.b.body for p in load_split("test")}
    assert not dev_bodies & test_bodies


def test_grouping_precision_and_recall_on_the_test_split() -> None:
    score = evaluate("test")
    assert score.precision >= 0.9, score.wrong_pairs
    assert score.recall >= 0.9, score.wrong_pairs


@pytest.mark.parametrize("split", ["dev", "test"])
def test_both_splits_hold_undated_pasted_articles(split: str) -> None:
    pairs = load_split(split)
    undated = [p for p in pairs if p.a.published is None or p.b.published is None]
    assert len(undated) >= 7
    assert {p.label for p in undated} == {"same", "different"}
    assert any(p.a.published is None and p.b.published is None for p in undated)


def test_scoring_counts_links_across_pairs_as_false_positives() -> None:
    pairs = load_split("dev")[:3]
    same = [p for p in pairs if p.label == "same"]
    # Everything in one story: every same pair is found, every other link is wrong.
    merged = score_grouping(pairs, {(p.id, side): 1 for p in pairs for side in "ab"})
    assert merged.recall == 1.0
    assert merged.false_positives == 15 - len(same)
    # Everything apart: nothing is linked, so precision is vacuous and recall zero.
    apart = score_grouping(pairs, {(p.id, s): k for k, (p, s) in enumerate(_sides(pairs))})
    assert apart.precision == 1.0 and apart.recall == 0.0


def _sides(pairs: list[GoldPair]) -> list[tuple[GoldPair, str]]:
    return [(p, side) for p in pairs for side in "ab"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "x"}, "expected a list"),
        ([{"id": "x", "label": "same", "kind": "near-miss"}], "does not fit"),
        ([{"id": "x", "label": "maybe", "kind": "near-miss"}], "label must be"),
        ([{"id": "x", "label": "same", "kind": "same-event", "a": {}, "b": {}}], "missing"),
    ],
)
def test_malformed_gold_files_are_refused(data: object, message: str) -> None:
    with pytest.raises(StoriesGoldError, match=message):
        parse_pairs(data, "bad.yaml")


def test_the_tuner_takes_help_and_a_split() -> None:
    with pytest.raises(SystemExit) as exit_:
        stories_tune.parse_args(["--help"])
    assert exit_.value.code == 0
    assert stories_tune.parse_args([]).split == "dev"


def test_the_tuner_replays_the_products_grouping_of_dev() -> None:
    # Undated articles dated by their text (never the import day), added last, and held to the
    # undated threshold: the code's settings replay to the stories the library makes.
    pairs = load_split("dev")
    log, keys, made = stories_tune.record(pairs)
    assert stories_tune.scored(pairs, log, keys, stories_tune.CURRENT) == made == evaluate("dev")
    assert any(undated for _, candidates in log for *_, undated in candidates)
