"""Omnivore's and Readwise's names for skim's template variables, so their templates run as written.

Omnivore's Obsidian templates are Mustache, like skim's: with these names they run unchanged.
Readwise's are Jinja; the names are here, but ``{% for %}``/``{% if %}`` must become ``{{#…}}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: ``alias → skim's name`` for the article's variables.
ARTICLE_ALIASES: Mapping[str, str] = {
    # Omnivore
    "originalUrl": "url",
    "omnivoreUrl": "url",  # skim has no web page of its own: the article's address
    "siteName": "source",
    "dateSaved": "added",
    "datePublished": "published",
    "labels": "tags",
    "highlights": "annotations",
    "content": "body",
    "wordsCount": "words",
    "readLength": "reading_minutes",
    # Readwise
    "full_title": "title",
    "source_url": "url",
    "document_tags": "hashtags",
    "document_note": "note",
    "date": "exported",
}

#: ``alias → skim's name`` for the variables of each highlight.
HIGHLIGHT_ALIASES: Mapping[str, str] = {
    # Omnivore
    "text": "quote",
    "highlightUrl": "text_fragment_url",
    "dateHighlighted": "created",
    "labels": "tags",
    "positionPercent": "position_percent",
    # Readwise
    "highlight_id": "id",
    "highlight_text": "quote",
    "highlight_note": "note",
    "highlight_tags": "hashtags",
    "highlight_location": "position_percent",
    "highlight_location_url": "text_fragment_url",
    "highlight_url": "text_fragment_url",
    "highlighted_at": "created",
}

#: The aliases of the article (key "") and of the items of its lists.
ALIASES: Mapping[str, Mapping[str, str]] = {"": ARTICLE_ALIASES, "annotations": HIGHLIGHT_ALIASES}


def _alias(values: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    found = dict(values)
    for alias, name in names.items():
        if name in values and alias not in values:
            found[alias] = values[name]
    return found


def with_aliases(
    values: Mapping[str, Any], aliases: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """``values`` (a template's variables or their schema) with the alias names added.

    The items of a list (or the schema of its items) get their aliases first, so an alias of the
    list (``highlights``) sees them too.
    """
    found = dict(values)
    for key, names in aliases.items():
        if not key or key not in found:
            continue
        inner = found[key]
        if isinstance(inner, Mapping):
            found[key] = _alias(inner, names)
        elif isinstance(inner, list):
            found[key] = [_alias(item, names) for item in inner]
    return _alias(found, aliases.get("", {}))
