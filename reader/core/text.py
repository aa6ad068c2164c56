"""Small text utilities shared by ingest, storage and output: cleaning, hashing, counting words."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, e.g. \x9b, a one-byte CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates can make text display in an order other than stored
# ("Trojan Source"); marks such as U+200E/U+200F are harmless and kept.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Escape sequences whole, so no printable tail of one (e.g. "[2J" or "]0;title") is left behind.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    # The one-byte C1 CSI, without intermediates: a stray U+009B before a word must not eat it.
    r"|\x9b[0-?]*[@-~]"
    # OSC, DCS, SOS, PM, APC with their text, only when closed by BEL or ST within a bounded
    # length: an unclosed one must not swallow the rest of the article (its introducer goes below).
    r"|\x1b[\]PX^_][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)"
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

WORDS_PER_MINUTE = 230


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidi overrides; keep ``\\n``, ``\\t``."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _BIDI_CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """Return ``text`` as one safe line: controls removed, runs of white space folded."""
    return _SPACES.sub(" ", strip_controls(text).replace("\n", " ")).strip()


def clean_body(text: str) -> str:
    """Normalise an article body: NFC, ``\\n`` line ends, no controls, paragraphs split by one blank line.

    Paragraph breaks are kept (they matter for reading and for summaries); white space inside a
    line is folded, so offsets computed on the result are stable.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = strip_controls(text).replace("\t", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def normalised_for_hash(text: str) -> str:
    """Fold case, punctuation and white space so trivially different copies hash the same."""
    # findall yields whole matches (the pattern's groups are non-capturing), and builds no match
    # objects: a third of the time of joining finditer's, which import pays once per article.
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def content_hash(text: str) -> str:
    """Return a stable hex digest of the normalised text (duplicate detection, cache keys)."""
    return hashlib.sha256(normalised_for_hash(text).encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Count words the way a reader would (hyphenated and apostrophe words count once)."""
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Estimated minutes to read ``words`` words, at least 1."""
    return max(1, round(words / WORDS_PER_MINUTE))
