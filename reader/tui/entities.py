"""An article's people, organisations, places and numbers: one entry per referent, and its mentions.

Pure (no widget): the entity list (``E``) shows :func:`entity_groups`, and choosing an entry jumps
to the next of its :func:`mentions`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core import Analysis, canonical_names
from reader.tui.spans import LABEL_STYLES, Range


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """One referent (or number) of an article, with how often it is mentioned.

    ``text`` is its canonical name ("Kim Jong Un"); ``forms`` are the other ways the article
    writes it ("Kim", "KIM"), in order of first use.
    """

    label: str
    text: str
    count: int
    forms: tuple[str, ...] = ()


def _referents(analysis: Analysis) -> list[tuple[str, str, str]]:
    """(label, referent key, surface text) of every entity and number, in text order."""
    names = canonical_names(analysis.entities)
    out = [
        (str(item.label), name.casefold(), item.text)
        for item, name in zip(analysis.entities, names, strict=True)
    ]
    out.extend((str(item.label), item.text.casefold(), item.text) for item in analysis.numbers)
    return out


def entity_groups(analysis: Analysis) -> dict[str, list[EntityEntry]]:
    """One entry per referent, grouped by label, most mentioned first.

    Mentions of one person or organisation ("Kim", "Kim Jong Un") share one entry, named by the
    canonical name; other mentions are counted case-insensitively, the first spelling naming them.
    """
    canonical = canonical_names(analysis.entities)
    names = {
        (str(entity.label), name.casefold()): name
        for entity, name in zip(analysis.entities, canonical, strict=True)
    }
    counts: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], dict[str, str]] = {}
    for label, referent, surface in _referents(analysis):
        key = (label, referent)
        counts[key] += 1
        forms.setdefault(key, {}).setdefault(surface.casefold(), surface)
    groups: dict[str, list[EntityEntry]] = {}
    for label in LABEL_STYLES:
        entries = []
        for key, count in counts.items():
            if key[0] != label:
                continue
            spellings = forms[key]
            name = names.get(key) or next(iter(spellings.values()))
            others = tuple(f for k, f in spellings.items() if k != name.casefold())
            entries.append(EntityEntry(label, name, count, others))
        if entries:
            groups[label] = sorted(entries, key=lambda e: (-e.count, e.text.casefold()))
    return groups


def mentions(analysis: Analysis, label: str, text: str) -> list[Range]:
    """Where a referent or number (by label and case-insensitive canonical name) occurs, in order."""
    wanted = text.casefold()
    spans = [*analysis.entities, *analysis.numbers]
    return sorted(
        (item.start, item.end)
        for item, (kind, referent, _) in zip(spans, _referents(analysis), strict=True)
        if kind == label and referent == wanted
    )


def next_mention(found: Sequence[Range], after: int) -> tuple[int, Range] | None:
    """The first mention starting after ``after`` (wrapping to the first), with its index."""
    if not found:
        return None
    for index, mention in enumerate(found):
        if mention[0] > after:
            return index, mention
    return 0, found[0]
