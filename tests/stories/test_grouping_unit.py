"""The pure parts of story grouping: fingerprints, similarities, and assignment over a fake index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import pytest

from reader.core.records import Fingerprint, ManualLinks, StoredArticle
from reader.core.stories import grouping
from reader.core.stories.fingerprint import fingerprint, pruned
from reader.core.stories.grouping import assign, idf_function, similarity
from reader.core.stories.words import number_value, stem

DAY = 739_000


def test_fingerprint_reads_stems_names_and_numbers() -> None:
    fp = fingerprint(
        "Fourteen hurt in Aarhus fire",
        "AARHUS, Denmark — The firefighters said 45,000 tonnes burned at 2:15 a.m. The plant's "
        "owner, Kattegat Genanvendelse, said it was still burning. Injuries were minor.",
        DAY,
    )
    assert fp.terms[stem("burned")] == 2  # "burned" and "burning" share the stem "burn"
    assert fp.terms[stem("fire")] == 2  # a title word counts twice
    assert "said" not in fp.terms and "the" not in fp.terms
    assert {"@aarhus", "@denmark", "@kattegat", "@genanvendelse"} <= fp.names
    # Capitalised only because a sentence starts with it: not a name.
    assert "@injuries" not in fp.names and "@firefighters" not in fp.names
    assert {"#45000", "#2:15", "#14"} <= fp.numbers


def test_number_values_are_canonical() -> None:
    assert number_value("fourteen") == number_value("14") == "14"
    assert number_value("45,000") == "45000"
    assert number_value("2.5") == "2.5"
    assert number_value("plant") is None


def test_fingerprint_survives_a_round_trip_through_json() -> None:
    fp = fingerprint("Storm Edda", "Storm Edda cut power to 90,000 homes in Galway.", DAY)
    assert Fingerprint.from_json(fp.to_json(), DAY) == fp


def test_pruning_keeps_the_most_characteristic_words() -> None:
    fp = Fingerprint({"common": 5, "rare": 1, "mid": 2}, frozenset(), frozenset(), DAY)
    idf = idf_function({"common": 90, "rare": 1, "mid": 10}, 100)
    assert set(pruned(fp, idf, 2).terms) == {"rare", "mid"}


def test_everyday_news_words_weigh_less_than_event_words_in_a_small_library() -> None:
    idf = idf_function({}, documents=10)
    assert idf(stem("storm")) < idf(stem("hovden"))


def test_same_event_scores_above_threshold_and_decays_with_days_apart() -> None:
    a = fingerprint(
        "Landslide cuts Vestfjell railway near Hovden",
        "A landslide buried the Vestfjell railway near Hovden. Fjordbane closed the line.",
        DAY,
    )
    b_text = (
        "Mudslide shuts Vestfjell line at Hovden",
        "Fjordbane shut the Vestfjell line after a mudslide near Hovden covered the track.",
    )
    idf = idf_function({}, documents=50)
    same_day = similarity(a, fingerprint(*b_text, DAY), idf)
    week_later = similarity(a, fingerprint(*b_text, DAY + 6), idf)
    assert same_day >= grouping.THRESHOLD
    assert week_later < same_day * 0.5


class FakeIndex:
    """An in-memory StoryIndex that counts what grouping asks of it."""

    def __init__(self) -> None:
        self.articles: dict[int, StoredArticle] = {}
        self.postings: dict[str, set[int]] = {}
        self.df: Counter[str] = Counter()
        self.stored_requests: list[set[int]] = []
        self.records: list[int] = []

    def document_count(self) -> int:
        return len(self.articles)

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        return {t: self.df[t] for t in terms if t in self.df}

    def candidates(
        self, terms: Collection[str], first_day: int, last_day: int, limit: int
    ) -> list[tuple[int, int]]:
        hits: Counter[int] = Counter()
        for term in terms:
            for article_id in self.postings.get(term, ()):
                if first_day <= self.articles[article_id].fingerprint.day <= last_day:
                    hits[article_id] += 1
        return sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def manual_links(self, article_id: int) -> ManualLinks:
        return ManualLinks()

    def stories_of(self, article_ids: Collection[int]) -> dict[int, int]:
        return {i: self.articles[i].story_id for i in article_ids if i in self.articles}

    def stored(self, article_ids: Collection[int]) -> dict[int, StoredArticle]:
        self.stored_requests.append(set(article_ids))
        return {i: self.articles[i] for i in article_ids}

    def record(
        self,
        article_id: int,
        story_id: int,
        score: float,
        fingerprint: Fingerprint,
        postings: Collection[str],
        all_terms: Collection[str],
    ) -> None:
        self.records.append(article_id)
        self.articles[article_id] = StoredArticle(article_id, story_id, fingerprint)
        for term in postings:
            self.postings.setdefault(term, set()).add(article_id)
        self.df.update(set(all_terms))


def _filler(n: int) -> tuple[str, str]:
    """An article about a made-up event of its own."""
    words = [f"zq{n}x{k}" for k in range(12)]
    return f"Report {n} on {words[0]}", " ".join(words) + f". Officials met in Town{n}."


def test_assignment_joins_the_same_event_and_leaves_others_alone() -> None:
    index = FakeIndex()
    for n in range(40):
        assert assign(index, n + 1, fingerprint(*_filler(n), DAY)).story_id == n + 1
    first = fingerprint(
        "Quillmark breach exposes 2.1 million users",
        "Quillmark, the Tallinn password manager, said hackers copied records of 2.1 million "
        "users from a backup server. Karin Tamm apologised.",
        DAY,
    )
    second = fingerprint(
        "Password manager Quillmark hacked",
        "Hackers broke into a Quillmark backup server and copied records of about two million "
        "users, the Tallinn company said. Chief executive Karin Tamm apologised.",
        DAY + 1,
    )
    assert assign(index, 100, first).story_id == 100
    joined = assign(index, 101, second)
    assert (joined.story_id, joined.matched) == (100, 100)
    assert joined.score >= grouping.THRESHOLD


def test_adding_an_article_scores_a_few_candidates_and_touches_no_other_article() -> None:
    index = FakeIndex()
    for n in range(200):
        assign(index, n + 1, fingerprint(*_filler(n), DAY + n % 30))
    before = {i: (a.story_id, a.fingerprint) for i, a in index.articles.items()}
    index.stored_requests.clear()
    index.records.clear()
    result = assign(index, 999, fingerprint(*_filler(7), DAY + 7))
    # Only the new article is written, and only retrieved candidates are read and scored.
    assert index.records == [999]
    assert result.scored <= grouping.CANDIDATES
    assert sum(len(ids) for ids in index.stored_requests) <= grouping.CANDIDATES
    assert {i: (a.story_id, a.fingerprint) for i, a in index.articles.items() if i != 999} == (
        before
    )
    assert result.matched == 8  # the same made-up event, added before


def test_candidates_outside_the_time_window_are_never_scored() -> None:
    index = FakeIndex()
    assign(index, 1, fingerprint(*_filler(1), DAY))
    late = assign(index, 2, fingerprint(*_filler(1), DAY + grouping.WINDOW_DAYS + 1))
    assert late.scored == 0 and late.story_id == 2


@pytest.mark.parametrize("days", [0, 1])
def test_no_decay_within_the_first_day(days: int) -> None:
    assert grouping.combined((0.5, 0.0, 0.0), days) == pytest.approx(0.5)
