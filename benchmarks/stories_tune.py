"""Tune story grouping's weights and threshold on the dev gold set (never on test).

The split's articles are added to a fresh library exactly as :mod:`benchmarks.stories_gold`
scores them (:func:`~benchmarks.stories_gold.add_split`: ``library.articles.add``, oldest first,
undated articles last and dated by the event day their text gives, else unknown). While they
are added, the product's own retrieval and scoring (:func:`reader.core.stories.grouping.probe`)
is watched: for each article, its candidates, the three parts of each candidate's similarity and
whether either date is unknown. Neither candidates nor parts depend on the weights or the
threshold, so every setting of the grid is replayed from that record: an article joins the story
of its best candidate when the weighted score reaches the threshold (the undated threshold,
:data:`~reader.core.stories.grouping.UNDATED_THRESHOLD`, when either date is unknown; it is kept
as in the code). The settings in the code replay to the stories the library made, which is
checked.

Run ``python -m benchmarks.stories_tune [dev|test]`` (default ``dev``): it prints the settings with
the best F1, preferring the widest band of thresholds that scores as well (a margin against
over-fitting), and the score of the settings in the code.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from benchmarks.stories_gold import (
    SPLITS,
    GoldPair,
    GroupingScore,
    add_split,
    load_split,
    score_grouping,
    stories_of,
)
from reader.core.library import open_library
from reader.core.records import Fingerprint
from reader.core.stories import grouping

Parts = tuple[float, float, float]
#: For each added article: its id and, per candidate, (candidate id, similarity parts, days apart,
#: whether either date is unknown).
Record = list[tuple[int, list[tuple[int, Parts, int, bool]]]]


@dataclass(frozen=True, slots=True)
class Setting:
    """Weights of names and numbers (content words weigh 1), decay per day, threshold, and the
    threshold when either article's date is unknown."""

    names: float
    numbers: float
    decay: float
    threshold: float
    undated_threshold: float = grouping.UNDATED_THRESHOLD


CURRENT = Setting(
    grouping.WEIGHT_NAMES, grouping.WEIGHT_NUMBERS, grouping.DECAY_PER_DAY, grouping.THRESHOLD
)
"""The settings in the code."""


@contextmanager
def _watching_probes(log: Record) -> Iterator[None]:
    """Record every :func:`grouping.probe` the library makes while adding articles."""
    real = grouping.probe

    def probe(index: grouping.StoryIndex, article_id: int, fp: Fingerprint) -> grouping.Probe:
        found = real(index, article_id, fp)
        candidates = [
            (s.candidate.article_id, s.parts, s.days_apart, s.undated) for s in found.scored
        ]
        log.append((article_id, candidates))
        return found

    grouping.probe = probe  # grouping.assign looks it up when it is called
    try:
        yield
    finally:
        grouping.probe = real


def record(pairs: list[GoldPair]) -> tuple[Record, dict[int, tuple[str, str]], GroupingScore]:
    """Candidates and similarity parts of each article, in the order they were added, the
    ``(pair id, side)`` of each article id, and the score of the stories the library made."""
    log: Record = []
    with tempfile.TemporaryDirectory() as folder:
        library = open_library(folder)
        try:
            with _watching_probes(log):
                ids = add_split(library, pairs)
            made = score_grouping(pairs, stories_of(library, ids))
        finally:
            library.close()
    return log, {article_id: key for key, article_id in ids.items()}, made


def replay(log: Record, setting: Setting) -> dict[int, int]:
    """Story id of each article under ``setting`` (best match, ties to the older story)."""
    story: dict[int, int] = {}
    for article_id, candidates in log:
        best: tuple[float, int] | None = None
        for other, (terms, names, numbers), days, undated in candidates:
            score = terms + setting.names * names + setting.numbers * numbers
            score *= max(0.0, 1.0 - setting.decay * max(0, days - 1))
            if score < (setting.undated_threshold if undated else setting.threshold):
                continue  # as grouping.best_match: only candidates that reach their threshold
            key = (score, -story[other])
            if best is None or key > (best[0], -best[1]):
                best = (score, story[other])
        story[article_id] = best[1] if best is not None else article_id
    return story


def scored(
    pairs: list[GoldPair], log: Record, keys: dict[int, tuple[str, str]], s: Setting
) -> GroupingScore:
    """Pairwise precision and recall under setting ``s``."""
    return score_grouping(pairs, {keys[a]: story for a, story in replay(log, s).items()})


def f1(pairs: list[GoldPair], log: Record, keys: dict[int, tuple[str, str]], s: Setting) -> float:
    """F1 of pairwise precision and recall under setting ``s``."""
    score = scored(pairs, log, keys, s)
    p, r = score.precision, score.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def main(split: str = "dev") -> None:
    """Grid-search the settings on ``split`` and print the best ones."""
    pairs = load_split(split)
    log, keys, made = record(pairs)
    weights = [round(0.1 * i, 1) for i in range(0, 7)]
    decays = [0.0, 0.04, 0.08, 0.12, 0.16]
    thresholds = [round(0.01 * i, 2) for i in range(15, 81)]
    results: dict[tuple[float, float, float], list[float]] = {}
    for names, numbers, decay in itertools.product(weights, weights, decays):
        results[(names, numbers, decay)] = [
            f1(pairs, log, keys, Setting(names, numbers, decay, t)) for t in thresholds
        ]
    for decay in decays:
        best = max(max(v) for k, v in results.items() if k[2] == decay)
        ranked = []
        for (names, numbers, d), scores in results.items():
            band = _widest_band([s == best for s in scores]) if d == decay else None
            if band is not None:
                ranked.append((band[1] - band[0], names, numbers, band))
        ranked.sort(reverse=True)
        steps, w_names, w_numbers, (lo, hi) = ranked[0]
        print(
            f"{split}, decay {decay:.2f}: best F1 {best:.3f} with names {w_names:.1f}, "
            f"numbers {w_numbers:.1f}, thresholds {thresholds[lo]:.2f}-{thresholds[hi]:.2f} "
            f"({steps + 1} steps)"
        )
    current = scored(pairs, log, keys, CURRENT)
    # The replay of the code's settings must be the grouping the library made, or the grid
    # above was searched on something other than the product.
    assert current == made, (current, made)
    print(
        f"current {CURRENT}: F1 {f1(pairs, log, keys, CURRENT):.3f} "
        f"(P {current.precision:.3f} R {current.recall:.3f})"
    )


def _widest_band(flags: list[bool]) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if best is None or i - 1 - start > best[1] - best[0]:
                best = (start, i - 1)
            start = None
    return best


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: an optional split (``dev`` by default)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.stories_tune",
        description="Grid-search story grouping's weights and threshold on a gold split "
        "(tune on dev only; test is for the final check).",
    )
    parser.add_argument(
        "split", nargs="?", default="dev", choices=SPLITS, help="the gold split (default: dev)"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(parse_args().split)
