"""``skim import-from omnivore|wallabag|readwise FILE``: another service's export, text and highlights
included, read without the network."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli.output import counted, info, result_line, safe

if TYPE_CHECKING:
    from reader.core import Library

SERVICES = ("omnivore", "wallabag", "readwise")
"""The exports that carry their articles' text (the other tools' exports are only links)."""


def import_service(library: Library, args: argparse.Namespace) -> int:
    """Import (or with ``--dry-run`` list) the entries of a service's export; 1 if any failed."""
    from pathlib import Path

    path = Path(args.file)
    if args.dry_run:
        entries = library.sources.preview_service(path, args.tool)
        for where, title, existing in entries:
            action = f"have {existing}" if existing is not None else "store"
            print(f"{action}\t{safe(where)}\t{safe(title)}")
        new = sum(1 for *_, existing in entries if existing is None)
        info(args, f"{new} to store, {len(entries) - new} already in the library")
        return 0
    result = library.sources.import_service(path, args.tool)
    created = there = failed = skipped = 0
    for outcome in result.outcomes:
        if outcome.skipped is not None:
            skipped += 1
            info(args, f"skim: {safe(outcome.skipped)}")
        elif outcome.error is not None:
            failed += 1
            print(f"skim: {safe(outcome.error)}", file=sys.stderr)
        elif outcome.result is not None:
            if outcome.result.created:
                created += 1
                print(result_line(outcome.result))
            else:
                there += 1
    in_note = (
        f" ({result.highlights_in_note} not found in the text, kept in the article note)"
        if result.highlights_in_note
        else ""
    )
    info(
        args,
        f"{created} imported, {there} already there, {skipped} skipped, {failed} failed; "
        f"{counted(result.highlights, 'highlight')} added{in_note}",
    )
    return 1 if failed else 0
