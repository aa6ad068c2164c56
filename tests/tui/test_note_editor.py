"""The note and tag editors on their own: what they return for save and cancel."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, Static, TextArea

from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.dialogs.tag_editor import TagEditor, TagSuggester, parse_tags


class Host(App[None]):
    """An app that opens one dialog and keeps what it was dismissed with."""

    def __init__(self, dialog: Any) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def test_ctrl_s_returns_the_multi_line_text() -> None:
    app = Host(NoteEditor("old", quote="The quoted [b]passage[/b]."))
    async with app.run_test() as pilot:
        area = app.screen.query_one(TextArea)
        assert app.focused is area
        assert "[b]passage[/b]" in str(app.screen.query_one("#note-quote", Static).render())
        await pilot.press(*" note", "enter", *"line two", "ctrl+s")
        await pilot.pause()
    assert app.results == ["old note\nline two"]


async def test_escape_cancels() -> None:
    app = Host(NoteEditor("keep me"))
    async with app.run_test() as pilot:
        await pilot.press(*"changed", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_tag_editor_returns_the_cleaned_list_and_escape_cancels() -> None:
    app = Host(TagEditor(["policy"], known=["politics", "transport"]))
    async with app.run_test() as pilot:
        assert app.screen.query_one(Input).value == "policy"
        await pilot.press(*",  bridges , Policy,", "enter")
        await pilot.pause()
    assert app.results == [["policy", "bridges"]]

    app = Host(TagEditor(["policy"], known=[]))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tr", "tr" + "ansport"),
        ("policy, po", "policy, politics"),
        ("transport, tr", None),  # already there
        ("", None),
        ("policy, ", None),
    ],
)
async def test_tag_suggester_completes_the_last_tag(typed: str, expected: str | None) -> None:
    suggester = TagSuggester(["transport", "politics", "policy"])
    assert await suggester.get_suggestion(typed) == expected


def test_parse_tags_drops_empty_and_repeated_tags() -> None:
    assert parse_tags(" a ,b,, A , c  d ") == ["a", "b", "c d"]
    assert parse_tags("") == []
