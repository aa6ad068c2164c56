"""Bytes to text: BOM-aware decoding, UTF-8 by default, then a declared charset, a detected one
(charset-normalizer) or cp1252; binaries and text in no encoding skim can tell are refused."""

from __future__ import annotations

import codecs
import contextlib
import re
from pathlib import Path
from typing import BinaryIO

from reader.core.errors import IngestError

MAX_BYTES = 50 * 1024 * 1024
"""Largest input skim reads; anything bigger is almost certainly not one article."""

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never appear in text files; \t \n \v \f \r and ESC (terminal captures) pass.
_BINARY_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_BINARY_SHARE = 0.10
_SAMPLE = 64 * 1024
_READ_CHUNK = 1024 * 1024
# UTF-16 without a BOM: the share of pairs with a zero high byte, and of zero low bytes allowed.
_UTF16_ZEROS = 0.6
_UTF16_STRAY = 0.05
# C0 controls a legacy-encoded text file would not contain (cp1252 maps 0x00-0x1f to themselves).
_LEGACY_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252.
_CP1252_LABELS = frozenset({"cp1252", "windows-1252", "latin-1", "latin1", "iso-8859-1", "ascii"})
# cp1252 is believed only for Latin text: in English, French or German most letters are ASCII,
# while Cyrillic or Greek read as cp1252 ("ðÒÉ" for "При") is almost all accented letters.
_LATIN_MAX_ACCENTED = 0.4
# Multi-byte East Asian encodings a detector's guess is believed in even when it cannot score the
# language; the text they give must then be mostly CJK, kana or hangul.
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]")
_CJK_SHARE = 0.8


def check_size(size: int, label: str) -> None:
    """Raise :class:`IngestError` when ``size`` bytes is more than skim accepts.

    Args:
        size: the input's size in bytes.
        label: how to name the input in the message.
    """
    if size > MAX_BYTES:
        raise IngestError(
            f"{label}: the file is {size / 1024 / 1024:.1f} MB; "
            f"skim reads files up to {MAX_BYTES // 1024 // 1024} MB"
        )


