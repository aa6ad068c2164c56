"""What the user asked to import: files and folders, web addresses, or standard input.

The one rule both the command line and the reader follow: ``-`` is standard input; text of the shape
``scheme://…`` is an address (the fetcher then takes ``http``/``https`` and refuses any other scheme
with a one-line reason, rather than looking for a file called ``ftp:``); anything else is a path,
``~`` expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class Inputs:
    """Import sources sorted by kind, each kind in the order given.

    Attributes:
        paths: files and folders.
        addresses: web addresses, stripped of surrounding white space.
        stdin: whether ``-`` (standard input) was among them.
    """

    paths: tuple[Path, ...] = ()
    addresses: tuple[str, ...] = ()
    stdin: bool = False


def is_address(text: str) -> bool:
    """Whether ``text`` names a network address (``scheme://…``) rather than a path."""
    return bool(_ADDRESS.match(text.strip()))


def sort_inputs(texts: Iterable[str]) -> Inputs:
    """Sort what the user typed or passed into paths, addresses and standard input."""
    paths: list[Path] = []
    addresses: list[str] = []
    stdin = False
    for text in texts:
        if text == STDIN:
            stdin = True
        elif is_address(text):
            addresses.append(text.strip())
        else:
            paths.append(Path(text).expanduser())
    return Inputs(tuple(paths), tuple(addresses), stdin)
