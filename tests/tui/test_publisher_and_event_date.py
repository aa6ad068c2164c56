"""The reader shows the publisher's own highlights and tone beside skim's, and says when an
article's date was inferred from its text (header); the Story screen lists the outlet's summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from reader.core.library import Library
from reader.core.models import ArticleDraft, ArticleMeta, TriageState
from reader.core.stories.compare import Comparison, SourceSummary
from reader.tui.app import SkimApp
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.story_picker import _row as picker_row
from reader.tui.library.screen import LibraryScreen
from reader.tui.library.view_tabs import ViewTabs
from reader.tui.story.comparison_text import comparison_lines
from reader.tui.story.screen import article_prompt
from tests.tui.helpers import RecordingApp, settle, settle_until

AGGREGATOR = "Castlebridge boss calls for league-wide review"  # the sample with its own Highlights


def _id(library: Library, prefix: str) -> int:
    return next(meta.id for meta in library.articles.find() if meta.title.startswith(prefix))


async def test_publisher_highlights_and_tone_are_shown_beside_skims(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = ArticleScreen(_id(library, AGGREGATOR))
        await app.push_screen(screen)
        await settle_until(pilot, lambda: screen.session.tone is not None)
        panel = screen.query_one(HighlightsPanel)
        assert panel.publisher_bullets.startswith("◦ Castlebridge Athletic beat Northfield Rovers")
        assert panel.publisher_bullets.count("◦ ") == 3
        assert panel.query_one("#publisher-title").display
        header = screen.query_one(ArticleHeader).plain
        assert f"{screen.session.tone.label} (publisher: Provocative)" in header  # type: ignore[union-attr]


async def test_an_article_without_its_own_summary_shows_none(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = ArticleScreen(_id(library, "Riverside bridge closure"))
        await app.push_screen(screen)
        await settle_until(pilot, lambda: screen.session.tone is not None)
        panel = screen.query_one(HighlightsPanel)
        assert panel.publisher_bullets == "" and not panel.query_one("#publisher-title").display
        assert "publisher:" not in screen.query_one(ArticleHeader).plain


def _add_undated(library: Library) -> int:
    """An article with no published date, dated by the event its text gives (27 Dec 2024)."""
    return library.articles.add(
        ArticleDraft(
            title="Plenum ends",
            body="The plenum ran from December 23 to 27, 2024, in Pyongyang, state media said.",
            event_date=datetime(2024, 12, 27, tzinfo=UTC).date(),
        )
    ).article.id


async def test_the_header_says_when_the_date_was_inferred(library: Library) -> None:
    undated = _add_undated(library)
    app = RecordingApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = ArticleScreen(undated)
        await app.push_screen(screen)
        await settle_until(pilot, lambda: screen.session.article is not None)
        assert "27 Dec 2024 (inferred from the text)" in screen.query_one(ArticleHeader).plain


def test_the_story_screen_lists_each_outlets_own_summary_after_skims() -> None:
    when = datetime(2024, 12, 29, tzinfo=UTC)
    comparison = Comparison(
        sources=(
            SourceSummary(1, "A", "Wire", when, ("skim's pick",), ("[b]Their point[/b]",), "Calm"),
            SourceSummary(2, "B", "Post", when, ("another pick",)),
        ),
        entities=(),
        figures=(),
        quotes=(),
    )
    text = [line.plain for line in comparison_lines(comparison)]
    first = text.index("[1] Wire")
    assert text[first : first + 4] == [
        "[1] Wire",
        "• skim's pick",
        "The publisher's highlights (its tone: Calm)",
        "◦ [b]Their point[/b]",  # article text, not markup
    ]
    assert text[first + 4 : first + 6] == ["[2] Post", "• another pick"]


async def test_the_library_by_published_date_never_shows_the_import_day(library: Library) -> None:
    undated = _add_undated(library)
    unknown = _id(library, "Riverside bridge closure")  # a sample with no date at all
    app = SkimApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.articles

        def row(article_id: int) -> str:
            index = next(i for i, m in articles.cache.rows.items() if m.id == article_id)
            return articles.render_line(index - round(articles.scroll_y)).text

        assert "01 Jul 2025" in row(undated)  # sorted by added: the column is the added day
        await pilot.press("o")
        await settle(pilot)
        assert app.screen.query_one(ViewTabs).status == "published, newest first"
        assert " ~27 Dec 2024 " in row(undated) and "2025" not in row(undated)
        assert " undated " in row(unknown) and "01 Jul 2025" not in row(unknown)


def test_a_story_lists_an_undated_source_by_its_event_date_never_the_import_day() -> None:
    added = datetime(2026, 12, 6, tzinfo=UTC)
    dated = ArticleMeta(
        1, "Kim orders build-up", "Korea Desk", None, None, datetime(2024, 12, 28, tzinfo=UTC),
        added, TriageState.INBOX, False, (), 0, 200,
    )  # fmt: skip
    pasted = replace(dated, id=2, source=None, published=None, event_date=date(2024, 12, 27))
    inferred = replace(pasted, id=3, event_date_inferred=True)
    unknown = replace(pasted, id=4, event_date=None)
    prompts = [article_prompt(n, m).plain for n, m in enumerate((dated, inferred, unknown), 1)]
    assert prompts == [
        "[1] Korea Desk · 28 Dec 2024 · Kim orders build-up",
        "[2] ~27 Dec 2024 · Kim orders build-up",
        "[3] undated · Kim orders build-up",
    ]
    rows = [picker_row(m).plain for m in (dated, pasted, inferred, unknown)]
    assert rows == [
        "2024-12-28  Korea Desk  Kim orders build-up",
        "2024-12-27  Kim orders build-up",
        "~2024-12-27 Kim orders build-up",
        "undated     Kim orders build-up",
    ]
