"""Measure incremental story grouping on a large generated library (default 100,000 articles).

A seeded generator makes articles with topic and event structure: *topics* (a vocabulary and a
few recurring institutions, like "storms" and "the weather service"), *events* within a topic (a
day, a handful of names, distinctive words and figures), and 1-4 *reports* of each event by
different outlets, each drawing its own subset of the event's words and figures (some figures
changed, as outlets disagree). Words are made-up syllable strings, so nothing is copied from
anywhere. Events are spread over a year; articles are added in publication order, one
``Library.articles.add`` call each, as someone importing their reading one article at a time would.

Printed: the time per added article spent in grouping (median, 90th and 99th percentile, per slice
of the run, so any growth with library size shows), the whole ``add`` time, the database size, and
pairwise precision/recall of the stories against the generator's events (a sanity check of the
retrieval at scale, not a quality claim: the gold set is for that).

Run: ``python -m benchmarks.stories_bench [--articles N] [--seed S] [--data-dir DIR]``.

Measured (2 cores shared with other work, Python 3.11, SQLite 3.40; 100,000 articles, seed 7):
746 s in all; grouping per added article, by slice of 20,000: median 4.2, 4.2, 3.9, 4.3, 5.0 ms,
p90 8.8-15.5 ms, p99 19-32 ms; whole ``add()`` median 5.1 ms, grouping 83% of it; 421 MiB on
disk, of which the story tables are ~164 MiB (the made-up vocabulary has 760,000 distinct terms);
stories vs events precision 0.999, recall 0.875; retrieval found 100% of earlier same-event
reports. On an idle machine, 3,000 articles: grouping median 1.8-2.0 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from reader.core.library import open_library
from reader.core.models import ArticleDraft
from reader.core.stories import grouping, groups

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "dr",
    "gr",
    "kr",
    "pl",
    "st",
    "tr",
    "sh",
    "ch",
    "th",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "st", "rk"]
_GLUE = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "on",
    "for",
    "with",
    "at",
    "by",
    "from",
    "as",
    "after",
    "before",
    "over",
    "said",
    "told",
    "says",
    "that",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "is",
    "are",
    "be",
    "it",
    "its",
    "their",
    "this",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START = datetime(2024, 1, 1, 6, 0, tzinfo=UTC)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


@dataclass
class Topic:
    """A kind of event: its vocabulary and the institutions that recur in it."""

    words: list[str]
    institutions: list[str]


@dataclass
class Event:
    """One event: its topic, day, names, distinctive words and figures."""

    id: int
    topic: Topic
    day: int
    names: list[str]
    words: list[str]
    figures: list[int]


class Generator:
    """Seeded maker of topics, events and their reports."""

    def __init__(self, seed: int, topics: int = 120, general_words: int = 600) -> None:
        """Make the shared vocabulary and the topics."""
        self.rng = random.Random(seed)
        self.general = [_word(self.rng, self.rng.randint(2, 3)) for _ in range(general_words)]
        self.topics = [
            Topic(
                words=[_word(self.rng, self.rng.randint(2, 3)) for _ in range(40)],
                institutions=[_word(self.rng, 2).capitalize() for _ in range(4)],
            )
            for _ in range(topics)
        ]
        self.outlets = [f"{_word(self.rng, 2).capitalize()} News" for _ in range(40)]

    def event(self, event_id: int, days: int) -> Event:
        """A new event on a random day of ``days``."""
        rng = self.rng
        return Event(
            id=event_id,
            topic=rng.choice(self.topics),
            day=rng.randrange(days),
            names=[_word(rng, rng.randint(2, 3)).capitalize() for _ in range(5)],
            words=[_word(rng, rng.randint(2, 4)) for _ in range(10)],
            figures=[
                rng.choice([rng.randint(10, 999), rng.randint(1000, 90000)]) for _ in range(4)
            ],
        )

    def report(self, event: Event) -> ArticleDraft:
        """One outlet's article about ``event``."""
        rng = self.rng
        names = rng.sample(event.names, rng.randint(3, 5)) + rng.sample(event.topic.institutions, 1)
        words = rng.sample(event.words, rng.randint(5, 9))
        figures = [
            f if rng.random() > 0.3 else int(f * rng.uniform(0.8, 1.25))
            for f in event.figures
            if rng.random() < 0.6
        ]
        topic = rng.sample(event.topic.words, 18)
        sentences = []
        for _ in range(rng.randint(8, 14)):
            parts = [rng.choice(names)] if rng.random() < 0.5 else []
            parts += rng.sample(_GLUE, 3) + rng.sample(topic, 3) + rng.sample(self.general, 3)
            if rng.random() < 0.7:
                parts.append(rng.choice(words))
            if figures and rng.random() < 0.3:
                parts.append(f"{rng.choice(figures):,}")
            rng.shuffle(parts)
            sentence = " ".join(parts)
            sentences.append(
                sentence[0].upper() + sentence[1:] + " on " + WEEKDAYS[event.day % 7] + "."
            )
        title = " ".join([*rng.sample(words, 2), names[0], *rng.sample(topic, 3)])
        title = title[0].upper() + title[1:]
        published = START + timedelta(days=event.day, minutes=rng.randint(0, 36 * 60))
        return ArticleDraft(
            title=title,
            body="\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)),
            source=rng.choice(self.outlets),
            published=published,
        )

    def articles(self, count: int, days: int = 365) -> Iterator[tuple[int, ArticleDraft]]:
        """``count`` articles as ``(event id, draft)``, in publication order."""
        made: list[tuple[int, ArticleDraft]] = []
        event_id = 0
        while len(made) < count:
            event = self.event(event_id, days)
            reports = self.rng.choice([1, 1, 2, 2, 3, 4])
            made.extend((event_id, self.report(event)) for _ in range(reports))
            event_id += 1
        made = made[:count]
        made.sort(key=lambda item: item[1].published or START)
        yield from made


