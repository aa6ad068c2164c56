"""Compare how several sources cover one story: highlights, entities, figures and quotes.

- **Highlights**: each source's summary sentences.
- **Entities** (:mod:`.coverage`): the names every source mentions, and those only some do.
- **Figures** (:mod:`.figures`, :mod:`.values`, :mod:`.matching`): values normalised and grouped
  by what they count; a group is *agreed* (one value), *differing* (several values for the same
  thing) or found in one source only.
- **Quotes** (:mod:`.quotes`) with their speakers, per source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reader.core.analysis.tone.quotes import Quote, find_quotes
from reader.core.models import Article
from reader.core.results import Analysis, Summary
from reader.core.stories.coverage import EntityCoverage, entity_coverage
from reader.core.stories.figures import read_figures
from reader.core.stories.matching import FigureGroup, group_figures

__all__ = [
    "Comparison",
    "EntityCoverage",
    "FigureGroup",
    "SourceSummary",
    "SourceText",
    "compare",
]


@dataclass(frozen=True, slots=True)
class SourceText:
    """One source of a comparison: the stored article with its analysis and summary."""

    article: Article
    analysis: Analysis
    summary: Summary


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """A source's own view: who published it and its highlights (summary sentences).

    ``publisher_summary`` and ``publisher_tone`` are the outlet's own summary bullets and tone
    label, kept from a pasted page (empty, None: it had none), to set beside skim's.
    """

    article_id: int
    title: str
    source: str | None
    published: datetime | None
    highlights: tuple[str, ...]
    publisher_summary: tuple[str, ...] = ()
    publisher_tone: str | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the sources of one story report, side by side."""

    sources: tuple[SourceSummary, ...]
    entities: tuple[EntityCoverage, ...]
    figures: tuple[FigureGroup, ...]
    quotes: tuple[Quote, ...]

    @property
    def article_ids(self) -> tuple[int, ...]:
        """The compared articles, in order."""
        return tuple(s.article_id for s in self.sources)

    def shared_entities(self) -> list[EntityCoverage]:
        """Entities every source mentions."""
        return [e for e in self.entities if len(e.article_ids) == len(self.sources)]

    def partial_entities(self) -> list[EntityCoverage]:
        """Entities only some sources mention."""
        return [e for e in self.entities if len(e.article_ids) < len(self.sources)]

    def agreed_figures(self) -> list[FigureGroup]:
        """Figures two or more sources give with the same value."""
        return [g for g in self.figures if len(g.figures) > 1 and not g.differs]

    def differing_figures(self) -> list[FigureGroup]:
        """Figures of the same thing that sources give with different values."""
        return [g for g in self.figures if g.differs]

    def single_source_figures(self) -> list[FigureGroup]:
        """Figures only one source gives."""
        return [g for g in self.figures if len(g.figures) == 1]

    def quotes_of(self, article_id: int) -> list[Quote]:
        """The quotes of one source."""
        return [q for q in self.quotes if q.article_id == article_id]


def compare(sources: Sequence[SourceText]) -> Comparison:
    """Compare the coverage of ``sources`` (two or more articles, usually one story)."""
    summaries = tuple(
        SourceSummary(
            s.article.id,
            s.article.title,
            s.article.source,
            s.article.published,
            tuple(sentence.text for sentence in s.summary.sentences),
            s.article.publisher_summary,
            s.article.publisher_tone,
        )
        for s in sources
    )
    figures = [
        read_figures(s.article.id, s.article.body, s.analysis.numbers, s.analysis.sentences)
        for s in sources
    ]
    quotes = tuple(
        q
        for s in sources
        for q in find_quotes(
            s.article.id, s.article.body, s.analysis.sentences, s.analysis.entities
        )
    )
    entities = entity_coverage(
        [(s.article.id, s.article.body, s.analysis.entities) for s in sources]
    )
    return Comparison(summaries, tuple(entities), tuple(group_figures(figures)), quotes)
