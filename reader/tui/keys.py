"""The keys of a screen as data, for the help screen and the command palette (never hand-written)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One action a screen offers, with every key bound to it."""

    keys: tuple[str, ...]  # as shown to the reader, e.g. ("j", "↓")
    description: str  # the binding's short description, e.g. "Archive"
    help: str  # a sentence: the tooltip, else the first line of the action's docstring
    action: str  # the action string, run in ``node``'s namespace
    node: DOMNode
    enabled: bool  # False when it does not apply right now (shown dimmed)

    @property
    def everywhere(self) -> bool:
        """Whether the binding belongs to the app rather than to this screen."""
        return isinstance(self.node, App)


def _action_help(node: DOMNode, action: str) -> str:
    method = getattr(node, f"action_{action.split('(', 1)[0]}", None)
    doc = inspect.getdoc(method) if method is not None else None
    return doc.splitlines()[0] if doc else ""


def screen_keys(screen: Screen[Any]) -> list[KeyHelp]:
    """Every named binding active on ``screen`` (focused widget, screen and app), merged by action.

    Only bindings with an ``id`` count: that is how skim marks its own bindings (and makes them
    remappable), which keeps Textual's internal ones (an input's cursor keys) out.
    """
    app = screen.app
    found: dict[tuple[int, str], KeyHelp] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None or not binding.description or binding.system:
            continue
        key = (id(active.node), binding.action)
        shown = app.get_key_display(binding)
        if key in found:
            entry = found[key]
            if shown not in entry.keys:
                found[key] = KeyHelp(
                    (*entry.keys, shown),
                    entry.description,
                    entry.help,
                    entry.action,
                    entry.node,
                    entry.enabled,
                )
            continue
        # An action with arguments shares its docstring with its siblings ("view('later')");
        # the binding's own description tells them apart.
        generic = "(" in binding.action
        help_text = binding.tooltip or (
            binding.description if generic else _action_help(active.node, binding.action)
        )
        found[key] = KeyHelp(
            (shown,), binding.description, help_text, binding.action, active.node, active.enabled
        )
    # In the order the bindings are declared: a keymap re-binds a remapped action last, which
    # would move it to the end of `?`.
    # Each node once: where its first key was found, and the order of its declared actions.
    nodes: dict[int, tuple[int, dict[str, int]]] = {}
    for n, entry in enumerate(found.values()):
        if id(entry.node) not in nodes:
            nodes[id(entry.node)] = (n, _declared(entry.node))

    def place(entry: KeyHelp) -> tuple[int, int]:
        first, declared = nodes[id(entry.node)]
        return first, declared.get(entry.action, 0)

    return sorted(found.values(), key=place)


def _declared(node: DOMNode) -> dict[str, int]:
    """The position of each action among ``node``'s declared bindings (base classes first)."""
    order: dict[str, int] = {}
    for cls in reversed(type(node).__mro__):
        for binding in vars(cls).get("BINDINGS", ()):
            if isinstance(binding, Binding):
                order.setdefault(binding.action, len(order))
    return order