def read_file(
    path: Path, label: str, *, limit: int = MAX_BYTES, kind: str = "file", hint: str = ""
) -> bytes:
    """The bytes of the file at ``path``: at most ``limit`` + 1, so that the caller sees it is too big.

    The one place skim reads a file the user named (an article, a feed, a list of links), with the
    same one-line reasons for each way it can fail.

    Args:
        path: the file.
        label: how to name it in messages.
        limit: how many bytes are wanted at most.
        kind: what the file should have been, for "is a directory, not a …".
        hint: added to "no such file" (such as how to write what the user may have meant).

    Raises:
        IngestError: the file is missing, a directory, or cannot be read.
    """
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise IngestError(f"{label}: no such file{hint}") from None
    except PermissionError:
        raise IngestError(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise IngestError(f"{label}: is a directory, not a {kind}") from None
    except OSError as error:
        raise IngestError(f"{label}: cannot read the file ({error.strerror or error})") from None


def read_capped(stream: BinaryIO, label: str) -> bytes:
    """Read ``stream`` (stdin) to its end, but never more than :data:`MAX_BYTES` + 1 bytes.

    A pipe has no size to check first, and one that never ends (``/dev/zero``) must not be read
    into memory without bound: reading stops one byte past the cap.

    Raises:
        IngestError: when the stream holds more than :data:`MAX_BYTES`.
    """
    data = bytearray()
    while len(data) <= MAX_BYTES:
        chunk = stream.read(min(_READ_CHUNK, MAX_BYTES + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
    raise IngestError(
        f"{label}: more than {MAX_BYTES // 1024 // 1024} MB; skim reads files up to "
        f"{MAX_BYTES // 1024 // 1024} MB (stopped reading there)"
    )


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a ``<meta>`` near its start, if any."""
    match = _DECLARED_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_text(data: bytes, label: str, *, declared: str | None = None) -> str:
    """Decode ``data`` to text, refusing binaries and empty input.

    The order is: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without one, told
    by the zero byte in every pair of mostly-Latin text; then strict UTF-8, which is what
    nearly every modern file is and which random bytes almost never pass; then a charset the
    document declares (HTML ``<meta charset>``); then cp1252, but only when it gives Latin text
    (old English-language files from Notepad, Word "Save as text" or early web pages are
    overwhelmingly Windows-1252 or its subset Latin-1, which a detector confuses with other
    single-byte code pages on short texts); then the encoding charset-normalizer finds, when it
    is sure of the language (KOI8-R, Windows-1251, Shift JIS…). Anything else is refused rather
    than stored as mojibake. A legacy decoding is only accepted when the result has no control
    characters a text file would not hold, so binaries that slip past the binary check still fail.

    Args:
        data: the raw bytes.
        label: how to name the input in error messages (a file name or "stdin").
        declared: a charset the document declares about itself, tried after UTF-8.

    Returns:
        The decoded text, without a BOM.

    Raises:
        IngestError: when the input is empty, binary, or in no encoding skim can recognise.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise _unknown_encoding(label) from None
            return _require_content(text, label)
    if not data.strip():
        raise IngestError(f"{label}: the file is empty")
    if (wide := _utf16_without_bom(data)) is not None:
        return _require_content(wide, label)
    if _looks_binary(data):
        raise IngestError(f"{label}: looks like a binary file, not text")
    try:
        return _require_content(data.decode("utf-8"), label)
    except UnicodeDecodeError:
        pass
    for encoding in _legacy_candidates(declared):
        legacy = _legacy(data, encoding)
        if legacy is not None and (encoding != "cp1252" or _reads_as_latin(legacy)):
            return _require_content(legacy, label)
    detected = _detected(data)
    if detected is not None:
        return _require_content(detected, label)
    raise _unknown_encoding(label)


def _legacy(data: bytes, encoding: str) -> str | None:
    """``data`` in ``encoding``, or None when it does not decode to text."""
    try:
        text = data.decode(encoding)
    # LookupError: a declared codec that exists but is not a text encoding ("base64",
    # "rot13"); UnicodeError: one that refuses everything ("undefined").
    except (UnicodeError, LookupError):
        return None
    return None if _LEGACY_FORBIDDEN.search(text) else text


def _reads_as_latin(text: str) -> bool:
    # The start tells: a file is in one encoding throughout, and a big one is not walked twice.
    letters = [char for char in text[:_SAMPLE] if char.isalpha()]
    accented = sum(1 for char in letters if not char.isascii())
    return accented <= _LATIN_MAX_ACCENTED * len(letters)


def _detected(data: bytes) -> str | None:
    """The text in the encoding charset-normalizer finds, when its guess can be trusted.

    The guess is made on the first 64 KiB (cut at a line end, so no character is split) and then
    the whole input must decode strictly. It is trusted when the detector recognised a language
    in the text (its coherence), or when a multi-byte East Asian encoding gives East Asian text.
    """
    from charset_normalizer import from_bytes  # imported on use: only legacy files need it

    sample = data[:_SAMPLE]
    if len(data) > _SAMPLE and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]
    best = from_bytes(sample).best()
    if best is None or best.encoding in {"ascii", "utf_8"}:
        return None
    text = _legacy(data, best.encoding)
    if text is None:
        return None
    if best.coherence > 0:
        return text
    wide = [char for char in text if not char.isascii() and not char.isspace()]
    cjk = sum(1 for char in wide if _CJK.match(char))
    return text if wide and cjk >= _CJK_SHARE * len(wide) else None


def _legacy_candidates(declared: str | None) -> list[str]:
    candidates: list[str] = []
    if declared and declared not in _CP1252_LABELS:
        with contextlib.suppress(LookupError):
            candidates.append(codecs.lookup(declared).name)
    candidates.append("cp1252")
    return candidates


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark, or None.

    Told by its NULs: in text whose characters are mostly below U+0100 (English, most European
    languages, markup) one byte of every pair is zero — the second in little-endian order, the
    first in big-endian — and the other almost never is. It is accepted only when it decodes
    strictly and holds no control characters a text file would not, so binary data with a
    16-bit pattern is still refused.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    first, second = sample[0::2].count(0), sample[1::2].count(0)
    if second >= _UTF16_ZEROS * pairs and first <= _UTF16_STRAY * pairs:
        encoding = "utf-16-le"
    elif first >= _UTF16_ZEROS * pairs and second <= _UTF16_STRAY * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _LEGACY_FORBIDDEN.search(text) else text


def _looks_binary(data: bytes) -> bool:
    # A NUL never occurs in text outside UTF-16/32, which the checks above have handled.
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > _BINARY_SHARE * len(sample)


def _require_content(text: str, label: str) -> str:
    if not text.strip():
        raise IngestError(f"{label}: the file is empty")
    return text


def _unknown_encoding(label: str) -> IngestError:
    return IngestError(f"{label}: unknown text encoding; save it as UTF-8")
