"""skim's core library, and its public API: what the CLI and the reader may import.

Clients import from ``reader.core`` only (import-linter contracts hold the CLI and the TUI to it), never
from the modules inside, so the core can be rearranged without breaking them. The API:

- the facade: :class:`Library` and :func:`open_library`, and the classes of its collaborators
  (``lib.articles`` is an :class:`Articles`, ``lib.annotations`` :class:`Annotations`,
  ``lib.analysis`` :class:`Analyses`, ``lib.stories`` :class:`Stories`, ``lib.sources``
  :class:`Sources`, ``lib.exports`` :class:`Exports`, ``lib.backups`` :class:`Backups`), for
  annotating code that is handed one of them;
- every type it takes or returns (:mod:`reader.core.types`): the models, ``ImportOutcome``,
  ``Feed``, ``FeedUpdate``, ``ExportReport``, ``Story``, ``Tone``, ``Comparison``…;
- the errors (:mod:`reader.core.errors`);
- what works without a library: reading a file, a folder or stdin (:func:`read_path`,
  :func:`iter_directory`, :func:`read_bytes`, :func:`read_capped`), analysing and summarising a
  text (:func:`analyze`, :func:`summarize`, the algorithms and their descriptions), the versions
  that key the analysis cache (:func:`analysis_version`, :func:`summary_version`), parsing a
  search (:func:`parse_query`), and the stable JSON forms (``*_to_dict``);
- the config file and what the reader remembers (:func:`load_settings` gives the
  :class:`Settings` in effect; :func:`editor_command`, :func:`pager_command`,
  :func:`read_list_state`, :func:`write_list_state`);
- where skim keeps things (:func:`bundled_dir`, :func:`user_themes_dir`, :func:`log_dir`,
  :func:`ensure_dir`) and the label of an opinion sentence (:data:`OPINION`).

Nothing here imports Textual or Rich. ``import reader.core`` stays cheap: heavy analysis modules
(nltk, sumy, numpy) load on first use, and so do the names listed in :data:`_LAZY` (PEP 562), each
the first time it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.core.config import (
    DEFAULT_DATE_FORMAT,
    DEFAULT_EXPORT_FOLDER,
    DEFAULT_THEME,
    EXPORT_FOLDER_SETTING,
    THEME_SETTING,
    Settings,
    load_settings,
)
from reader.core.defaults import default_export_folder, editor_command, pager_command
from reader.core.errors import (
    AnalysisError,
    EditConflict,
    IngestError,
    InvalidArgument,
    NotFound,
    QueryError,
    SkimError,
    StorageError,
    UsageError,
)
from reader.core.library import (
    SUMMARY_ALGORITHM_SETTING,
    SUMMARY_SENTENCES_SETTING,
    Analyses,
    Annotations,
    Articles,
    Backups,
    Exports,
    Library,
    Sources,
    Stories,
    open_library,
    parse_published,
)
from reader.core.paths import bundled_dir, ensure_dir, log_dir, user_themes_dir
from reader.core.serialize import (
    document_to_dict,
    feed_to_dict,
    iso,
    meta_to_dict,
    summary_to_dict,
)
from reader.core.state import ListState, read_list_state, write_list_state
from reader.core.text import clean_line, reading_minutes, strip_controls
from reader.core.types import (
    INFERRED_MARK,
    KEEP,
    LAZY_TYPES,
    AddResult,
    Analysis,
    Annotation,
    Article,
    ArticleDraft,
    ArticleMeta,
    ArticleQuery,
    Clock,
    EntityLabel,
    Feed,
    FeedUpdate,
    ImportOutcome,
    Keep,
    ManualLinks,
    NumberLabel,
    OutcomeHandler,
    Progress,
    SearchTerm,
    ServiceImport,
    Span,
    Summary,
    SummaryExplanation,
    SummarySentence,
    TriageState,
    load_lazily,
)

if TYPE_CHECKING:
    from reader.core.analysis import (
        ALGORITHMS,
        DEFAULT_ALGORITHM,
        DEFAULT_SENTENCES,
        analysis_version,
        analyze,
        partial_note,
        summarize,
        summary_version,
    )
    from reader.core.analysis.entities.link import canonical_names
    from reader.core.analysis.summary.descriptions import algorithm_lines, describe_algorithm
    from reader.core.analysis.tone.opinion import OPINION
    from reader.core.export.render import BUILTIN_TEMPLATES
    from reader.core.ingest import iter_directory, read_bytes, read_path
    from reader.core.ingest.decode import read_capped
    from reader.core.ingest.feeds.lists import write_atomically
    from reader.core.ingest.inputs import Inputs, is_address, sort_inputs
    from reader.core.query import parse_query
    from reader.core.stories.serialize import comparison_to_dict, story_to_dict, tone_to_dict
    from reader.core.types import (
        Comparison,
        ExportReport,
        Figure,
        FigureGroup,
        NotesImportReport,
        OpmlImport,
        SavedLink,
        SentenceStance,
        SourceSummary,
        Story,
        Tone,
        ToneLabel,
    )

#: Names loaded on first use (their modules pull in more than most commands need), and where from.
_LAZY: dict[str, str] = {
    "ALGORITHMS": "reader.core.analysis",
    "DEFAULT_ALGORITHM": "reader.core.analysis",
    "DEFAULT_SENTENCES": "reader.core.analysis",
    "analysis_version": "reader.core.analysis",
    "analyze": "reader.core.analysis",
    "partial_note": "reader.core.analysis",
    "summarize": "reader.core.analysis",
    "summary_version": "reader.core.analysis",
    "algorithm_lines": "reader.core.analysis.summary.descriptions",
    "canonical_names": "reader.core.analysis.entities.link",
    "describe_algorithm": "reader.core.analysis.summary.descriptions",
    "BUILTIN_TEMPLATES": "reader.core.export.render",
    "write_atomically": "reader.core.ingest.feeds.lists",
    "Inputs": "reader.core.ingest.inputs",
    "is_address": "reader.core.ingest.inputs",
    "sort_inputs": "reader.core.ingest.inputs",
    "iter_directory": "reader.core.ingest",
    "read_bytes": "reader.core.ingest",
    "read_path": "reader.core.ingest",
    "read_capped": "reader.core.ingest.decode",
    "parse_query": "reader.core.query",
    "OPINION": "reader.core.analysis.tone.opinion",
    "comparison_to_dict": "reader.core.stories.serialize",
    "story_to_dict": "reader.core.stories.serialize",
    "tone_to_dict": "reader.core.stories.serialize",
    # The heavier types load where reader.core.types says they live.
    **LAZY_TYPES,
}


def __getattr__(name: str) -> Any:
    """Load a name of :data:`_LAZY` the first time it is asked for (PEP 562)."""
    return load_lazily(name, _LAZY, globals(), __name__)


__all__ = [
    "ALGORITHMS",
    "BUILTIN_TEMPLATES",
    "DEFAULT_ALGORITHM",
    "DEFAULT_DATE_FORMAT",
    "DEFAULT_EXPORT_FOLDER",
    "DEFAULT_SENTENCES",
    "DEFAULT_THEME",
    "EXPORT_FOLDER_SETTING",
    "INFERRED_MARK",
    "KEEP",
    "OPINION",
    "SUMMARY_ALGORITHM_SETTING",
    "SUMMARY_SENTENCES_SETTING",
    "THEME_SETTING",
    "AddResult",
    "Analyses",
    "Analysis",
    "AnalysisError",
    "Annotation",
    "Annotations",
    "Article",
    "ArticleDraft",
    "ArticleMeta",
    "ArticleQuery",
    "Articles",
    "Backups",
    "Clock",
    "Comparison",
    "EditConflict",
    "EntityLabel",
    "ExportReport",
    "Exports",
    "Feed",
    "FeedUpdate",
    "Figure",
    "FigureGroup",
    "ImportOutcome",
    "IngestError",
    "Inputs",
    "InvalidArgument",
    "Keep",
    "Library",
    "ListState",
    "ManualLinks",
    "NotFound",
    "NotesImportReport",
    "NumberLabel",
    "OpmlImport",
    "OutcomeHandler",
    "Progress",
    "QueryError",
    "SavedLink",
    "SearchTerm",
    "SentenceStance",
    "ServiceImport",
    "Settings",
    "SkimError",
    "SourceSummary",
    "Sources",
    "Span",
    "StorageError",
    "Stories",
    "Story",
    "Summary",
    "SummaryExplanation",
    "SummarySentence",
    "Tone",
    "ToneLabel",
    "TriageState",
    "UsageError",
    "algorithm_lines",
    "analysis_version",
    "analyze",
    "bundled_dir",
    "canonical_names",
    "clean_line",
    "comparison_to_dict",
    "default_export_folder",
    "describe_algorithm",
    "document_to_dict",
    "editor_command",
    "ensure_dir",
    "feed_to_dict",
    "is_address",
    "iso",
    "iter_directory",
    "load_settings",
    "log_dir",
    "meta_to_dict",
    "open_library",
    "pager_command",
    "parse_published",
    "parse_query",
    "partial_note",
    "read_bytes",
    "read_capped",
    "read_list_state",
    "read_path",
    "reading_minutes",
    "sort_inputs",
    "story_to_dict",
    "strip_controls",
    "summarize",
    "summary_to_dict",
    "summary_version",
    "tone_to_dict",
    "user_themes_dir",
    "write_atomically",
    "write_list_state",
]
