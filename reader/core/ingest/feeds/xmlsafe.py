"""Make untrusted XML (feeds, OPML) safe to parse: no DTD, so no entity expansion at all.

Entity tricks — "billion laughs" (entities nested ten deep, each ten times the last) and the
quadratic blow-up (one huge entity used thousands of times) — live in the DOCTYPE's internal
subset, and feeds and OPML files have no use for a DTD. Removing the DOCTYPE before the document
reaches any parser makes it harmless whatever the parser (feedparser's expat or its sgmllib
fallback, ElementTree) and whatever expat version the system has; expat only gained amplification
limits in 2.4. A reference to an entity that is no longer declared is then a plain
well-formedness error, which the callers report.

The DOCTYPE is looked for in the *decoded* text, never in the raw bytes: a parser decodes the
document first, and in EBCDIC, UTF-7, UTF-16 or UTF-32 the bytes of ``<!DOCTYPE`` look like
anything but. So the document is decoded the way an XML parser would (byte-order mark, the first
bytes, the encoding it declares), the DOCTYPE is removed from the text, and the text is handed
on as UTF-8 under a declaration that says UTF-8 — on a line of its own when the first line also
names an encoding — so no parser can read the bytes in another encoding than the one checked.
"""

from __future__ import annotations

import codecs
import contextlib
import re

UTF8_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

# Inside a DOCTYPE: quoted strings and comments may hold "]" and ">", so they are skipped whole.
_DOCTYPE_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|<!--.*?-->|[\[\]>]", re.S)
# The declaration as feedparser finds it (up to the first ">"), and the encoding it names.
_DECLARATION = re.compile(r"\A<\?xml(?=[\s?>])[^>]*>")
_DECLARED = re.compile(r"""\A<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# Byte-order marks and the first four bytes of "<?xm" in the encodings XML's appendix F lists;
# longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_FAMILIES: tuple[tuple[bytes, str, int], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", 4),
    (codecs.BOM_UTF32_BE, "utf-32-be", 4),
    (codecs.BOM_UTF8, "utf-8", 3),
    (codecs.BOM_UTF16_LE, "utf-16-le", 2),
    (codecs.BOM_UTF16_BE, "utf-16-be", 2),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00", "utf-16-le", 0),
    (b"\x00<", "utf-16-be", 0),
    (b"\x4c\x6f\xa7\x94", "cp037", 0),  # "<?xm" in EBCDIC; the declaration names the code page
)
_NAMES_ENCODING = re.compile(r"""encoding=["']""")
_HEAD = 1024  # the declaration is read from this many bytes


def without_dtd(data: bytes) -> bytes:
    """Return the XML document ``data`` as UTF-8, with its DOCTYPE declaration removed.

    The result starts with an XML declaration naming UTF-8. A DOCTYPE that never ends takes the
    rest of the document with it: nothing is left to expand. A DOCTYPE after the root element is
    not in the prolog and is left for the parser to reject.
    """
    text = _decode(data)
    declaration = _DECLARATION.match(text)
    rest = text[declaration.end() :] if declaration else text
    rest = _drop_doctype(rest)
    # Keep line numbers: as many line breaks as the old declaration held.
    breaks = "\n" * declaration.group().count("\n") if declaration else ""
    if not breaks and _NAMES_ENCODING.search(rest.partition("\n")[0]):
        breaks = "\n"  # feedparser takes the last encoding="…" of the first line
    return (UTF8_DECLARATION + breaks + rest).encode("utf-8")


def _decode(data: bytes) -> str:
    """The text of ``data``, decoded as an XML parser would (a readable guess when that fails)."""
    family, skip = "", 0
    for prefix, encoding, length in _FAMILIES:
        if data.startswith(prefix):
            family, skip = encoding, length
            break
    body = data[skip:]
    candidates: list[str] = []
    if family and family != "cp037":
        candidates.append(family)  # a wide or UTF-8 document, as its first bytes say
    else:
        declared = _declared(body, family or "latin-1")
        if declared:
            candidates.append(declared)
        candidates += ["cp037"] if family else ["utf-8", "cp1252"]
    for encoding in candidates:
        # LookupError: a declared codec that is not a text encoding ("base64").
        with contextlib.suppress(UnicodeError, LookupError):
            return body.decode(encoding).removeprefix("\ufeff")
    return body.decode("latin-1")  # never fails; the parser reports what is wrong


def _declared(body: bytes, reading: str) -> str | None:
    """The encoding the declaration names, if decoding with it reads the declaration the same."""
    head = body[:_HEAD]
    match = _DECLARED.match(head.decode(reading, errors="replace"))
    if match is None:
        return None
    declared = match.group(1)
    try:
        consistent = head[: match.end()].decode(declared) == match.group()
    except (UnicodeError, LookupError):
        return None
    return declared if consistent else None


def _drop_doctype(text: str) -> str:
    """``text`` without the DOCTYPE of its prolog (after comments and processing instructions)."""
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position] in " \t\r\n":
            position += 1
        if text.startswith("<?", position):
            end = text.find("?>", position)
            position = length if end < 0 else end + 2
        elif text.startswith("<!--", position):
            end = text.find("-->", position)
            position = length if end < 0 else end + 3
        elif text[position : position + 9].upper() == "<!DOCTYPE":
            return text[:position] + text[_doctype_end(text, position + 9) :]
        else:
            break
    return text


def _doctype_end(text: str, start: int) -> int:
    depth = 0
    for match in _DOCTYPE_TOKEN.finditer(text, start):
        token = match.group()
        if token == "[":
            depth += 1
        elif token == "]":
            depth = max(0, depth - 1)
        elif token == ">" and depth == 0:
            return match.end()
    return len(text)
