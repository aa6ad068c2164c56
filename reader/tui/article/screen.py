"""The article screen: header, Highlights panel, the ArticleText, legend and Notes panel, and its keys.

:class:`ArticleScreen` is the one Textual screen of this package: the layout, the key actions
and the messages from its widgets. What it knows lives in a plain
:class:`~reader.tui.article.session.ArticleSession`; the work behind its keys is done by plain
helpers it owns: :class:`~reader.tui.article.loading.ArticleLoader` (reading workers, showing
results), :class:`~reader.tui.article.storing.ArticleWriter` (writes),
:class:`~reader.tui.article.editing.ArticleEdits` (highlights, notes, tags, details, triage,
undo), :class:`~reader.tui.article.analysis_keys.AnalysisKeys` (summary, entities, colours,
tone) and :class:`~reader.tui.article.exporting.MarkdownExport`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen

from reader.core import Annotation, TriageState
from reader.tui.article import bindings
from reader.tui.article.analysis_keys import AnalysisKeys
from reader.tui.article.article_text import ArticleText
from reader.tui.article.editing import ArticleEdits
from reader.tui.article.exporting import MarkdownExport
from reader.tui.article.external import ArticleOutside
from reader.tui.article.find_bar import FindBar
from reader.tui.article.finding import ArticleFind
from reader.tui.article.header import ArticleHeader
from reader.tui.article.highlights_panel import HighlightsPanel
from reader.tui.article.legend import Legend
from reader.tui.article.loading import ArticleLoader
from reader.tui.article.notes_panel import NotesPanel
from reader.tui.article.session import ArticleSession
from reader.tui.article.stepping import ArticleSteps
from reader.tui.article.storing import ArticleWriter
from reader.tui.article.story_linking import StoryLinking
from reader.tui.article.word_selection import WordSelect
from reader.tui.key_footer import KeyFooter
from reader.tui.messages import OpenStory, library_of

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from reader.core import Library
    from reader.tui.messages import ArticleSequence

NARROW = 110  # below this width the side panels sit above the ArticleText
AUTOSAVE_SECONDS = 20.0


class ArticleScreen(Screen[None]):
    """Read one article: highlight, annotate, summarise and triage it from the keyboard."""

    HELP = bindings.HELP
    BINDINGS: ClassVar[list[BindingType]] = bindings.BINDINGS

    def __init__(self, article_id: int, sequence: ArticleSequence | None = None) -> None:
        """Prepare to show the article with ``article_id`` (of ``sequence``, for J and K)."""
        super().__init__()
        self.article_id = article_id
        self.session = ArticleSession(article_id)
        self.loader = ArticleLoader(self)
        self.writer = ArticleWriter(self)
        self.edits = ArticleEdits(self)
        self.markdown_export = MarkdownExport(self)
        self.story_linking = StoryLinking(self)
        self.find = ArticleFind(self)
        self.steps = ArticleSteps(self, sequence)
        self.outside = ArticleOutside(self)
        self.words = WordSelect(self)
        self.analysis_keys = AnalysisKeys(self)
        self._article_text: ArticleText | None = None

    @property
    def library(self) -> Library:
        """The app's library."""
        return library_of(self.app)

    @property
    def article_text(self) -> ArticleText:
        """The ArticleText widget (kept: it still knows the reading position after being unmounted)."""
        if self._article_text is None:
            self._article_text = self.query_one(ArticleText)
        return self._article_text

    def annotation_under_cursor(self) -> Annotation | None:
        """The highlight overlapping the cursor sentence (or the selection)."""
        return self.session.annotation_at(self.article_text.selection_range)

    def if_shown(self, callback: Callable[..., None], *args: Any) -> None:
        """Run ``callback`` only while this screen is mounted and staying (results can outlive it)."""
        # A screen being dismissed is still attached while its children are pruned: querying them
        # then fails (`q` pressed during the first analysis).
        if self.is_attached and not (self._closing or self._pruning):
            callback(*args)

    def compose(self) -> ComposeResult:
        """Header, ArticleText and side panels, footer."""
        yield ArticleHeader(id="article-header")
        with Horizontal(id="article-body"):
            yield ArticleText(id="article-text")
            with VerticalScroll(id="side", can_focus=False):
                yield HighlightsPanel(id="highlights")
                yield Legend(id="legend")
                yield NotesPanel(id="notes")
        yield FindBar(id="find-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Start reading the article and save the reading position now and then."""
        self.set_class(self.app.size.width < NARROW, "-narrow")  # lay out once, not twice
        self.article_text.focus()
        self.query_one(Legend).display = False
        self.loader.load()
        self.set_interval(AUTOSAVE_SECONDS, lambda: self.writer.save_position(leaving=False))
        self.loader.watch_outside_changes()

    def on_resize(self) -> None:
        """Move the side panels above the ArticleText on narrow terminals."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        """If the app quits from this screen (ctrl+q), keep the reading position all the same.

        This write runs on the UI thread: nothing is left to keep responsive while quitting.
        """
        if self._article_text is not None:
            self.writer.save_position_now(self._article_text.first_visible_offset)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim keys that do nothing at the moment.

        Textual asks again at each key press; the footer is refreshed only when a key it shows
        changes state (after the analysis), because refreshing it costs a layout.
        """
        session = self.session
        if action == "remove_highlight":
            return self.annotation_under_cursor() is not None or None
        if action in ("next_summary", "previous_summary", "scores", "reasons"):
            return session.summary is not None or None
        if action in ("entities", "algorithm", "longer", "shorter"):
            return session.analysis is not None or None
        if action == "colours":  # tone mode shows the evidence instead of the colours
            return (session.analysis is not None and not session.tone_mode) or None
        if action == "tone":
            return session.tone is not None or None
        if action == "find":  # in the find bar, "/" is just a character
            return self.focused is not self.query_one(FindBar).input
        if action == "next_article":
            return self.steps.sequence is not None or None
        if action == "export":
            return session.article is not None or None
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

    def action_page_up(self) -> None:
        """Scroll the text one screen up."""
        self.article_text.scroll_page_up(animate=False)

    def action_half_page(self, direction: int) -> None:
        """Scroll the text half a screen down (1) or up (-1)."""
        text = self.article_text
        half = max(1, text.scrollable_content_region.height // 2)
        text.scroll_to(y=text.scroll_y + direction * half, animate=False)

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
        self.analysis_keys.jump_summary(1)

    def action_previous_summary(self) -> None:
        """Jump to the previous summary sentence in the text."""
        self.analysis_keys.jump_summary(-1)

    def action_panels(self) -> None:
        """Show or hide the side panels."""
        self.query_one("#side").toggle_class("-hidden")

    def action_escape(self) -> None:
        """Drop the selection if there is one, else leave tone mode, else go back to the library."""
        if self.article_text.selecting:
            self.article_text.clear_selection()
        elif self.find.finder.active:
            self.find.close(clear=True)
        elif self.session.tone_mode:
            self.action_tone()
        else:
            self.action_back()

    def action_back(self) -> None:
        """Save the reading position and go back."""
        self.writer.save_position(leaving=True)
        self.dismiss()

    # -- find (see finding.py) -------------------------------------------------------------------

    def action_find(self) -> None:
        """Find words in the article: every match is marked as you type."""
        self.find.open()

    def action_find_next(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) match of the last search."""
        self.find.step(direction)

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        """Search again as the reader types."""
        self.find.search(event.query)

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        """Go to the next or previous match."""
        self.find.step(event.direction)

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        """Give the keys back to the text, with or without the matches."""
        self.find.close(clear=event.clear)

    # -- highlights, notes, tags, details, triage (see editing.py) -------------------------------

    def action_select(self) -> None:
        """Start a multi-sentence selection, or extend it by one sentence."""
        self.article_text.start_selection()

    def action_words(self, motion: str) -> None:
        """Select part of a sentence: start, extend or shrink it a word at a time."""
        self.words.act(motion)

    def action_highlight(self) -> None:
        """Highlight the sentence under the cursor, or the selection."""
        self.edits.highlight()

    def action_note(self) -> None:
        """Edit the note on the highlight under the cursor, or write one on a new highlight.

        On a sentence without a highlight, the highlight is made only when the note is saved:
        escape leaves the text as it was.
        """
        self.edits.note()

    def action_article_note(self) -> None:
        """Edit the note about the whole article."""
        self.edits.article_note()

    def action_tags(self) -> None:
        """Edit the article's tags (tags another program changed meanwhile are kept)."""
        self.edits.tags()

    def action_edit_details(self) -> None:
        """Correct the title, published date, source, author or URL (u takes it back)."""
        self.edits.edit_details()

    def action_remove_highlight(self) -> None:
        """Remove the highlight under the cursor (u brings it back)."""
        self.edits.remove_highlight()

    def action_undo(self) -> None:
        """Take back the last highlight removal, triage change or details edit."""
        self.edits.undo()

    def action_later(self) -> None:
        """Keep the article for later."""
        self.edits.move(TriageState.LATER)

    def action_archive(self) -> None:
        """Archive the article."""
        self.edits.move(TriageState.ARCHIVE)

    def action_star(self) -> None:
        """Star or unstar the article."""
        self.edits.star()

    # -- summary and entities --------------------------------------------------------------------

    def action_algorithm(self) -> None:
        """Choose the summary algorithm."""
        self.analysis_keys.choose_algorithm()

    def action_longer(self) -> None:
        """One more summary sentence."""
        self.analysis_keys.resize_summary(1)

    def action_shorter(self) -> None:
        """One summary sentence fewer."""
        self.analysis_keys.resize_summary(-1)

    def action_reasons(self) -> None:
        """Show why each highlight was chosen (the parts of its score)."""
        self.analysis_keys.show_reasons()

    def action_scores(self) -> None:
        """Show or hide each summary sentence's rank and score."""
        self.analysis_keys.toggle_scores()

    def action_colours(self) -> None:
        """Colour entities and numbers, or not."""
        self.analysis_keys.toggle_colours()

    def action_entities(self) -> None:
        """List the entities and numbers; choosing one jumps to its next mention."""
        self.analysis_keys.list_entities()

    # -- the article among others ----------------------------------------------------------------

    def action_tone(self) -> None:
        """Show the words and sentences behind the tone label, or stop showing them."""
        self.analysis_keys.toggle_tone()

    def action_next_article(self, direction: int) -> None:
        """Open the next (1) or previous (-1) article of the list this one was opened from."""
        self.steps.step(direction)

    def action_open_url(self) -> None:
        """Open the article's web address in the browser."""
        self.outside.open_url()

    def action_copy(self) -> None:
        """Copy the selection, the highlight under the cursor or the sentence to the clipboard."""
        self.outside.copy_text()

    def action_copy_url(self) -> None:
        """Copy the article's web address to the clipboard."""
        self.outside.copy_url()

    def action_edit_note_outside(self) -> None:
        """Edit the note of the highlight under the cursor in $VISUAL / $EDITOR."""
        self.outside.edit_note()

    def action_story(self) -> None:
        """Compare this article with the other sources covering its story."""
        if self.session.sources < 2:
            self.notify("No other source of this story is in your library", timeout=3)
            return
        self.post_message(OpenStory(self.article_id))

    def action_link_story(self) -> None:
        """Say which saved article covers the same event (or take this one out of its story)."""
        self.story_linking.start()

    def action_export(self) -> None:
        """Export this article with its highlights and notes to a Markdown file."""
        self.markdown_export.start()
