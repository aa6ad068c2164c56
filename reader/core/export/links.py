"""Stable ids and deep links of exported highlights: uuid5 block ids and text-fragment URLs."""

from __future__ import annotations

import uuid
from datetime import datetime
from urllib.parse import quote

from reader.core.models import Annotation, Article

#: The uuid5 namespace of skim's ids (a fixed random uuid: ids never change between versions).
NAMESPACE = uuid.UUID("84a6831f-36a7-4251-a30d-be76be85049b")
#: A quote longer than this many words is linked by its first and last words (``start,end``).
_WORDS_IN_FULL = 10
_WORDS_AT_EACH_END = 5


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def annotation_uuid(annotation: Annotation) -> str:
    """A uuid5 for a highlight, the same at every export (Logseq's ``id::``).

    Made from its id and creation time, which never change, so two libraries' highlight 5 differ.
    """
    return str(uuid.uuid5(NAMESPACE, f"annotation/{annotation.id}/{_stamp(annotation.created)}"))


def article_uuid(article: Article) -> str:
    """A uuid5 for an article, the same at every export (made from its id and when it was added)."""
    return str(uuid.uuid5(NAMESPACE, f"article/{article.id}/{_stamp(article.added)}"))


def _fragment_part(text: str) -> str:
    # The spec reserves "-", "," and "&" inside a directive: they must be percent-encoded too.
    return quote(text, safe="").replace("-", "%2D")


def text_fragment_url(url: str, quote_text: str) -> str:
    """``url#:~:text=…``: a link that opens the page at the quote (URL Fragment Text Directives).

    A short quote is given whole; a long one (or one across paragraphs) by its first and last words
    (``text=start,end``). Any fragment ``url`` had is replaced. Returns "" without a URL or quote.
    """
    words = quote_text.split()
    if not url or not words:
        return ""
    paragraphs = [p.split() for p in quote_text.split("\n") if p.strip()]
    base = url.split("#", 1)[0]
    if len(paragraphs) == 1 and len(words) <= _WORDS_IN_FULL:
        return f"{base}#:~:text={_fragment_part(' '.join(words))}"
    start = " ".join(paragraphs[0][:_WORDS_AT_EACH_END])
    end = " ".join(paragraphs[-1][-_WORDS_AT_EACH_END:])
    return f"{base}#:~:text={_fragment_part(start)},{_fragment_part(end)}"


def position_percent(annotation: Annotation, article: Article) -> int:
    """Where the highlight starts in the article, in whole percent (0–100)."""
    if not article.body:
        return 0
    return max(0, min(100, round(100 * annotation.start / len(article.body))))
