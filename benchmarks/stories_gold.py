"""The story-grouping gold set: load article pairs, group them as a library would, and score.

The files are ``benchmarks/stories_gold/{dev,test}.yaml`` (format in the README beside them).
Scoring adds every article of a split to one fresh library, one at a time in publication order,
exactly as ``skim add`` would, and compares the stories it makes with the gold labels. Precision
and recall are over *all* pairs of articles in the split: two articles are gold-same only when they
form a ``same`` pair, so a wrong link between articles of two different pairs counts too.

Run ``python -m benchmarks.stories_gold`` for the figures of both splits.
"""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from reader.core.errors import SkimError
from reader.core.ingest.eventdates import event_date
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft

GOLD_DIR = Path(__file__).resolve().parent / "stories_gold"
SPLITS = ("dev", "test")
LABELS = ("same", "different")
KINDS = ("same-event", "near-miss", "unrelated")


class StoriesGoldError(SkimError):
    """A gold file does not follow the format; the message names the file and pair."""


@dataclass(frozen=True, slots=True)
class GoldPair:
    """Two articles and whether they report the same event."""

    id: str
    label: str  # "same" or "different"
    kind: str  # "same-event", "near-miss" or "unrelated"
    note: str
    a: ArticleDraft
    b: ArticleDraft


@dataclass(frozen=True, slots=True)
class GroupingScore:
    """Pairwise scores of one grouping of a split."""

    true_positives: int
    false_positives: int
    false_negatives: int
    wrong_pairs: tuple[str, ...]  # ids of gold pairs judged wrongly, with what went wrong

    @property
    def precision(self) -> float:
        """Share of the article pairs put in one story that are gold-same (1.0 when none)."""
        linked = self.true_positives + self.false_positives
        return self.true_positives / linked if linked else 1.0

    @property
    def recall(self) -> float:
        """Share of gold-same article pairs put in one story (1.0 when there are none)."""
        same = self.true_positives + self.false_negatives
        return self.true_positives / same if same else 1.0


def load_split(split: str) -> list[GoldPair]:
    """The pairs of ``split`` ("dev" or "test")."""
    if split not in SPLITS:
        raise StoriesGoldError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    path = GOLD_DIR / f"{split}.yaml"
    # The C loader, when PyYAML has it, reads the files ~10x faster than the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return parse_pairs(yaml.load(path.read_text(encoding="utf-8"), Loader=loader), path.name)


def parse_pairs(data: Any, name: str) -> list[GoldPair]:
    """Check and convert the YAML of a gold file (``name`` is used in error messages)."""
    if not isinstance(data, list):
        raise StoriesGoldError(f"{name}: expected a list of pairs")
    pairs: list[GoldPair] = []
    seen: set[str] = set()
    for entry in data:
        if not isinstance(entry, dict):
            raise StoriesGoldError(f"{name}: every pair must be a mapping")
        pair_id = str(entry.get("id", ""))
        where = f"{name}: pair {pair_id or '?'}"
        if not pair_id or pair_id in seen:
            raise StoriesGoldError(f"{where}: missing or repeated id")
        seen.add(pair_id)
        label, kind = entry.get("label"), entry.get("kind")
        if label not in LABELS or kind not in KINDS:
            raise StoriesGoldError(f"{where}: label must be one of {LABELS}, kind of {KINDS}")
        if (label == "same") != (kind == "same-event"):
            raise StoriesGoldError(f"{where}: label {label!r} does not fit kind {kind!r}")
        pairs.append(
            GoldPair(
                pair_id,
                label,
                kind,
                str(entry.get("note", "")),
                _article(entry.get("a"), f"{where}, article a"),
                _article(entry.get("b"), f"{where}, article b"),
            )
        )
    return pairs


