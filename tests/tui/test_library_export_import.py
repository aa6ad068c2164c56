"""Pilot tests of export (`e`) and import (`A`) on the library screen, checked on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from reader.core import EXPORT_FOLDER_SETTING, Settings, default_export_folder
from reader.core.export.files import slugify
from reader.core.library import ImportOutcome, Library
from reader.tui.dialogs.export_dialog import ExportDialog
from reader.tui.dialogs.import_dialog import ImportDialog
from reader.tui.library.screen import LibraryScreen
from reader.tui.transfers import import_summary
from tests.tui.helpers import RecordingApp, settle


async def _import(app: RecordingApp, pilot: Pilot[None], source: str) -> None:
    """Open the dialog with its key, fill the box and press enter (typing is slow in Pilot)."""
    await pilot.press("A")
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    dialog.query_one(Input).value = source
    await pilot.press("enter")
    await settle(pilot)


AARHUS = "fourteen-hurt-as-battery-fire-tears-through-aarhus-recycling-plant.md"


async def _export(
    app: RecordingApp, pilot: Pilot[None], folder: Path, *, force: bool = False
) -> None:
    await pilot.press("e")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one(Input).value = str(folder)
    dialog.query_one(Checkbox).value = force
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, LibraryScreen)


async def test_export_writes_the_whole_view_not_only_the_visible_rows(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    app = RecordingApp(library)
    # Ten rows tall: most of the 15 articles of "All" are off screen.
    async with app.run_test(size=(100, 12)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await _export(app, pilot, out)
        names = sorted(p.name for p in out.glob("*.md"))
        assert names == sorted(f"{slugify(m.title)}.md" for m in library.articles.find())
        assert AARHUS in names
        assert "title: " in (out / AARHUS).read_text(encoding="utf-8")
        assert library.get_setting(EXPORT_FOLDER_SETTING) == str(out)
        assert app.messages[-1] == f"Exported 15 files to {out}: 15 written, 0 unchanged"

        # The next export proposes the same folder; an edited file is kept unless forced.
        (out / AARHUS).write_text("my own words\n", encoding="utf-8")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == str(out)
        await pilot.press("escape")
        await _export(app, pilot, out)
        assert "1 skipped" in app.messages[-1] and "force" in app.messages[-1]
        assert (out / AARHUS).read_text(encoding="utf-8") == "my own words\n"
        await _export(app, pilot, out, force=True)
        assert "1 written" in app.messages[-1]
        assert "my own words" not in (out / AARHUS).read_text(encoding="utf-8")


async def test_export_follows_the_search(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aarhus", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one(Input).value = str(out)
        await pilot.click("#template-brief")
        # (A second click right after the first would count as a double click: use the keyboard.)
        dialog.query_one("#export-ok").focus()
        await pilot.press("enter")
        await settle(pilot)
    files = sorted(p.name for p in out.glob("*.md"))
    assert len(files) == 2 and AARHUS in files
    # The brief template writes the story paragraph, the default one does not.
    assert "## Story" in (out / AARHUS).read_text(encoding="utf-8")


async def test_import_a_file_adds_it_and_the_list_shows_it(
    library: Library, tmp_path: Path
) -> None:
    source = tmp_path / "harbour-note.md"
    source.write_text(
        "# Tugboat crews rehearse a night rescue\n\n"
        "Crews from three harbours practised towing a disabled ferry after dark on Tuesday.\n",
        encoding="utf-8",
    )
    before = library.articles.count()
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await _import(app, pilot, str(source))
        assert isinstance(app.screen, LibraryScreen)
        assert library.articles.count() == before + 1
        assert "Tugboat crews rehearse a night rescue" in [m.title for m in library.articles.find()]
        assert app.messages[-1] == "Imported 1"
        assert app.screen.articles.total == before + 1  # the inbox reloaded

        # The same file again is recognised.
        await _import(app, pilot, str(source))
        assert app.messages[-1] == "Imported 0, 1 already there"
        assert library.articles.count() == before + 1


async def test_bad_path_and_unreachable_url_give_one_line_and_change_nothing(
    library: Library, tmp_path: Path
) -> None:
    before = library.articles.count()
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await _import(app, pilot, str(tmp_path / "missing.txt"))
        message = app.messages[-1]
        assert message.startswith("Imported 0, 1 failed: ") and "missing.txt" in message
        assert "\n" not in message
        # Port 9 (discard) is closed here: the fetch fails at once, without leaving the machine.
        await _import(app, pilot, "http://127.0.0.1:9/story")
        message = app.messages[-1]
        assert message.startswith("Imported 0, 1 failed: ") and "\n" not in message
        # Any scheme:// is an address, as on the command line: refused by name, not looked up as a file.
        await _import(app, pilot, "ftp://127.0.0.1/story")
        assert "only http:// and https:// addresses" in app.messages[-1]
        await _import(app, pilot, "-")
        assert "only with skim add -" in app.messages[-1]
        assert isinstance(app.screen, LibraryScreen)
    assert library.articles.count() == before


async def test_escape_cancels_both_dialogs(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("e", "A"):
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, LibraryScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, LibraryScreen)
    assert library.articles.count() == 15


def test_summaries_and_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/r")
    plain = Settings(path=Path("config.toml"))
    assert default_export_folder(plain) == (Path("/home/r/skim-notes"), "default")
    assert default_export_folder(plain, "/srv/notes") == (Path("/srv/notes"), "library")
    failed = ImportOutcome("a.bin", error="a.bin: looks like a binary file, not text\nmore")
    assert import_summary([failed]) == (
        "Imported 0, 1 failed: a.bin: looks like a binary file, not text",
        True,
    )
    assert import_summary([]) == ("Imported 0", False)


async def test_export_names_files_by_a_template(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "vault"
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aarhus", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#template-logseq")  # every built-in template is offered
        dialog.query_one("#export-folder", Input).value = str(out)
        dialog.query_one("#export-filename", Input).value = "{{title}}"
        await pilot.press("enter")
        await settle(pilot)
    titles = {m.title for m in library.articles.find()}
    files = sorted(p.stem for p in out.glob("*.md"))
    assert len(files) == 2 and all(name in titles for name in files)
