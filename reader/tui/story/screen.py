"""The Story screen: the articles of one story and how their coverage compares.

The sources are listed at the top (enter opens one); below, in a scrollable pane, each source's
Highlights, the figures they agree and differ on, the names they share or not, and their quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from reader.core import ArticleMeta, SkimError, clean_line
from reader.tui.failures import report_failure
from reader.tui.key_footer import KeyFooter
from reader.tui.messages import OpenArticle, library_of
from reader.tui.story.comparison_text import Line, comparison_lines

if TYPE_CHECKING:
    from reader.core import Comparison, Library


def article_prompt(number: int, meta: ArticleMeta) -> Content:
    """One source in the list: ``[1] The Harbour Times · 12 Feb 2024 · title``."""
    parts = [p for p in (meta.source, meta.day_text("%d %b %Y")) if p]
    return Content.assemble(
        (f"[{number}] ", "bold"), (" · ".join(parts), "$text-muted"), " · ", clean_line(meta.title)
    )


class StoryScreen(Screen[None]):
    """One story across sources: its articles and the comparison of their coverage."""

    HELP = """\
**Story**: the articles in your library about the same event, and what each one reports.
Sources are numbered [1], [2]… in every section. Figures that differ are the same thing
counted differently; a figure in one source only was left out by the others.

`enter` opens the selected article; `tab` moves between the list and the comparison.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        # q is Back here as on the article screen: one screen after q meant Back, quitting the
        # whole app would surprise (the app's q is still one screen further).
        Binding("escape,q", "back", "Back", show=True, id="story.back"),
        Binding("j", "move(1)", "Next source / scroll down", id="story.down"),
        Binding("k", "move(-1)", "Previous source / scroll up", id="story.up"),
        Binding("enter", "open", "Open article", show=True, id="story.open"),
        Binding("tab", "switch", "List / comparison", show=True, id="story.switch"),
    ]

    def __init__(self, article_id: int) -> None:
        """Show the story of ``article_id``."""
        super().__init__()
        self.article_id = article_id
        self.members: list[ArticleMeta] = []
        self.lines: list[Line] = []

    @property
    def library(self) -> Library:
        """The app's library."""
        return library_of(self.app)

    def compose(self) -> ComposeResult:
        """A title, the sources, the comparison pane and the footer."""
        yield Label("Story", id="story-title")
        yield OptionList(id="story-articles")
        with VerticalScroll(id="story-comparison"):
            yield Static("Comparing the sources…", id="story-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the story and its comparison in a worker."""
        self.query_one(OptionList).focus()
        self._load()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Report a worker that failed unexpectedly."""
        report_failure(self, event)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _load(self) -> None:
        try:
            members = self.library.stories.of(self.article_id)
            comparison = (
                self.library.stories.compare([m.id for m in members]) if len(members) > 1 else None
            )
        except SkimError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, members, comparison)

    def _failed(self, message: str) -> None:
        self.query_one("#story-status", Static).update(Content(clean_line(message)))
        self.notify(message, severity="error")

    def _show(self, members: list[ArticleMeta], comparison: Comparison | None) -> None:
        self.members = members
        count = len(members)
        title = members[0].title if members else ""
        self.query_one("#story-title", Label).update(
            Content.assemble((f"Story · {count} sources · ", "bold"), clean_line(title))
        )
        articles = self.query_one(OptionList)
        articles.clear_options()
        articles.add_options(
            Option(article_prompt(n, m), id=str(m.id)) for n, m in enumerate(members, start=1)
        )
        chosen = next((i for i, m in enumerate(members) if m.id == self.article_id), 0)
        articles.highlighted = chosen
        pane = self.query_one("#story-comparison", VerticalScroll)
        if comparison is None:
            self.query_one("#story-status", Static).update(
                "No other source of this story is in your library."
            )
            return
        self.lines = comparison_lines(comparison)
        pane.remove_children()
        pane.mount_all(Static(line.content, classes=line.kind) for line in self.lines)

    def action_back(self) -> None:
        """Go back to the screen this story was opened from."""
        self.dismiss()

    def action_move(self, step: int) -> None:
        """Select the next (or previous) source, or scroll the comparison when it has focus."""
        articles = self.query_one(OptionList)
        if articles.has_focus:
            if step > 0:
                articles.action_cursor_down()
            else:
                articles.action_cursor_up()
            return
        pane = self.query_one("#story-comparison", VerticalScroll)
        if step > 0:
            pane.scroll_down(animate=False)
        else:
            pane.scroll_up(animate=False)

    def action_switch(self) -> None:
        """Move between the list of sources and the comparison."""
        articles = self.query_one(OptionList)
        target = self.query_one("#story-comparison") if articles.has_focus else articles
        target.focus()

    def action_open(self) -> None:
        """Open the selected article."""
        index = self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self.members):
            self._open(self.members[index].id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._open(int(event.option.id))

    def _open(self, article_id: int) -> None:
        self.post_message(OpenArticle(article_id))
