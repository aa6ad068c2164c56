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

MAX_SLUG = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SKIM_ID_LINE = re.compile(r"^skim_id:\s*(\d+)\s*$", re.MULTILINE)
# Names Windows will not create a file under, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10))}
_RESERVED |= {f"lpt{i}" for i in range(1, 10)}
#: What earlier skims named a file being written (no process id): removed when an hour old.
_LEGACY_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")


def slugify(title: str) -> str:
    """A file-name slug of ``title``: ASCII, lower case, words joined by hyphens, at most 80 chars.

    Accents are folded (``Café`` → ``cafe``); characters with no ASCII form are dropped. Returns ""
    when nothing is left (the caller then names the file after the article id).

    >>> slugify("Harbour Council Approves $12 Million Sea Wall!")
    'harbour-council-approves-12-million-sea-wall'
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        # Cut at a word boundary when there is one in the second half, so names stay readable.
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > MAX_SLUG // 2 else slug[:MAX_SLUG]
    slug = slug.strip("-")
    return "" if slug in _RESERVED else slug


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
    end = head.find("\n---", 3)
    match = _SKIM_ID_LINE.search(head[: end if end != -1 else len(head)])
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
