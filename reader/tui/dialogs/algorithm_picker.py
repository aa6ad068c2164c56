"""The algorithm picker: choose which summariser fills the Highlights panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.core import describe_algorithm


class AlgorithmPicker(ModalScreen[str | None]):
    """Pick a summary algorithm; dismisses with its name, or None when cancelled."""

    DEFAULT_CSS = """
    AlgorithmPicker {
        align: center middle;
        & > #algorithm-dialog {
            width: 90%;
            max-width: 76;
            height: auto;
            max-height: 90%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .algorithm-title { text-style: bold; }
        & OptionList { height: auto; border: none; background: transparent; }
        & .algorithm-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close", id="algorithm-picker.cancel"),
    ]

    def __init__(self, algorithms: Sequence[str], current: str) -> None:
        """Offer ``algorithms`` with ``current`` marked and highlighted."""
        super().__init__()
        self._algorithms = list(algorithms)
        self._current = current

    def compose(self) -> ComposeResult:
        """The title, one option per algorithm and a hint about the keys."""
        with Vertical(id="algorithm-dialog"):
            yield Label("Summary algorithm", classes="algorithm-title")
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            ("● " if name == self._current else "  ", "$text-accent"),
                            (name, "bold"),
                            (f"  {describe_algorithm(name)}", "$text-muted"),
                        ),
                        id=name,
                    )
                    for name in self._algorithms
                ),
                id="algorithm-options",
            )
            yield Label("enter choose · escape close", classes="algorithm-hint")

    def on_mount(self) -> None:
        """Focus the list on the current algorithm."""
        options = self.query_one(OptionList)
        options.focus()
        if self._current in self._algorithms:
            options.highlighted = self._algorithms.index(self._current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Close with the chosen algorithm."""
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
