"""Undated articles: an event date read from the text, never the import day; an unknown date is
unknown to grouping (no time window, no day decay), and the content must still match."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.ingest.eventdates import event_date
from reader.core.ingest.reading import read_bytes
from reader.core.library import Library, open_library

#: Two years after the event: a pasted article must not be dated by this import day.
IMPORTED = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)

DATED = b"""---
title: "Kim orders troop build-up as party plenum ends"
source: Korea Desk
published: 2024-12-28T06:00:00Z
---

North Korean leader Kim Jong Un closed a five-day plenary meeting of the ruling Workers' Party in
Pyongyang, ordering the "toughest" stance against the United States, state media reported.

The plenum, which ran from December 23 to 27, reviewed the year's work. Analysts said Pyongyang had
sent more than 10,000 troops to Russia, where they have been fighting in the Kursk region.

Kim accused Washington of "the most reactionary anti-communist policy" and criticized its alliance
with Seoul and Tokyo as "a nuclear military bloc".
"""

PASTED = b"""Kim vows toughest anti-US policy at year-end party plenum

North Korea's Kim Jong Un vowed to implement the "toughest" anti-US policy at a plenary meeting of
the ruling Workers' Party held in Pyongyang from December 23 to 27, the state news agency said.

Kim criticized the United States, South Korea and Japan as "a nuclear military bloc for aggression",
accusing Washington of "the most reactionary anti-communist policy" in the plenum's closing report.

The meeting came as over 10,000 North Korean troops sent to Russia fought in the Kursk region.
"""

OTHER_PASTED = b"""Lighthouse keepers' museum opens on remote island

A museum devoted to the lighthouse keepers of the Outer Skerries opened its doors in a restored
boathouse on Saturday, with letters, logbooks and oil lamps donated by the keepers' families.

The curator said the collection of 400 objects took six years to gather.
"""


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: IMPORTED)
    yield lib
    lib.close()


def test_a_pasted_undated_article_keeps_no_date_and_is_not_dated_by_the_import_day(
    library: Library,
) -> None:
    draft = read_bytes(PASTED, name="kim.txt")
    assert draft.published is None and draft.event_date is None  # the text names no year
    article = library.articles.get(library.articles.add(draft).article.id)
    assert article.published is None and article.event_date is None
    assert not article.event_date_inferred


def test_a_pasted_undated_and_a_dated_article_about_one_event_are_grouped(library: Library) -> None:
    dated = library.articles.add(read_bytes(DATED, name="dated.md")).article.id
    pasted = library.articles.add(read_bytes(PASTED, name="kim.txt")).article.id
    assert {m.id for m in library.stories.of(pasted)} == {dated, pasted}


def test_two_undated_articles_about_different_events_are_not_grouped(library: Library) -> None:
    first = library.articles.add(read_bytes(PASTED, name="kim.txt")).article.id
    second = library.articles.add(read_bytes(OTHER_PASTED, name="museum.txt")).article.id
    assert [m.id for m in library.stories.of(first)] == [first]
    assert [m.id for m in library.stories.of(second)] == [second]


def test_an_inferred_event_date_is_stored_apart_and_flagged(library: Library) -> None:
    text = PASTED.replace(b"from December 23 to 27,", b"from December 23 to 27, 2024,")
    article = library.articles.get(
        library.articles.add(read_bytes(text, name="kim.txt")).article.id
    )
    assert article.published is None
    assert article.event_date == date(2024, 12, 27) and article.event_date_inferred


def test_regrouping_keeps_undated_articles_with_their_story(library: Library) -> None:
    dated = library.articles.add(read_bytes(DATED, name="dated.md")).article.id
    pasted = library.articles.add(read_bytes(PASTED, name="kim.txt")).article.id
    library.stories.regroup()
    assert {m.id for m in library.stories.of(pasted)} == {dated, pasted}


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("The plenum ran from December 23 to 27, 2024, in Pyongyang.", None, date(2024, 12, 27)),
        ("Talks were held on 3-5 March 2023 in Paris.", None, date(2023, 3, 5)),
        (
            "The plenum ran from December 23 to 27.",
            "https://x.org/2024/12/28/kim",
            date(2024, 12, 27),
        ),
        ("The vote was on 2024-02-12, officials said.", None, date(2024, 2, 12)),
        # No year in the sentence or the address: unknown, not this year's December 27.
        ("The plenum ran from December 23 to 27. Plans for 2025 were set.", None, None),
        ("Nothing here says when.", None, None),
    ],
)
def test_event_dates(text: str, url: str | None, expected: date | None) -> None:
    assert event_date(text, url=url) == expected


def test_only_the_first_paragraphs_are_read() -> None:
    body = "One.\n\nTwo.\n\nThree.\n\nIt reopened on June 3, 2019."
    assert event_date(body) is None


def test_stories_and_list_show_an_undated_article_by_its_event_date_never_the_import_day(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    dated = library.articles.add(read_bytes(DATED, name="dated.md")).article.id
    with_year = PASTED.replace(b"from December 23 to 27,", b"from December 23 to 27, 2024,")
    pasted = library.articles.add(read_bytes(with_year, name="kim.txt")).article.id
    museum = library.articles.add(read_bytes(OTHER_PASTED, name="museum.txt")).article.id
    data = ["--data-dir", str(library.path.parent)]
    legend = "~ no published date: the day the text says the event happened\n"

    assert main([*data, "stories"]) == 0
    out, err = capsys.readouterr()
    assert f"  {dated:>5}  2024-12-28  Korea Desk" in out
    assert f"  {pasted:>5} ~2024-12-27  " in out  # inferred: marked, as `skim show` does
    assert "2026-12-04" not in out and err == legend

    assert main([*data, "list"]) == 0
    out, err = capsys.readouterr()
    rows = {int(line.split()[0]): line for line in out.splitlines()}
    assert " inbox   2024-12-28  Korea Desk " in rows[dated]
    assert " inbox   ~2024-12-27 " in rows[pasted]
    assert " inbox   undated     " in rows[museum]
    assert "2026-12-04" not in out and err == legend

    # The JSON is unchanged: the import day stays "added", no undated article gains "published".
    assert main([*data, "list", "--json"]) == 0
    rows_json = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows_json[pasted]["published"] is None
    assert rows_json[pasted]["added"].startswith("2026-12-04")
    assert "event_date" not in rows_json[pasted]
