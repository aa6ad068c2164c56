"""One row per referent in the entity list, and every mention of a listed person coloured."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from reader.core.library import Library
from reader.core.results import Analysis, Span
from reader.tui import entities
from reader.tui import spans as sp
from reader.tui.app import SkimApp
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.entity_list import EntityList
from tests.tui.helpers import settle_until as settle

# Sample articles that name people in full and then by one name ("Lars Vestergaard", "Vestergaard").
TITLES = (
    "Fourteen hurt as battery fire tears through Aarhus recycling plant",
    "Forty-Four Minutes: How a private ambulance contract left rural Tamarack County waiting",
)


def test_entity_groups_give_one_entry_per_referent_with_its_other_forms() -> None:
    analysis = Analysis(
        sentences=(),
        entities=(
            Span(0, 11, "PERSON", "Kim Jong Un"),
            Span(20, 23, "PERSON", "Kim"),
            Span(30, 33, "PERSON", "KIM"),
            Span(40, 44, "PLACE", "Oslo"),
        ),
        numbers=(),
    )
    groups = entities.entity_groups(analysis)
    assert groups["PERSON"] == [entities.EntityEntry("PERSON", "Kim Jong Un", 3, ("Kim",))]
    assert entities.mentions(analysis, "PERSON", "Kim Jong Un") == [(0, 11), (20, 23), (30, 33)]


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\w'-]+", name.casefold()))


def _part_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    size = len(short)
    return size < len(long) and any(
        long[i : i + size] == short for i in range(len(long) - size + 1)
    )


@asynccontextmanager
async def reading(library: Library, title: str) -> AsyncIterator[tuple[Pilot[Any], ArticleScreen]]:
    """Open the sample article called ``title`` and wait for its analysis."""
    aid = next(meta.id for meta in library.articles.find() if meta.title == title)
    app = SkimApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        await settle(pilot, lambda: screen.session.summary is not None)
        yield pilot, screen


@pytest.mark.parametrize("title", TITLES)
async def test_shift_e_lists_each_person_once(library: Library, title: str) -> None:
    async with reading(library, title) as (pilot, screen):
        await pilot.press("E")
        await settle(pilot, lambda: isinstance(pilot.app.screen, EntityList))
        dialog = pilot.app.screen
        options = dialog.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert screen.session.analysis is not None
        people = entities.entity_groups(screen.session.analysis)["PERSON"]
        names = [_words(entry.text) for entry in people]
        assert len(set(names)) == len(names)
        assert not any(_part_of(a, b) for a in names for b in names), names
        linked = [entry for entry in people if entry.forms]
        assert linked, "the article names someone in two ways"
        for entry in linked:
            row = next(r for r in rows if r.strip().startswith(entry.text))
            assert f"({entry.count})" in row and all(form in row for form in entry.forms)


@pytest.mark.parametrize("title", TITLES)
async def test_every_mention_of_a_listed_person_is_coloured(library: Library, title: str) -> None:
    async with reading(library, title) as (_, screen):
        analysis = screen.session.analysis
        assert analysis is not None
        coloured = {
            (span.start, span.end)
            for span in screen.article_text.spans
            if str(span.style) == sp.LABEL_STYLES["PERSON"]
        }
        for entry in entities.entity_groups(analysis)["PERSON"]:
            for mention in entities.mentions(analysis, "PERSON", entry.text):
                assert mention in coloured, (entry, mention)
