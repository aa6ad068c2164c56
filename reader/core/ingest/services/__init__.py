"""Articles *with their text and highlights* from the exports of other reading services: Omnivore's
zip and wallabag's JSON, and Readwise's highlights CSV. Nothing is fetched: the text (or, for
Readwise, the highlights) is in the export.

Each format has a reader module that turns the file into :class:`ForeignEntry` values;
:mod:`reader.core.ingest.services.storing` stores them and re-anchors their highlights in skim's
text by quote (:mod:`reader.core.anchoring`). New formats add a reader module and a name in
:data:`SERVICES`.
"""

from reader.core.ingest.services.entries import ForeignEntry, ForeignExport, ForeignHighlight

SERVICES = ("omnivore", "wallabag", "readwise")
"""The exports ``skim import-from`` reads offline, by the name the user types."""

__all__ = ["SERVICES", "ForeignEntry", "ForeignExport", "ForeignHighlight"]
