"""Comparison quality: figures are compared only when they measure the same thing, years are
dates, relative dates are never agreements, and figures are named by phrases of the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.results import NumberLabel, Span
from reader.core.stories.compare import Comparison
from reader.core.stories.figures import read_figures
from reader.core.stories.matching import group_figures
from reader.core.stories.phrases import figure_phrase, head_word, qualifiers
from reader.core.stories.values import parse_value
from tests.stories.conftest import aarhus_ids


@pytest.fixture(scope="module")
def aarhus(samples: Library) -> Comparison:
    harbour, baltic = aarhus_ids(samples)
    return samples.stories.compare([harbour, baltic])


def _texts(group: object) -> tuple[str, ...]:
    return tuple(sorted(f.span.text for f in group.figures))  # type: ignore[attr-defined]


def test_seriously_injured_firefighters_are_not_all_injured_firefighters(
    aarhus: Comparison,
) -> None:
    differing = {_texts(g) for g in aarhus.differing_figures()}
    assert ("four", "two") not in differing
    assert not any("22" in texts for texts in differing)  # appliances are not firefighters
    assert ("About 85", "some 70") in differing  # the firefighters at the scene still differ


def test_years_are_dates_not_counts(aarhus: Comparison) -> None:
    years = [g for g in aarhus.figures if g.figures[0].unit == "year"]
    assert years and all(g.about.startswith("year") for g in years)
    assert all(f.span.text.isdigit() for g in years for f in g.figures)
    count = next(g for g in aarhus.agreed_figures() if "at least 26" in _texts(g))
    assert count.figures[0].unit == ""  # the number of fires, not its year


def test_relative_dates_are_not_agreements(aarhus: Comparison) -> None:
    listed = {f.span.text.casefold() for g in aarhus.figures for f in g.figures}
    assert not listed & {"last year", "monday", "wednesday", "this week", "tonight"}


def test_figures_are_named_by_phrases(aarhus: Comparison) -> None:
    names = {_texts(g): g.about for g in aarhus.figures}
    assert names[("17", "Fourteen")] == "people were injured"
    assert names[("About 85", "some 70")] == "firefighters"
    assert names[("about 120", "about 120")] == "people at the site"
    assert names[("2023", "2023")] == "year: significant fires"


@pytest.mark.parametrize(
    ("before", "after", "phrase"),
    [
        ("North Korea has sent more than", " troops to Russia, officials said", "troops to Russia"),
        ("Of the injured,", " were firefighters", "firefighters"),
        ("The first emergency call came in at", " from a guard", "first emergency call came"),
        ("", " and forcing authorities", ""),
    ],
)
def test_figure_phrase(before: str, after: str, phrase: str) -> None:
    assert figure_phrase(before, after) == phrase


def test_times_are_named_by_what_comes_before() -> None:
    phrase = figure_phrase(
        "The first emergency call came in at", " from a guard", prefer_before=True
    )
    assert phrase == "first emergency call came"


def test_head_words_and_qualifiers() -> None:
    assert head_word(" seriously injured people were taken") == "peopl"
    assert head_word(" were firefighters") == "firefight"
    assert qualifiers("Among the seriously injured were", " firefighters") == {"serious"}
    assert qualifiers("The other", "") == {"other"}
    assert qualifiers("roughly", " people, nearly all") == frozenset()


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("38-year-old", "QUANTITY", (38.0, "age", False)),
        ("five years", "DATE", (pytest.approx(5 * 365.25), "day", False)),
        ("December 23", "DATE", (1223.0, "date", False)),
        ("23 Dec", "DATE", (1223.0, "date", False)),
        ("last year", "DATE", (None, "", False)),
    ],
)
def test_ages_durations_and_calendar_days(
    text: str, label: str, expected: tuple[object, str, bool]
) -> None:
    assert parse_value(text, label) == expected


def _read(article_id: int, body: str, marks: list[tuple[str, NumberLabel]]) -> list:  # type: ignore[type-arg]
    spans = []
    for text, label in marks:
        start = body.index(text)
        spans.append(Span(start, start + len(text), label, text))
    return read_figures(article_id, body, tuple(spans), ((0, len(body)),))


def test_differently_qualified_counts_never_differ() -> None:
    a = _read(
        1,
        "Two seriously injured firefighters were taken to hospital.",
        [("Two", NumberLabel.CARDINAL)],
    )
    b = _read(
        2, "Four injured firefighters were taken to hospital.", [("Four", NumberLabel.CARDINAL)]
    )
    groups = group_figures([a, b])
    assert [len(g.figures) for g in groups] == [1, 1]
    c = _read(
        3,
        "Four seriously injured firefighters were taken to hospital.",
        [("Four", NumberLabel.CARDINAL)],
    )
    (group,) = group_figures([a, c])
    assert group.differs and group.about == "seriously injured firefighters"


def test_relative_dates_are_left_out_and_calendar_days_compared() -> None:
    a = _read(
        1,
        "The talks ran from December 23 until last year.",
        [("December 23", NumberLabel.DATE), ("last year", NumberLabel.DATE)],
    )
    b = _read(2, "The talks began on Dec 23, officials said.", [("Dec 23", NumberLabel.DATE)])
    assert [f.span.text for f in a] == ["December 23"]
    (group,) = group_figures([a, b])
    assert not group.differs and group.about.startswith("date")


def test_the_kim_pair_agrees_on_the_troops_and_names_them_by_a_phrase(tmp_path: Path) -> None:
    from reader.core.ingest.reading import read_bytes
    from reader.core.library import open_library
    from tests.stories.test_undated_grouping import DATED, IMPORTED, PASTED

    library = open_library(tmp_path / "data", clock=lambda: IMPORTED)
    try:
        dated = library.articles.add(read_bytes(DATED, name="dated.md")).article.id
        pasted = library.articles.add(read_bytes(PASTED, name="kim.txt")).article.id
        comparison = library.stories.compare([dated, pasted])
    finally:
        library.close()
    troops = next(g for g in comparison.agreed_figures() if "more than 10,000" in _texts(g))
    assert _texts(troops) == ("more than 10,000", "over 10,000")
    assert troops.about == "troops to Russia"
    assert {q.speaker for q in comparison.quotes} == {"Kim Jong Un"}  # "accused", "criticized … as"
