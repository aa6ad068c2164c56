"""The entity list: an article's people, organisations, places, groups and numbers, by kind.

One row per referent: "Kim Jong Un (8)  also Kim" gathers every mention of one person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.tui.entities import EntityEntry
from reader.tui.spans import LABEL_NAMES, LABEL_STYLES


def _forms(entry: EntityEntry) -> str:
    """ " also Kim, KIM" for a referent written in other ways; empty otherwise."""
    return f"  also {', '.join(entry.forms)}" if entry.forms else ""


class EntityList(ModalScreen[EntityEntry | None]):
    """Pick an entity or number; dismisses with it (the screen jumps to its next mention)."""

    DEFAULT_CSS = """
    EntityList {
        align: center middle;
        & > #entity-dialog {
            width: 60%;
            min-width: 40;
            max-width: 70;
            height: 80%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .entity-title { text-style: bold; }
        & OptionList { height: 1fr; border: none; background: transparent; }
        & .entity-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close", id="entity-list.cancel"),
    ]

    def __init__(self, groups: Mapping[str, Sequence[EntityEntry]]) -> None:
        """List ``groups`` (label -> entries, as from :func:`reader.tui.entities.entity_groups`)."""
        super().__init__()
        self._entries: dict[str, EntityEntry] = {}
        self._options: list[Option] = []
        for label, entries in groups.items():
            total = sum(entry.count for entry in entries)
            heading = Content.assemble(
                (LABEL_NAMES.get(label, label).capitalize(), f"bold {LABEL_STYLES[label]}"),
                (f"  {len(entries)} distinct, {total} mentions", "$text-muted"),
            )
            self._options.append(Option(heading, disabled=True))
            for number, entry in enumerate(entries):
                option_id = f"{label}:{number}"
                self._entries[option_id] = entry
                self._options.append(
                    Option(
                        Content.assemble(
                            "  ",
                            (entry.text, LABEL_STYLES[label]),
                            (f"  ({entry.count})", "$text-muted"),
                            (_forms(entry), "$text-muted"),
                        ),
                        id=option_id,
                    )
                )

    def compose(self) -> ComposeResult:
        """The title, the grouped list and a hint about the keys."""
        with Vertical(id="entity-dialog"):
            yield Label("Entities and numbers", classes="entity-title")
            if self._options:
                yield OptionList(*self._options, id="entity-options")
            else:
                yield Label("No entities or numbers were found in this article.")
            yield Label("enter next mention · escape close", classes="entity-hint")

    def on_mount(self) -> None:
        """Focus the list on its first entry."""
        if self._options:
            options = self.query_one(OptionList)
            options.focus()
            options.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Close with the chosen entry."""
        event.stop()
        entry = self._entries.get(event.option.id or "")
        if entry is not None:
            self.dismiss(entry)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
