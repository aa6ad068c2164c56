"""The reader shows the publisher's own highlights and tone beside skim's, and says when an
article's date was inferred from its text (header); the Story screen lists the outlet's summary."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core.library import Library
from reader.core.models import ArticleDraft
from reader.core.stories.compare import Comparison, SourceSummary
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.screen import ArticleScreen
from reader.tui.story.comparison_text import comparison_lines
from tests.tui.helpers import RecordingApp, settle_until

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


async def test_the_header_says_when_the_date_was_inferred(library: Library) -> None:
    undated = library.articles.add(
        ArticleDraft(
            title="Plenum ends",
            body="The plenum ran from December 23 to 27, 2024, in Pyongyang, state media said.",
            event_date=datetime(2024, 12, 27, tzinfo=UTC).date(),
        )
    ).article.id
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
