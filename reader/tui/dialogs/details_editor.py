"""The details editor: a modal form for an article's title, published date, source, author and URL.

It checks what it can before closing (a title is required, the date must be readable) and returns
the details as typed; the article screen stores them, in a worker, through the library.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.core import Article, ArticleMeta, InvalidArgument, Library, clean_line, parse_published

#: Each field of the form: (name, label, placeholder).
FORM = (
    ("title", "Title", ""),
    ("published", "Published (UTC unless a zone is given)", "2024-03-05 14:30, 5 March 2024…"),
    ("source", "Source", "the publication"),
    ("author", "Author", ""),
    ("url", "URL", "https://…"),
)
#: How each detail is named in a notification.
NAMES = {
    "title": "title",
    "published": "date",
    "source": "source",
    "author": "author",
    "url": "URL",
}


@dataclass(frozen=True, slots=True)
class Details:
    """The details of an article that the reader may correct."""

    title: str
    published: datetime | None
    source: str | None
    author: str | None
    url: str | None

    @classmethod
    def of(cls, article: Article | ArticleMeta) -> Details:
        """The details ``article`` has now."""
        return cls(article.title, article.published, article.source, article.author, article.url)

    def changed_from(self, other: Details) -> list[str]:
        """The names (for people) of the details that differ from ``other``'s."""
        return [
            NAMES[f.name] for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)
        ]

    def store(self, library: Library, article_id: int) -> ArticleMeta:
        """Give the article these details (in a worker thread)."""
        return library.articles.edit_details(
            article_id,
            title=self.title,
            published=self.published,
            source=self.source,
            author=self.author,
            url=self.url,
        )


def date_text(moment: datetime | None) -> str:
    """A stored date as the form shows it: UTC, without the parts that are zero."""
    if moment is None:
        return ""
    moment = moment.astimezone(UTC)
    if moment.time() == datetime.min.time():
        return f"{moment:%Y-%m-%d}"
    return f"{moment:%Y-%m-%d %H:%M}" + (f":{moment:%S}" if moment.second else "")


class DetailsEditor(ModalScreen[Details | None]):
    """Edit an article's details; dismisses with the new details, or None when cancelled."""

    DEFAULT_CSS = """
    DetailsEditor {
        align: center middle;
        & > #details-dialog {
            width: 80%;
            max-width: 90;
            height: auto;
            max-height: 95%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .details-title { text-style: bold; margin-bottom: 1; }
        & .details-label { color: $text-muted; }
        & #details-error { color: $text-error; height: auto; }
        & .details-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="details-editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="details-editor.cancel"),
    ]

    def __init__(self, details: Details) -> None:
        """Edit ``details`` (the form starts with them filled in)."""
        super().__init__()
        self._details = details
        self._date_text = date_text(details.published)

    def compose(self) -> ComposeResult:
        """A labelled input per detail, a line for errors and a hint about the keys."""
        with Vertical(id="details-dialog"):
            yield Label("Details of this article", classes="details-title")
            for name, label, placeholder in FORM:
                value = self._date_text if name == "published" else getattr(self._details, name)
                yield Label(label, classes="details-label")
                yield Input(value or "", placeholder=placeholder, id=f"details-{name}")
            yield Label("", id="details-error")
            yield Label(
                "enter or ctrl+s save · tab next field · escape cancel", classes="details-hint"
            )

    def on_mount(self) -> None:
        """Start in the title, ready to retype it."""
        self.query_one("#details-title", Input).focus()

    def value(self, name: str) -> str:
        """What the field ``name`` holds now."""
        return self.query_one(f"#details-{name}", Input).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in any field saves the form."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Close with the details typed, unless the title is empty or the date unreadable."""
        # Cleaned as the library will clean them, so an untouched form compares equal.
        title = clean_line(self.value("title"))
        if not title:
            self._refuse("title", "An article needs a title.")
            return
        published = self._details.published
        if self.value("published").strip() != self._date_text:
            try:
                published = parse_published(self.value("published"))
            except InvalidArgument as error:
                self._refuse("published", str(error).replace("not a date", "Not a date", 1))
                return
        self.dismiss(
            Details(
                title=title,
                published=published,
                source=clean_line(self.value("source")) or None,
                author=clean_line(self.value("author")) or None,
                url=clean_line(self.value("url")) or None,
            )
        )

    def _refuse(self, name: str, message: str) -> None:
        self.query_one("#details-error", Label).update(Content(message))
        self.query_one(f"#details-{name}", Input).focus()

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
