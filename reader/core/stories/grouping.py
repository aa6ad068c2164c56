"""Story grouping: put a new article into the story of its best match among recent articles.

How it works, per added article (see README, "Stories across sources"):

1. Fingerprint it (:mod:`.fingerprint`): content-word stems, name tokens, numbers, its day.
2. Retrieve candidates without scanning every article: an inverted index in SQLite maps each
   article's most characteristic terms (its *postings*) to ``(term, day, article)`` rows; the new
   article's terms look up the articles of the last/next :data:`WINDOW_DAYS` days that share them,
   and the :data:`CANDIDATES` with the most shared terms are scored.
3. Score each candidate (:func:`similarity`): TF-IDF cosine over content words plus idf-weighted
   Dice overlap of names and of numbers, lowered by a share per day apart. IDF comes from document
   frequencies kept in SQLite as articles are added (so nothing is recomputed for old articles),
   starting from a prior that marks everyday news words as common.
4. Best-match assignment: the article joins the story of the best candidate scoring at least
   :data:`THRESHOLD`, or starts a story of its own. Stories never merge afterwards: unlike
   connected components, one borderline link cannot chain two events together, and adding an
   article never changes the story of another (the UI's groups stay put).

The constants were tuned on the dev half of the gold set (``benchmarks/stories_tune.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from reader.core import wordlists
from reader.core.records import Fingerprint, ManualLinks, StoredArticle
from reader.core.stories.fingerprint import (
    UNDATED,
    cosine,
    days_apart,
    pruned,
    tfidf_vector,
    top_terms,
    weighted_dice,
)
from reader.core.stories.words import stem

#: Articles more than this many days apart are never the same story.
WINDOW_DAYS = 7
#: A candidate must score at least this to be the same story (tuned on the dev gold set).
THRESHOLD = 0.36
#: The threshold when either article's date is unknown: with no time window to rule out last
#: month's storm, the words alone must say it is the same event (tuned on the dev gold set).
UNDATED_THRESHOLD = 0.58
#: Weights of the three similarities in the score.
WEIGHT_TERMS = 1.0
WEIGHT_NAMES = 0.4
WEIGHT_NUMBERS = 0.2
#: The score loses this share for each day the articles are apart beyond the first: reports of one
#: event cluster within a day or two, while two storms or two strikes of one week fall days apart.
DECAY_PER_DAY = 0.12
#: The ordinal of 31 December 9999, the last day :mod:`datetime` knows.
LAST_DAY = 3652059
#: How many retrieved candidates are scored in full.
CANDIDATES = 30
#: Content words kept in a stored fingerprint, and those posted to the inverted index.
STORED_TERMS = 64
POSTED_TERMS = 16
POSTED_NAMES = 12
POSTED_NUMBERS = 8
#: A query term found in more than this share of the library is too common to retrieve with.
MAX_QUERY_DF_SHARE = 0.05
#: The imagined background collection behind IDF (see :func:`idf_function`).
BACKGROUND_DOCS = 200
BACKGROUND_SHARE = 0.1


class StoryIndex(Protocol):
    """What grouping needs from storage, inside one write transaction."""

    def document_count(self) -> int:
        """How many articles have been fingerprinted."""
        ...

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        """Number of fingerprinted articles containing each term (missing terms: absent)."""
        ...

    def candidates(
        self, terms: Collection[str], first_day: int, last_day: int, limit: int
    ) -> list[tuple[int, int]]:
        """``(article id, shared postings)`` of articles in the day range or undated, most
        shared first."""
        ...

    def stored(self, article_ids: Collection[int]) -> dict[int, StoredArticle]:
        """The stored fingerprints and stories of these articles."""
        ...

    def manual_links(self, article_id: int) -> ManualLinks:
        """The links the reader made by hand for this article."""
        ...

    def stories_of(self, article_ids: Collection[int]) -> dict[int, int]:
        """The story of each of these articles that is in one."""
        ...

    def record(
        self,
        article_id: int,
        story_id: int,
        score: float,
        fingerprint: Fingerprint,
        postings: Collection[str],
        all_terms: Collection[str],
    ) -> None:
        """Store an article's story, fingerprint and postings, and count its terms."""
        ...


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where :func:`assign` put an article and why."""

    article_id: int
    story_id: int
    score: float  # similarity to the matched article; 0.0 when it starts a story
    matched: int | None  # the article it was matched with, if any
    scored: int  # how many candidates were scored (the cost of the decision)


def idf_function(df: Mapping[str, int], documents: int) -> Callable[[str], float]:
    """Smoothed inverse document frequency, ``log((N + 1) / (df + 1)) + 1``, with a prior.

    A small library cannot tell a word of the *kind* of event ("storm") from a word of *this*
    event ("Hovden"): in a few dozen articles both are rare. So the counts start from an imagined
    background of :data:`BACKGROUND_DOCS` news articles, in which each everyday news word
    (``data/news_words.txt``) occurs in :data:`BACKGROUND_SHARE` of them. In a large library the
    real counts outweigh the prior.
    """
    common = background_words()
    prior_df = BACKGROUND_DOCS * BACKGROUND_SHARE
    total = documents + BACKGROUND_DOCS + 1

    memo: dict[str, float] = {}  # one probe asks for the same terms once per candidate

    def idf(term: str) -> float:
        value = memo.get(term)
        if value is None:
            seen = df.get(term, 0) + (prior_df if term in common else 0.0)
            value = memo[term] = math.log(total / (seen + 1)) + 1.0
        return value

    return idf


@cache
def background_words() -> frozenset[str]:
    """Stems of the everyday news words (see :func:`idf_function`)."""
    return frozenset(
        stem(word) for word in wordlists.words("reader.core.stories", "news_words.txt")
    )


def similarity(a: Fingerprint, b: Fingerprint, idf: Callable[[str], float]) -> float:
    """How likely two fingerprints report the same event: a weighted sum of three similarities,
    lowered the further apart the articles' days are."""
    return combined(similarity_parts(a, b, idf), days_apart(a.day, b.day))


