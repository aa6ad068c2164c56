"""Find in the article: every match of what the reader types, and which one is current.

:func:`find_all` and :class:`Finder` are plain (no widget), so they are tested without an app;
:class:`ArticleFind` does the work of the screen's find keys and of its :class:`FindBar`.
Matches are drawn as spans whose styles name theme variables (``$find-match``,
``$find-current``), never as markup; ``reverse`` puts the colour behind the letters and keeps
it visible on the cursor sentence, whose background is drawn over the other spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from textual.content import Span

from reader.tui.article.find_bar import FindBar
from reader.tui.spans import Range

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen

MATCH_STYLE = "$find-match reverse"
CURRENT_STYLE = "bold $find-current reverse"
MAX_MATCHES = 5_000
"""More matches than this are not counted (a one-letter search in a long text)."""


def find_all(body: str, query: str) -> list[Range]:
    """Where ``query`` occurs in ``body``, in order and not overlapping.

    Smart case, as in less and vim: a query in lower case matches any case; one with a capital
    letter matches exactly.
    """
    if not query:
        return []
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    found: list[Range] = []
    for match in re.finditer(re.escape(query), body, flags):
        found.append(match.span())
        if len(found) >= MAX_MATCHES:
            break
    return found


class Finder:
    """The matches of one query and the current one."""

    def __init__(self) -> None:
        """Start with nothing to find."""
        self.query = ""
        self.matches: list[Range] = []
        self.current: int | None = None

    @property
    def active(self) -> bool:
        """Whether a query is set (even one without matches)."""
        return bool(self.query)

    def search(self, body: str, query: str, here: int) -> Range | None:
        """Find ``query``; the current match is the first at or after offset ``here``."""
        self.query = query
        self.matches = find_all(body, query)
        if not self.matches:
            self.current = None
            return None
        index = bisect_left(self.matches, (here, -1))
        self.current = index if index < len(self.matches) else 0
        return self.matches[self.current]

    def step(self, direction: int) -> Range | None:
        """Make the next (``direction`` > 0) or previous match current, wrapping around."""
        if not self.matches:
            return None
        base = self.current if self.current is not None else -1
        self.current = (base + direction) % len(self.matches)
        return self.matches[self.current]

    def clear(self) -> None:
        """Forget the query and its matches."""
        self.query, self.matches, self.current = "", [], None

    def count_label(self) -> str:
        """``3/12`` for the third of twelve matches, ``no matches``, or "" with no query."""
        if not self.query:
            return ""
        if not self.matches:
            return "no matches"
        total = f"{len(self.matches)}+" if len(self.matches) >= MAX_MATCHES else len(self.matches)
        return f"{(self.current or 0) + 1}/{total}"

    def spans(self) -> list[Span]:
        """The styles of the matches, the current one apart."""
        return [
            Span(start, end, CURRENT_STYLE if i == self.current else MATCH_STYLE)
            for i, (start, end) in enumerate(self.matches)
        ]


class ArticleFind:
    """The find keys of an article screen: open the bar, search as typed, step, close."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Find in the text shown on ``screen``."""
        self.screen = screen
        self.finder = Finder()
        self._start = 0  # where the search began, so each keystroke searches from there

    def open(self) -> None:
        """Show the find bar and give it the keys."""
        self._start = self._here()
        self.screen.query_one(FindBar).open(self.finder.query)

    def text_arrived(self) -> None:
        """Search the text that has just arrived for what was typed while it was loading.

        The find bar works from the first frame, before the article is read: without this, a
        query typed that early would stay at "no matches" over the text that then appears.
        """
        if self.finder.active:
            self._start = self._here()
            self.search(self.finder.query)

    def search(self, query: str) -> None:
        """Highlight every match of ``query`` and show the first from where the search began."""
        found = self.finder.search(self.screen.article_text.body, query, self._start)
        self._show(found)

    def step(self, direction: int) -> None:
        """Go to the next or previous match."""
        if not self.finder.active:
            self.screen.notify("Nothing to find: / starts a search.", timeout=2)
            return
        self._show(self.finder.step(direction))

    def close(self, *, clear: bool) -> None:
        """Hide the bar and give the keys back to the text; ``clear`` also forgets the matches."""
        self.screen.query_one(FindBar).close(clear=clear)
        if clear and self.finder.active:
            self.finder.clear()
            self.screen.loader.restyle()
        self.screen.article_text.focus()

    def _here(self) -> int:
        """Where a search starts: the cursor sentence, or the top of the screen."""
        text = self.screen.article_text
        return (text.cursor_range or (text.first_visible_offset, 0))[0]

    def _show(self, found: Range | None) -> None:
        self.screen.loader.restyle()
        self.screen.query_one(FindBar).count = self.finder.count_label()
        if found is not None:
            self.screen.article_text.jump_to(found[0])
