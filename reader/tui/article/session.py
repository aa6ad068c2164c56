"""What the article screen knows about its article, kept apart from the widgets that show it.

:class:`ArticleSession` is plain data with the rules that turn it into what the screen shows
(the spans of the text, the legend's labels, the next summary sentence). It holds no widget
and starts no worker, so it can be read and tested without an app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core import Analysis, Annotation, Article, Summary, Tone
from reader.tui import spans as sp
from reader.tui.article import tone_view
from reader.tui.undo import Change, UndoStack

if TYPE_CHECKING:
    from textual.content import Span

MAX_SENTENCES = 20
"""The longest summary the + key makes."""


class ArticleSession:
    """The article on screen: its text, analysis, summary, highlights, tone and undo stack."""

    def __init__(self, article_id: int) -> None:
        """Start knowing only which article to show."""
        self.article_id = article_id
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.summary: Summary | None = None
        self.annotations: list[Annotation] = []
        self.algorithm = ""
        """The summary algorithm (the library's choice, changed with S)."""
        self.sentence_count = 0
        """How many sentences the summary has (changed with + and -)."""
        self.colour = True
        """Whether entities and numbers are coloured (e)."""
        self.tone: Tone | None = None
        self.tone_mode = False
        """Whether the text shows the tone evidence instead of the entity colours (T)."""
        self.sources = 1
        """How many articles the article's story has (1: no other source in the library)."""
        self.undo: UndoStack[Change] = UndoStack()
        self.saved_position: int | None = None
        """The reading position last stored, so that an unchanged one is not written again."""

    def loaded(
        self, article: Article, annotations: list[Annotation], algorithm: str, sentences: int
    ) -> None:
        """Take in a freshly read article (first shown, or re-imported with new text)."""
        self.article, self.annotations = article, annotations
        self.algorithm, self.sentence_count = algorithm, sentences
        self.saved_position = article.reading_position
        # New text makes the old evidence offsets meaningless until re-assessed.
        self.tone = None

    @property
    def showing_tone(self) -> bool:
        """Whether the tone evidence is on screen (tone mode, and the tone is known)."""
        return self.tone_mode and self.tone is not None

    def annotation_at(self, where: tuple[int, int] | None) -> Annotation | None:
        """The highlight overlapping ``where`` (the cursor sentence or selection), if any."""
        return sp.annotation_at(self.annotations, *where) if where else None

    def covers(self, where: tuple[int, int]) -> bool:
        """Whether a highlight already contains all of ``where``."""
        return any(a.start <= where[0] and where[1] <= a.end for a in self.annotations)

    def spans(self) -> list[Span]:
        """The styles of the text: in tone mode the evidence replaces the entity colours."""
        if self.tone_mode and self.tone is not None:
            return [
                *sp.text_spans(None, [], self.summary),
                *tone_view.tone_spans(self.tone),
                *sp.text_spans(None, self.annotations, None),
            ]
        return sp.text_spans(self.analysis, self.annotations, self.summary, colour=self.colour)

    def legend_labels(self) -> set[str]:
        """The kinds of entity and number found in the article."""
        if self.analysis is None:
            return set()
        return {str(s.label) for s in (*self.analysis.entities, *self.analysis.numbers)}

    def summary_length(self, delta: int) -> int:
        """The summary length ``delta`` sentences away, kept between 1 and what the text has."""
        available = len(self.analysis.sentences) if self.analysis else MAX_SENTENCES
        return max(1, min(MAX_SENTENCES, available, self.sentence_count + delta))

    def next_summary_start(self, here: int, direction: int) -> int | None:
        """Where the next summary sentence after (or before, ``direction`` < 0) ``here`` starts."""
        if self.summary is None:
            return None
        starts = sorted(s.start for s in self.summary.sentences)
        if direction > 0:
            return next((s for s in starts if s > here), None)
        ahead = [s for s in starts if s < here]
        return ahead[-1] if ahead else None
