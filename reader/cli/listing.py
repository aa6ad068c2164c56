"""``skim list``: the filters and ``--search`` turned into one query, rows or JSON, and an empty
result that says which filters left nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, NoReturn

from reader.cli.arguments import SORTS, STATES, positive_int
from reader.cli.output import INFERRED_LEGEND, article_day, info, print_json, safe

if TYPE_CHECKING:
    from reader.core import ArticleMeta, ArticleQuery, Library

#: How an empty list names the state it looked in.
_WHERE = {
    "inbox": "in the inbox",
    "later": "saved for later",
    "archive": "in the archive",
}


def add_list_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``list`` to the ``skim`` subcommands."""
    lst = commands.add_parser("list", help="list articles")
    lst.add_argument("--state", choices=STATES)
    lst.add_argument("--starred", action="store_true", help="only starred articles")
    reading = lst.add_mutually_exclusive_group()
    reading.add_argument("--unread", action="store_true", help="only articles not opened yet")
    reading.add_argument("--read", action="store_true", help="only articles already opened")
    lst.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only articles tagged T (repeatable)",
    )
    lst.add_argument(
        "--search",
        metavar="QUERY",
        help='words, "phrases", -word, a OR b, is:later, is:unread, tag:x, source:x, has:notes',
    )
    lst.add_argument("--sort", choices=SORTS, default="added")
    lst.add_argument("--limit", type=positive_int, metavar="N")
    lst.add_argument("--json", action="store_true", help="print a JSON array")


def list_query(args: argparse.Namespace) -> ArticleQuery:
    """The query of ``skim list``: ``--state``, ``--starred``, ``--read``/``--unread`` and ``--tag``
    narrow ``--search``.

    Raises:
        QueryError: the search cannot be read, or contradicts an option (``--state archive``
            with ``is:later``).
    """
    from dataclasses import replace

    from reader.core import ArticleQuery, TriageState, parse_query

    query = parse_query(args.search, finished=True) if args.search else ArticleQuery()
    if args.state:
        state = TriageState(args.state)
        if query.state not in (None, state):
            _conflict(f"--state {state.value}", f"is:{query.state.value}")
        query = replace(query, state=state)
    if args.starred:
        if query.starred is False:
            _conflict("--starred", "is:unstarred")
        query = replace(query, starred=True)
    if args.unread or args.read:
        read = bool(args.read)
        if query.read not in (None, read):
            _conflict("--read" if read else "--unread", "is:unread" if read else "is:read")
        query = replace(query, read=read)
    return replace(query, tags=(*query.tags, *args.tag))


def _conflict(option: str, search_filter: str) -> NoReturn:
    from reader.core import QueryError

    raise QueryError(f"conflicting filters {option} and {search_filter}; no article can match both")


def list_articles(library: Library, args: argparse.Namespace) -> int:
    """``skim list``: a table on a terminal, or ``--json``."""
    from reader.core import meta_to_dict

    query = list_query(args)
    metas = library.articles.find(
        query,
        sort=args.sort,
        descending=args.sort in ("added", "published"),
        limit=args.limit,
    )
    if args.json:
        print_json([meta_to_dict(m) for m in metas])
        return 0
    if not metas:
        info(args, nothing_listed(query, args.search, library.articles.count()))
        return 0
    for meta in metas:
        print(_list_row(meta))
    if any(meta.day_inferred for meta in metas):
        info(args, INFERRED_LEGEND)
    return 0


def nothing_listed(query: ArticleQuery, search: str | None, library_size: int) -> str:
    """What an empty ``skim list`` says: import something only when the library is empty."""
    if library_size == 0:
        return "No articles. Import some with `skim add PATH` or `skim add --samples`."
    starred = {True: "starred ", False: "unstarred ", None: ""}[query.starred]
    read = {True: "read ", False: "unread ", None: ""}[query.read]
    parts = [f"No {read}{starred}articles"]
    if query.state is not None:
        parts.append(_WHERE[query.state.value])
    if query.tags:
        parts.append("tagged " + ", ".join(safe(tag) for tag in query.tags))
    if search:
        parts.append(f"match the search {safe(search)!r}")
    count = f"{library_size} article{'s' if library_size != 1 else ''}"
    return f"{' '.join(parts)} (of {count} in the library)."


def _list_row(meta: ArticleMeta) -> str:
    from reader.core import reading_minutes

    star = "*" if meta.starred else " "
    # "2024-12-28", "~2024-12-27" when inferred from the text, "undated": never the import day.
    date = article_day(meta).lstrip()
    source = safe(meta.source or "")[:20]
    minutes = f"{reading_minutes(meta.words)}m"
    notes = f"{meta.notes}n" if meta.notes else ""
    title = safe(meta.title)
    return f"{meta.id:>5} {star} {meta.state.value:<7} {date:<11} {source:<20} {minutes:>4} {notes:>3}  {title}"
