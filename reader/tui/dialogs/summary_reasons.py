"""Why these highlights: each summary sentence with the parts of its score (the ``r`` key)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from reader.core import Summary, SummaryExplanation, SummarySentence

QUOTE_CHARS = 160


def genre_line(summary: Summary) -> str:
    """One line on how the summary was made (the algorithm, and the genre for ``skim``)."""
    explained = [s.explanation for s in summary.sentences if s.explanation is not None]
    if not explained:
        return (
            f"{summary.algorithm} rated every sentence and the best-rated were chosen; only the"
            " default algorithm (skim) breaks its scores into parts."
        )
    why = explained[0]
    if why.genre == "news":
        effect = "its first sentences count for more"
    else:
        effect = "position counts little"
    return f"The text was {why.genre_reason or 'read as ' + why.genre}: {effect}."


def parts_line(why: SummaryExplanation) -> str:
    """The parts of a ``skim`` score, each with what it was made from."""
    return (
        f"centrality {why.centrality:+.2f} (rated above {why.rating:.0%} of sentences by"
        f" {why.rater}) · position {why.position:+.2f} (sentence {why.sentence_number}) ·"
        f" length {why.length:+.2f} ({why.words} words) · repetition {why.redundancy:+.2f}"
    )


def sentence_lines(sentence: SummarySentence) -> list[str]:
    """The lines about one summary sentence: rank and score, the quote, the parts, the rules."""
    text = " ".join(sentence.text.split())
    quote = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"
    lines = [f"#{sentence.rank} · score {sentence.score:.3g}", f"“{quote}”"]
    why = sentence.explanation
    if why is not None:
        lines.append(parts_line(why))
        lines.extend(why.notes)
    return lines


class SummaryReasons(ModalScreen[None]):
    """Each highlight with why it was chosen, best first; any key in BINDINGS closes it.

    Its background is opaque, not the usual tint over the article: Textual draws a tinted
    background by compositing the whole article screen again on each redraw of the dialog, which
    made ``r`` block the reader twice as long (22-26 ms against 11 ms on the 5,400-word sample).
    """

    DEFAULT_CSS = """
    SummaryReasons {
        align: center middle;
        background: $background;
        & > #reasons-dialog {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 90%;
            padding: 0 1;
            border: round $accent;
            background: $surface;
        }
        & .reasons-title { text-style: bold; }
        & #reasons-list { height: auto; max-height: 30; }
        & .reason { margin: 1 0 0 0; }
        & .reasons-hint { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,r", "close", "Close", id="summary-reasons.close"),
    ]

    def __init__(self, summary: Summary) -> None:
        """Explain ``summary``."""
        super().__init__()
        self._summary = summary

    def compose(self) -> ComposeResult:
        """The title, how the summary was made, then one block per sentence (best first)."""
        with Vertical(id="reasons-dialog"):
            yield Label("Why these highlights", classes="reasons-title")
            yield Static(Content(genre_line(self._summary)), classes="reasons-genre")
            with VerticalScroll(id="reasons-list"):
                for sentence in sorted(self._summary.sentences, key=lambda s: s.rank):
                    yield Static(Content("\n".join(sentence_lines(sentence))), classes="reason")
            yield Label("escape close", classes="reasons-hint")

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
