"""``skim delete``, ``skim undelete`` and ``skim tag``: the library's housekeeping from the shell."""

from __future__ import annotations

import argparse

from reader.core.errors import InvalidArgument
from reader.core.library import Library
from reader.terminal import safe


def delete(library: Library, args: argparse.Namespace) -> int:
    """``skim delete ID…`` or ``skim delete --undo``."""
    if args.undo:
        if args.ids:
            raise InvalidArgument("give article ids or --undo, not both")
        ids = library.last_deleted()
        if not ids:
            print("Nothing to undo: no article is deleted.")
            return 0
        return _undelete(library, ids)
    if not args.ids:
        raise InvalidArgument("give the ids of the articles to delete (see skim list)")
    titles = [library.meta(article_id).title for article_id in args.ids]  # NotFound before a change
    library.delete(args.ids)
    for article_id, title in zip(args.ids, titles, strict=True):
        print(f"{article_id}\tdeleted\t{safe(title)}")
    print("Undo with: skim delete --undo")
    return 0


def undelete(library: Library, args: argparse.Namespace) -> int:
    """``skim undelete ID…``."""
    return _undelete(library, args.ids)


def _undelete(library: Library, ids: list[int]) -> int:
    library.restore(ids)
    for article_id in dict.fromkeys(ids):
        print(f"{article_id}\trestored\t{safe(library.meta(article_id).title)}")
    return 0


def tag(library: Library, args: argparse.Namespace) -> int:
    """``skim tag ID… [+TAG] [-TAG]``: change tags, then print each article's tags."""
    ids, add, remove = parse_tag_words(args.words)
    if add or remove:
        library.change_tags(ids, add=add, remove=remove)
    for article_id in ids:
        meta = library.meta(article_id)
        print(f"{meta.id}\t{safe(', '.join(meta.tags)) or '(no tags)'}\t{safe(meta.title)}")
    return 0


def parse_tag_words(words: list[str]) -> tuple[list[int], list[str], list[str]]:
    """Split ``12 14 +a -b`` into ids, tags to add and tags to remove.

    Raises:
        InvalidArgument: no id, an id after a tag, or a word that is neither.
    """
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
