"""Which sources name which entities, on a normal form of the names.

Names are matched on a normal form (case, possessives, a leading "the", legal suffixes such as
"A/S" or "Inc." folded), and a surname or a company's first word is folded into the fuller name of
the same kind ("Skovgaard" → "Mette Skovgaard"). A source *mentions* an entity when its recogniser
found it or its text contains one of its names, so a name the recogniser missed in one outlet is not
reported as missing there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.results import Span

_LEGAL_SUFFIX = re.compile(
    r"\s+(?:a/s|as|asa|ab|ag|gmbh|inc|ltd|llc|plc|corp|co|sa|spa|nv|bv|oy|oyj)\.?$", re.I
)
_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class EntityCoverage:
    """An entity and the sources that mention it."""

    name: str
    label: str
    article_ids: tuple[int, ...]


def entity_key(name: str) -> str:
    """The normal form two mentions of one entity share ("The Harbour Times'" → "harbour times")."""
    key = " ".join(name.replace("’", "'").split())
    key = _POSSESSIVE.sub("", key) if key.endswith(("'s", "'")) else key
    key = _LEGAL_SUFFIX.sub("", _THE.sub("", key))
    return key.casefold()


def entity_coverage(sources: Sequence[tuple[int, str, Sequence[Span]]]) -> list[EntityCoverage]:
    """Every entity of the sources with the sources mentioning it; the most widely covered first.

    Args:
        sources: ``(article id, body, entity spans)`` of each source, in display order.
    """
    surfaces: dict[str, Counter[str]] = {}
    labels: dict[str, Counter[str]] = {}
    found_in: dict[str, set[int]] = {}
    for article_id, _, entities in sources:
        for entity in entities:
            key = entity_key(entity.text)
            if not key:
                continue
            surfaces.setdefault(key, Counter())[entity.text] += 1
            labels.setdefault(key, Counter())[entity.label] += 1
            found_in.setdefault(key, set()).add(article_id)
    label_of = {key: counts.most_common(1)[0][0] for key, counts in labels.items()}
    folded = _fold_partial_names(label_of)
    merged: dict[str, set[int]] = {}
    for key, ids in found_in.items():
        merged.setdefault(folded.get(key, key), set()).update(ids)
    texts = {article_id: body.casefold() for article_id, body, _ in sources}
    coverage = []
    for key, ids in merged.items():
        names = [key, *(k for k, target in folded.items() if target == key)]
        for article_id, text in texts.items():
            if article_id not in ids and any(_mentions(text, n) for n in names):
                ids.add(article_id)
        surface = max(surfaces[key], key=lambda s: (surfaces[key][s], s[:1].isupper(), -len(s)))
        if surface.isupper() and len(surface) > 4:  # a dateline's "AARHUS"
            surface = surface.title()
        order = [article_id for article_id, _, _ in sources if article_id in ids]
        coverage.append(EntityCoverage(surface, label_of[key], tuple(order)))
    coverage.sort(key=lambda e: (-len(e.article_ids), e.label, e.name.casefold()))
    return coverage


def _fold_partial_names(label_of: dict[str, str]) -> dict[str, str]:
    """Map a key that is the start or end of a longer key of the same label to that longer key."""
    folded: dict[str, str] = {}
    keys = sorted(label_of, key=len, reverse=True)
    for short in keys:
        words = short.split()
        for long in keys:
            if long == short or label_of[long] != label_of[short]:
                continue
            longer = long.split()
            if len(longer) > len(words) and (
                longer[-len(words) :] == words or longer[: len(words)] == words
            ):
                folded[short] = folded.get(long, long)
                break
    return folded


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