def combined(parts: tuple[float, float, float], days_apart: int) -> float:
    """The score of similarity ``parts`` (terms, names, numbers) for articles ``days_apart``."""
    terms, names, numbers = parts
    weighted = WEIGHT_TERMS * terms + WEIGHT_NAMES * names + WEIGHT_NUMBERS * numbers
    return weighted * max(0.0, 1.0 - DECAY_PER_DAY * max(0, days_apart - 1))


def similarity_parts(
    a: Fingerprint,
    b: Fingerprint,
    idf: Callable[[str], float],
    a_vector: Mapping[str, float] | None = None,
) -> tuple[float, float, float]:
    """The three similarities, each in [0, 1]: content words (TF-IDF cosine), names, numbers.

    ``a_vector`` is ``a``'s TF-IDF vector when the caller compares ``a`` with many candidates.
    """
    return (
        cosine(a_vector or tfidf_vector(a.terms, idf), tfidf_vector(b.terms, idf)),
        weighted_dice(a.names, b.names, idf),
        weighted_dice(a.numbers, b.numbers, idf),
    )


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate of a new article with the three parts of its similarity."""

    candidate: StoredArticle
    parts: tuple[float, float, float]
    days_apart: int
    undated: bool = False  # either article's date is unknown: a stricter threshold applies

    @property
    def score(self) -> float:
        """The similarity (see :func:`similarity`)."""
        return combined(self.parts, self.days_apart)


@dataclass(frozen=True, slots=True)
class Probe:
    """A new article's fingerprint as it will be stored, its postings, and its scored candidates."""

    fingerprint: Fingerprint
    postings: list[str]
    all_terms: set[str]
    scored: list[Scored]


