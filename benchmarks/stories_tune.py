"""Tune story grouping's weights and threshold on the dev gold set (never on test).

The split's articles are added to a fresh library one by one, oldest first. For each, the real
retrieval and scoring code (:func:`reader.core.stories.grouping.probe`) records its candidates and
the three parts of each candidate's similarity; the article is then indexed as grouping would.
Neither candidates nor parts depend on the weights or the threshold, so every setting of the grid
is replayed from that record: an article joins the story of its best candidate when the weighted
score reaches the threshold.

Run ``python -m benchmarks.stories_tune [split]`` (default ``dev``): it prints the settings with
the best F1, preferring the widest band of thresholds that scores as well (a margin against
over-fitting), and the score of the settings in the code.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.stories_gold import GoldPair, load_split, score_grouping
from reader.core.storage import Storage
from reader.core.stories import grouping
from reader.core.stories.fingerprint import day_of, fingerprint
from reader.core.text import content_hash, word_count

Parts = tuple[float, float, float]
#: For each added article: its id and, per candidate, (candidate id, similarity parts, days apart).
Record = list[tuple[int, list[tuple[int, Parts, int]]]]


@dataclass(frozen=True, slots=True)
class Setting:
    """Weights of names and numbers (content words weigh 1), decay per day, threshold."""

    names: float
    numbers: float
    decay: float
    threshold: float


def record(pairs: list[GoldPair]) -> tuple[Record, dict[int, tuple[str, str]]]:
    """Candidates and similarity parts of each article, in the order they were added."""
    drafts = [(p.id, side, d) for p in pairs for side, d in (("a", p.a), ("b", p.b))]
    drafts.sort(key=lambda item: item[2].published or datetime.min.replace(tzinfo=UTC))
    log: Record = []
    keys: dict[int, tuple[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        storage = Storage(Path(folder) / "library.sqlite3")
        try:
            for pair_id, side, draft in drafts:
                now = draft.published or datetime.now(UTC)
                ((article_id, _, _),) = storage.articles.add_many(
                    [(draft, content_hash(draft.body), word_count(draft.body))], now=now
                )
                keys[article_id] = (pair_id, side)
                fp = fingerprint(draft.title, draft.body, day_of(now))

                def step(index: grouping.StoryIndex, aid: int = article_id) -> None:
                    found = grouping.probe(index, aid, fp)  # noqa: B023 (called at once)
                    log.append(
                        (
                            aid,
                            [(s.candidate.article_id, s.parts, s.days_apart) for s in found.scored],
                        )
                    )
                    index.record(aid, aid, 0.0, found.fingerprint, found.postings, found.all_terms)

                storage.stories.with_index(step)
        finally:
            storage.close()
    return log, keys


def replay(log: Record, setting: Setting) -> dict[int, int]:
    """Story id of each article under ``setting`` (best match, ties to the older story)."""
    story: dict[int, int] = {}
    for article_id, candidates in log:
        best: tuple[float, int] | None = None
        for other, (terms, names, numbers), days in candidates:
            score = terms + setting.names * names + setting.numbers * numbers
            score *= max(0.0, 1.0 - setting.decay * max(0, days - 1))
            key = (score, -story[other])
            if best is None or key > (best[0], -best[1]):
                best = (score, story[other])
        joined = best is not None and best[0] >= setting.threshold
        story[article_id] = best[1] if joined and best is not None else article_id
    return story


def f1(pairs: list[GoldPair], log: Record, keys: dict[int, tuple[str, str]], s: Setting) -> float:
    """F1 of pairwise precision and recall under setting ``s``."""
    score = score_grouping(pairs, {keys[a]: story for a, story in replay(log, s).items()})
    p, r = score.precision, score.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def main(split: str = "dev") -> None:
    """Grid-search the settings on ``split`` and print the best ones."""
    pairs = load_split(split)
    log, keys = record(pairs)
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
    current = Setting(
        grouping.WEIGHT_NAMES, grouping.WEIGHT_NUMBERS, grouping.DECAY_PER_DAY, grouping.THRESHOLD
    )
    print(f"current {current}: F1 {f1(pairs, log, keys, current):.3f}")


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


if __name__ == "__main__":
    main(*sys.argv[1:2])
