"""Selecting part of a sentence from the keyboard, a word at a time (a phrase, a figure).

The motions are plain functions over the text (tested without an app); :class:`WordSelect` does
the work of the screen's ``w`` ``W`` ``<`` ``>`` keys. A selection always starts and ends on a
word's edge; ``h``, ``n``, ``y`` and ``ctrl+n`` then act on exactly that text, and the highlight is
stored like any other, with its quote and context.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.tui.spans import Range

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen

#: A word: letters or digits, with the marks that join them inside a token ("£3.4m", "18,000",
#: "don't", "Fenwick-Adeyemi"); currency signs and % belong to their figure.
WORD = re.compile(r"[£$€¥]?\w+(?:[’'.,:/-]\w+)*%?")
LOOK_BACK = 400
"""Characters searched backwards for the previous word (words are never that long)."""


def first_word(body: str, span: Range) -> Range | None:
    """The first word inside ``span``."""
    match = WORD.search(body, span[0], span[1])
    return match.span() if match else None


def next_word(body: str, offset: int) -> Range | None:
    """The first word that ends after ``offset`` (the word ``offset`` is in, or the next)."""
    match = WORD.search(body, max(0, _word_start(body, offset)))
    return match.span() if match else None


def previous_word(body: str, offset: int) -> Range | None:
    """The last word that starts before ``offset``."""
    low, high = max(0, offset - LOOK_BACK), min(len(body), offset + LOOK_BACK)
    found = [m.span() for m in WORD.finditer(body, low, high) if m.start() < offset]
    return found[-1] if found else None


def _word_start(body: str, offset: int) -> int:
    # Searching from inside a word would find its tail: step back to where it starts.
    word = previous_word(body, offset + 1) if offset < len(body) else None
    return word[0] if word and word[0] <= offset < word[1] else offset


def extend(body: str, span: Range, direction: int) -> Range:
    """Move the end of ``span`` one word later (1) or earlier (-1); it keeps at least a word."""
    start, end = span
    if direction > 0:
        word = next_word(body, end)
        return (start, word[1]) if word else span
    word = previous_word(body, end)  # the last word inside the selection
    before = previous_word(body, word[0]) if word else None
    return (start, before[1]) if before and before[1] > start else span


def move_start(body: str, span: Range, direction: int) -> Range:
    """Move the start of ``span`` one word later (1) or earlier (-1); it keeps at least a word."""
    start, end = span
    if direction < 0:
        word = previous_word(body, start)
        return (word[0], end) if word else span
    after = next_word(body, start)
    after = next_word(body, after[1]) if after else None
    return (after[0], end) if after and after[1] <= end else span


class WordSelect:
    """The keys that select part of a sentence, a word at a time."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Select in the text shown on ``screen``."""
        self.screen = screen
        self.span: Range | None = None

    @property
    def active(self) -> bool:
        """Whether a word selection is on screen."""
        text = self.screen.article_text
        return self.span is not None and text.selecting and text.selection_range == self.span

    def act(self, motion: str) -> None:
        """``start`` (or extend by a word), ``shrink``, ``earlier`` or ``later`` (the start)."""
        text, body = self.screen.article_text, self.screen.article_text.body
        if not self.active:
            self.span = self._first_span()
        elif self.span is not None:
            self.span = {
                "start": lambda s: extend(body, s, 1),
                "shrink": lambda s: extend(body, s, -1),
                "earlier": lambda s: move_start(body, s, -1),
                "later": lambda s: move_start(body, s, 1),
            }[motion](self.span)
        if self.span is not None:
            text.select_characters(self.span)

    def _first_span(self) -> Range | None:
        """The current find match when it is in the cursor sentence, else the sentence's first word."""
        cursor = self.screen.article_text.cursor_range
        if cursor is None:
            return None
        finder = self.screen.find.finder
        if finder.current is not None:
            match = finder.matches[finder.current]
            if cursor[0] <= match[0] < cursor[1]:
                return match
        return first_word(self.screen.article_text.body, cursor)
