"""People, organisations, places and groups in a text, found by rules and word lists.

``find`` is the recogniser; ``candidates`` splits text into capitalised runs, ``rules`` labels a run,
``trim`` cuts the words that are not part of a name, ``lexicon`` reads the lists in ``data/``.
"""

from __future__ import annotations

from reader.core.analysis.entities.find import VERSION, find_entities

__all__ = ["VERSION", "find_entities"]
