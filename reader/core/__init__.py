"""skim's core library: models, storage, ingest, analysis and the :class:`Library` facade.

Nothing here imports Textual or Rich; heavy analysis modules (nltk, sumy, numpy) load on first use.
"""

from reader.core.errors import (
    AnalysisError,
    IngestError,
    InvalidArgument,
    NotFound,
    SkimError,
    StorageError,
    UsageError,
)
from reader.core.library import ImportOutcome, Library, open_library
from reader.core.models import (
    AddResult,
    Analysis,
    Annotation,
    Article,
    ArticleDraft,
    ArticleMeta,
    ArticleQuery,
    EntityLabel,
    NumberLabel,
    Span,
    Summary,
    SummaryExplanation,
    SummarySentence,
    TriageState,
)

__all__ = [
    "AddResult",
    "Analysis",
    "AnalysisError",
    "Annotation",
    "Article",
    "ArticleDraft",
    "ArticleMeta",
    "ArticleQuery",
    "EntityLabel",
    "ImportOutcome",
    "IngestError",
    "InvalidArgument",
    "Library",
    "NotFound",
    "NumberLabel",
    "SkimError",
    "Span",
    "StorageError",
    "Summary",
    "SummaryExplanation",
    "SummarySentence",
    "TriageState",
    "UsageError",
    "open_library",
]
