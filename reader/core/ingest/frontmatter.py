"""YAML front matter: the ``---`` block atop a Markdown file, read with ``yaml.safe_load``."""

from __future__ import annotations

import re
from typing import Any

import yaml

from reader.core.errors import IngestError
from reader.core.ingest.common import Extracted, clean_tags, optional_line
from reader.core.ingest.dates import as_datetime
from reader.core.text import strip_controls

_OPENING = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
# What YAML cannot hold besides controls: noncharacters U+FFFE/U+FFFF and lone surrogates.
_NOT_YAML = re.compile("[\ufffe\uffff\ud800-\udfff]")


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases (``*name``).

    Front matter never needs them, and nested aliases ("billion laughs") let a few hundred bytes
    expand into gigabytes once the value is turned into text (a 340-byte notes file took 77 s and
    wrote a 34.7 MB tag).
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


#: libyaml's safe loader, when PyYAML was built with it.
_FAST_LOADER: type[Any] | None = getattr(yaml, "CSafeLoader", None)


def load_yaml(block: str) -> Any:
    """Read a front-matter block (the lines between the ``---`` fences) as YAML.

    Control characters and escape sequences are removed first, as from every imported text (a
    ``.txt`` keeps the rest of such a line): YAML refuses them, and one stray ESC or BEL in a
    title would otherwise refuse the whole file. Line numbers are kept.

    Raises:
        ValueError: the block is not valid YAML; the message says so, with the file's line of the
            problem when YAML names one.
    """
    text = _NOT_YAML.sub("", strip_controls(block))
    if _FAST_LOADER is not None and "*" not in text:
        # No "*", no alias: libyaml's parser (about eight times faster; an import reads one block
        # per file) builds the same values with the same safe constructor. Anything it refuses is
        # read again below, so errors keep their wording.
        try:
            return yaml.load(text, Loader=_FAST_LOADER)
        except Exception:  # the pure-Python loader below decides and explains
            pass
    try:
        return yaml.load(text, Loader=_NoAliasLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""  # +2: 0-based, then ---
        problem = getattr(error, "problem", None)
        why = f": {problem}" if problem == "aliases (*name) are not allowed" else ""
        raise ValueError(f"front matter is not valid YAML{where}{why}") from None
    except (ValueError, TypeError, OverflowError, RecursionError):
        # PyYAML's constructors can raise these on odd values (a date like 2024-02-30).
        raise ValueError("front matter is not valid YAML") from None


def front_matter_block(text: str) -> tuple[str, str] | None:
    """``(block, rest)`` when ``text`` opens with front matter, else None.

    The one rule for where front matter is, for imported Markdown and for notes read back: a first
    line ``---`` (after an optional BOM) and a later line ``---`` or ``...``; ``block`` is the YAML
    between them, ``rest`` what follows the closing line. An opening ``---`` that is never closed is
    not front matter (in Markdown it is a thematic break).
    """
    opening = _OPENING.match(text)
    if opening is None:
        return None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return None
    block = text[opening.end() : closing.start()]
    return block.removesuffix("\n").removesuffix("\r"), text[closing.end() :].removeprefix("\n")


def split_front_matter(text: str, label: str) -> tuple[dict[str, Any], str]:
    """Separate the front matter from the Markdown that follows it.

    Args:
        text: the whole file.
        label: how to name the file in error messages.

    Returns:
        ``(metadata, markdown)``; metadata is empty when there is no front
        matter. An opening ``---`` with no closing line is a thematic break, not front matter.

    Raises:
        IngestError: when the front matter is not valid YAML or is not a mapping of keys.
    """
    found = front_matter_block(text)
    if found is None:
        return {}, text
    block, rest = found
    try:
        data = load_yaml(block)
    except ValueError as error:
        raise IngestError(f"{label}: {error}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise IngestError(
            f"{label}: front matter is not valid YAML (expected key: value lines, found a {kind})"
        )
    return {str(key).lower(): value for key, value in data.items()}, rest


def metadata_fields(meta: dict[str, Any]) -> Extracted:
    """Read the keys skim understands from front matter into an :class:`Extracted` (empty body).

    Keys: title, source, author or authors (a list is joined with ", "), url or link, published
    or date, updated or modified, tags (a list or a comma-separated string), publisher_summary
    (a list of lines) and publisher_tone (what ``skim export`` writes for a pasted page).
    """
    authors = meta.get("author", meta.get("authors"))
    if isinstance(authors, list):
        names = [name for name in (optional_line(a) for a in authors) if name]
        author = ", ".join(names) or None
    else:
        author = optional_line(authors)
    return Extracted(
        body="",
        title=optional_line(meta.get("title")),
        source=optional_line(meta.get("source")),
        author=author,
        url=optional_line(_first_present(meta, "url", "link")),
        published=as_datetime(_first_present(meta, "published", "date")),
        updated=as_datetime(_first_present(meta, "updated", "modified")),
        tags=clean_tags(meta.get("tags")),
        publisher_summary=_lines(meta.get("publisher_summary")),
        publisher_tone=optional_line(meta.get("publisher_tone")),
    )


def _lines(value: object) -> tuple[str, ...]:
    """A list of one-line strings from front matter (anything else: none)."""
    if not isinstance(value, list):
        return ()
    return tuple(line for line in (optional_line(item) for item in value) if line)


def _first_present(meta: dict[str, Any], *keys: str) -> object:
    for key in keys:
        if meta.get(key) is not None:
            return meta[key]
    return None
