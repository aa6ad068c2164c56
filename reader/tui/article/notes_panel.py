"""The Notes panel: the article note and the reader's highlights with their notes and tags."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.core import Annotation
from reader.tui.article.highlights_panel import PanelTitle
from reader.tui.spans import excerpt

QUOTE_CHARS = 120


def annotation_prompt(annotation: Annotation) -> Content:
    """One highlight as shown in the panel: the quote, then its note and tags."""
    parts: list[Content | str | tuple[str, str]] = [
        ("▍", "$user-highlight"),
        (f"“{excerpt(annotation.quote, QUOTE_CHARS)}”", "italic"),
    ]
    if annotation.orphaned:
        parts.append(("\n(the text changed; this passage was not found again)", "$text-warning"))
    if annotation.note.strip():
        parts.extend(["\n", annotation.note.strip()])
    if annotation.tags:
        parts.append(("\n" + " ".join(f"#{tag}" for tag in annotation.tags), "$text-accent"))
    return Content.assemble(*parts)


class NotesPanel(Vertical):
    """What the reader wrote about this article; selecting a highlight jumps to it."""

    DEFAULT_CSS = """
    NotesPanel {
        height: auto;
        & > #article-note { padding: 0 1 1 1; }
        & > .panel-status { width: 1fr; color: $text-muted; padding: 0 1; }
        & > OptionList {
            height: auto;
            border: none;
            padding: 0;
            background: transparent;
            & > .option-list--option { padding: 0 1; }
        }
    }
    """

    class Selected(Message):
        """The reader chose one of the highlights."""

        def __init__(self, annotation: Annotation) -> None:
            """Carry the chosen highlight."""
            super().__init__()
            self.annotation = annotation

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """Create an empty panel; fill it with :meth:`show`."""
        super().__init__(name=name, id=id, classes=classes)
        self._annotations: tuple[Annotation, ...] = ()
        self._shown: tuple[str, tuple[Annotation, ...]] | None = None

    def compose(self) -> ComposeResult:
        """The title, the article note, an empty-state hint and the highlights."""
        yield PanelTitle("Notes")
        yield Static(id="article-note")
        yield Label(
            "No highlights yet: h highlights the sentence under the cursor, n adds a note, "
            "N notes the whole article.",
            classes="panel-status",
        )
        yield OptionList(id="notes-list")

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """The highlights listed."""
        return self._annotations

    def show(self, article_note: str, annotations: Sequence[Annotation]) -> None:
        """List ``annotations`` under the article note (nothing is redrawn when nothing changed)."""
        note, listed = article_note.strip(), tuple(annotations)
        if self._shown == (note, listed):
            return
        if self._shown is None or self._shown[0] != note:
            widget = self.query_one("#article-note", Static)
            widget.update(Content(note))
            widget.display = bool(note)
        self._shown = (note, listed)
        self._annotations = listed
        count = len(listed)
        self.query_one(PanelTitle).text = f"Notes · {count}" if count else "Notes"
        self.query_one(".panel-status", Label).display = not (listed or note)
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(annotation_prompt(a), id=str(a.id)) for a in listed)
        if count:  # an entry is ready for enter as soon as the list has focus
            options.highlighted = min(highlighted or 0, count - 1)

    def point_at(self, annotation_id: int | None) -> None:
        """Move the list's highlight to the entry of ``annotation_id`` (the one under the cursor)."""
        for index, annotation in enumerate(self._annotations):
            if annotation.id == annotation_id:
                self.query_one(OptionList).highlighted = index
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the list's selection into a :class:`Selected` message for the screen."""
        event.stop()
        if 0 <= event.option_index < len(self._annotations):
            self.post_message(self.Selected(self._annotations[event.option_index]))
