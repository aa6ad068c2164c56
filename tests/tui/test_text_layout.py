"""The ArticleText's display lines, without Textual's drawing."""

from __future__ import annotations

from textual.content import Span

from reader.tui.article.text_layout import GUTTER, TextLayout

BODY = "one two three four five six seven eight nine ten"


def test_too_narrow_a_space_draws_nothing() -> None:
    layout = TextLayout()
    assert not layout.fit(BODY, [], GUTTER, 80)
    assert layout.text_width == 0


def test_lines_are_centred_and_offsets_found() -> None:
    layout = TextLayout()
    assert layout.fit(BODY, [], 40, 10)
    assert layout.text_width == 10 and layout.margin == (40 - 10 - GUTTER) // 2
    assert all(end - start <= 10 for start, end in layout.lines)
    second = layout.lines[1][0]
    assert layout.line_of(second) == 1 and layout.line_of(second - 1) == 0
    assert layout.lines_of((0, second + 1)) == (0, 1)
    assert layout.offset_at(layout.margin + GUTTER, 1) == second
    assert layout.offset_at(0, len(layout.lines)) is None


def test_restyle_bumps_only_the_lines_whose_spans_changed() -> None:
    layout = TextLayout()
    layout.fit(BODY, [], 40, 10)
    second = layout.lines[1][0]
    runs = layout.restyle([Span(second, second + 3, "bold")])
    assert runs == [(1, 2)]
    assert layout.line_stamps[1] == 1 and layout.line_stamps[0] == 0
    assert layout.restyle([Span(second, second + 3, "bold")]) == []


def test_viewport_queries_find_what_is_seen_and_where_to_scroll() -> None:
    layout = TextLayout()
    assert layout.starting_on([(0, 3)], 0, 5) == []  # not wrapped yet: nothing is seen
    layout.fit(BODY, [], 40, 10)
    words = [(m, m + 1) for m in (start for start, _ in layout.lines)]
    assert layout.starting_on(words, 1, 2) == [1, 2]
    assert layout.scroll_target(words[1], 0, 3, downward=True, centre=False) is None
    last = len(layout.lines) - 1
    assert layout.scroll_target(words[last], 0, 3, downward=True, centre=False) == last - 2
