"""Build sumy's document model from our own sentence spans.

sumy's parsers find sentences themselves; building the ``ObjectDocumentModel`` from spans we
already have keeps every sentence sumy rates tied to exact offsets in the text. Headings (a
Markdown ``#`` line, or a short line of its own without final punctuation: a title, a section
heading, a dateline) become sumy headings: Edmundson's title and location methods read their
words, and no summariser offers them as summary sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.analysis.summary.tokenizer import NewsTokenizer

_HEADING_MAX_WORDS = 15
_FINAL_PUNCTUATION = re.compile(r"[.?!…:;,][\"'”’»)\]*_]*$")
_LIST_ITEM = re.compile(r"(?:[-*+•–]|\(?\d{1,3}[.)])\s")


@dataclass(frozen=True, slots=True)
class SumyDocument:
    """A sumy document and, for each of its ``sentences``, the index of our span.

    Attributes:
        document: the ``sumy.models.dom.ObjectDocumentModel``.
        span_indices: ``span_indices[i]`` is the position in the span list of
            ``document.sentences[i]`` (headings are not among ``document.sentences``).
    """

    document: Any
    span_indices: tuple[int, ...]


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a heading rather than prose."""
    sentence = text[start:end]
    if sentence.startswith("#"):
        return True
    own_line = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    return (
        own_line
        and not _FINAL_PUNCTUATION.search(sentence)
        and not _LIST_ITEM.match(sentence)
        and len(sentence.split()) <= _HEADING_MAX_WORDS
    )


def build_document(text: str, spans: Sequence[tuple[int, int]], title: str = "") -> SumyDocument:
    """Group ``spans`` into sumy paragraphs (split at blank lines) and sentences.

    A paragraph made only of headings is joined to the next one, so a section heading sits at
    the top of its section, as sumy's own parsers arrange it, and Edmundson's location method
    counts prose paragraphs. ``title``, when given, is a heading at the top of the first one.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = NewsTokenizer()
    headings = [is_heading(text, start, end) for start, end in spans]
    if all(headings):  # a text of title-like lines only: treat them as sentences
        headings = [False] * len(spans)

    groups: list[list[int]] = []
    previous_end: int | None = None
    for index, (start, _end) in enumerate(spans):
        if previous_end is None or "\n\n" in text[previous_end:start]:
            groups.append([])
        groups[-1].append(index)
        previous_end = spans[index][1]

    paragraphs: list[list[Any]] = []
    span_indices: list[int] = []
    pending: list[Any] = [Sentence(title, tokenizer, is_heading=True)] if title.strip() else []
    for group in groups:
        pending.extend(
            Sentence(text[spans[i][0] : spans[i][1]], tokenizer, is_heading=headings[i])
            for i in group
        )
        prose = [i for i in group if not headings[i]]
        if prose:
            paragraphs.append(pending)
            span_indices.extend(prose)
            pending = []
    if pending:  # trailing headings belong to the last paragraph
        if paragraphs:
            paragraphs[-1].extend(pending)
        else:
            paragraphs.append(pending)
    document = ObjectDocumentModel([Paragraph(sentences) for sentences in paragraphs])
    return SumyDocument(document, tuple(span_indices))
