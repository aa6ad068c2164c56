"""The library screen's keys and the help text that explains them.

Kept beside :class:`reader.tui.library.screen.LibraryScreen` (which takes them as its ``HELP`` and
``BINDINGS``) so that the screen's module is its behaviour, not its key table.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(
    key: str,
    action: str,
    description: str,
    *,
    show: bool = False,
    id: str = "",
    priority: bool = False,
) -> Binding:
    """A library binding; its id (for keymaps) is ``library.<action>`` unless given."""
    name = id or action.replace("_", "-")
    return Binding(key, action, description, show=show, id=f"library.{name}", priority=priority)


LIBRARY_BINDINGS: list[BindingType] = [
    _key("l", "later", "Later", show=True),
    _key("a", "archive", "Archive", show=True),
    _key("i", "inbox", "Inbox"),
    _key("s", "star", "Star", show=True),
    _key("r", "read", "Read/unread"),
    _key("space", "mark", "Mark"),
    _key("asterisk", "mark_all", "Mark all in view"),
    _key("M", "clear_marks", "Clear marks"),
    _key("t", "tags", "Tags"),
    _key("d", "delete", "Delete"),
    _key("u", "undo", "Undo"),
    # Priority: runs before the next key is delivered, so "/word" typed in one burst lands in
    # the search box (Textual sends a key to whatever has focus when the key arrives).
    _key("slash", "search", "Search", show=True, priority=True),
    _key("escape", "clear_search", "Clear search"),
    _key("o", "sort", "Sort"),
    _key("O", "reverse", "Reverse order"),
    _key("1", "view('inbox')", "View: Inbox", id="view-inbox"),
    _key("2", "view('later')", "View: Later", id="view-later"),
    _key("3", "view('archive')", "View: Archive", id="view-archive"),
    _key("4", "view('starred')", "View: Starred", id="view-starred"),
    _key("5", "view('all')", "View: All", id="view-all"),
    _key("right", "next_view(1)", "Next view", id="next-view"),
    _key("left", "next_view(-1)", "Previous view", id="previous-view"),
    _key("S", "import_samples", "Import sample articles"),
    _key("c", "story", "Compare sources"),
    _key("e", "export", "Export view"),
    _key("A", "import", "Import file or URL"),
]


LIBRARY_HELP = """\
**Rows:** ★ starred · ◷ later · ✓ archived · bold title: unread · ✎ notes and highlights ·
minutes to read · 40%: how far you read · #tags (wide screens) · ● marked ·
"2 sources" (or ⧉2): other articles in the library cover the same story (`c` compares them).

**Search** (`/`) looks in titles, text and notes as you type: plain words, `"a phrase"`,
`-word` or `NOT word` (leave out), `fire OR flood` (either; `fire OR flood harbour` also needs
harbour), `is:inbox` `is:later` `is:archive` `is:starred` `is:unread` `is:read`, `tag:name`,
`source:name`, `has:notes`.
A filter such as `is:later` wins over the current view. Escape clears the search.

Triage and delete keep the cursor in place; `u` undoes them one by one.

**Marks:** `space` marks a row (and moves down), `*` marks the whole view, `M` clears the marks.
While rows are marked, later, archive, inbox, star, read, tags, delete and export act on all of
them, and one `u` takes the whole action back.
"""
