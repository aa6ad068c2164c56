"""Where each article's file goes in an export folder: its name, and a file renamed since."""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from reader.core.errors import UsageError
from reader.core.export.files import MAX_SLUG_BYTES, skim_id_of, slugify
from reader.core.models import Article
from reader.core.records import ExportRecord

_SUFFIXES = (".md", ".markdown")


def sanitise_name(text: str) -> str:
    """A file name (without ``.md``) from the text a ``--filename`` template made.

    NFC, one line, letters of every script and case kept; characters Windows, macOS or Linux refuse
    (``<>:"/\\|?*``, controls), trailing dots and spaces and reserved names (``CON``) are dealt
    with by ``pathvalidate``; invisible format characters and leading dots (a hidden file) are
    removed; at most ``MAX_SLUG_BYTES`` bytes of UTF-8, cut between characters.
    Returns "" when nothing is left.
    """
    from pathvalidate import sanitize_filename  # only exports that name files by template

    name = unicodedata.normalize("NFC", " ".join(text.split()))
    # Invisible controls and format characters (a right-to-left override can disguise a name).
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf"))
    for suffix in _SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    # A leading dot hides the file (and import-notes skips hidden files); ".." is no name.
    name = " ".join(sanitize_filename(name, platform="universal").split()).lstrip(". ")
    cut = len(name)
    while len(name[:cut].encode()) > MAX_SLUG_BYTES or (
        0 < cut < len(name) and unicodedata.category(name[cut])[0] == "M"
    ):
        cut -= 1  # a letter is not cut from its accents
    return str(sanitize_filename(name[:cut].rstrip(), platform="universal"))


def moved(record: ExportRecord, path: Path) -> ExportRecord:
    """``record`` for the file it describes, found at ``path`` after a rename."""
    return dataclasses.replace(record, path=str(path), directory=str(path.parent))


def renamed_exports(directory: Path, recorded: set[str]) -> dict[int, str]:
    """``{skim_id: file name}`` of the Markdown files in ``directory`` that skim has no record of.

    An id carried by two such files is left out: which one is the export cannot be told.
    """
    found: dict[int, str | None] = {}
    for path in sorted(directory.glob("*.md")):
        if str(path) in recorded:
            continue
        article_id = skim_id_of(path)
        if article_id is not None:
            found[article_id] = None if article_id in found else path.name
    return {article_id: name for article_id, name in found.items() if name is not None}


def file_name(
    article: Article,
    directory: Path,
    record: ExportRecord | None,
    owners: Mapping[str, int | None],
    claimed: set[str],
    stem: str = "",
) -> str:
    """The article's file name in ``directory``: the one it had, else a free name.

    The name is ``stem`` (from a ``--filename`` template) or a slug of the title. It is free unless
    this export already gave it out (``claimed``: names in ``str.casefold`` form, as macOS and
    Windows compare them), a record gives it to another article (``owners``: casefolded file name
    → article id, None for a combined file), or a file skim has no record of sits there. Then
    ``<name>-<id>.md`` is tried, and so on.
    """
    if record is not None:
        return Path(record.path).name
    base = stem or slugify(article.title) or f"article-{article.id}"
    candidates = itertools.chain(
        [f"{base}.md", f"{base}-{article.id}.md"],
        (f"{base}-{article.id}-{n}.md" for n in range(2, 1000)),
    )
    for name in candidates:
        folded = name.casefold()
        if folded in claimed or owners.get(folded, article.id) != article.id:
            continue
        # A file skim has no record of is taken only if it is this article's own export (from a
        # library whose records were lost); even then, the write will not overwrite it unforced.
        foreign = folded not in owners and (directory / name).exists()
        if foreign and skim_id_of(directory / name) != article.id:
            continue
        return name
    raise UsageError(f"no free file name for article {article.id} in {directory}")


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) for an export.

    Raises:
        UsageError: it is a file, or cannot be created.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(
            f"{folder} is a file; give a folder, or a file name ending in .md"
        ) from None
    except OSError as error:
        raise UsageError(f"cannot create the folder {folder}: {error.strerror}") from None
