"""The Highlights panel: the summary sentences as bullets, with their scores on request, and the
publisher's own highlights (kept from a pasted page) below them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from reader.core import Summary, SummarySentence, clean_line, partial_note

DIM_AFTER = 0.15
"""Seconds a new summary may take before the old bullets are dimmed."""


class PanelTitle(Widget):
    """A panel's one-line title; changing it repaints the line without a new layout."""

    DEFAULT_CSS = """
    PanelTitle {
        height: 1;
        padding: 0 1;
        text-style: bold;
        color: $text-accent;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    text: reactive[str] = reactive("")
    """The title (plain text: shown as typed)."""

    def __init__(self, text: str, *, id: str | None = None) -> None:
        """Title a panel with ``text``."""
        super().__init__(id=id)
        self.set_reactive(PanelTitle.text, text)

    def render(self) -> Content:
        """The title as plain content."""
        return Content(self.text)


class HighlightsPanel(Vertical):
    """Summary sentences as a focusable list; selecting one asks the screen to scroll to it."""

    DEFAULT_CSS = """
    HighlightsPanel {
        height: auto;
        & > LoadingIndicator { height: 1; min-height: 1; }
        & > .panel-status { width: 1fr; color: $text-muted; padding: 0 1; }
        & > OptionList {
            height: auto;
            border: none;
            padding: 0;
            background: transparent;
            & > .option-list--option { padding: 0 1; }
            &.-stale { text-opacity: 60%; }
        }
        & > #publisher-summary { padding: 0 1; }
    }
    """

    class Selected(Message):
        """The reader chose a summary sentence."""

        def __init__(self, sentence: SummarySentence) -> None:
            """Carry the chosen sentence."""
            super().__init__()
            self.sentence = sentence

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        """Create the panel; it shows a loading state until :meth:`show_summary`."""
        super().__init__(name=name, id=id, classes=classes)
        self._summary: Summary | None = None
        self._show_scores = False
        self._dimming: Timer | None = None

    def compose(self) -> ComposeResult:
        """The title, a progress indicator, a status line and the list of sentences."""
        yield PanelTitle("Highlights")
        yield LoadingIndicator()
        yield Label("Summarising…", classes="panel-status")
        yield OptionList(id="highlights-list")
        # The outlet's own summary: hidden until an article that has one is shown.
        title = PanelTitle("Publisher's highlights", id="publisher-title")
        bullets = Static("", id="publisher-summary", markup=False)
        title.display = bullets.display = False
        yield title
        yield bullets

    @property
    def summary(self) -> Summary | None:
        """The summary shown, if any."""
        return self._summary

    @property
    def sentence_count(self) -> int:
        """How many sentences are listed."""
        return len(self._summary.sentences) if self._summary else 0

    @property
    def show_scores(self) -> bool:
        """Whether each sentence's rank and score are shown."""
        return self._show_scores

    @show_scores.setter
    def show_scores(self, value: bool) -> None:
        self._show_scores = value
        self._fill()

    def show_loading(self, algorithm: str, count: int) -> None:
        """Show that a summary with ``algorithm`` and ``count`` sentences is being computed.

        The first time, a progress indicator stands in for the list; later the old bullets stay
        until the new ones arrive (no jump in the layout on every key press), dimmed if that
        takes a while.
        """
        title = self.query_one(PanelTitle)
        if self._summary is None:
            title.text = f"Highlights · {algorithm} · {count}"
            self.query_one(LoadingIndicator).display = True
            self._status(f"Summarising with {algorithm}…")
        else:
            title.text = f"Highlights · {algorithm} · {count} · summarising…"
            # Dimming restyles every bullet, and undimming again: not for a summary that
            # arrives within a frame or two (most do, from the cache or a fast algorithm).
            self._stop_dimming()
            self._dimming = self.set_timer(DIM_AFTER, self._dim)

    def _dim(self) -> None:
        self._dimming = None
        self.query_one(OptionList).add_class("-stale")

    def _stop_dimming(self) -> None:
        if self._dimming is not None:
            self._dimming.stop()
            self._dimming = None
        self.query_one(OptionList).remove_class("-stale")

    @property
    def stale(self) -> bool:
        """Whether the bullets are shown dimmed (a new summary is on its way, and slow)."""
        return self.query_one(OptionList).has_class("-stale")

    def show_summary(self, summary: Summary) -> None:
        """List the sentences of ``summary``."""
        self._stop_dimming()
        self._summary = summary
        self.query_one(
            PanelTitle
        ).text = f"Highlights · {summary.algorithm} · {len(summary.sentences)}"
        self.query_one(LoadingIndicator).display = False
        if summary.sentences:
            self._status(partial_note(summary))
        else:
            self._status("The text is too short to summarise.")
        self._fill()

    def show_publisher(self, bullets: tuple[str, ...]) -> None:
        """Show the outlet's own summary bullets under skim's (nothing when it has none)."""
        body = Content("\n").join(
            Content.assemble(("◦ ", "$text-muted"), " ".join(line.split())) for line in bullets
        )
        self.query_one("#publisher-summary", Static).update(body)
        for widget in self.query("#publisher-title, #publisher-summary"):
            widget.display = bool(bullets)

    @property
    def publisher_bullets(self) -> str:
        """The publisher's highlights as shown (plain text; empty when hidden)."""
        shown = self.query_one("#publisher-summary", Static)
        return str(shown.visual) if shown.display else ""

    def show_error(self, message: str) -> None:
        """Say why there is no (new) summary."""
        self._stop_dimming()
        self.query_one(PanelTitle).text = "Highlights"
        self.query_one(LoadingIndicator).display = False
        self._status(clean_line(message))  # errors may quote the library: no control sequences

    def _status(self, text: str) -> None:
        status = self.query_one(".panel-status", Label)
        if str(status.content) != text:  # an unchanged update would still cost a layout
            status.update(Content(text))
        status.display = bool(text)

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        bullets = [
            Option(self._prompt(sentence), id=str(sentence.index))
            for sentence in (self._summary.sentences if self._summary else ())
        ]
        if bullets:  # one call: clearing and then adding asks for a layout twice
            options.set_options(bullets)
        else:  # set_options([]) would leave the old bullets on screen
            options.clear_options()
        if options.option_count:  # a bullet is ready for enter as soon as the list has focus
            options.highlighted = min(highlighted or 0, options.option_count - 1)

    def _prompt(self, sentence: SummarySentence) -> Content:
        parts: list[Content | str | tuple[str, str]] = [("• ", "$text-accent")]
        if self._show_scores:
            parts.append((f"#{sentence.rank} {sentence.score:.3g}  ", "$text-muted"))
        parts.append(" ".join(sentence.text.split()))
        return Content.assemble(*parts)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the list's selection into a :class:`Selected` message for the screen."""
        event.stop()
        if self._summary is not None and 0 <= event.option_index < self.sentence_count:
            self.post_message(self.Selected(self._summary.sentences[event.option_index]))