def _article(data: Any, where: str) -> ArticleDraft:
    if not isinstance(data, dict):
        raise StoriesGoldError(f"{where}: expected a mapping")
    missing = [k for k in ("source", "title", "body") if not data.get(k)]
    if "published" not in data:
        missing.append("published (null for an undated, pasted article)")
    if missing:
        raise StoriesGoldError(f"{where}: missing {', '.join(missing)}")
    title, body = str(data["title"]).strip(), str(data["body"]).strip()
    published = data["published"]
    if published is None:
        # A pasted article: no date but what its text says, as skim's importers would find it.
        return ArticleDraft(
            title=title, body=body, source=str(data["source"]), event_date=event_date(body)
        )
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    if not isinstance(published, datetime):
        raise StoriesGoldError(f"{where}: published must be an ISO 8601 time or null")
    return ArticleDraft(
        title=title,
        body=body,
        source=str(data["source"]),
        published=published if published.tzinfo else published.replace(tzinfo=UTC),
    )


def adding_order(pairs: list[GoldPair]) -> list[tuple[str, str, ArticleDraft]]:
    """``(pair id, "a" or "b", article)`` in the order they are added: oldest first, undated
    last, as a reader pastes them in after the fact."""
    articles = [(p.id, side, d) for p in pairs for side, d in (("a", p.a), ("b", p.b))]
    articles.sort(key=lambda item: item[2].published or datetime.max.replace(tzinfo=UTC))
    return articles


def add_split(library: Library, pairs: list[GoldPair]) -> dict[tuple[str, str], int]:
    """Add the articles of ``pairs`` to ``library`` in :func:`adding_order`, as ``skim add``
    does (grouping each as it is stored); their article ids by ``(pair id, side)``."""
    return {
        (pair_id, side): library.articles.add(draft).article.id
        for pair_id, side, draft in adding_order(pairs)
    }


def stories_of(library: Library, ids: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """The story of each article, named by its smallest member id."""
    members = {i: {m.id for m in library.stories.of(i)} for i in ids.values()}
    return {key: min(members[article_id]) for key, article_id in ids.items()}


def group_split(pairs: list[GoldPair]) -> dict[tuple[str, str], int]:
    """Add the articles of ``pairs`` to a new library (:func:`add_split`); their story ids.

    Returns:
        ``{(pair id, "a" or "b"): story id}``.
    """
    with tempfile.TemporaryDirectory() as folder:
        library = open_library(folder)
        try:
            return stories_of(library, add_split(library, pairs))
        finally:
            library.close()


def score_grouping(pairs: list[GoldPair], stories: dict[tuple[str, str], int]) -> GroupingScore:
    """Pairwise precision and recall of ``stories`` against the gold labels."""
    same_pairs = {p.id for p in pairs if p.label == "same"}
    tp = fp = fn = 0
    for (key1, story1), (key2, story2) in itertools.combinations(stories.items(), 2):
        gold = key1[0] == key2[0] and key1[0] in same_pairs
        predicted = story1 == story2
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    wrong = []
    for pair in pairs:
        together = stories[(pair.id, "a")] == stories[(pair.id, "b")]
        if together != (pair.label == "same"):
            wrong.append(f"{pair.id} ({'split' if pair.label == 'same' else 'merged'})")
    for (key1, story1), (key2, story2) in itertools.combinations(stories.items(), 2):
        if key1[0] != key2[0] and story1 == story2:
            wrong.append(f"{key1[0]}{key1[1]}+{key2[0]}{key2[1]} (merged across pairs)")
    return GroupingScore(tp, fp, fn, tuple(wrong))


def evaluate(split: str) -> GroupingScore:
    """Group ``split`` from scratch and score it."""
    pairs = load_split(split)
    return score_grouping(pairs, group_split(pairs))


def main() -> None:
    """Print precision and recall of both splits."""
    for split in SPLITS:
        score = evaluate(split)
        print(
            f"{split}: precision {score.precision:.3f} recall {score.recall:.3f} "
            f"(tp {score.true_positives}, fp {score.false_positives}, "
            f"fn {score.false_negatives})"
        )
        for wrong in score.wrong_pairs:
            print(f"  wrong: {wrong}")


if __name__ == "__main__":
    main()
