"""The skim Textual app: themes, app-wide keys, the command palette and the first screen.

Kept thin on purpose: screens own their keys and their calls to the library. Importing this
module must stay cheap (no nltk, sumy or numpy): analysis is imported when an article opens.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar

from rich.console import Console
from textual import events, work
from textual.app import App, ScreenStackError
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, get_current_worker

from reader.core import THEME_SETTING as THEME_SETTING  # re-exported for tests
from reader.core import (
    Library,
    Settings,
    SkimError,
    bundled_dir,
    ensure_dir,
    load_settings,
    log_dir,
    open_library,
    strip_controls,
    user_themes_dir,
)
from reader.tui.background import BackgroundAnalysis
from reader.tui.failures import report_failure
from reader.tui.keys import screen_keys
from reader.tui.library.screen import LibraryScreen
from reader.tui.messages import OpenArticle, OpenStory
from reader.tui.palette import ScreenCommands
from reader.tui.themes import DEFAULT_THEME, VARIABLE_DEFAULTS, load_themes, problems_message
from reader.tui.warmup import WARM_UP_DELAY, warm_up

#: Garbage-collector thresholds for the running app (Python's defaults are 700, 10, 10).
GC_THRESHOLDS = (10_000, 10, 50)


class SkimApp(App[None]):
    """A keyboard-driven reader for a :class:`Library`."""

    # Every screen's styles, loaded once at start (absolute paths, so subclasses find them too).
    # Textual reparses the whole stylesheet, from scratch, and restyles every widget when a screen
    # brings a CSS_PATH of its own: that made opening the first article ~100-200 ms slower.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        Path(__file__).with_name("app.tcss"),
        *(Path(__file__).parent / room / "screen.tcss" for room in ("library", "article", "story")),
    ]
    TITLE = "skim"
    # skim's commands and themes only: Textual's system commands (its Theme picker with Textual's
    # own themes, Keys, Maximize, Screenshot) do not apply; Quit is one of skim's keys.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"library": LibraryScreen}
    DEFAULT_MODE = "library"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit skim", id="app.quit"),
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="app.help"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            tooltip="Find any command by name",
            priority=True,
            id="app.command-palette",
        ),
    ]

    def __init__(
        self,
        library: Library,
        *,
        theme_folders: list[Path] | None = None,
        settings: Settings | None = None,
    ) -> None:
        """Run on ``library``.

        Args:
            library: the library to show (tests pass a temporary one).
            theme_folders: where to look for theme files; by default the bundled ``themes/``
                and the ``themes/`` folder of the library's data directory.
            settings: the config file's settings; read from the config file when not given.
        """
        super().__init__()
        self.library = library
        self.settings = settings or load_settings()
        library.analysis.prefer(
            algorithm=self.settings.summary_algorithm, sentences=self.settings.summary_length
        )
        self.set_keymap(dict(self.settings.keymap))
        self._theme_folders = theme_folders or [
            bundled_dir("themes"),
            user_themes_dir(library.path.parent),
        ]
        self._saved_theme = self._read_saved_theme()
        self._theme_problems = self._choose_first_theme()
        self.background_analysis = BackgroundAnalysis(self, library)
        """Analyses new articles before they are opened (config ``[analysis] background``)."""

    def _read_saved_theme(self) -> str | None:
        # Read before the event loop starts, so the first frame is already in the reader's theme.
        try:
            return self.library.get_setting(THEME_SETTING)
        except SkimError:
            return None

    def clear_selection(self) -> None:
        """Clear the text selection, also before the first screen is on the stack.

        On Python 3.12+ Textual (8.2.8) runs tasks eagerly, so the library screen's search
        ``Input`` can mount and clear the selection before its screen is pushed; Textual only
        expects ``NoScreen`` there and the app died with ``ScreenStackError`` at start-up
        (Textualize/textual#6444). Nothing is selected before a screen exists, so there is
        nothing to clear.
        """
        with contextlib.suppress(ScreenStackError):
            super().clear_selection()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a toast whose text is never markup, whatever the caller asked.

        Toasts quote titles, file names and error text, which are data: read as markup, a title
        like ``[@click=app.simulate_key('d')]Undo[/]`` made a link that ran an action, and
        ``Ferry [/] times`` crashed the reader. Control characters are removed too.
        """
        super().notify(
            strip_controls(message),
            title=strip_controls(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """skim's own colours (entities, numbers, highlights) for themes that leave them out."""
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def _choose_first_theme(self) -> tuple[str, ...]:
        """Register the themes and put the chosen one in effect; return broken theme files.

        Done before the app runs, not in ``on_mount``: Textual builds its stylesheet from the
        theme in effect when it starts, and a theme set once it runs made it parse and apply
        every style a second time before the first frame. ``set_reactive`` sets the theme
        without Textual's watcher, which would queue that second pass; what the watcher does
        besides (the theme's classes, the ANSI colour filter, the style variables) is done here.
        """
        loaded = load_themes(self._theme_folders)
        for theme in loaded.themes:
            self.register_theme(theme)
        wanted = self.settings.theme or self._saved_theme or DEFAULT_THEME
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        name = wanted if wanted in self.available_themes else fallback
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        classes = {c: False for c in self.classes if c.startswith("-theme-")}
        classes.update({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark})
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())
        return loaded.problems

    def on_mount(self) -> None:
        """Listen for theme changes, report broken theme files and settings once, warm up."""
        configured = self.settings.theme
        problems = [self.settings.problem] if self.settings.problem else []
        if configured and configured != self.theme:
            problems.append(
                f"config file {self.settings.path}: theme {configured!r} not found; using {self.theme}"
            )
        # Only a theme the reader picks is stored: writing the default at every first start
        # failed (with an error toast) in a read-only library.
        self._saved_theme = self._saved_theme or self.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._theme_problems:
            self.notify(problems_message(self._theme_problems), severity="warning", timeout=10)
        if problems:
            self.notify(" · ".join(problems), severity="warning", timeout=10)
        self.set_timer(WARM_UP_DELAY, self._warm_up)

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        try:
            algorithm, _sentences = self.library.analysis.summary_choice()
        except SkimError:
            algorithm = None
        warm_up(algorithm)
        # Full garbage collections paused the UI for up to ~190 ms on article keys (with the
        # collector off, the worst key stall was 49 ms). Everything loaded so far (Textual, nltk,
        # sumy, numpy) lives as long as the app, so it is moved out of the collector's reach, and
        # the young generations are collected less often, so full collections become rare.
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
        if self.settings.background_analysis and not get_current_worker().is_cancelled:
            self.call_from_thread(self.background_analysis.start)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self._save_theme(theme.name)
            if self.settings.theme and theme.name != self.settings.theme:
                # The file wins at the next start: say so rather than let the choice vanish.
                self.notify(
                    f"{theme.name} until you quit: the config file sets {self.settings.theme}",
                    timeout=4,
                )

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_theme(self, name: str) -> None:
        try:
            self.library.set_setting(THEME_SETTING, name)
        except SkimError as error:
            self.call_from_thread(self.notify, str(error), severity="error")

    async def on_event(self, event: events.Event) -> None:
        """Tell the background analysis the reader is busy (keys and clicks reach the app first)."""
        if isinstance(
            event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp
        ):
            self.background_analysis.reader_active()
        await super().on_event(event)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a worker that failed unexpectedly (ours do not stop the app for that)."""
        report_failure(self, event)

    def on_open_article(self, message: OpenArticle) -> None:
        """Show the article a screen asked for."""
        # Imported on demand: the article screen pulls in the analysis stack (warm_up loads it
        # in the background after start-up, so this import is usually free).
        from reader.tui.article.screen import ArticleScreen

        screen = ArticleScreen(message.article_id, message.sequence)
        if message.replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_open_story(self, message: OpenStory) -> None:
        """Show the story comparison a screen asked for."""
        from reader.tui.story.screen import StoryScreen

        self.push_screen(StoryScreen(message.article_id))

    def action_help(self) -> None:
        """Show every key of the current screen."""
        # Imported on demand, like the other dialogs: the first frame does not need it.
        from reader.tui.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(screen_keys(self.screen), self.screen.HELP))


def run_app(data_dir: str | None = None, settings: Settings | None = None) -> int:
    """Open the library in ``data_dir`` (or the default data dir) and run the app until it quits.

    ``settings`` are the config file's (read here when not given).

    A crash of the app is not printed as a traceback over the user's shell: it is written to a
    log file, and one line on stderr says what happened and where the details are.

    Returns:
        The process exit status: 0 when the reader was quit, 1 when it crashed.

    Raises:
        StorageError: the library cannot be opened (the CLI reports it).
    """
    library = open_library(data_dir)
    report = io.StringIO()
    try:
        app = SkimApp(library, settings=settings)
        # Textual prints a crash's traceback through error_console when the app has stopped.
        app.error_console = Console(file=report, width=120, color_system=None, markup=False)
        app.run()
    finally:
        library.close()
    if not app.return_code:
        return 0
    print(f"skim: {crash_message(report.getvalue())}", file=sys.stderr)
    return 1


def crash_message(traceback: str) -> str:
    """Keep ``traceback`` in a log file and return the one line that tells the user about it."""
    last = next((line for line in reversed(traceback.splitlines()) if line.strip()), "")
    summary = strip_controls(last.strip())[:200] or "unknown error"
    try:
        folder = ensure_dir(log_dir())
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        log = folder / f"crash-{stamp}-{os.getpid()}.log"
        log.write_text(traceback, encoding="utf-8")
    except OSError as error:
        return f"the reader stopped after an internal error ({summary}); no log could be written: {error}"
    return f"the reader stopped after an internal error ({summary}); details in {log}"
