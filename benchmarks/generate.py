"""Deterministic synthetic articles and libraries for the performance benchmarks.

Text comes from a seeded generator over an original word list and sentence templates, with
people, organisations, places, money, percentages, counts and dates in it, so the entity and
number recognisers and the summarisers have real work. The same seed always gives the same
bytes. Libraries are built once per (size, seed, generator version) in a cache folder and reused.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.core.models import ArticleDraft

#: Bump when the generated text changes, so cached libraries are rebuilt.
VERSION = "2"
SEED = 20_26
_TOPIC = "\x00topic\x00"  # marks a noun slot filled with the article's own topic word

_FIRST = [
    "Ada",
    "Bram",
    "Cleo",
    "Dario",
    "Edda",
    "Fenn",
    "Greta",
    "Hollis",
    "Ines",
    "Jory",
    "Kaia",
    "Lorne",
    "Mira",
    "Niko",
    "Odile",
    "Pim",
]
_LAST = [
    "Varga",
    "Holm",
    "Castell",
    "Okafor",
    "Lindqvist",
    "Marr",
    "Ferreira",
    "Tanaka",
    "Brody",
    "Quist",
    "Adeyemi",
    "Roux",
]
_TOWN_A = [
    "North",
    "East",
    "West",
    "South",
    "Old",
    "New",
    "High",
    "Low",
    "Long",
    "Red",
    "Stone",
    "Green",
]
_TOWN_B = [
    "bridge",
    "mere",
    "haven",
    "ford",
    "field",
    "port",
    "wick",
    "stead",
    "moor",
    "gate",
    "vale",
]
_ORG_KIND = [
    "Holdings",
    "Group",
    "Institute",
    "Council",
    "Authority",
    "Partners",
    "Labs",
    "Trust",
    "Union",
]
_ROLES = [
    "minister",
    "chair",
    "spokesperson",
    "analyst",
    "director",
    "mayor",
    "economist",
    "engineer",
]
_NOUNS = [
    "budget",
    "plan",
    "harbour",
    "railway",
    "council",
    "report",
    "market",
    "school",
    "river",
    "bridge",
    "contract",
    "grant",
    "energy",
    "price",
    "wage",
    "survey",
    "forecast",
    "vote",
    "policy",
    "project",
    "network",
    "festival",
    "museum",
    "clinic",
    "factory",
    "tunnel",
    "reservoir",
    "ferry",
    "audit",
    "tariff",
    "pension",
    "library",
    "stadium",
    "orchard",
]
_VERBS = [
    "approved",
    "delayed",
    "announced",
    "rejected",
    "expanded",
    "reviewed",
    "funded",
    "questioned",
    "defended",
    "cut",
    "raised",
    "doubled",
    "published",
    "criticised",
    "welcomed",
    "postponed",
]
_ADJ = [
    "regional",
    "new",
    "contested",
    "ambitious",
    "modest",
    "delayed",
    "public",
    "private",
    "coastal",
    "rural",
    "urban",
    "annual",
    "early",
    "final",
    "local",
    "national",
]
_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()
_TEMPLATES = (
    "{person}, the {role} of {org}, said the {adj} {noun} would cost {money} over {count} years.",
    "In {place}, officials {verb} the {noun} after a {adj} {noun2} showed a rise of {pct}.",
    "The {noun} was {verb} on {date} by {org}, which employs {count} people in {place}.",
    "Critics in {place} argued that the {adj} {noun} had {verb} the {noun2} without a vote.",
    '"We have {verb} the {noun} because the {noun2} needs it," {person} told reporters.',
    "Figures from {org} put the {adj} {noun} at {money}, up {pct} from last year.",
    "{person} said {count} households near {place} would see the {noun} by {month}.",
    "The {adj} {noun} drew {count} comments, and {org} {verb} its {noun2} in response.",
    "By {date}, the {noun} in {place} had {verb} {count} applications worth {money}.",
    "Residents of {place} {verb} the {noun}, saying the {noun2} was {adj} at best.",
)


class _Words:
    """Slot fillers drawn from one seeded random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        choice = rng.choice
        self.people = [f"{choice(_FIRST)} {choice(_LAST)}" for _ in range(400)]
        self.places = [f"{choice(_TOWN_A)}{choice(_TOWN_B)}" for _ in range(120)]
        self.orgs = [
            f"{choice(_TOWN_A)}{choice(_TOWN_B).title()} {choice(_ORG_KIND)}" for _ in range(150)
        ]

    def fill(self, template: str) -> str:
        rng = self.rng
        noun, noun2 = rng.sample(_NOUNS, 2)
        return template.format(
            person=rng.choice(self.people),
            role=rng.choice(_ROLES),
            org=rng.choice(self.orgs),
            place=rng.choice(self.places),
            adj=rng.choice(_ADJ),
            noun=noun,
            noun2=noun2,
            verb=rng.choice(_VERBS),
            money=f"${rng.randint(2, 900)} million",
            pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}%",
            count=f"{rng.randint(2, 9_000):,}",
            month=rng.choice(_MONTH_NAMES),
            date=f"{rng.randint(1, 28)} {rng.choice(_MONTH_NAMES)} {rng.randint(2015, 2026)}",
        )


