"""Deterministic synthetic articles for the benchmarks: a long text, drafts, Markdown files.

Text comes from a seeded generator over an original vocabulary and sentence templates
(:mod:`benchmarks.vocabulary`), with people, organisations, places, money, percentages, counts and
dates in it, so the entity and number recognisers and the summarisers have real work. The same
seed always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.vocabulary import NOUNS, TEMPLATES, VERBS, Filler, topic_words
from reader.core.models import ArticleDraft

#: Bump when the generated text changes (here or in the vocabulary), so cached libraries are
#: rebuilt (benchmarks.libraries).
VERSION = "2"
SEED = 20_26
_TOPIC = "\x00topic\x00"  # marks a noun slot filled with the article's own topic word


def article_text(words: int, seed: int) -> tuple[str, str]:
    """A (title, body) pair of about ``words`` words in paragraphs of 3–6 sentences."""
    filler = Filler(random.Random(seed))
    rng = filler.rng
    title = f"{rng.choice(filler.places)} {rng.choice(NOUNS)} {rng.choice(VERBS)}".capitalize()
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [filler.fill(rng.choice(TEMPLATES)) for _ in range(rng.randint(3, 6))]
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    return title, "\n\n".join(paragraphs)


def drafts(count: int, seed: int = SEED) -> Iterator[ArticleDraft]:
    """``count`` distinct article drafts of realistic length (mostly 200–1,500 words).

    Bodies are assembled from a pool of generated sentences (fast, and still unique per article:
    each starts with its own numbered sentence), so 100,000 articles take seconds, not minutes.
    """
    rng = random.Random(seed)
    filler = Filler(random.Random(seed + 1))
    # Nouns in the pool become topic words per article (a marker replaced below), so articles
    # differ in vocabulary as real ones do: a library of one repeated vocabulary would make
    # every article look alike to search ranking and story grouping.
    pool = [filler.fill(rng.choice(TEMPLATES).replace("{noun}", _TOPIC)) for _ in range(20_000)]
    lexicon = topic_words(rng, 6_000)
    sources = [f"The {p} {k}" for p in filler.places[:30] for k in ("Times", "Post", "Ledger")]
    tags = ("politics", "economy", "transport", "culture", "science", "local")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(count):
        words = min(3_000, max(120, int(rng.lognormvariate(6.3, 0.6))))
        # Zipf-like topics: low indices (common words) are picked far more often.
        topic = [lexicon[int(len(lexicon) * rng.random() ** 3)] for _ in range(5)]
        picks = [
            s.replace(_TOPIC, topic[k % 5]) for k, s in enumerate(rng.choices(pool, k=words // 17))
        ]
        lead = f"Report {i + 1} from {rng.choice(filler.places)} covers the {topic[0]}."
        sentences = [lead, *picks]
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        published = start + timedelta(minutes=37 * i)
        yield ArticleDraft(
            title=f"{rng.choice(filler.places)} {rng.choice(NOUNS)} {rng.choice(VERBS)} ({i + 1})",
            body="\n\n".join(paragraphs),
            source=rng.choice(sources),
            author=rng.choice(filler.people),
            url=f"https://news.example/{i + 1}",
            published=published,
            tags=(rng.choice(tags),) if rng.random() < 0.3 else (),
            origin=f"bench-{i + 1}",
        )


def markdown_files(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write ``count`` Markdown articles (front matter + body) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, draft in enumerate(drafts(count, seed)):
        path = folder / f"article-{i + 1:05d}.md"
        url = f"https://import.example/{seed}/{i + 1}"  # not the URL of a generated library's
        path.write_text(
            f"---\ntitle: {draft.title}\nsource: {draft.source}\nauthor: {draft.author}\n"
            f"url: {url}\n---\n\n{draft.body}\n",
            encoding="utf-8",
        )
        written.append(path)
    return written


def digest(count: int, seed: int = SEED) -> str:
    """SHA-256 of the first ``count`` drafts' text: equal seeds must give equal digests."""
    sha = hashlib.sha256()
    for draft in drafts(count, seed):
        sha.update(f"{draft.title}\n{draft.body}\n{draft.source}\n{draft.tags}".encode())
    return sha.hexdigest()
