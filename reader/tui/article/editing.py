"""What the reader changes on the article screen: highlights, notes, tags, details, triage, undo.

:class:`ArticleEdits` does the work of the screen's editing keys (the screen keeps the
``action_*`` methods, which the bindings and the help screen need). Every change is written at
once through the screen's :class:`~reader.tui.article.storing.ArticleWriter`; the ones `u`
takes back go onto the session's :class:`~reader.tui.undo.UndoStack`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.core import Annotation, TriageState
from reader.tui.dialogs.details_editor import Details, DetailsEditor
from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.dialogs.tag_editor import TagEditor
from reader.tui.undo import Change, Kind, short_title

if TYPE_CHECKING:
    from reader.tui.article.screen import ArticleScreen


class ArticleEdits:
    """The editing keys of an article screen."""

    def __init__(self, screen: ArticleScreen) -> None:
        """Edit the article shown on ``screen``."""
        self.screen = screen
        self.session = screen.session
        self.write = screen.writer.write

    # -- highlights and notes --------------------------------------------------------------------

    def highlight(self) -> None:
        """Highlight the sentence under the cursor, or the selection."""
        text = self.screen.article_text
        where = text.selection_range
        if self.session.article is None or where is None:
            return
        text.clear_selection()
        if self.session.covers(where):
            self.screen.notify("Already highlighted (x removes it).", timeout=2)
            return
        article_id = self.session.article_id
        self.write(lambda lib: lib.annotations.add(article_id, *where), "annotations")

    def note(self) -> None:
        """Edit the note on the highlight under the cursor, or write one on a new highlight.

        On a sentence without a highlight, the highlight is made only when the note is saved:
        escape leaves the text as it was.
        """
        text = self.screen.article_text
        annotation = self.screen.annotation_under_cursor()
        if annotation is not None:
            text.clear_selection()
            self.edit_note(annotation)
            return
        where, article = text.selection_range, self.session.article
        if article is None or where is None:
            return
        text.clear_selection()
        article_id, quote, library = (
            self.session.article_id,
            article.body[where[0] : where[1]],
            self.screen.library,
        )

        def save(note: str, expected: str) -> None:  # in the editor's worker
            library.annotations.add(article_id, *where, note=note)

        self.screen.app.push_screen(
            NoteEditor("", quote=quote, title="Note on a new highlight", save=save),
            self._note_saved("annotations"),
        )

    def edit_note(self, annotation: Annotation) -> None:
        """Open the note editor for ``annotation``; saving stores the note at once.

        The note is saved only if nobody changed it since the editor opened (see NoteEditor).
        """
        library = self.screen.library

        def save(note: str, expected: str) -> None:  # in the editor's worker
            if note != expected:
                library.annotations.update(annotation.id, note=note, expected_note=expected)

        editor = NoteEditor(
            annotation.note, quote=annotation.quote, title="Note on highlight", save=save
        )
        self.screen.app.push_screen(editor, self._note_saved("annotations"))

    def article_note(self) -> None:
        """Edit the note about the whole article."""
        article = self.session.article
        if article is None:
            return
        article_id, library = self.session.article_id, self.screen.library

        def save(note: str, expected: str) -> None:  # in the editor's worker
            if note != expected:
                library.articles.set_article_note(article_id, note, expected=expected)

        editor = NoteEditor(article.note, title=f"Note on “{article.title}”", save=save)
        self.screen.app.push_screen(editor, self._note_saved("article"))

    def _note_saved(self, then: str) -> Callable[[str | None], None]:
        """What to do when the note editor closes: show what is now stored."""

        def refresh(note: str | None) -> None:
            if note is not None:
                self.write(lambda lib: None, then)

        return refresh

    def remove_highlight(self) -> None:
        """Remove the highlight under the cursor (u brings it back)."""
        annotation = self.screen.annotation_under_cursor()
        if annotation is None:
            return
        self._remember("annotation", annotation_id=annotation.id)
        self.write(lambda lib: lib.annotations.delete(annotation.id), "annotations")
        self.screen.notify("Highlight removed: u brings it back.", timeout=3)

    # -- tags and details ------------------------------------------------------------------------

    def tags(self) -> None:
        """Edit the article's tags (tags another program changed meanwhile are kept)."""
        if self.session.article is None:
            return
        current, article_id = list(self.session.article.tags), self.session.article_id

        def saved(tags: list[str] | None) -> None:
            if tags is not None and tags != current:
                self.write(lambda lib: lib.articles.edit_tags(article_id, current, tags), "article")

        self.screen.app.push_screen(TagEditor(current, title="Tags of this article"), saved)

    def edit_details(self) -> None:
        """Correct the title, published date, source, author or URL (u takes it back)."""
        if self.session.article is None:
            return
        current, article_id = Details.of(self.session.article), self.session.article_id

        def saved(details: Details | None) -> None:
            if details is None or details == current:
                return
            self._remember("details", title=current.title, previous_details=current)
            names = details.changed_from(current)
            changed = " and ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
            notice = f"Changed the {changed} of “{short_title(details.title)}”: u undoes it."
            self.write(lambda lib: details.store(lib, article_id), "article", notice)

        self.screen.app.push_screen(DetailsEditor(current), saved)

    # -- triage ----------------------------------------------------------------------------------

    def move(self, state: TriageState) -> None:
        """Move the article to ``state`` (u moves it back)."""
        if self.session.article is None:
            return
        previous, article_id = self.session.article.state, self.session.article_id
        if previous == state:
            self.screen.notify(f"Already in {state.value}", timeout=2)
            return
        self._remember("state", previous_state=previous)
        self.write(lambda lib: lib.articles.set_state([article_id], state), "article")
        self.screen.notify(f"Moved to {state.value}: u undoes it.", timeout=2)

    def star(self) -> None:
        """Star or unstar the article (u takes it back)."""
        if self.session.article is None:
            return
        starred, article_id = self.session.article.starred, self.session.article_id
        self._remember("star", previous_starred=starred)
        self.write(lambda lib: lib.articles.set_starred([article_id], not starred), "article")

    # -- undo ------------------------------------------------------------------------------------

    def _remember(self, kind: Kind, *, title: str = "", **previous: Any) -> None:
        article = self.session.article
        title = title or (article.title if article is not None else "")
        self.session.undo.push(Change(kind, self.session.article_id, title, **previous))

    def undo(self) -> None:
        """Take back the last highlight removal, triage change or details edit."""
        change = self.session.undo.pop()
        if change is None:
            self.screen.notify("Nothing to undo", timeout=2)
            return
        then = "annotations" if change.kind == "annotation" else "article"
        notice = change.describe() if change.kind == "details" else ""
        self.write(change.revert, then, notice)
