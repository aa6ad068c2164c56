"""The search box syntax: words, ``"quoted phrases"`` and a few ``key:value`` filters.

=====================  =================================================================
``word``               articles containing a word starting with "word" (title, body, notes)
``"exact phrase"``     articles containing the phrase
``is:inbox``           also ``is:later``, ``is:archive``, ``is:starred``, ``is:unstarred``
``tag:name``           articles with that tag; repeat to require several tags
``source:name``        source contains "name", any case; ``source:"The Harbour Times"``
``has:notes``          articles with a note or a highlight; ``-has:notes`` for none
=====================  =================================================================

A token counts as a filter when it looks like ``letters:value``; a value starting with ``/`` is not
a filter value, so ``https://example.com`` is searched as words. This module is pure: it knows
nothing about how the query is run.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NoReturn

from reader.core.errors import UsageError
from reader.core.models import ArticleQuery, TriageState

_TOKEN = re.compile(
    r"""
    "(?P<phrase>[^"]*)"?                        # "a phrase" (closing quote optional while typing)
  | (?P<key>-?[A-Za-z]+):"(?P<quoted>[^"]*)"?   # key:"a quoted value"
  | (?P<bare>[^\s"]+)                           # anything else up to white space or a quote
    """,
    re.VERBOSE,
)
_FILTER = re.compile(r"(?P<key>-?[A-Za-z]+):(?P<value>[^/].*)", re.DOTALL)
_KEYS = ("is", "tag", "source", "has")
_IS_VALUES = ("inbox", "later", "archive", "starred", "unstarred")
_SPACES = re.compile(r"\s+")


def parse_query(text: str) -> ArticleQuery:
    """Parse what the reader typed into an :class:`ArticleQuery`.

    Words go to ``ArticleQuery.text`` (joined by spaces), quoted phrases to ``phrases``. An
    unterminated quote runs to the end of the text, so a half-typed query still parses.

    Raises:
        UsageError: an unknown filter or value, or two filters that contradict each other
            (``is:inbox is:later``).

    For example ``budget "city council" is:later tag:Politics`` gives text ``budget``, phrases
    ``("city council",)``, state LATER and tags ``("Politics",)``. Tags and sources are kept as
    typed; storage normalises them when it runs the query.
    """
    query = ArticleQuery()
    words: list[str] = []
    phrases: list[str] = []
    for match in _TOKEN.finditer(text):
        if match["phrase"] is not None:
            phrase = _SPACES.sub(" ", match["phrase"]).strip()
            if phrase:
                phrases.append(phrase)
        elif match["key"] is not None:
            query = _apply(query, match["key"], match["quoted"])
        else:
            bare = match["bare"]
            found = _FILTER.fullmatch(bare)
            if found is None:
                words.append(bare)
            else:
                query = _apply(query, found["key"], found["value"])
    return replace(query, text=" ".join(words), phrases=tuple(phrases))


def _apply(query: ArticleQuery, key: str, raw_value: str) -> ArticleQuery:
    """Return ``query`` narrowed by the filter ``key:raw_value``."""
    name = key.lower()
    if name not in (*_KEYS, "-has"):
        if name.startswith("-") and name[1:] in _KEYS:
            raise UsageError(f"'{key}:' is not supported; only has:notes can be negated")
        raise UsageError(f"unknown filter '{key}:'; use is:, tag:, source:, has:")
    value = _SPACES.sub(" ", raw_value).strip()
    if not value:
        return query  # key:"" narrows nothing
    if name == "is":
        return _apply_is(query, value.lower())
    if name == "tag":
        return replace(query, tags=(*query.tags, value))
    if name == "source":
        if query.source is not None and query.source != value:
            _conflict(f'source:"{query.source}"', f'source:"{value}"')
        return replace(query, source=value)
    if value.lower() != "notes":
        raise UsageError(f"unknown value '{value}' for has:; use has:notes")
    has_notes = name == "has"
    if query.has_notes is not None and query.has_notes != has_notes:
        _conflict("has:notes", "-has:notes")
    return replace(query, has_notes=has_notes)


def _apply_is(query: ArticleQuery, value: str) -> ArticleQuery:
    if value not in _IS_VALUES:
        raise UsageError(f"unknown value '{value}' for is:; use {', '.join(_IS_VALUES)}")
    if value in ("starred", "unstarred"):
        starred = value == "starred"
        if query.starred is not None and query.starred != starred:
            _conflict("is:starred", "is:unstarred")
        return replace(query, starred=starred)
    state = TriageState(value)
    if query.state is not None and query.state != state:
        _conflict(f"is:{query.state.value}", f"is:{value}")
    return replace(query, state=state)


def _conflict(first: str, second: str) -> NoReturn:
    raise UsageError(f"conflicting filters {first} and {second}; no article can match both")
