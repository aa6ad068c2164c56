"""Every type the :class:`~reader.core.Library` facade takes or returns, named in one place.

Clients (the CLI, the reader) import these from ``reader.core``, never from the module that
defines them, so the core can move its rooms around without breaking them.

The records of :mod:`reader.core.models` (with ``ImportOutcome``, ``Keep`` and ``Clock``), of
:mod:`reader.core.results` (labels, spans, analyses, summaries) and of
:mod:`reader.core.records` (feeds) are named here and load with ``reader.core``.
The types of stories, tone, exports and saved links live beside the code that computes them, which
pulls in more (figure matching, templates, the web fetcher): they load the first time they are
used, so ``import reader.core`` stays cheap for commands that never need them (``skim list``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reader.core.models import (
    INFERRED_MARK,
    KEEP,
    AddResult,
    Annotation,
    Article,
    ArticleDraft,
    ArticleMeta,
    ArticleQuery,
    Clock,
    ImportOutcome,
    Keep,
    OutcomeHandler,
    Progress,
    SearchTerm,
    TriageState,
)
from reader.core.records import Feed, FeedUpdate, ManualLinks, ServiceImport
from reader.core.results import (
    Analysis,
    EntityLabel,
    NumberLabel,
    Span,
    Summary,
    SummaryExplanation,
    SummarySentence,
)

if TYPE_CHECKING:
    from reader.core.analysis.tone.label import Tone, ToneLabel
    from reader.core.analysis.tone.opinion import SentenceStance
    from reader.core.export.exporter import ExportReport
    from reader.core.export.notes_import import NotesImportReport
    from reader.core.ingest.feeds.lists import OpmlImport
    from reader.core.ingest.saved.links import SavedLink
    from reader.core.stories.compare import Comparison, SourceSummary
    from reader.core.stories.figures import Figure
    from reader.core.stories.groups import Story
    from reader.core.stories.matching import FigureGroup


#: The types loaded on first use, and the module that defines each.
LAZY_TYPES: dict[str, str] = {
    "Comparison": "reader.core.stories.compare",
    "ExportReport": "reader.core.export.exporter",
    "Figure": "reader.core.stories.figures",
    "FigureGroup": "reader.core.stories.matching",
    "NotesImportReport": "reader.core.export.notes_import",
    "OpmlImport": "reader.core.ingest.feeds.lists",
    "SavedLink": "reader.core.ingest.saved.links",
    "SentenceStance": "reader.core.analysis.tone.opinion",
    "SourceSummary": "reader.core.stories.compare",
    "Story": "reader.core.stories.groups",
    "Tone": "reader.core.analysis.tone.label",
    "ToneLabel": "reader.core.analysis.tone.label",
}


def load_lazily(name: str, table: dict[str, str], namespace: dict[str, Any], owner: str) -> Any:
    """The attribute ``name`` of a module with lazy names (PEP 562), loaded on first use.

    ``table`` maps each lazy name to the module that defines it; the value is kept in
    ``namespace`` (the module's globals) so that later uses do not come here again.
    """
    module = table.get(name)
    if module is None:
        raise AttributeError(f"module {owner!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    namespace[name] = value
    return value


def __getattr__(name: str) -> Any:
    """Load a type of :data:`LAZY_TYPES` the first time it is asked for."""
    return load_lazily(name, LAZY_TYPES, globals(), __name__)


__all__ = [
    "INFERRED_MARK",
    "KEEP",
    "AddResult",
    "Analysis",
    "Annotation",
    "Article",
    "ArticleDraft",
    "ArticleMeta",
    "ArticleQuery",
    "Clock",
    "Comparison",
    "EntityLabel",
    "ExportReport",
    "Feed",
    "FeedUpdate",
    "Figure",
    "FigureGroup",
    "ImportOutcome",
    "Keep",
    "ManualLinks",
    "NotesImportReport",
    "NumberLabel",
    "OpmlImport",
    "OutcomeHandler",
    "Progress",
    "SavedLink",
    "SearchTerm",
    "SentenceStance",
    "ServiceImport",
    "SourceSummary",
    "Span",
    "Story",
    "Summary",
    "SummaryExplanation",
    "SummarySentence",
    "Tone",
    "ToneLabel",
    "TriageState",
]
