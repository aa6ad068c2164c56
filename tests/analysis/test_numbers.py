"""Tests for the numeric-expression recogniser (reader.core.analysis.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis import numbers
from reader.core.analysis.numbers import find_numbers
from reader.core.results import Span


def found(text: str) -> list[tuple[str, str]]:
    return [(span.text, span.label) for span in find_numbers(text)]


def test_version_is_a_non_empty_string() -> None:
    assert isinstance(numbers.VERSION, str) and numbers.VERSION


def test_empty_text() -> None:
    assert find_numbers("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It sent 1,946 vessels.", [("1,946", "CARDINAL")]),
        ("Seven nations agreed.", [("Seven", "CARDINAL")]),
        ("Kenya beat Uganda 3-1 on penalties.", [("3-1", "CARDINAL")]),
        ("He went 14-for-23 from the field.", [("14-for-23", "CARDINAL")]),
        ("Roughly one in five was a cruise ship.", [("Roughly one in five", "CARDINAL")]),
        ("About two-thirds of them.", [("About two-thirds", "CARDINAL")]),
        ("The fund holds €240m ($262m).", [("€240m", "MONEY"), ("$262m", "MONEY")]),
        (
            "Canada pays C$40m and 250m Danish kroner.",
            [("C$40m", "MONEY"), ("250m Danish kroner", "MONEY")],
        ),
        ("Iceland's share is ISK 1.5bn.", [("ISK 1.5bn", "MONEY")]),
        ("It pays 42 cents a share.", [("42 cents", "MONEY")]),
        ("It invests 1.5 trillion yen.", [("1.5 trillion yen", "MONEY")]),
        (
            "Revenue rose 12.7% and margins 3.5 per cent.",
            [("12.7%", "PERCENT"), ("3.5 per cent", "PERCENT")],
        ),
        ("Rates rose two percentage points.", [("two percentage points", "PERCENT")]),
        ("It closes from Dec. 23 to 27 for repairs.", [("Dec. 23 to 27", "DATE")]),
        ("It met on 23–27 December 2024.", [("23–27 December 2024", "DATE")]),
        ("The 2023-24 season ended.", [("2023-24", "DATE")]),
        ("Output peaks in mid-2025.", [("mid-2025", "DATE")]),
        ("Sales fell in the first quarter.", [("the first quarter", "DATE")]),
        ("Music of the 1990s.", [("the 1990s", "DATE")]),
        ("It grew over the past five years.", [("the past five years", "DATE")]),
        ("She said it last year.", [("last year", "DATE")]),
        ("The talks took five days.", [("five days", "DATE")]),
        ("It ships in Q3 of fiscal 2025.", [("Q3", "DATE"), ("fiscal 2025", "DATE")]),
        ("They finished at 4:12 a.m. local time.", [("4:12 a.m. local time", "TIME")]),
        (
            "Talks resumed after midnight on Wednesday night.",
            [("midnight", "TIME"), ("Wednesday night", "TIME")],
        ),
        ("It lasted about three hours.", [("about three hours", "TIME")]),
        ("It began at 9 a.m. on Tuesday.", [("9 a.m.", "TIME"), ("Tuesday", "DATE")]),
        (
            "It was his fifth title and the 70th parallel.",
            [("fifth", "ORDINAL"), ("70th", "ORDINAL")],
        ),
        ("World No. 3 Ana Petrova withdrew.", [("No. 3", "ORDINAL")]),
        ("See Annex No. 3 of the text.", [("No. 3", "CARDINAL")]),
        (
            "A five-day summit and a 14-page text.",
            [("five-day", "QUANTITY"), ("14-page", "QUANTITY")],
        ),
        (
            "Ships sail at 10 knots within 12 nautical miles.",
            [("10 knots", "QUANTITY"), ("12 nautical miles", "QUANTITY")],
        ),
        (
            "It reached 38C and 600 kilometres away.",
            [("38C", "QUANTITY"), ("600 kilometres", "QUANTITY")],
        ),
        ("Almost three times the number.", [("Almost three times", "QUANTITY")]),
        ("He scored twice.", [("twice", "QUANTITY")]),
        (
            "A 27-year-old forward who is 7-foot-1.",
            [("27-year-old", "QUANTITY"), ("7-foot-1", "QUANTITY")],
        ),
        ("A quake of magnitude 4.1 struck.", [("magnitude 4.1", "QUANTITY")]),
    ],
)
def test_expressions_and_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than $450", "more than $450"),
        ("nearly 40%", "nearly 40%"),
        ("at least 14 buildings", "at least 14"),
        ("up to 500 engineers", "up to 500"),
        ("some 600 people", "some 600"),
        ("just under 1 per cent", "just under 1 per cent"),
    ],
)
def test_approximators_are_inside(text: str, expected: str) -> None:
    assert [span.text for span in find_numbers(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "No one came, and the one who did left; they helped one another.",
        "The Airbus A320 and COVID-19 and nylon-6 and G20 met.",
        "Pinecrest's Series 7 arm is a one-off.",
        "Call 555-123-4567 or visit https://example.com/2024/06/05 or mail a1@b2.com.",
        "He hit a 3-pointer.",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_ranges_sharing_a_unit_are_one_span_and_others_two() -> None:
    assert found("It rose 3 to 5 percent.") == [("3 to 5 percent", "PERCENT")]
    assert found("Prices of $3-5 million.") == [("$3-5 million", "MONEY")]
    assert found("From $2m to $3m.") == [("$2m", "MONEY"), ("$3m", "MONEY")]
    assert found("It ran from 2019 to 2023.") == [("2019 to 2023", "DATE")]


def test_identifiers_are_cardinals() -> None:
    assert found("Flight 302 landed at Gate 5.") == [("302", "CARDINAL"), ("5", "CARDINAL")]


def _check_spans(text: str, spans: list[Span]) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end


_PIECES = st.sampled_from(
    [
        "1",
        "12",
        "1,946",
        "3.5",
        "$",
        "€",
        "£",
        "C$",
        "US$",
        "m",
        "bn",
        "million",
        "per",
        "cent",
        "%",
        "-",
        "–",
        "to",
        "and",
        "a.m.",
        "p.m.",
        ":",
        "2024",
        "the",
        "first",
        "quarter",
        "mid-",
        "last",
        "year",
        "five-day",
        "about",
        "more",
        "than",
        "No.",
        "3",
        "one",
        "in",
        "five",
        "Dec.",
        "23",
        "Monday",
        "night",
        "twice",
        "times",
        "km",
        "60C",
        "14-for-23",
        "3-1",
        "'90s",
        "ISK",
        "kroner",
        "Danish",
        ",",
        ".",
        "(",
        ")",
        " ",
        " ",
        "\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join) | st.text(max_size=80))
def test_spans_always_match_the_text(text: str) -> None:
    _check_spans(text, find_numbers(text))


def test_no_overlaps_on_dense_text() -> None:
    text = " ".join(["about 3 to 5 percent", "$3-5 million", "Dec. 23 to 27", "7-foot-1"] * 50)
    _check_spans(text, find_numbers(text))
