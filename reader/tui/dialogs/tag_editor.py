"""The tag editor: a modal with one comma-separated input, prefilled, that completes known tags."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from reader.core import SkimError
from reader.tui.messages import library_of

SHOWN_TAGS = 12


def parse_tags(text: str) -> list[str]:
    """Tags from comma-separated text: trimmed, inner spaces folded, empty and repeated ones dropped."""
    tags: list[str] = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    return tags


class TagSuggester(Suggester):
    """Completes the tag being typed (the text after the last comma) from the known tags."""

    def __init__(self, known: Sequence[str] = ()) -> None:
        """Suggest from ``known`` (most used first)."""
        super().__init__(use_cache=False, case_sensitive=True)
        self.known: list[str] = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        """The whole input with its last tag completed, or None."""
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        already = {t.casefold() for t in parse_tags(head)}
        for tag in self.known:
            if tag.casefold().startswith(typed.casefold()) and tag.casefold() not in already:
                prefix = value[: len(value) - len(typed)]
                return prefix + tag
        return None


class TagEditor(ModalScreen[list[str] | None]):
    """Edit a list of tags; dismisses with the new list, or None when cancelled."""

    DEFAULT_CSS = """
    TagEditor {
        align: center middle;
        & > #tag-dialog {
            width: 70%;
            max-width: 80;
            height: auto;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .tag-title { text-style: bold; }
        & .tag-known, .tag-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="tag-editor.cancel"),
    ]

    def __init__(
        self,
        tags: Sequence[str] = (),
        *,
        title: str = "Tags",
        known: Sequence[str] | None = None,
    ) -> None:
        """Edit ``tags``; suggestions come from ``known``, or from the library when None."""
        super().__init__()
        self._tags = list(tags)
        self._title = title
        self._suggester = TagSuggester(known or ())
        self._load_known = known is None

    def compose(self) -> ComposeResult:
        """The title, the input, the tags in use and a hint about the keys."""
        with Vertical(id="tag-dialog"):
            yield Label(Content(self._title), classes="tag-title")
            yield Input(
                ", ".join(self._tags),
                placeholder="tags, separated by commas",
                suggester=self._suggester,
                id="tag-input",
            )
            yield Label(Content(self._known_text()), classes="tag-known")
            yield Label("enter save · → accept suggestion · escape cancel", classes="tag-hint")

    def on_mount(self) -> None:
        """Focus the input; fetch the tags in use when they were not given."""
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)  # ready to add a tag, not to type over one
        if self._load_known:
            self._fetch_known()

    @work(thread=True, exclusive=True, group="tag-editor")
    def _fetch_known(self) -> None:
        try:
            tags = library_of(self.app).articles.tags()
        except SkimError:
            return  # suggestions are a convenience; editing works without them
        if not get_current_worker().is_cancelled:
            ranked = sorted(tags, key=lambda item: (-item[1], item[0].casefold()))
            self.app.call_from_thread(self._set_known, [tag for tag, _ in ranked])

    def _set_known(self, known: list[str]) -> None:
        self._suggester.known = known
        self.query_one(".tag-known", Label).update(Content(self._known_text()))

    def _known_text(self) -> str:
        known = self._suggester.known
        if not known:
            return ""
        more = f" (+{len(known) - SHOWN_TAGS})" if len(known) > SHOWN_TAGS else ""
        return "In use: " + ", ".join(known[:SHOWN_TAGS]) + more

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Close and return the tags typed."""
        event.stop()
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
