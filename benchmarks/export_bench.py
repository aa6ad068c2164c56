"""Time Markdown export of a large annotated library.

Builds a library of N generated articles (original, randomly assembled sentences of ~600 words) with
K highlights each, then times three exports into a folder:

- ``cold``: the first export; every summary is computed (and cached) on the way;
- ``warm, new folder``: summaries cached, every file written;
- ``unchanged``: the same export again; every file is checked and left as it is.

Run from the repository root::

    python -m benchmarks.export_bench [--articles 1000] [--highlights 3] [--template default]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft

_SUBJECTS = [
    "The council",
    "Mayor Elena Ruiz",
    "The harbour authority",
    "Engineers at Front Street Works",
    "The ferry operator",
    "Residents of the east side",
    "The regional hospital",
    "Nordby Bank",
    "The transport union",
    "Professor Amal Haddad",
    "The water board",
    "Riverside school",
]
_VERBS = [
    "approved",
    "delayed",
    "criticised",
    "announced",
    "funded",
    "reviewed",
    "rejected",
    "welcomed",
    "questioned",
    "expanded",
    "postponed",
    "defended",
]
_OBJECTS = [
    "a $12 million sea wall",
    "the night train timetable",
    "a plan to close the bridge",
    "new rules for recycling plants",
    "the budget for 2026",
    "a 4.5% rise in fares",
    "the report on flood risk",
    "a pilot for drone deliveries",
    "18 new bus routes",
    "the contract with the builders",
    "a survey of 3,000 homes",
    "the review of the stadium",
]
_TAILS = [
    "on Tuesday",
    "after a long debate",
    "despite protests",
    "in a vote of 7-2",
    "last month",
    "for the third time",
    "before the storm season",
    "at a meeting in the town hall",
]


def _body(rng: random.Random, words: int) -> str:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            sentence = (
                f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                f"{rng.choice(_TAILS)}, according to document {rng.randint(1, 10**9)}."
            )
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def build(library: Library, articles: int, highlights: int, seed: int = 7) -> list[int]:
    """Add ``articles`` generated articles with ``highlights`` annotated passages each."""
    rng = random.Random(seed)
    drafts = [
        ArticleDraft(
            title=f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} ({n})",
            body=_body(rng, 600),
            source="The Benchmark Times",
            url=f"https://example.com/bench/{n}",
            published=datetime(2025, 1, 1, tzinfo=UTC),
            tags=(rng.choice(["local", "transport", "money"]),),
        )
        for n in range(articles)
    ]
    ids = [result.article.id for result in library.articles.add_many(drafts)]
    for article_id, draft in zip(ids, drafts, strict=True):
        step = len(draft.body) // (highlights + 1)
        for k in range(highlights):
            start = step * (k + 1)
            library.annotations.add(
                article_id,
                start,
                start + 60,
                note=f"Note {k} on this passage.\nA second line." if k % 2 == 0 else "",
                tags=["follow up"] if k == 0 else [],
            )
    return ids


def _timed(library: Library, ids: list[int], out: Path, template: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    report = library.exports.markdown(ids, out=out, template=template)
    seconds = time.perf_counter() - start
    statuses = sorted({f.status for f in report.files})
    return seconds, len(report.files), "/".join(statuses)


def main() -> None:
    """Build the library, run the three exports and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--highlights", type=int, default=3)
    parser.add_argument("--template", default="default")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        library = open_library(root / "data")
        start = time.perf_counter()
        ids = build(library, args.articles, args.highlights)
        print(
            f"built {len(ids)} articles x {args.highlights} highlights in "
            f"{time.perf_counter() - start:.1f} s\n"
        )
        rows = [
            ("cold (summaries computed)", *_timed(library, ids, root / "a", args.template)),
            ("warm, new folder", *_timed(library, ids, root / "b", args.template)),
            ("unchanged (re-export)", *_timed(library, ids, root / "b", args.template)),
        ]
        library.close()
    print(f"| {'run':<26} | articles | files | seconds | files/s | status    |")
    print(f"|{'-' * 28}|----------|-------|---------|---------|-----------|")
    for name, seconds, files, status in rows:
        print(
            f"| {name:<26} | {len(ids):>8} | {files:>5} | {seconds:>7.2f} | "
            f"{files / seconds:>7.0f} | {status:<9} |"
        )


if __name__ == "__main__":
    main()
