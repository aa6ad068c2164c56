"""Reading progress and tags on screen: the article screen records how far the reader got, the
library list shows it (and tags) when the width allows, and the header keeps the tags."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from rich.style import Style

from reader.core.library import Library
from reader.core.models import ArticleMeta, TriageState
from reader.tui.app import SkimApp
from reader.tui.article.header import ArticleHeader, header_tags
from reader.tui.article.screen import ArticleScreen
from reader.tui.library.article_row import RowStyles, render_row
from reader.tui.library.screen import LibraryScreen
from tests.tui.helpers import settle, settle_until
from tests.tui.test_article_screen import LONG, article_id, reading

STYLES = RowStyles(base=Style(color="white"), dim=Style(dim=True), star=Style(color="yellow"))
META = ArticleMeta(
    id=1,
    title="Harbour fire",
    source="Harbour Times",
    author=None,
    url=None,
    published=None,
    added=datetime(2025, 7, 1, tzinfo=UTC),
    state=TriageState.INBOX,
    starred=False,
    tags=("fire", "harbour"),
    notes=0,
    words=400,
    progress=40,
)


def row_text(meta: ArticleMeta, width: int) -> str:
    return render_row(meta, width, STYLES, date_field="added").text


def test_progress_column_shows_when_the_width_allows() -> None:
    assert "40%" in row_text(META, 80)
    assert "%" not in row_text(META, 50)
    assert "%" not in row_text(replace(META, progress=0), 80)  # not started: blank, not "0%"


def test_tags_show_in_the_row_on_wide_screens_only() -> None:
    assert "#fire #harbour" in row_text(META, 120)
    assert "#fire" not in row_text(META, 100)
    assert len(row_text(META, 120)) == 120


def test_unread_titles_are_bold_and_read_ones_are_not() -> None:
    def title_style(meta: ArticleMeta) -> Style:
        strip = render_row(meta, 80, STYLES, date_field="added")
        return next(seg.style for seg in strip if "Harbour fire" in seg.text and seg.style)

    assert title_style(META).bold
    assert not title_style(replace(META, read=True)).bold


def test_header_tags_keep_whole_tags_then_count_the_rest() -> None:
    assert header_tags(()).plain == ""
    assert header_tags(("a", "b")).plain == "#a #b"
    many = ("economy", "politics", "harbour", "city-council", "budget")
    assert header_tags(many, 30).plain == "#economy #politics #harbour +2"
    assert header_tags(("x" * 50,), 10).plain == "#xxxxxxxx…"


async def test_scrolling_to_the_end_records_100_percent_when_leaving(library: Library) -> None:
    aid = article_id(library, LONG)
    assert library.articles.meta(aid).progress == 0
    async with reading(library, aid) as (pilot, _):
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        early = library.articles.meta(aid).progress
        assert 0 < early < 100
        again = ArticleScreen(aid)
        await pilot.app.push_screen(again)
        await settle_until(pilot, lambda: again.session.summary is not None)
        await pilot.press("G")
        await pilot.press("q")
        await settle(pilot)
        assert library.articles.meta(aid).progress == 100
        # Scrolling back up never lowers it.
        third = ArticleScreen(aid)
        await pilot.app.push_screen(third)
        await settle_until(pilot, lambda: third.session.summary is not None)
        await pilot.press("g", "q")
        await settle(pilot)
        assert library.articles.meta(aid).progress == 100


async def test_progress_shows_in_the_library_row(library: Library) -> None:
    aid = next(m.id for m in library.articles.find() if m.state == TriageState.INBOX)
    library.articles.record_progress(aid, 55)
    app = SkimApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.articles
        assert articles.current is not None and articles.current.id == aid
        assert "55%" in articles.render_line(0).text


async def test_header_keeps_the_tags_once_the_story_and_tone_arrive(library: Library) -> None:
    aid = article_id(library, LONG)
    library.articles.set_tags(aid, ["ambulance", "rural", "contracts", "health"])
    async with reading(library, aid, size=(80, 30)) as (pilot, screen):
        await settle(pilot)
        header = screen.query_one(ArticleHeader)
        tags = header.query_one("#header-tags")
        assert "#ambulance" in header.plain
        assert tags.size.width > 0 and tags.region.right <= header.region.right
