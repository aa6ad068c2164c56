"""Sentence boundaries on tricky news text, and the invariants every split must keep."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr. and Mrs. Ostrander met Dr. Ilse Varga at St. Brendan's. They talked.",
            ["Mr. and Mrs. Ostrander met Dr. Ilse Varga at St. Brendan's.", "They talked."],
            id="titles-and-saint",
        ),
        pytest.param(
            "Gov. Tilda Marsh and Sen. Omar Reyes (D-Calif.) spoke. Rev. Amos Kell prayed.",
            ["Gov. Tilda Marsh and Sen. Omar Reyes (D-Calif.) spoke.", "Rev. Amos Kell prayed."],
            id="political-titles",
        ),
        pytest.param(
            "The deal closed on Jan. 5. The U.S. Treasury said it cost $4.2 million.",
            ["The deal closed on Jan. 5.", "The U.S. Treasury said it cost $4.2 million."],
            id="month-decimal-country",
        ),
        pytest.param(
            "Troops left the U.S. The next day they landed.",
            ["Troops left the U.S.", "The next day they landed."],
            id="abbreviation-ends-sentence",
        ),
        pytest.param(
            "J.R. Okafor and Mary K. Lund wrote the report. It ran to 40 pages.",
            ["J.R. Okafor and Mary K. Lund wrote the report.", "It ran to 40 pages."],
            id="initials",
        ),
        pytest.param(
            'She said, "We will win." Then she left.',
            ['She said, "We will win."', "Then she left."],
            id="quote-ends-sentence",
        ),
        pytest.param(
            '"Is it safe?" she asked. "Not yet!" Varga shouted. Nobody moved.',
            ['"Is it safe?" she asked.', '"Not yet!" Varga shouted.', "Nobody moved."],
            id="quoted-question-and-attribution",
        ),
        pytest.param(
            "“Why now?” asked Lund. “Because the money is there,” he said.",
            ["“Why now?” asked Lund.", "“Because the money is there,” he said."],
            id="typographic-quotes",
        ),
        pytest.param(
            '"That is not nothing. It is a lot," she said.',
            ['"That is not nothing.', 'It is a lot," she said.'],
            id="quote-with-two-sentences",
        ),
        pytest.param(
            "Annex No. 3 sets the rule. Voters said no. The plan failed.",
            ["Annex No. 3 sets the rule.", "Voters said no.", "The plan failed."],
            id="number-abbreviation",
        ),
        pytest.param(
            "The call came at 2:15 p.m. Shares fell 2%. The meeting began at 5 p.m. Eastern time.",
            [
                "The call came at 2:15 p.m.",
                "Shares fell 2%.",
                "The meeting began at 5 p.m. Eastern time.",
            ],
            id="clock-times",
        ),
        pytest.param(
            "Pinecrest Robotics Inc. rose 9.2% to $187.40, e.g. more than peers. Analysts cheered.",
            [
                "Pinecrest Robotics Inc. rose 9.2% to $187.40, e.g. more than peers.",
                "Analysts cheered.",
            ],
            id="company-latin-decimals",
        ),
        pytest.param(
            "He paused... and then left. Prices rose… Nobody knew why.",
            ["He paused... and then left.", "Prices rose…", "Nobody knew why."],
            id="ellipses",
        ),
        pytest.param(
            "The study (published Tuesday.) was short. Its authors were not.",
            ["The study (published Tuesday.) was short.", "Its authors were not."],
            id="parenthesis",
        ),
    ],
)
def test_tricky_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_always_end_sentences() -> None:
    text = "First paragraph has no full stop\n\nSecond one does. And more."
    assert sentences(text) == ["First paragraph has no full stop", "Second one does.", "And more."]


def test_markdown_heading_list_items_and_list_numbers() -> None:
    text = (
        "## What changes at sea\n\nThe main provisions are:\n\n"
        "- a shared registry, i.e. one list;\n- three new stations.\n\n"
        "1. The review tool failed. Nobody noticed.\n\n2. The alarm fired late."
    )
    assert sentences(text) == [
        "## What changes at sea",
        "The main provisions are:",
        "- a shared registry, i.e. one list;",
        "- three new stations.",
        "1. The review tool failed.",
        "Nobody noticed.",
        "2. The alarm fired late.",
    ]


def test_lines_of_a_pasted_page_stand_alone() -> None:
    text = "Dec 29, 2024, 9:47 AM\nUpdated Dec 29, 2024, 11:02 AM\nCity beat Rovers 3-1 in a row over offside"
    assert sentences(text) == [
        "Dec 29, 2024, 9:47 AM",
        "Updated Dec 29, 2024, 11:02 AM",
        "City beat Rovers 3-1 in a row over offside",
    ]


def test_hard_wrapped_prose_is_joined() -> None:
    text = (
        "The council said the bridge would close for eleven weeks while\n"
        "engineers replaced two bearings. Traders on the north side of the\n"
        "river say they are worried about the loss of passing customers.\n"
    )
    assert sentences(text) == [
        "The council said the bridge would close for eleven weeks while\n"
        "engineers replaced two bearings.",
        "Traders on the north side of the\nriver say they are worried about the loss of passing customers.",
    ]


def test_markdown_emphasis_stays_with_its_sentence() -> None:
    assert sentences("*It was 402, not 420.*\n\nNext.") == ["*It was 402, not 420.*", "Next."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\t \n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    # Nothing but white space is left out.
    covered: set[int] = set()
    for start, end in spans:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


news_alphabet = st.sampled_from(
    [
        *"abcXYZ .,;:?!\"'()…“”’-\n\t0123456789$%",
        "Mr.",
        "U.S.",
        "p.m.",
        "No.",
        "J.",
        " the ",
        "\n\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(news_alphabet, max_size=60).map("".join))
def test_spans_are_sorted_disjoint_trimmed_and_cover_the_text(text: str) -> None:
    check_spans(text, split_sentences(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_spans_hold_for_any_unicode_text(text: str) -> None:
    check_spans(text, split_sentences(text))
