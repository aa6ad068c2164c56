"""Story grouping through the Library facade: incremental adds, listing, sizes, old libraries."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from reader.core import ArticleDraft
from reader.core.library import Library, open_library
from reader.core.records import Fingerprint
from reader.core.storage._migrations import MIGRATIONS, migrate
from reader.core.stories import fingerprint as fingerprint_module
from reader.core.stories import groups
from tests.stories.conftest import aarhus_ids

DAY = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)


def test_the_two_aarhus_reports_form_the_only_multi_source_story(samples: Library) -> None:
    harbour, baltic = aarhus_ids(samples)
    stories = samples.stories.find()
    assert [sorted(m.id for m in s.articles) for s in stories] == [sorted([harbour, baltic])]
    assert stories[0].size == 2
    assert {m.id for m in samples.stories.of(harbour)} == {harbour, baltic}
    others = [m.id for m in samples.articles.find() if m.id not in (harbour, baltic)]
    sizes = samples.stories.sizes([harbour, baltic, *others])
    assert sizes[harbour] == sizes[baltic] == 2
    assert {sizes[i] for i in others} == {1}
    assert len(samples.stories.find(min_size=1)) == 14
    assert [m.id for m in samples.stories.of(others[0])] == [others[0]]


def _report(title: str, body: str, source: str, hours: int = 0) -> ArticleDraft:
    return ArticleDraft(
        title=title, body=body, source=source, published=DAY + timedelta(hours=hours)
    )


FERRY_A = _report(
    "Ferry runs aground off Naxos; all 312 passengers safe",
    "The ferry Aegean Star ran aground on rocks off Naxos late on Sunday, and all 312 passengers "
    "and 41 crew were taken ashore by the coastguard. A little fuel leaked from a damaged tank.",
    "Aegean Courier",
)
FERRY_B = _report(
    "Coastguard evacuates stranded Greek ferry Aegean Star",
    "Greek coastguard vessels evacuated 305 passengers from the Aegean Star after the ferry struck "
    "rocks near Naxos on Sunday night. Divers found a gash in the hull; fuel leaked.",
    "Mediterranean Wire",
    hours=5,
)


def test_adding_a_second_report_joins_the_story_and_deleting_hides_it(library: Library) -> None:
    first = library.articles.add(FERRY_A).article.id
    other = library.articles.add(
        _report(
            "Glasgow festival sells 48,000 tickets",
            "The Glasgow Film Festival sold 48,000 tickets, organisers said.",
            "Glasgow Evening Post",
        )
    ).article.id
    second = library.articles.add(FERRY_B).article.id
    assert [m.id for m in library.stories.of(second)] == [first, second]
    assert library.stories.sizes([first, other]) == {first: 2, other: 1}
    library.articles.delete([first])
    assert [m.id for m in library.stories.of(second)] == [second]
    assert library.stories.sizes([second]) == {second: 1}
    library.articles.undelete([first])
    assert library.stories.sizes([second]) == {second: 2}


def test_a_duplicate_is_not_grouped_again(library: Library) -> None:
    library.articles.add(FERRY_A)
    with mock.patch.object(groups, "group_drafts", wraps=groups.group_drafts) as grouped:
        again = library.articles.add(FERRY_A)
    assert not again.created
    grouped.assert_not_called()


def test_adding_one_article_fingerprints_only_that_article(library: Library) -> None:
    library.articles.add_many(
        [
            _report(
                f"Council {n} meets",
                f"Councillors of Town{n} met about item{n} and thing{n}.",
                f"Outlet {n}",
                hours=n,
            )
            for n in range(60)
        ]
    )
    calls = []
    real = fingerprint_module.fingerprint

    def counting(title: str, body: str, day: int) -> Fingerprint:
        calls.append(title)
        return real(title, body, day)

    with mock.patch.object(groups, "fingerprint", counting):
        library.articles.add(FERRY_A)
    assert calls == [FERRY_A.title]


def test_group_pending_files_articles_stored_before_grouping_existed(tmp_path: Path) -> None:
    # A library of schema version 1 (no story tables) with two reports of one event.
    path = tmp_path / "library.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, path, MIGRATIONS[:1])
    db.close()
    library = open_library(tmp_path)
    try:
        with mock.patch.object(groups, "group_drafts"):  # as if added by an older skim
            ids = [r.article.id for r in library.articles.add_many([FERRY_A, FERRY_B])]
        assert library.stories.find() == []
        assert library.stories.group_pending() == 2
        assert library.stories.group_pending() == 0
        assert [m.id for m in library.stories.of(ids[0])] == ids
        assert library.stories.regroup() == 2
        assert library.stories.find()[0].size == 2
    finally:
        library.close()
