"""File names and file writes of an export: slugs, atomic replacement, hashes of what is on disk."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from reader.core.scratch import remove_stale, scratch_path

#: At most this many characters in a slug...
MAX_SLUG = 80
#: ...and this many bytes of UTF-8, so ``<slug>-<id>-<n>.md`` stays far below the 255-byte (ext4,
#: APFS) and 255-unit (NTFS) limits on a file name whatever the script.
MAX_SLUG_BYTES = 120
_HYPHENS = re.compile(r"-{2,}")
_SKIM_ID_LINE = re.compile(r"^skim_id:\s*(\d+)\s*$", re.MULTILINE)
# Names Windows will not create a file under, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}
#: What earlier skims named a file being written (no process id): removed when an hour old.
_LEGACY_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")


def slugify(title: str) -> str:
    """A file-name slug of ``title``: its words in lower case joined by hyphens.

    Letters, marks and digits of every script are kept (``Łódź`` → ``łódź``, ``Привет`` →
    ``привет``, ``東京``); everything else separates words, except typographic quotes and invisible
    format characters (soft hyphens, zero-width joiners), which are dropped so that ``Glasgow’s``
    stays one word. The result is safe as a file name on Linux, macOS and Windows: no ``<>:"/\\|?*``,
    control characters, leading or trailing dots, spaces or hyphens; at most ``MAX_SLUG``
    characters and ``MAX_SLUG_BYTES`` bytes of UTF-8; a name Windows reserves (``con``, ``nul``,
    ``com1``) gets a trailing underscore. Returns "" when no letter or digit is left (the caller
    then names the file after the article id).

    >>> slugify("Harbour Council Approves $12 Million Sea Wall!")
    'harbour-council-approves-12-million-sea-wall'
    """
    # NFKC folds presentation forms to their letters (fullwidth letters, the ligature ﬁ, superscript ²);
    # lower() can decompose (İ → i + dot), hence NFC again.
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", title).lower())
    kept = "".join(_slug_part(character) for character in text)
    slug = _shorten(_HYPHENS.sub("-", kept).strip("-")).strip("-")
    return f"{slug}_" if slug in _RESERVED else slug


def _slug_part(character: str) -> str:
    """What ``character`` becomes in a slug: itself, a hyphen, or nothing."""
    category = unicodedata.category(character)
    if character.isascii():
        # ASCII titles keep the names earlier skims gave them: only a-z and 0-9 survive.
        return character if character.isalnum() else "-"
    if category[0] in "LMN":
        return character
    # Quotes sit inside words (Glasgow’s) or around them; format characters are invisible.
    if category in ("Pi", "Pf", "Cf"):
        return ""
    return "-"


def _shorten(slug: str) -> str:
    """``slug`` cut to ``MAX_SLUG`` characters and ``MAX_SLUG_BYTES`` bytes, at a word if it can."""
    fits = 0
    size = 0
    for character in slug:
        size += len(character.encode())
        if fits == MAX_SLUG or size > MAX_SLUG_BYTES:
            break
        fits += 1
    else:
        return slug
    # A letter is not cut from its accents or vowel signs (combining marks follow it).
    while fits > 0 and unicodedata.category(slug[fits])[0] == "M":
        fits -= 1
    # Cut at a word boundary when there is one in the second half, so names stay readable.
    boundary = slug[: fits + 1].rfind("-")
    return slug[:boundary] if boundary > fits // 2 else slug[:fits]


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    """Hex SHA-256 of the file at ``path``, or None when there is no file there.

    Raises:
        OSError: the file exists but cannot be read.
    """
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None


def skim_id_of(path: Path) -> int | None:
    """The ``skim_id`` in the front matter of an existing Markdown file, or None.

    Reads only the start of the file: enough for any front matter skim writes.
    """
    try:
        with path.open("rb") as file:
            head = file.read(16 * 1024).decode("utf-8", "replace")
    except OSError:
        return None
    if not head.startswith("---"):
        return None
    from reader.core.ingest.frontmatter import front_matter_block  # loads YAML: only when needed

    found = front_matter_block(head)
    match = _SKIM_ID_LINE.search(found[0] if found else head)  # a cut-off head: search it all
    return int(match.group(1)) if match else None


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files a killed export left in ``folder`` (see reader.core.scratch)."""
    return remove_stale(folder, ".tmp", hidden=True, legacy=_LEGACY_TEMPORARY)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, then are renamed over ``path``
    (``os.replace`` is atomic within one file system). When a file is replaced, the new bytes are
    flushed to disk first (``fsync``), so a crash cannot leave an empty file where the old one was;
    a new file is not flushed (nothing can be lost, and ~9 ms a file made a 1,000-file export slow).
    A file that already exists keeps its permissions; a new one gets the usual ones (0666 less the
    umask). The temporary file is removed if anything fails. A symbolic link at ``path`` is
    replaced by the file, never written through.

    Raises:
        OSError: the folder cannot be written.
    """
    temporary = scratch_path(path, ".tmp", hidden=True)
    try:
        # A link is replaced, not followed: the new file gets the usual permissions.
        mode = None if path.is_symlink() else stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    # os.open applies the umask for us (tempfile.mkstemp would make the file 0600).
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            if mode is not None:
                file.flush()
                os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
