"""People, organisations, places and groups in a text, found by rules and word lists.

``find`` is the recogniser; ``candidates`` splits text into capitalised runs, ``rules`` labels a run,
``trim`` cuts the words that are not part of a name, ``lexicon`` reads the lists in ``data/``;
``capitals`` handles headlines and datelines, ``teams`` clubs in sports reports, and ``link``
which mentions name the same referent.
"""

from __future__ import annotations

from reader.core.analysis.entities.find import find_entities
from reader.core.analysis.entities.link import canonical_names
from reader.core.analysis.versions import ENTITIES as VERSION

__all__ = ["VERSION", "canonical_names", "find_entities"]
