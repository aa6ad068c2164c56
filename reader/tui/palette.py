"""The command palette provider: every key of the current screen, and skim's themes, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import BUILTIN_THEMES

from reader.tui.keys import screen_keys

Command = tuple[str, str, Callable[[], object]]


class ScreenCommands(Provider):
    """Commands built from the bindings of the screen under the palette, plus theme switching.

    Written against bindings rather than a hand-made list, so any screen's keys show up here
    without extra work.
    """

    def _commands(self) -> Iterator[Command]:
        for entry in screen_keys(self.screen):
            if not entry.enabled or entry.action.endswith("command_palette"):
                continue
            run = partial(self.app.run_action, entry.action, entry.node)
            keys = " / ".join(entry.keys)
            yield entry.description, f"{entry.help} ({keys})" if entry.help else keys, run
        # skim's themes only: Textual's own are not made for skim's colours (its picker is hidden).
        for name in sorted(set(self.app.available_themes) - set(BUILTIN_THEMES)):
            switch = partial(setattr, self.app, "theme", name)
            yield f"Theme: {name}", f"Switch to the {name} theme", switch

    async def discover(self) -> Hits:
        """Everything, for the palette before anything is typed."""
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches what was typed (fuzzy)."""
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
