"""Pilot tests of read/unread, marks and batch actions in the library screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader.core.export.files import slugify
from reader.core.library import Library
from reader.core.models import ArticleQuery, TriageState
from reader.tui.app import SkimApp
from reader.tui.dialogs.export_dialog import ExportDialog
from reader.tui.library.screen import LibraryScreen
from reader.tui.library.view_tabs import ViewTabs
from tests.tui.helpers import RecordingApp, settle

SIZE = (100, 30)


def screen(app: SkimApp) -> LibraryScreen:
    assert isinstance(app.screen, LibraryScreen)
    return app.screen


def inbox_ids(library: Library) -> list[int]:
    return [m.id for m in library.articles.find(ArticleQuery(state=TriageState.INBOX))]


async def test_opening_an_article_marks_it_read(library: Library) -> None:
    first = inbox_ids(library)[0]
    assert library.articles.meta(first).read is False
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, LibraryScreen)
        assert library.articles.meta(first).read is True
        await pilot.press("q")
        await settle(pilot)
        current = screen(app).articles.current
        assert current is not None and current.id == first and current.read


async def test_r_toggles_read_and_u_takes_it_back(library: Library) -> None:
    first = inbox_ids(library)[0]
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert library.articles.meta(first).read is True
        await pilot.press("r")
        await settle(pilot)
        assert library.articles.meta(first).read is False
        await pilot.press("u")
        await settle(pilot)
        assert library.articles.meta(first).read is True


async def test_is_unread_search_lists_only_unread_articles(library: Library) -> None:
    ids = inbox_ids(library)
    library.articles.set_read(ids[:2])
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"is:unread", "enter")
        await settle(pilot)
        articles = screen(app).articles
        assert articles.total == len(ids) - 2
        current = articles.current
        assert current is not None and current.id == ids[2] and not current.read


async def test_marked_rows_are_archived_together_and_one_undo_restores_them(
    library: Library,
) -> None:
    ids = inbox_ids(library)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "j", "space")  # marks the 1st and 3rd rows
        await settle(pilot)
        assert list(screen(app).marks.ids) == [ids[0], ids[2]]
        articles = screen(app).articles
        drawn = [articles.render_line(y).text[0] for y in range(3)]  # the first cell of each row
        assert drawn == ["●", " ", "●"]
        assert "2 marked" in app.screen.query_one(ViewTabs).status
        await pilot.press("a")
        await settle(pilot)
        states = [library.articles.meta(i).state for i in ids[:3]]
        assert states == [TriageState.ARCHIVE, TriageState.INBOX, TriageState.ARCHIVE]
        assert not screen(app).marks  # an action uses the marks up
        assert "marked" not in app.screen.query_one(ViewTabs).status
        assert screen(app).articles.total == len(ids) - 2
        await pilot.press("u")
        await settle(pilot)
        assert {library.articles.meta(i).state for i in ids} == {TriageState.INBOX}
        assert screen(app).articles.total == len(ids)


async def test_space_again_unmarks_and_clear_marks_forgets_them(library: Library) -> None:
    ids = inbox_ids(library)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "k", "space")  # mark 1, mark 2, unmark 2
        assert list(screen(app).marks.ids) == [ids[0]]
        await pilot.press("M")
        assert not screen(app).marks
        await pilot.press("s")  # no marks: acts on the cursor's row only (the 3rd, after space)
        await settle(pilot)
        assert [library.articles.meta(i).starred for i in ids[:3]] == [False, False, True]


async def test_mark_all_then_delete_and_one_undo_brings_all_back(library: Library) -> None:
    ids = inbox_ids(library)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("asterisk")
        await settle(pilot)
        assert set(screen(app).marks.ids) == set(ids)
        await pilot.press("d")
        await settle(pilot)
        assert library.articles.count(ArticleQuery(state=TriageState.INBOX)) == 0
        await pilot.press("u")
        await settle(pilot)
        assert inbox_ids(library) == ids


async def test_marked_rows_get_tags_and_star_together_each_undone_at_once(
    library: Library,
) -> None:
    ids = inbox_ids(library)
    library.articles.set_tags(ids[1], ["kept"])
    first_tags = library.articles.meta(ids[0]).tags
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "t")
        await settle(pilot)
        await pilot.press(*"batch, -kept", "enter")
        await settle(pilot)
        assert library.articles.meta(ids[0]).tags == tuple(sorted({*first_tags, "batch"}))
        assert library.articles.meta(ids[1]).tags == ("batch",)
        await pilot.press("u")
        await settle(pilot)
        assert [library.articles.meta(i).tags for i in ids[:2]] == [first_tags, ("kept",)]
        await pilot.press("g", "space", "space", "s", "r")  # star both; r (no marks) reads one
        await settle(pilot)
        assert [library.articles.meta(i).starred for i in ids[:2]] == [True, True]
        await pilot.press("u", "u")
        await settle(pilot)
        assert [library.articles.meta(i).starred for i in ids[:2]] == [False, False]
        assert not any(library.articles.meta(i).read for i in ids[:3])


async def test_export_writes_only_the_marked_articles_and_keeps_the_marks(
    library: Library, tmp_path: Path
) -> None:
    ids = inbox_ids(library)
    out = tmp_path / "marked"
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "j", "space", "e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one(Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert app.messages[-1] == f"Exported 2 files to {out}: 2 written, 0 unchanged"
        assert list(screen(app).marks.ids) == [ids[0], ids[2]]
    titles = {library.articles.meta(i).title for i in (ids[0], ids[2])}
    assert sorted(p.name for p in out.glob("*.md")) == sorted(f"{slugify(t)}.md" for t in titles)
