"""Feed entries → article drafts: entry HTML to paragraphs, and telling a teaser from a full text."""

from __future__ import annotations

import re

from reader.core.errors import IngestError
from reader.core.ingest.common import Extracted, finish
from reader.core.ingest.feeds.parse import FeedItem
from reader.core.ingest.htmlbody import render
from reader.core.ingest.htmltree import parse_html
from reader.core.models import ArticleDraft
from reader.core.text import clean_body, word_count

TEASER_WORDS = 150
"""A summary-only entry shorter than this is a teaser: the article itself is on the linked page."""

_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\W*$")
# A last line such as "Read more »", "Continue reading →" or WordPress's "The post … appeared first on …".
_MORE_LINE = re.compile(
    r"^\W*(?:read more|read the (?:full|whole|rest)|continue reading|keep reading|more\W*$)"
    r"|\bappeared first on\b",
    re.I,
)
_MORE_LINE_MAX_WORDS = 20


def entry_text(item: FeedItem) -> str:
    """The entry's text as clean paragraphs (HTML rendered the way local pages are)."""
    if not item.is_html:
        return clean_body(item.content)
    paragraphs = render(parse_html(item.content))
    return clean_body("\n\n".join(paragraphs))


def is_teaser(item: FeedItem, text: str) -> bool:
    """Whether the entry carries only a teaser of its article.

    A summary-only entry of fewer than :data:`TEASER_WORDS` words is one, and so is any entry that
    ends the way teasers do ("…", "[...]", "Read more", "Continue reading").
    """
    if not text:
        return True
    last_line = text.rstrip().rsplit("\n", 1)[-1]
    if _ELLIPSIS_END.search(last_line):
        return True
    if len(last_line.split()) <= _MORE_LINE_MAX_WORDS and _MORE_LINE.search(last_line):
        return True
    return not item.full_content and word_count(text) < TEASER_WORDS


def entry_draft(item: FeedItem, *, text: str, feed_title: str | None, label: str) -> ArticleDraft:
    """Build the draft of a feed entry from its rendered ``text``.

    Args:
        item: the entry.
        text: :func:`entry_text` of the entry.
        feed_title: becomes the article's source.
        label: how to name the feed in messages.

    Raises:
        IngestError: when the entry has no text.
    """
    name = item.link or f"{label} entry {item.title or item.entry_id}"
    if not text.strip():
        raise IngestError(f"{label}: entry {_entry_name(item)} has no text")
    extracted = Extracted(
        body=text,
        title=item.title,
        source=feed_title,
        author=item.author,
        url=item.link,
        published=item.published,
        updated=item.updated if item.updated != item.published else None,
        tags=item.tags,
    )
    return finish(extracted, name=name, origin=item.link or label)


def _entry_name(item: FeedItem) -> str:
    return f"“{item.title}”" if item.title else item.entry_id
