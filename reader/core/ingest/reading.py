"""Entry points: read a file, bytes from stdin, or list the importable files under a directory."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from reader.core.errors import IngestError
from reader.core.ingest import decode
from reader.core.ingest.common import Extracted, finish, label_for
from reader.core.ingest.frontmatter import load_yaml
from reader.core.ingest.html import parse_html_article
from reader.core.ingest.markdown import parse_markdown
from reader.core.ingest.plaintext import parse_plaintext
from reader.core.models import ArticleDraft

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_KINDS = {
    "txt": "txt", "text": "txt", "md": "md", "markdown": "md", "html": "html", "htm": "html",
}  # fmt: skip
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|article|main|meta|title|div|section|p)\b",
    re.I | re.S,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+\S")
# Project files that often sit beside articles in a folder but are not articles themselves.
_NOT_ARTICLES = frozenset({"readme", "changelog", "license", "licence", "contributing", "copying"})


def read_path(path: Path) -> ArticleDraft:
    """Read one file into an :class:`ArticleDraft`; the format follows the file's suffix.

    Files with another suffix are sniffed like stdin.

    Args:
        path: the file; ``ArticleDraft.origin`` is this path as given.

    Raises:
        IngestError: when the file is missing, unreadable, too big, binary, empty, or holds no text.
    """
    label = label_for(str(path))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(f"{label}: is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(f"{label}: is not a regular file")
    except FileNotFoundError:
        raise IngestError(f"{label}: no such file") from None
    except PermissionError:
        raise IngestError(f"{label}: permission denied") from None
    except OSError as error:
        raise IngestError(f"{label}: cannot read the file ({error.strerror or error})") from None
    decode.check_size(info.st_size, label)
    data = decode.read_file(path, label)  # the file may have grown since stat(): _parse checks
    kind = _KINDS.get(path.suffix.lower().lstrip("."))
    return _parse(data, name=str(path), kind=kind)


def read_bytes(data: bytes, *, name: str, kind: str | None = None) -> ArticleDraft:
    """Turn raw bytes (a file's contents or stdin) into an :class:`ArticleDraft`.

    Args:
        data: the raw input.
        name: a file name (used for the fallback title and messages) or "-" for stdin; it becomes
            ``ArticleDraft.origin``.
        kind: "txt", "md" or "html"; ``None`` sniffs the format from the text.

    Raises:
        IngestError: for an unknown kind, or input that is too big, binary, empty or has no text.
    """
    if kind is not None and kind.lower().lstrip(".") not in _KINDS:
        raise IngestError(f"{label_for(name)}: unknown format {kind!r}; use txt, md or html")
    decode.check_size(len(data), label_for(name))
    return _parse(data, name=name, kind=None if kind is None else _KINDS[kind.lower().lstrip(".")])


def iter_directory(path: Path) -> Iterator[Path]:
    """Yield the files skim can import below ``path``, sorted, skipping hidden files and folders.

    Files with a supported suffix are listed, except project files such as ``README.md`` or
    ``LICENSE.txt`` (a folder of articles often has one). Symbolic links to folders are not
    followed, so a link loop cannot make this run forever. The folder is checked, and listed,
    when this is called, not when the iterator is first used.

    Raises:
        IngestError: when ``path`` is not a directory.
    """
    label = label_for(str(path))
    if not path.is_dir():
        raise IngestError(
            f"{label}: no such directory" if not path.exists() else f"{label}: is not a directory"
        )
    found: list[Path] = []
    for folder, subfolders, files in os.walk(path):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            candidate = Path(folder, name)
            if (
                not name.startswith(".")
                and candidate.suffix.lower() in SUPPORTED_SUFFIXES
                and candidate.stem.lower() not in _NOT_ARTICLES
                and candidate.is_file()
            ):
                found.append(candidate)
    return iter(sorted(found, key=lambda p: p.relative_to(path).parts))


def sniff_kind(text: str) -> str:
    """Guess the format of text with no file name: "md", "html" or "txt".

    Markdown when it opens with YAML front matter (a mapping between ``---`` lines) or a
    ``# Heading``; HTML when it opens with a doctype or a typical tag; plain text otherwise.
    """
    normalised = text.replace("\r\n", "\n")
    if match := _FRONT_MATTER.match(normalised):
        try:
            if isinstance(load_yaml(match.group(1)), dict):
                return "md"
        except ValueError:
            pass
    if _HTML_START.match(normalised[:4096]):
        return "html"
    if _ATX_HEADING.match(normalised):
        return "md"
    return "txt"


def _parse(data: bytes, *, name: str, kind: str | None) -> ArticleDraft:
    label = label_for(name)
    declared = decode.declared_charset(data) if kind in {None, "html"} else None
    text = decode.decode_text(data, label, declared=declared)
    kind = kind or sniff_kind(text)
    extracted: Extracted
    if kind == "md":
        extracted = parse_markdown(text, label)
    elif kind == "html":
        extracted = parse_html_article(text)  # the same pipeline as web pages
    else:
        extracted = parse_plaintext(text)
    return finish(extracted, name=name, origin=name)
