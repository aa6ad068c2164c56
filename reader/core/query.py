"""The search box syntax: words, ``"quoted phrases"``, ``-word``, ``OR`` and a few ``key:value`` filters.

=====================  =================================================================
``word``               articles containing a word starting with "word" (title, body, notes)
``"exact phrase"``     articles containing the phrase
``-word``              articles without what ``word`` finds; also ``NOT word``, ``-"a phrase"``
``fire OR flood``      articles with either; binds tighter than the words around it, so
                       ``fire OR flood harbour`` is (fire or flood) and harbour
``is:inbox``           also ``is:later``, ``is:archive``, ``is:starred``, ``is:unstarred``,
                       ``is:unread``, ``is:read``
``tag:name``           articles with that tag; repeat to require several tags
``source:name``        source contains "name", any case; ``source:"The Harbour Times"``
``has:notes``          articles with a note or a highlight; ``-has:notes`` (or ``NOT has:notes``)
                       for none
=====================  =================================================================

``OR``, ``NOT`` and ``AND`` are operators only in capitals (``AND`` is what words do anyway); in
lower case or quoted they are searched as words. A token counts as a filter when it looks like
``letters:value``; a value starting with ``/`` is not a filter value, so ``https://example.com``
is searched as words. This module is pure: it knows nothing about how the query is run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NoReturn

from reader.core.errors import QueryError
from reader.core.models import ArticleQuery, SearchTerm, TriageState

_TOKEN = re.compile(
    r"""
    (?P<minus>-)?"(?P<phrase>[^"]*)(?P<closed>")?               # "a phrase", -"a phrase"
  | (?P<key>-?[A-Za-z]+):"(?P<quoted>[^"]*)(?P<quote_closed>")?   # key:"a quoted value"
  | (?P<bare>[^\s"]+)                         # anything else up to white space or a quote
    """,
    re.VERBOSE,
)
_FILTER = re.compile(r"(?P<key>-?[A-Za-z]+):(?P<value>[^/].*)", re.DOTALL)
_KEYS = ("is", "tag", "source", "has")
_IS_VALUES = ("inbox", "later", "archive", "starred", "unstarred", "read", "unread")
_SPACES = re.compile(r"\s+")


@dataclass
class _Words:
    """The free-text part of a query, as it is read left to right."""

    finished: bool  # see parse_query
    groups: list[list[SearchTerm]] = field(default_factory=list)  # each: "at least one of"
    excluded: list[SearchTerm] = field(default_factory=list)
    negate_next: bool = False  # after NOT
    join_next: bool = False  # after OR
    last: str = ""  # what came before: "term", "excluded", "filter" or "" (nothing yet)

    def term(self, term: SearchTerm, *, negated: bool) -> None:
        if negated or self.negate_next:
            if self.join_next:
                _refuse_or(f"an excluded word ({_shown(term)})")
            self.excluded.append(term)
            self.last = "excluded"
        elif self.join_next and self.last == "term":
            self.groups[-1].append(term)
        else:
            self.groups.append([term])
            self.last = "term"
        self.negate_next = self.join_next = False

    def skip(self) -> None:
        """An empty phrase: nothing to search for, and the operator before it is used up."""
        self.negate_next = self.join_next = False

    def operator(self, name: str) -> None:
        if name == "NOT":
            self.negate_next = True  # "fire OR NOT x" is refused when x comes
        elif name == "OR":
            if self.negate_next:
                raise QueryError("NOT needs a word or phrase after it, not OR")
            if self.last == "filter":
                _refuse_or("a filter")
            if self.last == "excluded":
                _refuse_or(f"an excluded word ({_shown(self.excluded[-1])})")
            if self.last == "" and self.finished:
                raise QueryError("OR needs a word or phrase on each side")
            self.join_next = self.last == "term"
        # AND: the words of a search are all required anyway.

    def filter(self) -> None:
        if self.join_next:
            _refuse_or("a filter")
        self.negate_next = False
        self.last = "filter"

    def finish(self) -> None:
        if self.finished and self.join_next:
            raise QueryError("OR needs a word or phrase on each side")
        if self.finished and self.negate_next:
            raise QueryError("NOT needs a word or phrase after it")


def parse_query(text: str, *, finished: bool = False) -> ArticleQuery:
    """Parse what the reader typed into an :class:`ArticleQuery`.

    Words go to ``ArticleQuery.text`` (joined by spaces), quoted phrases to ``phrases``, OR groups
    to ``any_of`` and ``-word`` / ``NOT word`` to ``excluded``.

    Args:
        text: the query.
        finished: True when ``text`` is a whole query (the command line). A query still being typed
            (the search box) is read as far as it goes: an unterminated quote runs to the end of
            the text and a trailing ``OR`` or ``NOT`` waits for its word; in a finished query
            both are errors.

    Raises:
        QueryError: an unknown filter or value, two filters that contradict each other
            (``is:inbox is:later``), ``OR`` next to a filter or an excluded word, and, in a finished
            query, an unterminated quote or a trailing operator.

    For example ``budget "city council" is:later tag:Politics -harbour`` gives text ``budget``,
    phrases ``("city council",)``, state LATER, tags ``("Politics",)`` and excluded ``harbour``.
    Tags and sources are kept as typed; storage normalises them when it runs the query.
    """
    query = ArticleQuery()
    words = _Words(finished)
    for match in _TOKEN.finditer(text):
        if match["phrase"] is not None:
            if finished and match["closed"] is None:
                _unclosed(match[0])
            phrase = _SPACES.sub(" ", match["phrase"]).strip()
            if phrase:
                words.term(SearchTerm(phrase, phrase=True), negated=match["minus"] is not None)
            else:
                words.skip()
        elif match["key"] is not None:
            if finished and match["quote_closed"] is None:
                _unclosed(match[0])
            query = _apply(query, _negated(match["key"], words), match["quoted"])
            words.filter()
        else:
            query = _bare(query, match["bare"], words)
    words.finish()
    return _with_words(query, words)


def _bare(query: ArticleQuery, bare: str, words: _Words) -> ArticleQuery:
    """``query`` with a token that is neither a phrase nor a ``key:"quoted"`` filter."""
    if bare in ("OR", "NOT", "AND"):
        words.operator(bare)
        return query
    found = _FILTER.fullmatch(bare)
    if found is not None:
        query = _apply(query, _negated(found["key"], words), found["value"])
        words.filter()
    elif bare.startswith("-") and len(bare) > 1:
        words.term(SearchTerm(bare[1:]), negated=True)
    else:
        words.term(SearchTerm(bare), negated=False)
    return query


def _negated(key: str, words: _Words) -> str:
    # NOT has:notes means -has:notes.
    return f"-{key}" if words.negate_next and not key.startswith("-") else key


def _with_words(query: ArticleQuery, words: _Words) -> ArticleQuery:
    singles = [group[0] for group in words.groups if len(group) == 1]
    return replace(
        query,
        text=" ".join(term.text for term in singles if not term.phrase),
        phrases=tuple(term.text for term in singles if term.phrase),
        any_of=tuple(tuple(group) for group in words.groups if len(group) > 1),
        excluded=tuple(words.excluded),
    )


def _shown(excluded: SearchTerm) -> str:
    return f'-"{excluded.text}"' if excluded.phrase else f"-{excluded.text}"


def _refuse_or(what: str) -> NoReturn:
    raise QueryError(f"OR joins words and phrases, not {what}; e.g. fire OR flood -harbour")


def _unclosed(token: str) -> NoReturn:
    raise QueryError(f'unclosed quote in {token}; add the closing "')


def _apply(query: ArticleQuery, key: str, raw_value: str) -> ArticleQuery:
    """Return ``query`` narrowed by the filter ``key:raw_value``."""
    name = key.lower()
    if name not in (*_KEYS, "-has"):
        if name.startswith("-") and name[1:] in _KEYS:
            raise QueryError(f"'{key}:' is not supported; only has:notes can be negated")
        raise QueryError(f"unknown filter '{key}:'; use is:, tag:, source:, has:")
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
        raise QueryError(f"unknown value '{value}' for has:; use has:notes")
    has_notes = name == "has"
    if query.has_notes is not None and query.has_notes != has_notes:
        _conflict("has:notes", "-has:notes")
    return replace(query, has_notes=has_notes)


def _apply_is(query: ArticleQuery, value: str) -> ArticleQuery:
    if value not in _IS_VALUES:
        raise QueryError(f"unknown value '{value}' for is:; use {', '.join(_IS_VALUES)}")
    if value in ("starred", "unstarred"):
        starred = value == "starred"
        if query.starred is not None and query.starred != starred:
            _conflict("is:starred", "is:unstarred")
        return replace(query, starred=starred)
    if value in ("read", "unread"):
        read = value == "read"
        if query.read is not None and query.read != read:
            _conflict("is:read", "is:unread")
        return replace(query, read=read)
    state = TriageState(value)
    if query.state is not None and query.state != state:
        _conflict(f"is:{query.state.value}", f"is:{value}")
    return replace(query, state=state)


def _conflict(first: str, second: str) -> NoReturn:
    raise QueryError(f"conflicting filters {first} and {second}; no article can match both")
