"""Plain-text articles: headlines, date lines, bylines, aggregator sections, line joining."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core.ingest import read_bytes

STORY = (
    "The county council voted on Tuesday to close the old ferry pier for repairs. "
    "Work is expected to take eleven weeks.\n\n"
    "Traders on the quay said the closure would cost them the summer season.\n"
)


def _read(text: str, name: str = "notes.txt") -> tuple[str, str]:
    draft = read_bytes(text.encode(), name=name)
    return draft.title, draft.body


def test_a_short_first_line_is_the_title() -> None:
    title, body = _read("Ferry pier to close for repairs\n\n" + STORY)
    assert title == "Ferry pier to close for repairs"
    assert body.startswith("The county council voted")
    assert "Ferry pier to close" not in body


def test_a_question_headline_is_a_title() -> None:
    assert _read("Will the pier ever reopen?\n\n" + STORY)[0] == "Will the pier ever reopen?"


def test_a_paragraph_first_line_is_body_and_the_title_comes_from_the_file_name() -> None:
    title, body = _read(STORY, name="articles/riverside-bridge_closure.txt")
    assert title == "Riverside bridge closure"
    assert body.startswith("The county council voted on Tuesday")


def test_a_short_line_ending_with_a_full_stop_is_not_a_title() -> None:
    title, body = _read("The pier is closed.\n\nTraders are unhappy about it.\n", name="pier.txt")
    assert title == "Pier"
    assert body == "The pier is closed.\n\nTraders are unhappy about it."


def test_two_sentences_are_not_a_title() -> None:
    title, _ = _read("Pier closes. Traders angry\n\n" + STORY, name="x.txt")
    assert title == "X"


def test_abbreviations_do_not_split_a_headline_into_sentences() -> None:
    title, _ = _read("Dr. Okafor named U.S. envoy to Norway\n\n" + STORY)
    assert title == "Dr. Okafor named U.S. envoy to Norway"


def test_stdin_without_a_headline_takes_the_first_sentence_as_title() -> None:
    title, body = _read(STORY, name="-")
    assert title == "The county council voted on Tuesday to close the old ferry pier for repairs"
    assert body.startswith("The county council")


def test_a_long_first_sentence_is_shortened_with_an_ellipsis() -> None:
    text = (
        "Residents of the three villages along the northern shore of the estuary were told on "
        "Monday that the only road linking them to the town would shut.\n"
    )
    title, _ = _read(text, name="-")
    assert title.endswith("…")
    assert len(title) <= 80
    assert title.startswith("Residents of the three villages")


def test_a_single_line_file_is_body_not_title() -> None:
    title, body = _read("Ferry pier to close\n", name="pier-news.txt")
    assert (title, body) == ("Pier news", "Ferry pier to close")


def test_title_followed_directly_by_a_long_paragraph() -> None:
    title, body = _read("Ferry pier to close\n" + STORY)
    assert title == "Ferry pier to close"
    assert body.startswith("The county council")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Ferry pier to close\n\n"
        "The county council voted on Tuesday to close the old ferry pier\n"
        "for repairs, a decision that traders on the quay said would cost\n"
        "them the summer season.\n\n"
        "Work is expected to take eleven weeks.\n"
    )
    title, body = _read(text)
    assert title == "Ferry pier to close"
    assert body == (
        "The county council voted on Tuesday to close the old ferry pier for repairs, a decision "
        "that traders on the quay said would cost them the summer season.\n\n"
        "Work is expected to take eleven weeks."
    )


def test_a_hard_wrapped_opening_paragraph_is_not_mistaken_for_a_title() -> None:
    text = (
        "The county council voted on Tuesday to close the old ferry pier\n"
        "for repairs, a decision that traders on the quay said would cost\n"
        "them the summer season.\n"
    )
    title, body = _read(text, name="pier.txt")
    assert title == "Pier"
    assert body.startswith("The county council voted on Tuesday to close the old ferry pier for")


def test_one_line_paragraphs_without_blank_lines_stay_apart() -> None:
    first = "The county council voted on Tuesday to close the old ferry pier after an inspection."
    second = (
        "Traders on the quay said the closure would cost them the summer season and several jobs."
    )
    _, body = _read(f"Pier to close\n\n{first}\n{second}\n")
    assert body == f"{first}\n\n{second}"


def test_list_items_are_not_joined() -> None:
    _, body = _read(
        "Pier to close\n\nWhat changes:\n- buses run every hour\n- the car park shuts\n"
    )
    assert body == "What changes:\n\n- buses run every hour\n\n- the car park shuts"


def test_date_lines_before_the_title_become_published_and_updated() -> None:
    text = "Dec 29, 2024, 9:47 AM\nUpdated Dec 29, 2024, 11:02 AM\nPier to close\n\n" + STORY
    draft = read_bytes(text.encode(), name="x.txt")
    assert draft.title == "Pier to close"
    assert draft.published == datetime(2024, 12, 29, 9, 47, tzinfo=UTC)
    assert draft.updated == datetime(2024, 12, 29, 11, 2, tzinfo=UTC)
    assert "2024" not in draft.body


def test_date_line_and_byline_under_the_title() -> None:
    text = "Pier to close\nBy Amara Okafor and Tom Reid, Staff Writers\n"
    text += "Published: 2024-12-29 09:47\n\n"
    draft = read_bytes((text + STORY).encode(), name="x.txt")
    assert draft.author == "Amara Okafor and Tom Reid"
    assert draft.published == datetime(2024, 12, 29, 9, 47, tzinfo=UTC)
    assert draft.body.startswith("The county council")


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "Pier to close\n\nBy Tuesday, the quay will be fenced off.\n\n" + STORY
    draft = read_bytes(text.encode(), name="x.txt")
    assert draft.author is None
    assert draft.body.startswith("By Tuesday, the quay will be fenced off.")


AGGREGATOR = """\
Dec 29, 2024, 9:47 AM
Updated Dec 29, 2024, 11:02 AM
Harbour board approves night ferry after heated meeting
Provocative
Highlights
The board voted 7-2 for a night ferry between the two harbours.
Critics said the late sailings would keep residents awake.
Story
The harbour board approved a night ferry on Saturday after a meeting that ran past midnight.

