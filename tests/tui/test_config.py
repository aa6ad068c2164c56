"""Pilot tests: the config file changes the reader; a broken one is one notification and defaults;
the palette lists skim's commands and themes only; the last view and sort are remembered."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding
from textual.command import CommandInput, CommandList, CommandPalette
from textual.dom import DOMNode
from textual.pilot import Pilot

import reader.tui
from reader.core import THEME_SETTING, read_list_state
from reader.core.library import Library
from reader.core.models import ArticleQuery, TriageState
from reader.tui.article.screen import ArticleScreen
from reader.tui.keys import screen_keys
from reader.tui.library.article_row import format_date
from reader.tui.library.screen import LibraryScreen
from tests.tui.helpers import RecordingApp, settle, settle_until
from tests.tui.test_article_screen import SHORT, article_id

SIZE = (100, 30)

CONFIG = """\
theme = "skim-light"

[keymap]
"library.archive" = "z"

[summary]
algorithm = "lead"
length = 2

[export]
folder = {folder}

[library]
view = "all"
sort = "title"
date_format = "%Y-%m-%d"
"""


def _configure(config: Path, folder: Path) -> None:
    config.write_text(CONFIG.format(folder=json.dumps(str(folder))), encoding="utf-8")


async def test_a_config_file_changes_the_reader(
    library: Library, own_config_and_state: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    _configure(own_config_and_state, folder)
    library.set_setting(THEME_SETTING, "skim-high-contrast")  # the file wins over the library
    library.analysis.set_summary_choice(algorithm="luhn", sentences=4)
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert app.theme == "skim-light"
        assert app.messages == []  # nothing wrong with the file
        # [library]: the view and order to start with, and the date format of the rows.
        assert (screen.listing.view, screen.listing.sort, screen.listing.descending) == (
            "all",
            "title",
            False,
        )
        assert screen.articles.date_format == "%Y-%m-%d"
        # [keymap]: z archives, a no longer does, and the help shows z.
        (archive,) = [k for k in screen_keys(screen) if k.action == "archive"]
        assert archive.keys == ("z",)
        # … in its place among the triage keys, not moved to the end of the list.
        actions = [k.action for k in screen_keys(screen) if k.node is screen]
        assert actions.index("archive") == actions.index("later") + 1
        first = screen.articles.current
        assert first is not None and first.state == TriageState.INBOX
        await pilot.press("a")
        await settle(pilot)
        assert library.articles.meta(first.id).state == TriageState.INBOX
        await pilot.press("z")
        await settle(pilot)
        assert library.articles.meta(first.id).state == TriageState.ARCHIVE
        # [summary] and [export]: the article's highlights and ctrl+e.
        article = ArticleScreen(article_id(library, SHORT))
        await app.push_screen(article)
        await settle_until(pilot, lambda: article.session.summary is not None)
        summary = article.session.summary
        assert summary is not None
        assert (summary.algorithm, len(summary.sentences)) == ("lead", 2)
        await pilot.press("ctrl+e")
        await settle_until(pilot, lambda: any(folder.glob("*.md")))
        (written,) = folder.glob("*.md")
        assert f"Exported to {written}" in app.messages
        # A theme picked in the reader applies, and the reader says the file wins next time.
        app.theme = "skim-dark"
        await pilot.pause()
        assert "skim-dark until you quit: the config file sets skim-light" in app.messages


def test_rows_show_dates_in_the_configured_format(library: Library) -> None:
    meta = library.articles.find(ArticleQuery(), limit=1)[0]
    assert format_date(meta, "added", "%Y-%m-%d") == meta.added.strftime("%Y-%m-%d") + " "
    assert format_date(meta, "added") == meta.added.strftime("%d %b %Y")
    assert format_date(meta, "added", "%A %d %B %Y").endswith("…")  # cut to the column


async def test_a_broken_config_is_one_notification_and_the_defaults(
    library: Library, own_config_and_state: Path
) -> None:
    own_config_and_state.write_text('theme = "skim-light"\n[library\nview = "all"\n')
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert app.messages == [
            f"config file {own_config_and_state}, line 2: not valid TOML: expected ']' at the end"
            " of a table declaration; using the defaults"
        ]
        assert app.theme == "skim-dark"
        assert screen.listing.view == "inbox"


async def test_an_unknown_theme_in_the_config_is_reported(
    library: Library, own_config_and_state: Path
) -> None:
    own_config_and_state.write_text('theme = "solarized"\n[library]\nveiw = "all"\n')
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "skim-dark"
        assert app.messages == [
            f"config file {own_config_and_state}, line 3: unknown key 'library.veiw'; using the"
            f" default for it · config file {own_config_and_state}: theme 'solarized' not found;"
            " using skim-dark"
        ]


async def _palette_names(pilot: Pilot[None], query: str = "") -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(CommandInput).value = query
    await pilot.pause(0.3)  # the palette gathers hits after a short delay
    found = palette.query_one(CommandList)
    names = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return names


async def test_the_palette_lists_skims_commands_and_themes_only(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = await _palette_names(pilot)
        firsts = {name.splitlines()[0] for name in names}
        assert {"Quit", "Archive", "Theme: skim-light", "Theme: skim-high-contrast"} <= firsts
        assert not {"Keys", "Maximize", "Screenshot", "Theme"} & firsts
        assert not any("textual" in name or "nord" in name for name in names)
        for query in ("Screenshot", "Keys", "Maximize", "nord"):
            assert await _palette_names(pilot, query) == [], query


async def test_the_last_view_and_sort_are_remembered(library: Library) -> None:
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.listing.view == "inbox"  # nothing remembered, no config: the default
        await pilot.press("2", "o", "O")  # Later, sorted by publication date, oldest first
        await settle(pilot)
    state = read_list_state()
    assert state is not None
    assert (state.view, state.sort, state.descending) == ("later", "published", False)
    again = RecordingApp(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = again.screen
        assert isinstance(screen, LibraryScreen)
        listing = screen.listing
        assert (listing.view, listing.sort, listing.descending) == ("later", "published", False)


async def test_the_export_dialog_proposes_the_configured_folder_and_template(
    library: Library, own_config_and_state: Path, tmp_path: Path
) -> None:
    from textual.widgets import Input, RadioSet

    from reader.tui.dialogs.export_dialog import ExportDialog

    folder = tmp_path / "notes"
    own_config_and_state.write_text(
        f'[export]\nfolder = {json.dumps(str(folder))}\ntemplate = "brief"\n', encoding="utf-8"
    )
    library.set_setting("export.folder", str(tmp_path / "last"))  # the file wins over it
    app = RecordingApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle_until(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog = app.screen
        assert dialog.query_one(Input).value == str(folder)
        pressed = dialog.query_one(RadioSet).pressed_button
        assert pressed is not None and pressed.name == "brief"


#: A binding id as users write it under [keymap]: ``<screen>.<action>``, both in kebab-case.
BINDING_ID = re.compile(r"^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$")


def _every_binding() -> dict[str, list[Binding]]:
    """The bindings of every screen, dialog and widget of the reader (and the app), by class."""
    found: dict[str, list[Binding]] = {}
    for module in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        for cls in vars(importlib.import_module(module.name)).values():
            if not (inspect.isclass(cls) and issubclass(cls, DOMNode)):
                continue
            if not cls.__module__.startswith("reader.tui.") or "BINDINGS" not in vars(cls):
                continue
            bindings = vars(cls)["BINDINGS"]
            assert all(isinstance(b, Binding) for b in bindings), cls  # no (key, action) tuples
            found[f"{cls.__module__}.{cls.__qualname__}"] = bindings
    return found


def test_every_binding_id_is_screen_dot_action_in_kebab_case() -> None:
    found = _every_binding()
    ids = {b.id for bindings in found.values() for b in bindings}
    # The walk reaches the app, the screens, the find bar, the article list and the dialogs.
    prefixes = {i.split(".")[0] for i in ids if i}
    assert {"app", "library", "article", "story", "help", "note-editor", "story-picker"} <= prefixes
    assert {"summary-reasons", "algorithm-picker", "tag-editor", "details-editor"} <= prefixes
    assert {"export-dialog", "import-dialog", "entity-list"} <= prefixes
    wrong = [
        (owner, b.key, b.id)
        for owner, bindings in found.items()
        for b in bindings
        if b.id is None or not BINDING_ID.match(b.id)
    ]
    assert wrong == []
