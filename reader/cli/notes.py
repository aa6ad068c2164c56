"""``skim note`` and ``skim tag``: highlights with notes, and tags, from the shell."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reader.cli.output import safe

if TYPE_CHECKING:
    from reader.core import Library


def add_note_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``note`` to the ``skim`` subcommands."""
    note_ = commands.add_parser("note", help="highlight a passage of an article, with a note")
    note_.add_argument("id", type=int)
    note_.add_argument(
        "--quote", required=True, metavar="TEXT", help="the passage, as it appears in the article"
    )
    note_.add_argument("--note", default="", metavar="TEXT")
    note_.add_argument("--tag", action="append", default=[], metavar="T")


def add_tag_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``tag`` to the ``skim`` subcommands."""
    tag_ = commands.add_parser(
        "tag",
        help="add (+tag) and remove (-tag) tags; with no change, print the tags",
        description="Tag articles: skim tag 12 14 +longread -todo. IDs come first; "
        "a tag with spaces goes in quotes ('+long read').",
    )
    # REMAINDER: "-todo" after the ids is a tag to remove, not an option.
    tag_.add_argument("words", nargs=argparse.REMAINDER, metavar="ID… [+TAG] [-TAG]")


def note(library: Library, args: argparse.Namespace) -> int:
    """``skim note ID --quote TEXT [--note TEXT] [--tag T]``."""
    annotation = library.annotations.add_quote(args.id, args.quote, note=args.note, tags=args.tag)
    print(f"{annotation.id}\t{safe(annotation.quote)}")
    return 0


def tag(library: Library, args: argparse.Namespace) -> int:
    """``skim tag ID… [+TAG] [-TAG]``: change tags, then print each article's tags."""
    ids, add, remove = parse_tag_words(args.words)
    if add or remove:
        library.articles.change_tags(ids, add=add, remove=remove)
    for article_id in ids:
        meta = library.articles.meta(article_id)
        print(f"{meta.id}\t{safe(', '.join(meta.tags)) or '(no tags)'}\t{safe(meta.title)}")
    return 0


def parse_tag_words(words: list[str]) -> tuple[list[int], list[str], list[str]]:
    """Split ``12 14 +a -b`` into ids, tags to add and tags to remove.

    Raises:
        InvalidArgument: no id, an id after a tag, or a word that is neither.
    """
    from reader.core import InvalidArgument

    ids: list[int] = []
    add: list[str] = []
    remove: list[str] = []
    for word in words:
        if word == "--":
            continue
        if word.isdigit() and not (add or remove):
            ids.append(int(word))
        elif word[:1] in "+-" and word[1:].strip():
            (add if word[0] == "+" else remove).append(word[1:])
        else:
            raise InvalidArgument(
                f"not an article id or a +tag/-tag: {safe(word)!r} (e.g. skim tag 12 +longread -todo)"
            )
    if not ids:
        raise InvalidArgument("give the ids of the articles first (e.g. skim tag 12 +longread)")
    return ids, add, remove
