"""Entity linking inside one document: which mentions name the same referent.

A short mention of a person or organisation stands for the longest name of the same kind in the
document whose words contain it: "Kim" for "Kim Jong Un", "Vestergaard" for "Lars Vestergaard",
"SHEARER" for "Alan Shearer", "Kanemori" for "Kanemori Motors". When two full names could claim
it ("Kim" with "Kim Jong Un" and "Kim Yo Jong"), the nearest one mentioned before it wins, else
the first after it. Places and groups are linked by spelling only (case aside).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.results import Span

_LINKED_KINDS = frozenset(["PERSON", "ORG"])
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _words(name: str) -> tuple[str, ...]:
    return tuple(_POSSESSIVE.sub("", w).casefold() for w in _WORD.findall(name))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when ``shorter`` is a run of consecutive words of ``longer`` (and is shorter)."""
    size = len(shorter)
    if not size or size >= len(longer):
        return False
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def canonical_names(spans: Sequence[Span]) -> list[str]:
    """The referent's canonical name for each span of ``spans`` (entities in text order)."""
    spelled: dict[tuple[str, tuple[str, ...]], str] = {}
    for span in spans:
        key = (span.label, _words(span.text))
        # The first spelling in mixed case names the referent ("Shearer", not "SHEARER").
        if key not in spelled or (spelled[key].isupper() and not span.text.isupper()):
            spelled[key] = span.text
    full: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for span in spans:
        if span.label in _LINKED_KINDS:
            full.setdefault(span.label, []).append((span.start, _words(span.text)))
    out: list[str] = []
    for span in spans:
        words = _words(span.text)
        target = words
        if span.label in _LINKED_KINDS:
            target = _best(span.start, words, full.get(span.label, []))
        out.append(spelled.get((span.label, target), span.text))
    return out


def _best(
    at: int, words: tuple[str, ...], names: list[tuple[int, tuple[str, ...]]]
) -> tuple[str, ...]:
    """The longest name containing ``words``: the nearest before ``at``, else the first after."""
    before: tuple[str, ...] | None = None
    after: tuple[str, ...] | None = None
    for start, name in names:
        if not _contains(name, words):
            continue
        if start < at:
            if before is None or len(name) >= len(before):
                before = name
        elif after is None or len(name) > len(after):
            after = name
    return before or after or words
