"""The article screen's keys over the analysis: summary, entities and numbers, colours and tone.

:class:`AnalysisKeys` does the work behind S, +, -, r, R, {, }, e, E and T: it changes the
:class:`~reader.tui.article.session.ArticleSession`, stores the summary choice through the
screen's writer and asks the loader to fetch or restyle what the change touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.tui import entities
from reader.tui.article import tone_view
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.dialogs.algorithm_picker import AlgorithmPicker
from reader.tui.dialogs.entity_list import EntityList
from reader.tui.dialogs.summary_reasons import SummaryReasons

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen


class AnalysisKeys:
    """The summary, entity, colour and tone keys of an article screen."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Act on the article shown on ``screen``."""
        self.screen = screen
        self.session = screen.session

    def jump_summary(self, direction: int) -> None:
        """Jump to the next (1) or previous (-1) summary sentence in the text."""
        if self.session.summary is None:
            return
        text = self.screen.article_text
        here = (text.cursor_range or (text.first_visible_offset, 0))[0]
        start = self.session.next_summary_start(here, direction)
        if start is None:
            self.screen.notify("No more summary sentences this way.", timeout=2)
            return
        text.jump_to(start)

    def choose_algorithm(self) -> None:
        """Ask for the summary algorithm; a new choice is stored and the summary recomputed."""
        from reader.core import ALGORITHMS

        session, screen = self.session, self.screen

        def chosen(name: str | None) -> None:
            if name and name != session.algorithm:
                session.algorithm = name
                screen.writer.write(lambda lib: lib.analysis.set_summary_choice(algorithm=name))
                screen.loader.request_summary()

        screen.app.push_screen(AlgorithmPicker(list(ALGORITHMS), session.algorithm), chosen)

    def resize_summary(self, delta: int) -> None:
        """Make the summary ``delta`` sentences longer (or shorter), within its bounds."""
        count = self.session.summary_length(delta)
        if count == self.session.sentence_count:
            return
        self.session.sentence_count = count
        self.screen.writer.write(lambda lib: lib.analysis.set_summary_choice(sentences=count))
        self.screen.loader.request_summary()

    def show_reasons(self) -> None:
        """Show why each highlight was chosen (the parts of its score)."""
        if self.session.summary is not None:
            self.screen.app.push_screen(SummaryReasons(self.session.summary))

    def toggle_scores(self) -> None:
        """Show or hide each summary sentence's rank and score in the Highlights panel."""
        panel = self.screen.query_one(HighlightsPanel)
        panel.show_scores = not panel.show_scores

    def toggle_colours(self) -> None:
        """Colour entities and numbers, or not."""
        self.session.colour = not self.session.colour
        self.screen.loader.restyle()
        self.screen.loader.show_legend()

    def list_entities(self) -> None:
        """List the entities and numbers; choosing one jumps to its next mention."""
        analysis = self.session.analysis
        if analysis is None:
            return
        screen = self.screen

        def chosen(entry: entities.EntityEntry | None) -> None:
            if entry is None:
                return
            found = entities.mentions(analysis, entry.label, entry.text)
            here = (screen.article_text.cursor_range or (0, 0))[0]
            mention = entities.next_mention(found, here)
            if mention is not None:
                index, (start, _) = mention
                screen.article_text.jump_to(start)
                screen.notify(f"{entry.text}: mention {index + 1} of {len(found)}", timeout=2)

        screen.app.push_screen(EntityList(entities.entity_groups(analysis)), chosen)

    def toggle_tone(self) -> None:
        """Show the words and sentences behind the tone label, or stop showing them."""
        tone = self.session.tone
        if tone is None:
            return
        self.session.tone_mode = not self.session.tone_mode
        self.screen.loader.restyle()
        self.screen.loader.show_legend()
        if self.session.tone_mode:
            self.screen.notify(tone_view.explanation(tone), timeout=8)
