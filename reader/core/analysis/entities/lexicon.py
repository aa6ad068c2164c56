"""Word lists behind the entity recogniser, read once from ``reader/core/analysis/entities/data/``.

The lists are plain text shipped inside the package (read by :mod:`reader.core.wordlists`, so an
installed wheel has them too): one entry a line, or several space-separated words a line for the
single-word lists; ``#`` starts a comment line. They are loaded on first use and cached.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from reader.core import wordlists

_PACKAGE = "reader.core.analysis.entities"


def _phrases(name: str) -> frozenset[str]:
    """Entries that may contain spaces: one a line, as written (case kept)."""
    return frozenset(wordlists.phrases(_PACKAGE, name, casefold=False))


def _words(name: str) -> frozenset[str]:
    """Single words: any number a line, separated by spaces, as written (case kept)."""
    return wordlists.words(_PACKAGE, name, casefold=False)


def _undotted(words: frozenset[str]) -> frozenset[str]:
    """Abbreviations are compared without their dots ("S.A." and "SA", "Inc." and "Inc")."""
    return frozenset(word.replace(".", "") for word in words)


def _with_plurals(words: frozenset[str]) -> frozenset[str]:
    """Add "-s" plurals of demonyms ("Kenyan" -> "Kenyans"), skipping those that take none."""
    plurals = {
        word + "s"
        for word in words
        if not word.endswith(("s", "sh", "ch", "ese", "i", "x", "z")) and " " not in word
    }
    return words | plurals


def _section(name: str, heading: str) -> frozenset[str]:
    """The entries of one ``# --- heading`` section of a phrase list."""
    data = resources.files(_PACKAGE) / "data" / name
    entries: set[str] = set()
    inside = False
    for raw in data.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# ---"):
            inside = line[5:].strip() == heading
        elif inside and line and not line.startswith("#"):
            entries.add(line)
    return frozenset(entries)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every list the recogniser consults (see the files in ``data/`` for what each holds)."""

    places: frozenset[str]
    countries: frozenset[str]
    counties: frozenset[str]
    cities: frozenset[str]
    orgs: frozenset[str]
    groups: frozenset[str]
    people: frozenset[str]
    first_names: frozenset[str]
    org_words: frozenset[str]
    org_heads: frozenset[str]
    place_words: frozenset[str]
    place_heads: frozenset[str]
    titles: frozenset[str]
    roles: frozenset[str]
    common: frozenset[str]
    not_entities: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """Load the lists (once per process)."""
    return Lexicon(
        places=_phrases("places.txt"),
        countries=_section("places.txt", "countries and territories"),
        counties=_section(
            "places.txt", "English and Welsh counties (in sports reports, their county clubs)"
        ),
        cities=_phrases("geonames_places.txt"),
        orgs=_phrases("orgs.txt"),
        groups=_with_plurals(_phrases("demonyms.txt")),
        people=_words("people.txt"),
        first_names=_words("first_names.txt"),
        org_words=_undotted(_words("org_words.txt")),
        org_heads=_words("org_heads.txt"),
        place_words=_undotted(_words("place_words.txt")),
        place_heads=_undotted(_words("place_heads.txt")),
        titles=_undotted(_words("titles.txt")),
        roles=_words("roles.txt"),
        common=_words("common_words.txt"),
        not_entities=_words("not_entities.txt"),
    )
