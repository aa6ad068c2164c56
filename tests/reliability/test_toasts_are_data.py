"""H1 and H2: text with an unclosed escape is kept whole; titles in toasts are never markup."""

from __future__ import annotations

import json

import pytest
from textual.widgets._toast import Toast

from reader.cli.main import main
from reader.core.library import Library
from reader.core.models import ArticleDraft
from reader.core.text import clean_body, strip_controls
from tests.tui.helpers import RecordingApp, settle

BODY = "The ferry will run every 20 minutes from Monday. Night services are cut to two an hour."


@pytest.mark.parametrize("introducer", ["\x1b]", "\x1bP", "\x1bX", "\x1b^", "\x1b_"])
def test_an_unclosed_string_escape_does_not_cut_the_text(introducer: str) -> None:
    text = f"Start. {introducer}0;never closed\n\n" + "A long paragraph follows. " * 300
    cleaned = clean_body(text)
    assert "\x1b" not in cleaned
    assert cleaned.endswith("A long paragraph follows.")
    assert len(cleaned) > 7000


def test_a_closed_string_escape_goes_whole_and_a_huge_one_is_not_swallowed() -> None:
    assert strip_controls("a\x1b]0;window title\x07b\x1b]8;;x\x1b\\c") == "abc"
    huge = "x" * 10_000
    assert huge in strip_controls(f"a\x1b]{huge}\x07b")


def test_an_unclosed_escape_in_a_file_is_stored_whole(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cut.txt"
    path.write_text("Title line\n\nStart \x1b]2;x " + "More words here. " * 500, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "add", str(path)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "d"), "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["body"].count("More words here.") == 500


def _toasts(app: RecordingApp) -> list[Toast]:
    return list(app.screen.query(Toast))


@pytest.mark.parametrize(
    "title",
    ["Ferry [/] times", "[@click=app.simulate_key('d')]Undo[/]", "bin[@click=1+]x", "[b]bold"],
)
async def test_titles_with_markup_show_literally_in_toasts(
    empty_library: Library, title: str
) -> None:
    victim = empty_library.articles.add(
        ArticleDraft(title="Keep me", body=BODY + " Keep.")
    ).article.id
    target = empty_library.articles.add(ArticleDraft(title=title, body=BODY)).article.id
    app = RecordingApp(empty_library)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        shown = app.screen.query_one("ArticleList")
        while shown.current is None or shown.current.id != target:  # type: ignore[attr-defined]
            await pilot.press("j")
            await settle(pilot)
        await pilot.press("s")  # star: a toast naming the title
        await settle(pilot)
        await pilot.press("d")  # delete: a toast naming the title
        await settle(pilot)
        assert app.is_running
        assert _toasts(app) and all(not toast._notification.markup for toast in _toasts(app))
        assert any(title in str(toast.render()) for toast in _toasts(app))
        for toast in _toasts(app):  # clicking the toast runs nothing
            await pilot.click(toast)
            await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert app.is_running
    assert empty_library.articles.meta(target).title == title
    assert empty_library.articles.meta(victim).title == "Keep me"
