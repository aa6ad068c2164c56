"""Pilot tests of story groups in the list ("2 sources") and the Story screen (`c`)."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.pilot import Pilot
from textual.widgets import OptionList

from reader.core.library import Library
from reader.core.stories.compare import Comparison, SourceSummary
from reader.tui.library.article_list import ArticleList
from reader.tui.library.article_row import story_mark
from reader.tui.library.screen import LibraryScreen
from reader.tui.story.comparison_text import comparison_lines
from reader.tui.story.screen import StoryScreen
from tests.tui.helpers import RecordingApp, settle

HARBOUR = "Fourteen hurt as battery fire tears through Aarhus recycling plant"


def _aarhus_ids(library: Library) -> list[int]:
    (story,) = library.stories.find()  # the samples hold one story told by two sources
    assert {m.source for m in story.articles} == {"The Harbour Times", "Baltic Wire Service"}
    return [m.id for m in story.articles]


def _row_text(articles: ArticleList, index: int) -> str:
    strip = articles.render_line(index - round(articles.scroll_y))
    return "".join(segment.text for segment in strip)


async def _select(pilot: Pilot[None], article_id: int) -> ArticleList:
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    articles = screen.articles
    index = next(i for i in range(articles.total) if articles._rows[i].id == article_id)
    articles.cursor = index
    await pilot.pause()
    return articles


async def test_rows_of_a_story_show_its_sources_and_others_do_not(library: Library) -> None:
    pair = _aarhus_ids(library)
    assert len(pair) == 2
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        articles = screen.articles
        marked = {articles._rows[i].id: _row_text(articles, i) for i in range(articles.total)}
        for article_id, text in marked.items():
            assert ("2 sources" in text) == (article_id in pair), text
        assert "Fourteen hurt as battery fire" in marked[pair[0]] + marked[pair[1]]
    # Narrow rows keep a compact mark.
    assert (
        story_mark(3, 20) == "⧉3" and story_mark(3, 60) == "3 sources" and story_mark(1, 60) == ""
    )


async def test_story_screen_compares_the_aarhus_pair_and_opens_an_article(
    library: Library,
) -> None:
    from reader.tui.article.screen import ArticleScreen

    pair = _aarhus_ids(library)
    app = RecordingApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _select(pilot, pair[0])
        await pilot.press("c")
        await settle(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen)
        assert sorted(m.id for m in story.members) == sorted(pair)
        assert story.query_one(OptionList).option_count == 2
        text = [line.plain for line in story.lines]
        differing = text[text.index("Figures that differ") + 1 : text.index("Figures that agree")]
        injured = [line for line in differing if "injured" in line]
        assert injured == [
            "• people were injured: Fourteen [14] (The Harbour Times) vs 17 (Baltic Wire Service)"
        ]
        assert "Highlights" in text and "Quotes" in text and "Named in every source" in text
        shared = text[text.index("Named in every source") + 1]
        assert "Aarhus" in shared and "Kattegat Genanvendelse A/S" in shared

        # The comparison pane scrolls (it is longer than an 80x24 screen).
        await pilot.press("tab")
        pane = story.query_one("#story-comparison")
        assert pane.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0

        await pilot.press("tab")
        harbour = next(i for i, m in enumerate(story.members) if m.title == HARBOUR)
        story.query_one(OptionList).highlighted = harbour
        await pilot.press("enter")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, ArticleScreen)
        assert opened.article_id == story.members[harbour].id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_compare_key_on_a_lone_article_says_so(library: Library) -> None:
    pair = set(_aarhus_ids(library))
    lone = next(m.id for m in library.articles.find() if m.id not in pair)
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await _select(pilot, lone)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.messages[-1] == "No other source of this story is in your library"


def test_comparison_text_shows_article_markup_literally() -> None:
    when = datetime(2025, 1, 1, tzinfo=UTC)
    sources = tuple(
        SourceSummary(n, f"[bold]Title {n}[/bold]", f"[link=http://x]Wire {n}[/link]", when, (h,))
        for n, h in ((1, "A [the plan] sentence."), (2, "Another [red]one[/red]."))
    )
    lines = comparison_lines(Comparison(sources, (), (), ()))
    plain = "\n".join(line.plain for line in lines)
    assert "[link=http://x]Wire 1[/link]" in plain
    assert "• A [the plan] sentence." in plain and "• Another [red]one[/red]." in plain
    assert plain.count("(none)") >= 5  # every empty section says so