def article_text(words: int, seed: int) -> tuple[str, str]:
    """A (title, body) pair of about ``words`` words in paragraphs of 3–6 sentences."""
    filler = _Words(random.Random(seed))
    rng = filler.rng
    title = f"{rng.choice(filler.places)} {rng.choice(_NOUNS)} {rng.choice(_VERBS)}".capitalize()
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [filler.fill(rng.choice(_TEMPLATES)) for _ in range(rng.randint(3, 6))]
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    return title, "\n\n".join(paragraphs)


def drafts(count: int, seed: int = SEED) -> Iterator[ArticleDraft]:
    """``count`` distinct article drafts of realistic length (mostly 200–1,500 words).

    Bodies are assembled from a pool of generated sentences (fast, and still unique per article:
    each starts with its own numbered sentence), so 100,000 articles take seconds, not minutes.
    """
    rng = random.Random(seed)
    filler = _Words(random.Random(seed + 1))
    # Nouns in the pool become topic words per article (a marker replaced below), so articles
    # differ in vocabulary as real ones do: a library of one repeated vocabulary would make
    # every article look alike to search ranking and story grouping.
    pool = [filler.fill(rng.choice(_TEMPLATES).replace("{noun}", _TOPIC)) for _ in range(20_000)]
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
            title=f"{rng.choice(filler.places)} {rng.choice(_NOUNS)} {rng.choice(_VERBS)} ({i + 1})",
            body="\n\n".join(paragraphs),
            source=rng.choice(sources),
            author=rng.choice(filler.people),
            url=f"https://news.example/{i + 1}",
            published=published,
            tags=(rng.choice(tags),) if rng.random() < 0.3 else (),
            origin=f"bench-{i + 1}",
        )


def topic_words(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct invented words built from syllables (a stand-in for a real lexicon)."""
    onsets = [
        "b",
        "br",
        "c",
        "d",
        "f",
        "g",
        "gl",
        "k",
        "l",
        "m",
        "n",
        "p",
        "pr",
        "s",
        "st",
        "t",
        "tr",
        "v",
        "z",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea"]
    codas = ["", "n", "r", "l", "s", "nd", "rt", "st"]
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.randint(2, 3)
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables))
        words[word + rng.choice(codas)] = None
    return list(words)


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


def cache_dir() -> Path:
    """Where generated libraries are kept between runs (``SKIM_BENCH_CACHE`` overrides)."""
    override = os.environ.get("SKIM_BENCH_CACHE")
    return Path(override) if override else Path(tempfile.gettempdir()) / "skim-bench-cache"


def library_dir(size: int, seed: int = SEED) -> Path:
    """A data dir holding a library of ``size`` generated articles, built on first use.

    Rows go straight to storage in batches of 5,000 (one transaction each): the facade's story
    grouping is left for later, as it is for a library imported before grouping existed.
    """
    from reader.core.library import open_library
    from reader.core.text import content_hash, word_count

    folder = cache_dir() / f"library-{size}-{seed}-v{VERSION}"
    if (folder / "complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    library = open_library(folder)
    storage = library._storage  # the benchmark's one reach past the facade: bulk loading
    now = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        batch: list[tuple[ArticleDraft, str, int]] = []
        for i, draft in enumerate(drafts(size, seed)):
            batch.append((draft, content_hash(draft.body), word_count(draft.body)))
            if len(batch) == 5_000 or i == size - 1:
                storage.articles.add_many(batch, now=now + timedelta(seconds=i))
                batch = []
        storage.checkpoint()
    finally:
        library.close()
    (folder / "complete").write_text("ok\n")
    return folder


def digest(count: int, seed: int = SEED) -> str:
    """SHA-256 of the first ``count`` drafts' text: equal seeds must give equal digests."""
    sha = hashlib.sha256()
    for draft in drafts(count, seed):
        sha.update(f"{draft.title}\n{draft.body}\n{draft.source}\n{draft.tags}".encode())
    return sha.hexdigest()
