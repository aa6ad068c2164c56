"""The story picker: "this article covers the same event as…", with a search over the library.

Automatic grouping misses coverage told in other words; this dialog lets the reader say so by
hand. It lists the library (newest first, or what the search finds), and, when the article already
shares a story, offers to take it out instead. It only chooses: the article screen makes the link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.core import ArticleMeta, SkimError, parse_query
from reader.tui.messages import library_of

#: How many articles the list shows at a time (the search narrows it).
SHOWN = 50
UNLINK = "unlink"


@dataclass(frozen=True, slots=True)
class StoryChoice:
    """What the reader chose: link with ``other``, or take the article out of its story."""

    action: Literal["link", "unlink"]
    other: int | None = None


def _row(meta: ArticleMeta) -> Content:
    when = meta.day_text("%Y-%m-%d").ljust(12)  # never the import day
    return Content.assemble(
        (when, "$text-muted"),
        (f"{meta.source}  " if meta.source else "", "$text-accent"),
        meta.title,  # article text: plain, never markup
    )


class StoryPicker(ModalScreen[StoryChoice | None]):
    """Pick the article that reports the same event; dismisses with the choice, or None."""

    DEFAULT_CSS = """
    StoryPicker {
        align: center middle;
        & > #story-picker {
            width: 80%;
            max-width: 100;
            height: 80%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .picker-title { text-style: bold; }
        & OptionList { height: 1fr; border: none; background: transparent; }
        & .picker-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="story-picker.cancel"),
        Binding("down", "to_list", "To the list", show=False, id="story-picker.to-list"),
    ]

    def __init__(self, article_id: int, title: str) -> None:
        """Pick an article to link with ``article_id`` (whose ``title`` heads the dialog)."""
        super().__init__()
        self.article_id = article_id
        self._title = title
        self.mates: list[ArticleMeta] = []
        """The other articles of its story (loaded with the first search)."""
        self.found: list[ArticleMeta] = []
        """The articles listed."""

    def compose(self) -> ComposeResult:
        """The title, the search field, the list and a hint about the keys."""
        with Vertical(id="story-picker"):
            yield Label(
                Content.assemble("Same event as… ", ("(" + self._title + ")", "$text-muted")),
                classes="picker-title",
            )
            yield Input(placeholder="search the library", id="picker-search")
            yield OptionList(id="picker-list")
            hint = "type to search · ↓ the list · enter choose · escape cancel"
            yield Label(hint, classes="picker-hint")

    def on_mount(self) -> None:
        """Focus the search field and list the newest articles."""
        self.query_one(Input).focus()
        self.search("")

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search again as the reader types."""
        event.stop()
        self.search(event.value)

    @work(thread=True, exclusive=True, group="story-picker")
    def search(self, text: str) -> None:
        """Find articles matching ``text`` (all, newest first, when empty) through the library."""
        library = library_of(self.app)
        try:
            query = parse_query(text) if text.strip() else None  # read as far as typed
            mates = [m for m in library.stories.of(self.article_id) if m.id != self.article_id]
            found = library.articles.find(query, limit=SHOWN + len(mates) + 1)
        except SkimError as error:
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._show_error, str(error))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, mates, found)

    def _show(self, mates: list[ArticleMeta], found: list[ArticleMeta]) -> None:
        self.mates = mates
        taken = {self.article_id, *(m.id for m in mates)}
        self.found = [m for m in found if m.id not in taken][:SHOWN]
        options = self.query_one(OptionList)
        options.clear_options()
        if mates:
            others = "1 other source" if len(mates) == 1 else f"{len(mates)} other sources"
            leave = Content.assemble(("Not the same event: take it out of its story ", "bold"))
            options.add_option(Option(leave + Content(f"({others})"), id=UNLINK))
        options.add_options(Option(_row(meta), id=str(meta.id)) for meta in self.found)
        if not options.option_count:
            options.add_option(Option(Content("No article matches."), disabled=True))
        options.highlighted = 0 if options.option_count else None

    def _show_error(self, message: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_option(Option(Content(message), disabled=True))  # e.g. an unfinished "phrase

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search field chooses the highlighted row."""
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Close with the chosen row."""
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == UNLINK:
            self.dismiss(StoryChoice("unlink"))
        elif option_id is not None:
            self.dismiss(StoryChoice("link", int(option_id)))

    def action_to_list(self) -> None:
        """Move from the search field to the list."""
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
