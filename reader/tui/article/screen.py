"""The article screen: header, Highlights panel, the ArticleText, legend and Notes panel, and its keys.

The data and workers live in :class:`reader.tui.article.base.ArticleBase`, the highlight and
note actions in :class:`reader.tui.article.annotations.ArticleAnnotations`, tone, sources
and export in :class:`reader.tui.article.tone_export.ArticleStory`; this module is the layout,
the keys and the remaining actions (reading, summary, entities, triage).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer

from reader.core import TriageState
from reader.tui import spans as sp
from reader.tui.article.article_text import ArticleText
from reader.tui.article.base import Undo
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.legend import Legend
from reader.tui.article.notes_panel import NotesPanel
from reader.tui.article.tone_export import ArticleStory
from reader.tui.dialogs.algorithm_picker import AlgorithmPicker
from reader.tui.dialogs.entity_list import EntityList
from reader.tui.dialogs.summary_reasons import SummaryReasons

NARROW = 110  # below this width the side panels sit above the ArticleText
MAX_SENTENCES = 20
AUTOSAVE_SECONDS = 20.0


def _key(key: str, action: str, description: str, *, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, id=f"article.{action}")


class ArticleScreen(ArticleStory):
    """Read one article: highlight, annotate, summarise and triage it from the keyboard."""

    CSS_PATH = "screen.tcss"

    HELP = """\
**The sentence cursor** (`[` `]`, or click) marks the sentence that `h`, `n` and `x` act on.
`v` starts a selection over several sentences: extend it with `]` or `v`, then `h` or `n`.
Highlights and notes are saved as soon as you make them; `u` brings back a removed highlight.

**Details**: `m` corrects the title, published date, source, author and URL when the import
guessed wrong (a file name for a title, the day you added it for a date); `u` takes it back.

**Highlights** (the summary): `tab` reaches the panel, `enter` shows the sentence in the text,
`{` `}` step through them in the text, `S` picks the algorithm, `+` `-` change the length
(remembered for the whole library: `skim show`, export and comparisons use them too), `r` shows
why each highlight was chosen, `R` shows each one's rank and score in the panel.

**Colours** mark people, organisations, places, groups and kinds of number (see the legend);
`e` turns them off, `E` lists them and jumps to the next mention.

