"""The article screen's tone label and evidence (T), its story's sources, and export (ctrl+e).

Screen tests assert on what the core computed or wrote (the tone's evidence offsets, the exported
file), not only on widgets. The first tests cover the pure helpers of :mod:`reader.tui.article.tone_view`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from reader.core import EXPORT_FOLDER_SETTING
from reader.core.analysis.tone.label import Tone, ToneLabel
from reader.core.analysis.tone.opinion import OPINION, REPORT, SentenceStance
from reader.core.library import Library
from reader.core.results import Span
from reader.tui.article import tone_view
from reader.tui.article.header import ArticleHeader
from reader.tui.article.legend import Legend
from reader.tui.article.screen import ArticleScreen
from reader.tui.story.screen import StoryScreen
from tests.tui.helpers import RecordingApp
from tests.tui.helpers import settle_until as settle
from tests.tui.test_article_screen import article_id

OPINION_TITLE = "I mocked the four-day week for years"  # the opinion column sample (a prefix)
SHORT = "Riverside bridge closure"
AARHUS = "Fourteen hurt as battery fire"  # one of the two samples covering one event


def _id(library: Library, prefix: str) -> int:
    return next(meta.id for meta in library.articles.find() if meta.title.startswith(prefix))


@asynccontextmanager
async def reading(library: Library, aid: int) -> AsyncIterator[tuple[Pilot[Any], ArticleScreen]]:
    """Open article ``aid`` and wait until its tone is known."""
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        await settle(
            pilot, lambda: screen.session.tone is not None and screen.session.summary is not None
        )
        yield pilot, screen


# -- pure helpers -------------------------------------------------------------------------------


def _tone() -> Tone:
    text = 'I think "this is a disgrace" is unfair. It rained.'
    return Tone(
        label=ToneLabel.OPINIONATED,
        reasons=("1 opinion sentences (50%; Opinionated from 20%)",),
        features={},
        evidence=(
            Span(0, 1, "first-person", "I"),
            Span(8, 28, "quoted", text[8:28]),
            Span(19, 27, "quoted-loaded", "disgrace"),
            Span(32, 38, "loaded", "unfair"),
        ),
        sentences=(
            SentenceStance(0, 39, OPINION, 3, ()),
            SentenceStance(40, 50, REPORT, 0, ()),
        ),
    )


def test_tone_spans_mark_opinions_then_quotes_then_counted_words() -> None:
    spans = tone_view.tone_spans(_tone())
    assert [(s.start, s.end, s.style) for s in spans] == [
        (0, 39, tone_view.OPINION_STYLE),
        (8, 28, tone_view.QUOTED_STYLE),
        (0, 1, tone_view.EVIDENCE_STYLE),
        (19, 27, tone_view.QUOTED_HEAT_STYLE),
        (32, 38, tone_view.EVIDENCE_STYLE),
    ]


def test_explanation_gives_the_label_the_reasons_and_the_counts() -> None:
    text = tone_view.explanation(_tone())
    first, marked, opinions = text.splitlines()
    assert first == "Opinionated: 1 opinion sentences (50%; Opinionated from 20%)"
    assert marked.startswith("Marked: ")
    for counted in ("first person", "loaded words", "loaded words in quotes", "quotations"):
        assert f"{counted} 1{tone_view.TIMES}" in marked
    assert opinions == "1 opinion sentence in italics."


# -- the screen ---------------------------------------------------------------------------------


async def test_opinion_column_is_labelled_opinionated_in_the_header(library: Library) -> None:
    aid = _id(library, OPINION_TITLE)
    async with reading(library, aid) as (_, screen):
        expected = library.analysis.tone(library.articles.get(aid))
        assert expected.label == ToneLabel.OPINIONATED
        story = screen.query_one("#header-story", Static).visual
        assert str(story) == "Opinionated"  # no other article covers this story
        assert "Opinionated" in screen.query_one(ArticleHeader).plain


async def test_header_counts_the_sources_and_c_opens_the_story(library: Library) -> None:
    aid = _id(library, AARHUS)
    assert library.stories.sizes([aid])[aid] == 2
    async with reading(library, aid) as (pilot, screen):
        story = screen.query_one("#header-story", Static).visual
        assert str(story) == "Neutral · 2 sources"
        await pilot.press("c")
        await pilot.pause()
        shown = pilot.app.screen
        assert isinstance(shown, StoryScreen) and shown.article_id == aid


async def test_c_does_nothing_for_an_article_with_one_source(library: Library) -> None:
    aid = article_id(library, SHORT)
    async with reading(library, aid) as (pilot, screen):
        await pilot.press("c")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_shift_t_styles_the_tone_evidence_and_explains_the_label(library: Library) -> None:
    aid = _id(library, OPINION_TITLE)
    async with reading(library, aid) as (pilot, screen):
        tone = library.analysis.tone(library.articles.get(aid))
        await pilot.press("T")
        await pilot.pause()
        assert screen.session.tone_mode
        styled = {(s.start, s.end, str(s.style)) for s in screen.article_text.spans}
        for item in tone.evidence:
            assert (item.start, item.end, tone_view.evidence_style(item.label)) in styled
        opinions = [s for s in tone.sentences if s.label == OPINION]
        assert opinions
        for sentence in opinions:
            assert (sentence.start, sentence.end, tone_view.OPINION_STYLE) in styled
        # the evidence replaces the entity colours
        assert not any(style.startswith("$entity-") for _, _, style in styled)
        assert screen.query_one(Legend).tone
        app = pilot.app
        assert isinstance(app, RecordingApp)
        assert any(m.startswith("Opinionated: ") and "first person" in m for m in app.messages)
        # T again (or escape) brings the entity colours back
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.session.tone_mode and isinstance(pilot.app.screen, ArticleScreen)
        assert any(str(s.style).startswith("$entity-") for s in screen.article_text.spans)


async def test_ctrl_e_exports_the_article_with_its_highlights(
    library: Library, tmp_path: Path
) -> None:
    aid = article_id(library, SHORT)
    folder = tmp_path / "notes"
    library.set_setting(EXPORT_FOLDER_SETTING, str(folder))
    sentences = library.analysis.of(library.articles.get(aid)).sentences
    library.annotations.add(aid, *sentences[2], note="Ask about the detour.")
    async with reading(library, aid) as (pilot, _):
        await pilot.press("ctrl+e")
        await settle(pilot)
        (written,) = folder.glob("*.md")
        text = written.read_text(encoding="utf-8")
        quote = library.annotations.of(aid)[0].quote
        assert f"> {quote}" in text and "> **Note:** Ask about the detour." in text
        app = pilot.app
        assert isinstance(app, RecordingApp)
        assert f"Exported to {written}" in app.messages
        # an edited file is kept, with a hint; a second ctrl+e overwrites it
        written.write_text(text + "\nmy own line\n", encoding="utf-8")
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "my own line" in written.read_text(encoding="utf-8")
        assert any("press ctrl+e again to overwrite it" in m for m in app.messages)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "my own line" not in written.read_text(encoding="utf-8")
