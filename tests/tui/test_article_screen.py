"""The article screen, driven with Pilot against a temporary library of the sample articles.

Every key test asserts on what the library stored, not only on widgets. The first part tests the
pure helpers of :mod:`reader.tui.spans` that the screen is built on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.content import Span as ContentSpan
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from reader.core.library import Library
from reader.core.models import ArticleDraft, TriageState
from reader.core.results import Analysis, Span
from reader.tui import entities
from reader.tui import spans as sp
from reader.tui.app import SkimApp
from reader.tui.article.article_text import ArticleText
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.legend import Legend
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.algorithm_picker import AlgorithmPicker
from reader.tui.dialogs.entity_list import EntityList
from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.dialogs.tag_editor import TagEditor
from tests.tui.helpers import settle_until as settle

SHORT = "Riverside bridge closure"
LONG = "Forty-Four Minutes: How a private ambulance contract left rural Tamarack County waiting"


# -- pure helpers -------------------------------------------------------------------------------


def test_wrap_breaks_at_spaces_keeps_paragraphs_and_folds_long_words() -> None:
    body = "one two three four\n\nfive sixsevenlongword"
    lines = sp.wrap(body, 9)
    texts = [body[start:end] for start, end in lines]
    assert texts == ["one two", "three", "four", "", "five", "sixsevenl", "ongword"]
    assert all(len(t) <= 9 for t in texts)


def test_wrap_of_empty_text_is_one_empty_line() -> None:
    assert sp.wrap("", 10) == [(0, 0)]


def test_rough_sentences_split_at_end_punctuation_without_leading_space() -> None:
    body = 'It rained. "Really?" she asked.\nNext line'
    found = [body[s:e] for s, e in sp.rough_sentences(body)]
    assert found == ["It rained.", '"Really?"', "she asked.", "Next line"]


def test_spans_by_line_clips_a_span_over_several_lines() -> None:
    lines = [(0, 5), (6, 11), (12, 20)]
    by_line = sp.spans_by_line(lines, [ContentSpan(3, 14, "on red")])
    assert [[(s.start, s.end) for s in line] for line in by_line] == [[(3, 5)], [(0, 5)], [(0, 2)]]


def test_text_spans_order_and_colour_switch() -> None:
    analysis = Analysis(
        sentences=((0, 10),),
        entities=(Span(0, 4, "PERSON", "Anna"),),
        numbers=(Span(5, 7, "CARDINAL", "12"),),
    )
    coloured = sp.text_spans(analysis, [], None)
    assert [s.style for s in coloured] == ["$entity-person", "$number-cardinal"]
    assert sp.text_spans(analysis, [], None, colour=False) == []


def test_entity_groups_count_case_insensitively_and_next_mention_wraps() -> None:
    analysis = Analysis(
        sentences=(),
        entities=(
            Span(0, 4, "PERSON", "Anna"),
            Span(10, 14, "PERSON", "ANNA"),
            Span(20, 23, "PLACE", "Oslo"),
        ),
        numbers=(),
    )
    groups = entities.entity_groups(analysis)
    assert groups["PERSON"] == [entities.EntityEntry("PERSON", "Anna", 2)]
    found = entities.mentions(analysis, "PERSON", "anna")
    assert found == [(0, 4), (10, 14)]
    assert entities.next_mention(found, 0) == (1, (10, 14))
    assert entities.next_mention(found, 12) == (0, (0, 4))


def test_scroll_target_keeps_the_cursor_in_view_with_context() -> None:
    assert sp.scroll_target(5, 6, top=0, height=20, downward=True) is None
    assert (
        sp.scroll_target(25, 26, top=0, height=20, downward=True) == 9
    )  # 26 lands 3rd from the bottom
    assert sp.scroll_target(3, 4, top=10, height=20, downward=False) == 1
    assert (
        sp.scroll_target(50, 90, top=0, height=20, downward=True) == 48
    )  # too long: show its start
    assert sp.scroll_target(100, 101, top=0, height=30, downward=True, centre=True) == 90


def test_excerpt_cuts_at_a_word() -> None:
    assert sp.excerpt("alpha beta gamma delta", 12) == "alpha beta…"
    assert sp.excerpt("short", 12) == "short"


# -- driving the screen -------------------------------------------------------------------------


def article_id(library: Library, title: str = SHORT) -> int:
    """The id of the sample article with ``title``."""
    return next(meta.id for meta in library.articles.find() if meta.title == title)


@asynccontextmanager
async def reading(
    library: Library, aid: int, size: tuple[int, int] = (100, 30)
) -> AsyncIterator[tuple[Pilot[Any], ArticleScreen]]:
    """Open article ``aid`` in the app and wait until its summary is shown."""
    app = SkimApp(library)
    async with app.run_test(size=size) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        await settle(pilot, lambda: screen.session.summary is not None)
        yield pilot, screen


async def test_opens_with_header_text_colours_and_three_highlights(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (_, screen):
        article = library.articles.get(aid)
        assert screen.article_text.body == article.body
        assert screen.query_one(HighlightsPanel).sentence_count == 3
        assert screen.session.analysis is not None and screen.session.analysis.entities
        styles = {span.style for span in screen.article_text.spans}
        assert any(str(style).startswith("$entity-") for style in styles)
        header = screen.query_one(ArticleHeader).plain
        assert article.title in header


async def test_h_highlights_the_sentence_under_the_cursor(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        await pilot.press("right_square_bracket")
        cursor = screen.article_text.cursor_range
        assert cursor is not None and cursor == screen.session.analysis.sentences[1]  # type: ignore[union-attr]
        await pilot.press("h")
        await settle(pilot)
        stored = library.annotations.of(aid)
        assert [(a.start, a.end) for a in stored] == [cursor]
        assert stored[0].quote == library.articles.get(aid).body[cursor[0] : cursor[1]]


async def test_v_selects_several_sentences_then_h_highlights_them(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        sentences = screen.article_text.sentences
        await pilot.press("v", "right_square_bracket", "v", "h")
        await settle(pilot)
        assert [(a.start, a.end) for a in library.annotations.of(aid)] == [
            (sentences[0][0], sentences[2][1])
        ]
        assert not screen.article_text.selecting


async def test_n_creates_a_highlight_and_stores_the_typed_note(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        await pilot.press(*"ok", "enter", *"[b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (stored,) = library.annotations.of(aid)
        assert stored.note == "ok\n[b]"
        assert (stored.start, stored.end) == screen.article_text.cursor_range
        # n again edits the same highlight; escape keeps the old note
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        await pilot.press("x", "escape")
        await settle(pilot)
        assert [a.note for a in library.annotations.of(aid)] == ["ok\n[b]"]


async def test_x_removes_the_highlight_and_u_brings_it_back(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, _):
        await pilot.press("h")
        await settle(pilot)
        (made,) = library.annotations.of(aid)
        await pilot.press("x")
        await settle(pilot)
        assert library.annotations.of(aid) == []
        await pilot.press("u")
        await settle(pilot)
        assert [a.id for a in library.annotations.of(aid)] == [made.id]


async def test_shift_n_stores_the_article_note(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, _):
        await pilot.press("N")
        await settle(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        await pilot.press(*"Hm [x]", "ctrl+s")
        await settle(pilot)
        assert library.articles.get(aid).note == "Hm [x]"


async def test_t_edits_the_tags_with_the_old_ones_prefilled(library: Library) -> None:
    aid = article_id(library)
    library.articles.set_tags(aid, ["transport"])
    async with reading(library, aid) as (pilot, _):
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(pilot.app.screen, TagEditor))
        assert pilot.app.screen.query_one("#tag-input").value == "transport"  # type: ignore[attr-defined]
        await pilot.press(*",a b", "enter")
        await settle(pilot)
        assert set(library.articles.get(aid).tags) == {"transport", "a b"}


async def test_plus_and_minus_change_the_summary_length(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        panel = screen.query_one(HighlightsPanel)
        await pilot.press("plus")
        await settle(pilot, lambda: panel.sentence_count == 4)
        await pilot.press("minus", "minus")
        await settle(pilot, lambda: panel.sentence_count == 2)
        assert library.get_setting("summary.sentences") == "2"


async def test_shift_s_picks_another_algorithm(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        before = screen.session.algorithm
        await pilot.press("S")
        await settle(pilot, lambda: isinstance(pilot.app.screen, AlgorithmPicker))
        await pilot.press("down", "enter")
        await settle(
            pilot, lambda: screen.session.summary is not None and screen.session.algorithm != before
        )
        await settle(pilot, lambda: screen.session.summary.algorithm == screen.session.algorithm)  # type: ignore[union-attr]
        assert screen.session.algorithm != before
        assert library.get_setting("summary.algorithm") == screen.session.algorithm


async def test_e_toggles_entity_colours(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):

        def coloured() -> bool:
            return any(str(s.style).startswith("$entity-") for s in screen.article_text.spans)

        legend = screen.query_one(Legend)
        assert coloured() and legend.colour and legend.labels
        await pilot.press("e")
        assert not coloured() and not screen.session.colour and not legend.colour
        await pilot.press("e")
        assert coloured() and legend.colour


async def test_shift_e_lists_entities_and_jumps_to_the_next_mention(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        await pilot.press("E")
        await settle(pilot, lambda: isinstance(pilot.app.screen, EntityList))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.session.analysis is not None
        first = next(iter(entities.entity_groups(screen.session.analysis).values()))[0]
        mention = entities.mentions(screen.session.analysis, first.label, first.text)
        cursor = screen.article_text.cursor_range
        assert cursor is not None
        assert any(cursor[0] <= start < cursor[1] for start, _ in mention)


async def test_curly_brackets_step_through_summary_sentences(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        assert screen.session.summary is not None
        starts = sorted(s.start for s in screen.session.summary.sentences)
        await pilot.press("right_curly_bracket")
        cursor = screen.article_text.cursor_range
        assert cursor is not None and cursor[0] == next(s for s in starts if s > 0)
        await pilot.press("right_curly_bracket", "left_curly_bracket")
        assert screen.article_text.cursor_range == cursor


async def test_selecting_a_highlight_moves_the_cursor_there(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        assert screen.session.summary is not None
        await pilot.press("tab")
        assert pilot.app.focused is not None and pilot.app.focused.id == "highlights-list"
        await pilot.press("down", "enter")
        target = screen.session.summary.sentences[1]
        assert screen.article_text.cursor_range == (target.start, target.end)
        assert isinstance(pilot.app.focused, ArticleText)


async def test_shift_r_shows_each_sentences_rank_and_score(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        options = screen.query_one("#highlights-list", OptionList)

        def prompts() -> str:
            return " ".join(
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            )

        assert "#1" not in prompts()
        await pilot.press("R")
        assert screen.query_one(HighlightsPanel).show_scores
        assert all(f"#{rank}" in prompts() for rank in (1, 2, 3))
        await pilot.press("R")
        assert "#1" not in prompts()


async def test_r_explains_why_each_highlight_was_chosen(library: Library) -> None:
    from textual.widgets import Static

    from reader.tui.dialogs.summary_reasons import SummaryReasons

    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        assert screen.session.summary is not None and screen.session.summary.algorithm == "skim"
        await pilot.press("r")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, SummaryReasons)
        text = "\n".join(str(w.render()) for w in dialog.query(Static))
        for sentence in screen.session.summary.sentences:
            why = sentence.explanation
            assert why is not None
            assert f"#{sentence.rank} · score" in text
            assert f"sentence {why.sentence_number})" in text
        assert "centrality" in text and "position" in text and "length" in text
        assert "read as" in text
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_l_a_s_triage_and_u_undoes(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, _):
        await pilot.press("l")
        await settle(pilot)
        assert library.articles.meta(aid).state == TriageState.LATER
        await pilot.press("a")
        await settle(pilot)
        assert library.articles.meta(aid).state == TriageState.ARCHIVE
        await pilot.press("s")
        await settle(pilot)
        assert library.articles.meta(aid).starred
        await pilot.press("u")
        await settle(pilot)
        assert not library.articles.meta(aid).starred
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(aid).state == TriageState.LATER


@pytest.mark.slow
async def test_reading_position_is_saved_on_q_and_restored(library: Library) -> None:
    aid = article_id(library, LONG)
    async with reading(library, aid) as (pilot, screen):
        await pilot.press(*["j"] * 12)
        position = screen.article_text.first_visible_offset
        assert position > 0
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ArticleScreen)
        assert library.articles.get(aid).reading_position == position
        again = ArticleScreen(aid)
        await pilot.app.push_screen(again)
        await settle(pilot, lambda: again.session.summary is not None)
        assert again.article_text.first_visible_offset == position


async def test_markup_in_article_text_is_shown_literally(library: Library) -> None:
    body = "Plain [bold]x[/bold] and [link=http://e.x]y[/link] and [the plan] stay as typed."
    result = library.articles.add(ArticleDraft(title="Brackets [b]", body=body))
    async with reading(library, result.article.id) as (_, screen):
        text = "".join(screen.article_text.render_line(y).text for y in range(3))
        assert "[bold]x[/bold]" in text
        assert "[link=http://e.x]y[/link]" in text
        assert "[the plan]" in text
        assert "Brackets [b]" in screen.query_one(ArticleHeader).plain


async def test_a_highlight_made_just_before_leaving_is_saved(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        cursor = screen.article_text.cursor_range
        await pilot.press("h", "q")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ArticleScreen)
        assert [(a.start, a.end) for a in library.annotations.of(aid)] == [cursor]


async def test_choosing_a_note_jumps_to_its_highlight(library: Library) -> None:
    aid = article_id(library)
    body = library.articles.get(aid).body
    start = body.index(".", len(body) // 2) + 2  # a sentence from the second half
    library.annotations.add(aid, start, start + 20, note="later on")
    async with reading(library, aid) as (pilot, screen):
        screen.query_one("#notes-list", OptionList).focus()
        await pilot.press("enter")
        cursor = screen.article_text.cursor_range
        assert cursor is not None and cursor[0] <= start < cursor[1]
        assert screen.article_text.line_of(start) >= round(screen.article_text.scroll_y)


async def test_clicking_a_sentence_puts_the_cursor_on_it(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        story = screen.article_text
        target = story.sentences[2]
        line = story.line_of(target[0]) - round(story.scroll_y)
        await pilot.click(ArticleText, offset=(story.size.width // 2, line))
        cursor = story.cursor_range
        assert cursor is not None
        assert story.line_of(cursor[0]) <= line + round(story.scroll_y) <= story.line_of(cursor[1])


async def test_switching_theme_recolours_the_story(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        story = screen.article_text

        def colours() -> set[str]:
            return {
                str(segment.style.color)
                for y in range(story.size.height)
                for segment in story.render_line(y)
                if segment.style is not None and segment.style.color is not None
            }

        before = colours()
        pilot.app.theme = "skim-light"
        await pilot.pause()
        await pilot.pause()
        assert colours() != before


async def test_quitting_the_app_from_an_article_keeps_the_reading_position(
    library: Library,
) -> None:
    aid = article_id(library, LONG)
    async with reading(library, aid) as (pilot, screen):
        await pilot.press(*"jjjjjjjj")
        position = screen.article_text.first_visible_offset
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert position > 0
    assert library.articles.get(aid).reading_position == position


async def test_space_k_g_and_shift_g_move_through_the_article(library: Library) -> None:
    aid = article_id(library, LONG)
    async with reading(library, aid) as (pilot, screen):
        story = screen.article_text
        await pilot.press("space")
        assert story.scroll_y >= story.scrollable_content_region.height - 2
        paged = story.scroll_y
        await pilot.press("k", "k")
        assert story.scroll_y == paged - 2
        await pilot.press("G")
        await pilot.pause()
        assert story.scroll_y == story.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert story.scroll_y == 0 and story.first_visible_offset == 0


async def test_left_bracket_goes_back_and_escape_drops_a_selection_first(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        sentences = screen.article_text.sentences
        await pilot.press("right_square_bracket", "right_square_bracket", "left_square_bracket")
        assert screen.article_text.cursor_range == sentences[1]
        await pilot.press("v", "right_square_bracket")
        assert screen.article_text.selection_range == (sentences[1][0], sentences[2][1])
        await pilot.press("escape")
        assert not screen.article_text.selecting and pilot.app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ArticleScreen)


async def test_p_hides_and_shows_the_side_panels(library: Library) -> None:
    aid = article_id(library)
    async with reading(library, aid, size=(160, 40)) as (pilot, screen):
        side = screen.query_one("#side")
        width = screen.article_text.size.width
        await pilot.press("p")
        await pilot.pause()
        assert not side.display and screen.article_text.size.width > width
        await pilot.press("p")
        await pilot.pause()
        assert side.display and screen.article_text.size.width == width


async def test_results_arriving_while_the_screen_closes_are_dropped(library: Library) -> None:
    # Regression: `q` during the first analysis crashed the app ("No nodes match 'Legend'"): the
    # analysis result arrived while the closing screen's widgets were being removed, and the screen
    # still counted as attached. A widget's unmount runs in that moment.
    shown: list[bool] = []

    class Probe(Widget):
        def on_unmount(self) -> None:
            self.screen.if_shown(shown.append, True)  # type: ignore[attr-defined]

    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        await screen.mount(Probe())
        screen.if_shown(shown.append, False)
        assert shown == [False]
        await pilot.press("q")
        await pilot.pause()
        assert shown == [False]


async def test_an_article_analysed_ahead_is_drawn_coloured_from_its_first_frame(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = library.articles.find(limit=1)[0].id
    assert library.analysis.prepare(article_id)  # as the background analysis does
    frames: list[bool] = []  # for each line drawn with the text: was the summary there?
    render_line = ArticleText.render_line

    def recorded(self: ArticleText, y: int) -> Any:
        if self.body:
            frames.append(self.screen.session.summary is not None)  # type: ignore[attr-defined]
        return render_line(self, y)

    monkeypatch.setattr(ArticleText, "render_line", recorded)
    app = SkimApp(library)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = ArticleScreen(article_id)
        await app.push_screen(screen)
        await settle(pilot, lambda: screen.session.summary is not None)
        await pilot.pause()
    assert frames and all(frames)  # never drawn plain first
