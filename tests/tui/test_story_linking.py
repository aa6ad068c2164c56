"""Pilot tests of `L` on the article screen: link with an article found by search, unlink, and
both survive a regroup."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from reader.core.library import Library
from reader.tui.article.header import ArticleHeader
from reader.tui.article.screen import ArticleScreen
from reader.tui.dialogs.story_picker import UNLINK, StoryPicker
from tests.tui.helpers import RecordingApp, settle, settle_until

BRIDGE = "Riverside bridge closure"  # a sample no other sample covers
HARBOUR = "Fourteen hurt as battery fire"  # one of the two Aarhus reports


def _id(library: Library, prefix: str) -> int:
    return next(meta.id for meta in library.articles.find() if meta.title.startswith(prefix))


def _story(library: Library, article_id: int) -> set[int]:
    return {m.id for m in library.stories.of(article_id)}


async def _open_picker(pilot: Pilot[Any], screen: ArticleScreen) -> StoryPicker:
    await pilot.press("L")
    await settle(pilot)
    picker = pilot.app.screen
    assert isinstance(picker, StoryPicker) and picker.article_id == screen.article_id
    return picker


async def test_link_by_search_then_unlink_and_both_survive_regroup(library: Library) -> None:
    bridge, harbour = _id(library, BRIDGE), _id(library, HARBOUR)
    aarhus = _story(library, harbour)
    assert len(aarhus) == 2 and _story(library, bridge) == {bridge}
    app = RecordingApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = ArticleScreen(bridge)
        await app.push_screen(screen)
        await settle_until(pilot, lambda: screen.session.tone is not None)

        picker = await _open_picker(pilot, screen)
        assert bridge not in {m.id for m in picker.found} and len(picker.found) == 14
        picker.query_one(Input).value = "Aarhus"
        await settle_until(pilot, lambda: {m.id for m in picker.found} == aarhus)
        options = picker.query_one(OptionList)
        options.highlighted = options.get_option_index(str(harbour))
        await pilot.press("enter")  # in the search field: choose the highlighted row
        await settle_until(pilot, lambda: screen.session.sources == 3)
        assert app.screen is screen
        assert _story(library, bridge) == aarhus | {bridge}
        assert "3 sources" in screen.query_one(ArticleHeader).plain
        assert "Linked: this story now has 3 sources" in app.messages
        library.stories.regroup()
        assert _story(library, bridge) == aarhus | {bridge}

        picker = await _open_picker(pilot, screen)
        await settle_until(pilot, lambda: len(picker.mates) == 2)
        options = picker.query_one(OptionList)
        assert options.get_option_at_index(0).id == UNLINK
        await pilot.press("down", "enter")  # to the list, then its first row
        await settle_until(pilot, lambda: screen.session.sources == 1)
        assert _story(library, bridge) == {bridge}
        library.stories.regroup()
        assert _story(library, bridge) == {bridge} and _story(library, harbour) == aarhus


async def test_escape_links_nothing_and_the_key_is_in_help_and_palette(library: Library) -> None:
    from reader.tui.keys import screen_keys

    bridge = _id(library, BRIDGE)
    app = RecordingApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = ArticleScreen(bridge)
        await app.push_screen(screen)
        await settle_until(pilot, lambda: screen.session.article is not None)
        keys = {entry.action: entry for entry in screen_keys(screen)}
        assert keys["link_story"].keys == ("L",) and keys["link_story"].description
        picker = await _open_picker(pilot, screen)
        picker.query_one(Input).value = "is:nonsense"  # a bad filter: said in the list, no crash
        await settle(pilot)
        options = picker.query_one(OptionList)
        assert options.option_count == 1 and "is:" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")  # nothing to choose
        await settle(pilot)
        assert isinstance(app.screen, StoryPicker)  # still open
        await pilot.press("escape")
        await settle(pilot)
        back: object = app.screen  # not narrowed by the check above
        assert back is screen and _story(library, bridge) == {bridge}
