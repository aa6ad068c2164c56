"""Anchor highlights by quote and context (the W3C TextQuoteSelector idea), and place them again.

An annotation keeps its offsets *and* the quoted text with a little context on each side, so that if the
article text changes the highlight can be found again instead of being silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 32


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    """The quoted passage with the text just before and after it."""

    quote: str
    prefix: str
    suffix: str


def select(text: str, start: int, end: int) -> QuoteSelector:
    """Describe ``text[start:end]`` by its quote and ``CONTEXT_CHARS`` of context on each side."""
    return QuoteSelector(
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def locate(text: str, selector: QuoteSelector, hint: int = 0) -> tuple[int, int] | None:
    """Find where ``selector`` lies in ``text``; ``None`` when the quote no longer occurs.

    Among several occurrences, the one whose surrounding text agrees best with the stored context wins;
    ties go to the occurrence nearest ``hint`` (the old offset).
    """
    quote = selector.quote
    if not quote:
        return None
    best: tuple[int, int, int] | None = None  # (-context score, distance to hint, start)
    position = text.find(quote)
    while position != -1:
        before = text[max(0, position - len(selector.prefix)) : position]
        after = text[position + len(quote) : position + len(quote) + len(selector.suffix)]
        score = _common_suffix(before, selector.prefix) + _common_prefix(after, selector.suffix)
        candidate = (-score, abs(position - hint), position)
        if best is None or candidate < best:
            best = candidate
        position = text.find(quote, position + 1)
    if best is None:
        return None
    return best[2], best[2] + len(quote)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Find a quote typed by a user: exact first, then ignoring differences in white space and case."""
    quote = quote.strip()
    if not quote:
        return None
    position = text.find(quote)
    if position != -1:
        return position, position + len(quote)
    # Fall back to a case- and space-insensitive match, mapping offsets back to the original text.
    folded_chars: list[str] = []
    index_map: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            previous_space = True
            ch = " "
        else:
            previous_space = False
        folded_chars.append(ch.casefold() if len(ch.casefold()) == 1 else ch)
        index_map.append(i)
    folded = "".join(folded_chars)
    needle = " ".join(quote.split()).casefold()
    position = folded.find(needle)
    if position == -1:
        return None
    return index_map[position], index_map[position + len(needle) - 1] + 1
