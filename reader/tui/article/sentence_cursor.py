"""The sentence the ArticleText's cursor is on and what is selected, as offsets of its text.

A plain object (no Textual): :class:`~reader.tui.article.article_text.ArticleText` owns one and,
after each change, redraws the lines the change touches and scrolls the cursor into view.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.tui.spans import Range


class SentenceCursor:
    """A cursor over sentences, with a selection of whole sentences or of characters."""

    def __init__(self) -> None:
        """Start with no sentences, so with no cursor."""
        self.sentences: tuple[Range, ...] = ()
        self.index: int | None = None  # the sentence under the cursor
        self.anchor: int | None = None  # the sentence a selection of sentences started at
        self.chars: Range | None = None  # a selection by characters (word motions), if any

    def reset(self, sentences: tuple[Range, ...], index: int | None) -> None:
        """Use ``sentences``, with the cursor on sentence ``index`` and nothing selected."""
        self.sentences, self.index = sentences, index
        self.unselect()

    def unselect(self) -> None:
        """Forget the selection (the cursor stays)."""
        self.anchor = self.chars = None

    @property
    def range(self) -> Range | None:
        """The sentence under the cursor."""
        if self.index is None or not self.sentences:
            return None
        return self.sentences[self.index]

    @property
    def selecting(self) -> bool:
        """Whether a selection (of sentences or characters) is being made."""
        return self.anchor is not None or self.chars is not None

    @property
    def selection(self) -> Range | None:
        """The selection (sentences, or characters), or the cursor sentence when not selecting."""
        if self.chars is not None:
            return self.chars
        if self.anchor is None or self.index is None:
            return self.range
        low, high = sorted((self.anchor, self.index))
        return self.sentences[low][0], self.sentences[high][1]

    def target(self, delta: int, visible: Sequence[int]) -> int:
        """The sentence ``delta`` sentences away; from off screen, the first (or last) one seen.

        Args:
            delta: Sentences to move, down (positive) or up.
            visible: Indexes of the sentences that start on screen, in order.
        """
        current = self.index if self.index is not None else 0
        if self.anchor is None and visible and current not in visible:
            return visible[0] if delta > 0 else visible[-1]
        return max(0, min(len(self.sentences) - 1, current + delta))
