"""Manual story links: link articles into one story, take one out, and both survive a regroup.

The tests drive the facade (``lib.stories.link``, ``lib.stories.unlink``, ``lib.stories.links``,
``lib.stories.regroup``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.errors import NotFound, UsageError
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft

DAY = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
NOW = datetime(2024, 6, 10, 9, 0, tzinfo=UTC)


def _draft(title: str, body: str, hours: int) -> ArticleDraft:
    return ArticleDraft(
        title=title, body=body, source="Wire", published=DAY + timedelta(hours=hours)
    )


FERRY_A = _draft(
    "Ferry runs aground off Naxos; all 312 passengers safe",
    "The ferry Aegean Star ran aground on rocks off Naxos late on Sunday, and all 312 passengers "
    "and 41 crew were taken ashore by the coastguard. A little fuel leaked from a damaged tank.",
    0,
)
FERRY_B = _draft(
    "Coastguard evacuates stranded Greek ferry Aegean Star",
    "Greek coastguard vessels evacuated 305 passengers from the Aegean Star after the ferry struck "
    "rocks near Naxos on Sunday night. Divers found a gash in the hull; fuel leaked.",
    5,
)
# The same event told with other words: automatic grouping does not see it.
FERRY_C = _draft(
    "Island operator counts cost of grounding",
    "A shipping line's flagship will be out of service for weeks after striking a reef in the "
    "Cyclades, its owner said, refunding tickets for the summer timetable.",
    8,
)
MUSEUM = _draft(
    "Lighthouse keepers' museum opens",
    "A museum devoted to lighthouse keepers opened in a restored boathouse on Saturday, with "
    "letters, logbooks and oil lamps donated by the keepers' families.",
    9,
)


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: NOW)
    yield lib
    lib.close()


def _ids(library: Library, *drafts: ArticleDraft) -> list[int]:
    return [library.articles.add(d).article.id for d in drafts]


def _story(library: Library, article_id: int) -> set[int]:
    return {m.id for m in library.stories.of(article_id)}


def test_linking_files_articles_in_one_story_and_survives_regroup(library: Library) -> None:
    a, b, c, museum = _ids(library, FERRY_A, FERRY_B, FERRY_C, MUSEUM)
    assert _story(library, a) == {a, b} and _story(library, c) == {c}
    story = library.stories.link([c, a])
    assert story == a and _story(library, a) == {a, b, c}
    library.stories.regroup()
    assert _story(library, a) == {a, b, c}
    assert _story(library, museum) == {museum}


def test_unlinking_takes_an_article_out_and_survives_regroup(library: Library) -> None:
    a, b = _ids(library, FERRY_A, FERRY_B)
    assert library.stories.unlink(b) == [a]
    assert _story(library, a) == {a} and _story(library, b) == {b}
    library.stories.regroup()
    assert _story(library, a) == {a} and _story(library, b) == {b}


def test_unlinking_the_article_that_named_the_story_renames_it(library: Library) -> None:
    a, b, c = _ids(library, FERRY_A, FERRY_B, FERRY_C)
    library.stories.link([a, c])
    assert sorted(library.stories.unlink(a)) == [b, c]
    assert _story(library, b) == {b, c} and _story(library, a) == {a}
    stories = {s.id: {m.id for m in s.articles} for s in library.stories.find(min_size=1)}
    assert stories[b] == {b, c} and stories[a] == {a}


def test_a_link_after_an_unlink_wins_and_links_are_readable(library: Library) -> None:
    a, b = _ids(library, FERRY_A, FERRY_B)
    library.stories.unlink(b)
    assert library.stories.links(b).apart == {a}
    library.stories.link([a, b])
    assert library.stories.links(b).same == {a} and not library.stories.links(b).apart
    library.stories.regroup()
    assert _story(library, a) == {a, b}


def test_link_refuses_too_few_or_missing_articles(library: Library) -> None:
    (a,) = _ids(library, FERRY_A)
    with pytest.raises(UsageError, match="two or more"):
        library.stories.link([a, a])
    with pytest.raises(NotFound):
        library.stories.link([a, 999])
    with pytest.raises(NotFound):
        library.stories.unlink(999)


def test_links_of_a_missing_article_is_not_found(library: Library) -> None:
    with pytest.raises(NotFound):
        library.stories.links(999)
