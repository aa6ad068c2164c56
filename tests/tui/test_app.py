"""The app shell: start-up, themes (chosen, remembered, broken files), the command palette, run_app."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from reader.core.library import Library, open_library
from reader.core.models import ArticleMeta, ArticleQuery, TriageState
from reader.tui import app as app_module
from reader.tui.app import THEME_SETTING, SkimApp, run_app
from reader.tui.library.screen import LibraryScreen
from reader.tui.palette import ScreenCommands
from tests.tui.helpers import RecordingApp, settle

SIZE = (100, 30)


def test_importing_the_app_does_not_import_analysis_libraries() -> None:
    code = (
        "import sys, reader.tui.app\n"
        "print(','.join(m for m in ('nltk', 'sumy', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == ""


#: What the library's first frame must not load: the analysis stack, the importers (Markdown,
#: YAML, HTML), and the screens and dialogs no one has opened yet. Each was at some point pulled
#: in at start-up by a module-level import, which the start-up time paid.
START_UP_NEVER_LOADS = (
    "nltk",
    "sumy",
    "numpy",
    "markdown_it",
    "yaml",
    "reader.core.analysis",
    "reader.core.ingest",
    "reader.tui.article",
    "reader.tui.story",
    "reader.tui.dialogs",
)

_START_UP = """
import asyncio, sys
from reader.core.library import open_library
from reader.tui import app as app_module

app_module.WARM_UP_DELAY = 3600  # the warm-up loads the analysers on purpose, later


async def main() -> None:
    library = open_library(sys.argv[1])
    app = app_module.SkimApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if getattr(app.screen, "articles", None) and app.screen.articles.current:
                break
        else:
            raise SystemExit("no rows arrived")
    library.close()


asyncio.run(main())
print("\\n".join(sys.modules))
"""


def test_starting_the_library_screen_loads_no_later_screen_importer_or_analyser(
    library: Library,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _START_UP, str(library.path.parent)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    loaded = result.stdout.split()
    assert "reader.tui.library.screen" in loaded
    heavy = [m for m in loaded if m.startswith(START_UP_NEVER_LOADS)]
    assert heavy == []


async def test_first_frame_is_painted_before_the_rows_arrive(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_find = library.articles.find

    def slow_find(*args: Any, **kwargs: Any) -> list[ArticleMeta]:
        release.wait(5)
        return real_find(*args, **kwargs)

    monkeypatch.setattr(library.articles, "find", slow_find)
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.articles.total == 0  # the frame is up, the data is not
        assert not screen.query_one("#empty-state", Static).display  # no false "empty" message
        release.set()
        await settle(pilot)
        assert screen.articles.total == library.articles.count(screen.listing.query()) > 0


async def test_default_theme_is_dark_and_switching_is_remembered(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "skim-dark"
        app.theme = "skim-light"
        await settle(pilot)
        assert library.get_setting(THEME_SETTING) == "skim-light"
    again = SkimApp(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "skim-light"
        assert again.current_theme.dark is False


async def test_a_saved_theme_that_no_longer_exists_falls_back(library: Library) -> None:
    library.set_setting(THEME_SETTING, "deleted-theme")
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "skim-dark"


async def test_broken_user_themes_are_reported_once_and_skipped(library: Library) -> None:
    themes = library.path.parent / "themes"
    themes.mkdir()
    (themes / "mine.toml").write_text(
        'name = "mine"\ndark = false\n[colors]\nprimary = "#224488"\n', encoding="utf-8"
    )
    (themes / "broken.toml").write_text('[colors]\nprimary = "#12345"\n', encoding="utf-8")
    (themes / "garbage.toml").write_text("this is not = = toml", encoding="utf-8")
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "mine" in app.available_themes
        assert "broken" not in app.available_themes
        reports = [m for m in app.messages if "broken theme" in m]
        assert len(reports) == 1
        assert "broken.toml" in reports[0] and "garbage.toml" in reports[0]
        assert reports[0].startswith("Skipped 2 broken theme files")
        app.theme = "mine"  # a user theme works like a bundled one
        await settle(pilot)
        assert library.get_setting(THEME_SETTING) == "mine"


async def test_palette_offers_every_key_of_the_screen_and_every_theme(library: Library) -> None:
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = ScreenCommands(app.screen)
        names = {name for name, _, _ in provider._commands()}
        for binding in LibraryScreen.BINDINGS:
            assert not isinstance(binding, tuple)
            if binding.action not in ("clear_search", "undo"):  # hidden or dimmed when idle
                assert binding.description in names, binding.description
        assert {"Open", "Down", "Last article", "Quit", "Help"} <= names
        assert {"Theme: skim-dark", "Theme: skim-light", "Theme: skim-high-contrast"} <= names
        assert "Import sample articles" in names
        assert not any(name.startswith("Theme: textual") for name in names)


async def _run_command(pilot: Pilot[Any], name: str) -> None:
    """Type ``name`` into the open command palette and run the best match."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(CommandInput).value = name
    await pilot.pause(0.2)  # the palette searches after a short delay
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_runs_a_command_and_switches_theme(library: Library) -> None:
    first = library.articles.find(ArticleQuery(state=TriageState.INBOX), limit=1)[0].id
    app = SkimApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await _run_command(pilot, "Archive")
        assert library.articles.meta(first).state == TriageState.ARCHIVE
        await pilot.press("ctrl+p")
        await _run_command(pilot, "Theme: skim-high")
        assert app.theme == "skim-high-contrast"
        assert library.get_setting(THEME_SETTING) == "skim-high-contrast"


def test_run_app_opens_the_data_dir_and_closes_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    def fake_run(self: SkimApp) -> None:
        seen.append(self.library.path)

    monkeypatch.setattr(app_module.SkimApp, "run", fake_run)
    assert run_app(data_dir=str(tmp_path / "data")) == 0
    assert seen == [tmp_path / "data" / "library.sqlite3"]
    assert seen[0].exists()
    reopened = open_library(tmp_path / "data")
    assert reopened.articles.count() == 0
    reopened.close()


async def test_an_unexpected_worker_failure_is_reported_not_fatal(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> dict[str, int]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(library.articles, "view_counts", broken)
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("disk on fire" in message for message in app.messages)