Board chair Ines Duarte said the first sailing would leave at 11:40 p.m. on March 3.
Advertisement
Residents of the old town have collected 1,200 signatures against the plan.
Opinions
I live on the quay and I have never heard such nonsense in my life, honestly.
Finally someone is doing something for shift workers like me.
"""


def test_aggregator_layout_keeps_only_the_story() -> None:
    draft = read_bytes(AGGREGATOR.encode(), name="agg.txt")
    assert draft.title == "Harbour board approves night ferry after heated meeting"
    assert draft.published == datetime(2024, 12, 29, 9, 47, tzinfo=UTC)
    assert draft.updated == datetime(2024, 12, 29, 11, 2, tzinfo=UTC)
    assert draft.body == (
        "The harbour board approved a night ferry on Saturday after a meeting that ran past "
        "midnight.\n\n"
        "Board chair Ines Duarte said the first sailing would leave at 11:40 p.m. on March 3.\n\n"
        "Residents of the old town have collected 1,200 signatures against the plan."
    )
    for gone in ("Provocative", "Highlights", "voted 7-2", "Opinions", "nonsense", "shift workers"):
        assert gone not in draft.body


def test_highlights_without_a_story_label_are_kept_but_the_label_is_not() -> None:
    text = "Pier to close\n\nKey points\n\n" + STORY
    _, body = _read(text)
    assert "Key points" not in body
    assert body.startswith("The county council voted")


def test_controls_and_escape_sequences_are_stripped() -> None:
    text = "Pier\x07 to \x1b[31mclose\x1b[0m\u202e\n\n"
    text += "The quay\x01 shuts\x9b today,\r\nsecond\tline here.\n"
    draft = read_bytes(text.encode("utf-8", "surrogatepass"), name="x.txt")
    assert draft.title == "Pier to close"
    assert draft.body == "The quay shuts today, second line here."


def test_rich_markup_is_kept_as_literal_text() -> None:
    title, body = _read(
        "[bold]Pier[/bold] to close\n\nThe [red]quay[/red] shuts [link=x]today[/].\n"
    )
    assert title == "[bold]Pier[/bold] to close"
    assert body == "The [red]quay[/red] shuts [link=x]today[/]."


def test_crlf_line_ends() -> None:
    title, body = _read("Pier to close\r\n\r\nThe quay shuts.\r\n\r\nTraders object.\r\n")
    assert (title, body) == ("Pier to close", "The quay shuts.\n\nTraders object.")
