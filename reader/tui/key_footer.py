"""The footer of skim's screens: Textual's key bar, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

#: What the footer shows of one key: key, action, description, tooltip, enabled.
ShownKey = tuple[str, str, str, str, bool]


class KeyFooter(Footer):
    """Textual's :class:`Footer` that rebuilds its keys only when they change.

    Textual rebuilds the footer (one widget per key, each styled) whenever the screen's keys
    *may* have changed: each focus change and each ``refresh_bindings()``, every request on its
    own. With skim's keys one rebuild took 40-150 ms of the UI thread, and opening an article
    asked for three. Here the requests that come before the next refresh are merged into one,
    and that one is dropped when the keys, their descriptions and their enabled state are the
    same as those on screen.
    """

    def __init__(self) -> None:
        """A footer without the command palette's key (the app's ``ctrl+p`` binding shows it)."""
        super().__init__(show_command_palette=False)
        self._shown: list[ShownKey] | None = None
        self._pending = False

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Note that ``screen``'s keys may have changed: look once, after the next refresh."""
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._settle, screen)

    def _settle(self, screen: Screen[Any]) -> None:
        self._pending = False
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = shown_keys(screen)
            if keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)


def shown_keys(screen: Screen[Any]) -> list[ShownKey]:
    """The keys a footer on ``screen`` shows now, in order."""
    return [
        (binding.key, binding.action, binding.description, tooltip, enabled)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    ]
