"""What an empty list shows instead: a calm message saying what to do next."""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

_KEY = re.compile(r"`([^`]+)`")


def with_keys(text: str) -> Content:
    """Render skim's own help text, where `x` marks a key or a command, never article text."""
    parts = _KEY.split(text)
    return Content.assemble(
        *((part, "bold $text-accent") if i % 2 else part for i, part in enumerate(parts))
    )


class EmptyState(Static):
    """A centred message for an empty list."""

    DEFAULT_CSS = """
    EmptyState {
        height: 1fr;
        width: 100%;
        content-align: center middle;
        text-align: center;
        padding: 1 4;
        color: $text-muted;
    }
    """

    def show_text(self, text: str) -> None:
        """Show ``text`` (keys in backticks are highlighted)."""
        self.update(with_keys(text))
