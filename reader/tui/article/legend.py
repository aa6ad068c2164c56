"""The legend: which colour means which kind of entity or number in the ArticleText."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.tui.article.tone_view import EVIDENCE_STYLE, OPINION_STYLE, QUOTED_STYLE
from reader.tui.spans import HIGHLIGHT_STYLE, LABEL_NAMES, LABEL_STYLES, SUMMARY_STYLE

OFF_STYLE = "$text-muted strike"


def legend_content(labels: Iterable[str], *, colour: bool, tone: bool = False) -> Content:
    """A compact key for the ``labels`` present in the article.

    Each kind is named in its own colour (single words, so wrapping never splits a key); with
    colouring off the same words are struck through, so the legend keeps its size. In tone mode
    the key names the tone marks instead of the entity colours.
    """
    present = set(labels)
    parts: list[Content | str | tuple[str, str]] = []
    if tone:
        parts.extend(
            [
                ("evidence", EVIDENCE_STYLE),
                "  ",
                ("opinion", OPINION_STYLE),
                "  ",
                ("quoted", QUOTED_STYLE),
                "  ",
            ]
        )
        present = set()
    for label, style in LABEL_STYLES.items():
        if label in present:
            parts.extend([(LABEL_NAMES[label], style if colour else OFF_STYLE), "  "])
    parts.extend([("highlight", HIGHLIGHT_STYLE), "  ", ("summary", SUMMARY_STYLE)])
    return Content.assemble(*parts)


class Legend(Widget):
    """A key to the ArticleText's colours; it lists only the kinds that occur in the article."""

    DEFAULT_CSS = """
    Legend {
        height: auto;
        padding: 0 1 1 1;
    }
    """

    labels: reactive[frozenset[str]] = reactive(frozenset(), layout=True)
    """The entity and number labels found in the article."""

    colour: reactive[bool] = reactive(True)
    """Whether the ArticleText colours them (switching only repaints: the size stays the same)."""

    tone: reactive[bool] = reactive(False, layout=True)
    """Whether the ArticleText shows the tone evidence (instead of entity colours)."""

    def show(self, labels: Iterable[str], *, colour: bool, tone: bool = False) -> None:
        """Describe the colours used for ``labels``, struck through when colouring is off."""
        self.labels = frozenset(labels)
        self.colour = colour
        self.tone = tone

    def render(self) -> Content:
        """The key, as coloured words."""
        return legend_content(self.labels, colour=self.colour, tone=self.tone)