**Tone** (in the header): `T` shows the evidence in the text — the writer's loaded, alarm and
first-person words — with opinion sentences in italics and quotations muted; `T` again goes back.
When other saved articles report the same event ("2 sources"), `c` compares their coverage.
`ctrl+e` exports the article to Markdown (the last export folder, else `~/skim-notes`).
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("j,down", "scroll_down", "Scroll down"),
        _key("k,up", "scroll_up", "Scroll up"),
        _key("space", "page_down", "Page down"),
        _key("g", "top", "Top"),
        _key("G", "bottom", "Bottom"),
        _key("right_square_bracket", "next_sentence", "Next sentence", show=True),
        _key("left_square_bracket", "previous_sentence", "Previous sentence"),
        _key("h", "highlight", "Highlight", show=True),
        _key("v", "select", "Select sentences"),
        _key("n", "note", "Note", show=True),
        _key("N", "article_note", "Article note"),
        _key("t", "tags", "Tags"),
        _key("m", "edit_details", "Edit details"),
        _key("x", "remove_highlight", "Remove highlight"),
        _key("u", "undo", "Undo"),
        _key("right_curly_bracket", "next_summary", "Next summary sentence"),
        _key("left_curly_bracket", "previous_summary", "Previous summary sentence"),
        _key("S", "algorithm", "Summary algorithm"),
        _key("plus,equals_sign", "longer", "Longer summary"),
        _key("minus", "shorter", "Shorter summary"),
        _key("r", "reasons", "Why these highlights"),
        _key("R", "scores", "Summary scores"),
        _key("e", "colours", "Entity colours"),
        _key("E", "entities", "Entities", show=True),
        _key("T", "tone", "Tone evidence"),
        _key("c", "story", "Compare sources"),
        _key("ctrl+e", "export", "Export Markdown"),
        _key("l", "later", "Later"),
        _key("a", "archive", "Archive"),
        _key("s", "star", "Star"),
        _key("p", "panels", "Side panels"),
        _key("escape", "escape", "Back"),
        _key("q", "back", "Back", show=True),
    ]

    def compose(self) -> ComposeResult:
        """Header, ArticleText and side panels, footer."""
        yield ArticleHeader(id="article-header")
        with Horizontal(id="article-body"):
            yield ArticleText(id="article-text")
            with VerticalScroll(id="side", can_focus=False):
                yield HighlightsPanel(id="highlights")
                yield Legend(id="legend")
                yield NotesPanel(id="notes")
        yield Footer(show_command_palette=False)  # the app's ctrl+p binding shows it

    def on_mount(self) -> None:
        """Start reading the article and save the reading position now and then."""
        self.set_class(self.app.size.width < NARROW, "-narrow")  # lay out once, not twice
        self.article_text.focus()
        self.query_one(Legend).display = False
        self.load()
        self.set_interval(AUTOSAVE_SECONDS, lambda: self.save_position(leaving=False))
        self.watch_outside_changes()

    def on_resize(self) -> None:
        """Move the side panels above the ArticleText on narrow terminals."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim keys that do nothing at the moment.

        Textual asks again at each key press; the footer is refreshed only when a key it shows
        changes state (after the analysis), because refreshing it costs a layout.
        """
        if action == "remove_highlight":
            return self.annotation_under_cursor() is not None or None
        if action in ("next_summary", "previous_summary", "scores", "reasons"):
            return self.summary is not None or None
        if action in ("entities", "algorithm", "longer", "shorter"):
            return self.analysis is not None or None
        if action == "colours":  # tone mode shows the evidence instead of the colours
            return (self.analysis is not None and not self.tone_mode) or None
        if action == "tone":
            return self.tone is not None or None
        if action == "export":
            return self.article is not None or None
        return True

    # -- messages from the widgets ---------------------------------------------------------------

    def on_article_text_cursor_moved(self, event: ArticleText.CursorMoved) -> None:
        """Point the Notes panel at the highlight under the cursor, if there is one."""
        annotation = self.annotation_under_cursor()
        if annotation is not None:
            self.query_one(NotesPanel).point_at(annotation.id)

    def on_highlights_panel_selected(self, event: HighlightsPanel.Selected) -> None:
        """Show the chosen summary sentence in the ArticleText."""
        self.article_text.jump_to(event.sentence.start)
        self.article_text.focus()

    def on_notes_panel_selected(self, event: NotesPanel.Selected) -> None:
        """Show the chosen highlight in the ArticleText."""
        if not event.annotation.orphaned:
            self.article_text.jump_to(event.annotation.start)
            self.article_text.focus()

    # -- reading ---------------------------------------------------------------------------------

    def action_scroll_down(self) -> None:
        """Scroll the text one line down."""
        self.article_text.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        """Scroll the text one line up."""
        self.article_text.scroll_up(animate=False)

    def action_page_down(self) -> None:
        """Scroll the text one screen down."""
        self.article_text.scroll_page_down(animate=False)

    def action_top(self) -> None:
        """Go to the start of the article."""
        self.article_text.scroll_home(animate=False)

    def action_bottom(self) -> None:
        """Go to the end of the article."""
        self.article_text.scroll_end(animate=False)

    def action_next_sentence(self) -> None:
        """Move the sentence cursor (and the end of a selection) to the next sentence."""
        self.article_text.move_cursor(1)

    def action_previous_sentence(self) -> None:
        """Move the sentence cursor (and the end of a selection) to the previous sentence."""
        self.article_text.move_cursor(-1)

    def action_next_summary(self) -> None:
        """Jump to the next summary sentence in the text."""
        self._jump_summary(1)

    def action_previous_summary(self) -> None:
        """Jump to the previous summary sentence in the text."""
        self._jump_summary(-1)

    def _jump_summary(self, direction: int) -> None:
        if self.summary is None:
            return
        here = (self.article_text.cursor_range or (self.article_text.first_visible_offset, 0))[0]
        starts = sorted(s.start for s in self.summary.sentences)
        ahead = (
            [s for s in starts if s > here] if direction > 0 else [s for s in starts if s < here]
        )
        if not ahead:
            self.notify("No more summary sentences this way.", timeout=2)
            return
        self.article_text.jump_to(ahead[0] if direction > 0 else ahead[-1])

    def action_panels(self) -> None:
        """Show or hide the side panels."""
        self.query_one("#side").toggle_class("-hidden")

    def action_escape(self) -> None:
        """Drop the selection if there is one, else leave tone mode, else go back to the library."""
        if self.article_text.selecting:
            self.article_text.clear_selection()
        elif self.tone_mode:
            self.action_tone()
        else:
            self.action_back()

    def action_back(self) -> None:
        """Save the reading position and go back."""
        self.save_position(leaving=True)
        self.dismiss()

    # -- summary and entities --------------------------------------------------------------------

    def action_algorithm(self) -> None:
        """Choose the summary algorithm."""
        from reader.core import ALGORITHMS

        def chosen(name: str | None) -> None:
            if name and name != self.algorithm:
                self.algorithm = name
                self.write(lambda lib: lib.set_summary_choice(algorithm=name))
                self.request_summary()

        self.app.push_screen(AlgorithmPicker(list(ALGORITHMS), self.algorithm), chosen)

    def action_longer(self) -> None:
        """One more summary sentence."""
        self._resize_summary(1)

    def action_shorter(self) -> None:
        """One summary sentence fewer."""
        self._resize_summary(-1)

    def _resize_summary(self, delta: int) -> None:
        available = len(self.analysis.sentences) if self.analysis else MAX_SENTENCES
        count = max(1, min(MAX_SENTENCES, available, self.sentence_count + delta))
        if count == self.sentence_count:
            return
        self.sentence_count = count
        self.write(lambda lib: lib.set_summary_choice(sentences=count))
        self.request_summary()

    def action_reasons(self) -> None:
        """Show why each highlight was chosen (the parts of its score)."""
        if self.summary is not None:
            self.app.push_screen(SummaryReasons(self.summary))

    def action_scores(self) -> None:
        """Show or hide each summary sentence's rank and score."""
        panel = self.query_one(HighlightsPanel)
        panel.show_scores = not panel.show_scores

    def action_colours(self) -> None:
        """Colour entities and numbers, or not."""
        self.colour = not self.colour
        self.restyle()
        self.show_legend()

    def action_entities(self) -> None:
        """List the entities and numbers; choosing one jumps to its next mention."""
        if self.analysis is None:
            return
        analysis = self.analysis

        def chosen(entry: sp.EntityEntry | None) -> None:
            if entry is None:
                return
            found = sp.mentions(analysis, entry.label, entry.text)
            here = (self.article_text.cursor_range or (0, 0))[0]
            mention = sp.next_mention(found, here)
            if mention is not None:
                index, (start, _) = mention
                self.article_text.jump_to(start)
                self.notify(
                    f"{entry.text}: mention {index + 1} of {len(found)}", timeout=2, markup=False
                )

        self.app.push_screen(EntityList(sp.entity_groups(analysis)), chosen)

    # -- triage ----------------------------------------------------------------------------------

    def action_later(self) -> None:
        """Keep the article for later."""
        self._move(TriageState.LATER)

    def action_archive(self) -> None:
        """Archive the article."""
        self._move(TriageState.ARCHIVE)

    def _move(self, state: TriageState) -> None:
        if self.article is None:
            return
        previous, article_id = self.article.state, self.article_id
        if previous == state:
            self.notify(f"Already in {state.value}", timeout=2)
            return
        self.undo_stack.append(Undo("state", previous))
        self.write(lambda lib: lib.set_state([article_id], state), "article")
        self.notify(f"Moved to {state.value}: u undoes it.", timeout=2)

    def action_star(self) -> None:
        """Star or unstar the article."""
        if self.article is None:
            return
        starred, article_id = self.article.starred, self.article_id
        self.undo_stack.append(Undo("star", starred))
        self.write(lambda lib: lib.set_starred([article_id], not starred), "article")