def probe(index: StoryIndex, article_id: int, fp: Fingerprint) -> Probe:
    """Retrieve and score the candidates of a new article (nothing is written)."""
    documents = index.document_count()
    df = index.document_frequencies(fp.all_terms())
    idf = idf_function(df, documents)
    stored_fp = pruned(fp, idf, STORED_TERMS)
    common = max(20.0, MAX_QUERY_DF_SHARE * documents)
    query = [t for t in stored_fp.all_terms() if 0 < df.get(t, 0) <= common]
    # An undated article may report an event of any day; undated candidates are always in range.
    if fp.day == UNDATED:
        first_day, last_day = UNDATED, LAST_DAY
    else:
        first_day, last_day = fp.day - WINDOW_DAYS, fp.day + WINDOW_DAYS
    found = index.candidates(query, first_day, last_day, CANDIDATES)
    # One shared term is chance; two may be a name and a number of the same event.
    ids = [other for other, shared in found if shared >= 2 and other != article_id]
    stored = index.stored(ids)
    vector = tfidf_vector(stored_fp.terms, idf)
    scored = [
        Scored(
            stored[i],
            similarity_parts(stored_fp, stored[i].fingerprint, idf, vector),
            days_apart(fp.day, stored[i].fingerprint.day),
            UNDATED in (fp.day, stored[i].fingerprint.day),
        )
        for i in ids
        if i in stored
    ]
    return Probe(stored_fp, postings(stored_fp, idf), fp.all_terms(), scored)


def best_match(scored: Sequence[Scored]) -> Scored | None:
    """The best-scoring candidate that reaches its threshold (ties: the older story):
    :data:`THRESHOLD`, or :data:`UNDATED_THRESHOLD` when either date is unknown."""
    passing = [s for s in scored if s.score >= (UNDATED_THRESHOLD if s.undated else THRESHOLD)]
    return max(passing, key=lambda s: (s.score, -s.candidate.story_id), default=None)


def assign(index: StoryIndex, article_id: int, fp: Fingerprint) -> Assignment:
    """Group one new article: find, score and join the best recent match, then index it.

    The reader's own links come first: an article linked by hand joins the story of the first
    linked article already filed (score 1.0), and never joins a story holding an article it was
    taken apart from.
    """
    found = probe(index, article_id, fp)
    story_id, matched, score = _choose(index, article_id, found.scored)
    index.record(article_id, story_id, score, found.fingerprint, found.postings, found.all_terms)
    return Assignment(article_id, story_id, score, matched, len(found.scored))


def _choose(
    index: StoryIndex, article_id: int, scored: Sequence[Scored]
) -> tuple[int, int | None, float]:
    """``(story id, matched article, score)`` for a new article: manual links, else best match."""
    links = index.manual_links(article_id)
    linked = index.stories_of(links.same) if links.same else {}
    if linked:
        first = min(linked)
        return linked[first], first, 1.0
    barred = set(index.stories_of(links.apart).values()) if links.apart else set()
    best = best_match([s for s in scored if s.candidate.story_id not in barred])
    if best is None:
        return article_id, None, 0.0
    return best.candidate.story_id, best.candidate.article_id, best.score


def postings(fp: Fingerprint, idf: Callable[[str], float]) -> list[str]:
    """The terms under which an article is found: its most characteristic words, names, numbers."""
    names = sorted(fp.names, key=lambda t: (-idf(t), t))[:POSTED_NAMES]
    numbers = sorted(fp.numbers, key=lambda t: (-idf(t), t))[:POSTED_NUMBERS]
    return [*top_terms(fp.terms, idf, POSTED_TERMS), *names, *numbers]


def assign_many(index: StoryIndex, items: Sequence[tuple[int, Fingerprint]]) -> list[Assignment]:
    """Group articles one after another (each sees those before it)."""
    return [assign(index, article_id, fp) for article_id, fp in items]