def pairwise(gold: dict[int, int], predicted: dict[int, int]) -> tuple[float, float]:
    """Pairwise precision and recall of clusterings given as item → cluster maps."""

    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter((gold[i], predicted[i]) for i in gold))
    linked, same = pairs(Counter(predicted.values())), pairs(Counter(gold.values()))
    return (both / linked if linked else 1.0), (both / same if same else 1.0)


def retrieval_recall(gold: dict[int, int], candidates: dict[int, set[int]]) -> float:
    """Share of (article, earlier article of the same event) pairs found as candidates."""
    earlier: dict[int, list[int]] = {}
    found = wanted = 0
    for article_id in sorted(gold):
        before = earlier.setdefault(gold[article_id], [])
        wanted += len(before)
        found += sum(other in candidates.get(article_id, ()) for other in before)
        before.append(article_id)
    return found / wanted if wanted else 1.0


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", help="keep the library here (default: a temporary folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.data_dir or scratch)
        library = open_library(folder)
        grouping_times: list[float] = []
        real = groups.group_drafts
        real_probe = grouping.probe
        candidates: dict[int, set[int]] = {}

        def probe(index: grouping.StoryIndex, article_id: int, fp: object) -> grouping.Probe:
            found = real_probe(index, article_id, fp)  # type: ignore[arg-type]
            candidates[article_id] = {s.candidate.article_id for s in found.scored}
            return found

        def timed(*a: object, **k: object) -> object:
            started = time.perf_counter()
            result = real(*a, **k)  # type: ignore[arg-type]
            grouping_times.append(time.perf_counter() - started)
            return result

        gold: dict[int, int] = {}
        add_times: list[float] = []
        started = time.perf_counter()
        with (
            mock.patch.object(groups, "group_drafts", timed),
            mock.patch.object(grouping, "probe", probe),
        ):
            for event_id, draft in Generator(args.seed).articles(args.articles):
                t0 = time.perf_counter()
                result = library.articles.add(draft)
                add_times.append(time.perf_counter() - t0)
                gold[result.article.id] = event_id
        total = time.perf_counter() - started
        stories = {}
        for story in library.stories.find(min_size=1):
            for meta in story.articles:
                stories[meta.id] = story.id
        library.close()
        size = sum(p.stat().st_size for p in folder.iterdir())

    print(f"{len(gold):,} articles added one at a time in {total:.0f} s")
    slices = 5
    step = max(1, len(grouping_times) // slices)
    for k in range(0, len(grouping_times), step):
        part = sorted(grouping_times[k : k + step])
        print(
            f"  articles {k + 1:>7,}-{k + len(part):>7,}: grouping per article "
            f"median {1000 * statistics.median(part):.2f} ms, "
            f"p90 {1000 * part[int(0.9 * (len(part) - 1))]:.2f} ms, "
            f"p99 {1000 * part[int(0.99 * (len(part) - 1))]:.2f} ms"
        )
    print(
        f"  whole add() per article: median {1000 * statistics.median(add_times):.2f} ms "
        f"(grouping is {100 * sum(grouping_times) / sum(add_times):.0f}% of it)"
    )
    print(f"  library size on disk: {size / 2**20:.0f} MiB")
    precision, recall = pairwise(gold, stories)
    print(f"  stories vs generated events: precision {precision:.3f}, recall {recall:.3f}")
    print(
        f"  retrieval: {100 * retrieval_recall(gold, candidates):.1f}% of the earlier reports "
        "of an article's event were among the candidates it scored"
    )


if __name__ == "__main__":
    main()
