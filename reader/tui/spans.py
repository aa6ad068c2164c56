"""Pure helpers for the article view: wrap text into lines, find sentences, build styled spans.

Nothing here touches the screen; the ArticleText widget and the article screen call these functions and
only the results reach Textual. Styles are theme variables (``$entity-person``), so a theme change
recolours the text without rebuilding the spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from textual.content import Span

from reader.core import Analysis, Annotation, Summary

#: Foreground style of each entity and number label.
LABEL_STYLES: dict[str, str] = {
    "PERSON": "$entity-person",
    "ORG": "$entity-org",
    "PLACE": "$entity-place",
    "GROUP": "$entity-group",
    "CARDINAL": "$number-cardinal",
    "MONEY": "$number-money",
    "PERCENT": "$number-percent",
    "DATE": "$number-date",
    "TIME": "$number-time",
    "ORDINAL": "$number-ordinal",
    "QUANTITY": "$number-quantity",
}

#: Words a reader sees in the legend for each label.
LABEL_NAMES: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "PLACE": "place",
    "GROUP": "group",
    "CARDINAL": "number",
    "MONEY": "money",
    "PERCENT": "percent",
    "DATE": "date",
    "TIME": "time",
    "ORDINAL": "ordinal",
    "QUANTITY": "quantity",
}

# Backgrounds; the text colour underneath (entity colours) stays visible.
SUMMARY_STYLE = "on $summary-sentence"
HIGHLIGHT_STYLE = "on $user-highlight"
SELECTION_STYLE = "on $user-highlight 50%"
CURSOR_STYLE = "on $sentence-cursor"

Range = tuple[int, int]

_WORD = re.compile(r"\S+")
_ROUGH_SENTENCE = re.compile(r"\S[^\n]*?(?:[.!?…]+[\"'”’)\]]*(?=\s|$)|$)", re.MULTILINE)


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def wrap(body: str, width: int) -> list[Range]:
    """Split ``body`` into display lines no wider than ``width`` cells.

    Lines break at spaces; a word wider than the line is folded. Newlines are hard breaks, so
    blank lines between paragraphs stay blank. Each line is a ``(start, end)`` range of ``body``
    without the spaces at the break.

    Args:
        body: The text.
        width: Line width in cells (at least 1).

    Returns:
        The lines in order; an empty body gives one empty line.
    """
    width = max(1, width)
    lines: list[Range] = []
    offset = 0
    for hard_line in body.split("\n"):
        end_of_hard = offset + len(hard_line)
        line_start: int | None = None
        line_end = offset
        used = 0
        for match in _WORD.finditer(hard_line):
            start, end = offset + match.start(), offset + match.end()
            word_width = _width(match.group())
            if line_start is not None and used + 1 + word_width <= width:
                used += 1 + word_width
                line_end = end
                continue
            if line_start is not None:
                lines.append((line_start, line_end))
            while word_width > width:  # fold a word longer than a line
                cut = _fold_point(body, start, end, width)
                lines.append((start, cut))
                start = cut
                word_width = _width(body[start:end])
            line_start, line_end, used = start, end, word_width
        lines.append((line_start, line_end) if line_start is not None else (offset, offset))
        offset = end_of_hard + 1
    return lines


def _fold_point(body: str, start: int, end: int, width: int) -> int:
    used = 0
    for index in range(start, end):
        used += _width(body[index])
        if used > width:
            return max(index, start + 1)
    return end


def rough_sentences(body: str) -> tuple[Range, ...]:
    """Sentence ranges by a simple punctuation rule, used until the real analysis arrives."""
    return tuple((m.start(), m.end()) for m in _ROUGH_SENTENCE.finditer(body) if m.group().strip())


def index_at(ranges: Sequence[Range], offset: int) -> int | None:
    """Index of the range that contains ``offset``, else of the last one starting before it."""
    starts = [start for start, _ in ranges]
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return 0 if ranges else None
    return index


def first_from(ranges: Sequence[Range], offset: int) -> int | None:
    """Index of the first range starting at or after ``offset`` (else the last range)."""
    starts = [start for start, _ in ranges]
    index = bisect_left(starts, offset)
    if not ranges:
        return None
    return min(index, len(ranges) - 1)


def annotation_at(annotations: Iterable[Annotation], start: int, end: int) -> Annotation | None:
    """The first (non-orphaned) highlight overlapping ``start:end``."""
    for annotation in annotations:
        if not annotation.orphaned and annotation.start < end and start < annotation.end:
            return annotation
    return None


def text_spans(
    analysis: Analysis | None,
    annotations: Iterable[Annotation],
    summary: Summary | None,
    *,
    colour: bool = True,
) -> list[Span]:
    """Spans for the ArticleText, in drawing order (later spans win where styles conflict).

    Args:
        analysis: Entities and numbers to colour, if known yet.
        annotations: The reader's highlights (orphaned ones have no place in the text).
        summary: The summary whose sentences are subtly marked.
        colour: Whether entities and numbers are coloured.

    Returns:
        Summary marks, then entity and number colours, then user highlights.
    """
    spans: list[Span] = []
    if summary is not None:
        spans.extend(Span(s.start, s.end, SUMMARY_STYLE) for s in summary.sentences)
    if analysis is not None and colour:
        for item in sorted((*analysis.numbers, *analysis.entities), key=lambda s: s.start):
            style = LABEL_STYLES.get(str(item.label))
            if style is not None:
                spans.append(Span(item.start, item.end, style))
    spans.extend(Span(a.start, a.end, HIGHLIGHT_STYLE) for a in annotations if not a.orphaned)
    return spans


def spans_by_line(lines: Sequence[Range], spans: Iterable[Span]) -> list[list[Span]]:
    """Clip ``spans`` to each display line, with offsets relative to the line start.

    Spans keep their order within a line, so the drawing order of :func:`text_spans` holds.
    """
    starts = [start for start, _ in lines]
    by_line: list[list[Span]] = [[] for _ in lines]
    for span in spans:
        index = max(0, bisect_right(starts, span.start) - 1)
        while index < len(lines) and lines[index][0] < span.end:
            line_start, line_end = lines[index]
            start, end = max(span.start, line_start), min(span.end, line_end)
            if start < end:
                by_line[index].append(Span(start - line_start, end - line_start, span.style))
            index += 1
    return by_line


def changed_runs(old: Sequence[object], new: Sequence[object]) -> list[Range]:
    """The runs ``(first, end)`` of indexes where ``old`` and ``new`` (of equal length) differ."""
    runs: list[Range] = []
    for index, (before, after) in enumerate(zip(old, new, strict=True)):
        if before == after:
            continue
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def scroll_target(
    first: int, last: int, *, top: int, height: int, downward: bool, centre: bool = False
) -> int | None:
    """Where to scroll so display lines ``first..last`` are seen, or None when they already are.

    Moving down, the lines come in at the bottom with a little context below; moving up (or when
    they do not fit), the first line goes near the top. ``centre`` puts them a third of the way
    down, for jumps to somewhere far away.
    """
    height = max(1, height)
    if top <= first and last < top + height and not centre:
        return None
    context = min(2, height // 4)
    if centre:
        target = first - height // 3
    elif downward and last - first < height - context:
        target = last - height + 1 + context
    else:
        target = first - context
    return max(0, target)


def clip(span: Range | None, line: Range) -> Range | None:
    """``span`` clipped to ``line``, relative to the line start; None when they do not meet."""
    if span is None:
        return None
    start, end = max(span[0], line[0]), min(span[1], line[1])
    if start >= end:
        return None
    return start - line[0], end - line[0]


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"
