"""Make untrusted XML (feeds, OPML) safe to parse: no DTD, so no entity expansion at all.

Entity tricks — "billion laughs" (entities nested ten deep, each ten times the last) and the
quadratic blow-up (one huge entity used thousands of times) — live in the DOCTYPE's internal
subset, and feeds and OPML files have no use for a DTD. Removing the DOCTYPE before the bytes reach
any parser makes them harmless whatever the parser (feedparser's expat or its sgmllib fallback,
ElementTree) and whatever expat version the system has; expat only gained amplification limits
in 2.4. A reference to an entity that is no longer declared is then a plain well-formedness
error, which the callers report.
"""

from __future__ import annotations

import codecs
import re

# Inside a DOCTYPE: quoted strings and comments may hold "]" and ">", so they are skipped whole.
_DOCTYPE_TOKEN = re.compile(rb"\"[^\"]*\"|'[^']*'|<!--.*?-->|[\[\]>]", re.S)
_XML_ENCODING = re.compile(rb"""\A(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
_WIDE = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)


def without_dtd(data: bytes) -> bytes:
    """Return the XML document ``data`` with its DOCTYPE declaration (and internal subset) removed.

    UTF-16 and UTF-32 documents are re-encoded as UTF-8 first (with their XML declaration saying
    so), so the DOCTYPE cannot hide behind a wide encoding. A DOCTYPE that never ends takes the rest
    of the document with it: nothing is left to expand.
    """
    data = _as_utf8(data)
    position = 3 if data.startswith(codecs.BOM_UTF8) else 0
    length = len(data)
    while position < length:
        while position < length and data[position] in b" \t\r\n":
            position += 1
        if data.startswith(b"<?", position):
            end = data.find(b"?>", position)
            position = length if end < 0 else end + 2
        elif data.startswith(b"<!--", position):
            end = data.find(b"-->", position)
            position = length if end < 0 else end + 3
        elif data[position : position + 9].upper() == b"<!DOCTYPE":
            return data[:position] + data[_doctype_end(data, position + 9) :]
        else:
            break
    return data


def _doctype_end(data: bytes, start: int) -> int:
    depth = 0
    for match in _DOCTYPE_TOKEN.finditer(data, start):
        token = match.group()
        if token == b"[":
            depth += 1
        elif token == b"]":
            depth = max(0, depth - 1)
        elif token == b">" and depth == 0:
            return match.end()
    return len(data)


def _as_utf8(data: bytes) -> bytes:
    for prefix, encoding in _WIDE:
        if data.startswith(prefix):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return data  # not really wide text; the parser will report it
            utf8 = text.encode("utf-8")
            return _XML_ENCODING.sub(rb"\1\2utf-8\2", utf8, count=1)
    return data
