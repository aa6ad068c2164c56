"""What the article screen does with highlights, notes, tags and undo.

:class:`ArticleAnnotations` sits between :class:`reader.tui.article.base.ArticleBase` (data
and workers) and :class:`reader.tui.article.screen.ArticleScreen` (layout and keys): each
action here is bound to a key there. Every change is written at once, in a worker.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core import Annotation, TriageState
from reader.tui.article.base import ArticleBase, Undo
from reader.tui.dialogs.details_editor import Details, DetailsEditor
from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.dialogs.tag_editor import TagEditor
from reader.tui.undo import short_title


class ArticleAnnotations(ArticleBase):
    """Highlight, annotate, tag and undo on the article screen."""

    def action_select(self) -> None:
        """Start a multi-sentence selection, or extend it by one sentence."""
        self.article_text.start_selection()

    def action_highlight(self) -> None:
        """Highlight the sentence under the cursor, or the selection."""
        where = self.article_text.selection_range
        if self.article is None or where is None:
            return
        self.article_text.clear_selection()
        if any(a.start <= where[0] and where[1] <= a.end for a in self.annotations):
            self.notify("Already highlighted (x removes it).", timeout=2)
            return
        article_id = self.article_id
        self.write(lambda lib: lib.annotate(article_id, *where), "annotations")

    def action_note(self) -> None:
        """Edit the note on the highlight under the cursor, or write one on a new highlight.

        On a sentence without a highlight, the highlight is made only when the note is saved:
        escape leaves the text as it was.
        """
        annotation = self.annotation_under_cursor()
        if annotation is not None:
            self.article_text.clear_selection()
            self.edit_note(annotation)
            return
        where = self.article_text.selection_range
        if self.article is None or where is None:
            return
        self.article_text.clear_selection()
        article_id, quote, library = (
            self.article_id,
            self.article.body[where[0] : where[1]],
            self.library,
        )

        def save(note: str, expected: str) -> None:  # in the editor's worker
            library.annotate(article_id, *where, note=note)

        self.app.push_screen(
            NoteEditor("", quote=quote, title="Note on a new highlight", save=save),
            self._note_saved("annotations"),
        )

    def edit_note(self, annotation: Annotation) -> None:
        """Open the note editor for ``annotation``; saving stores the note at once.

        The note is saved only if nobody changed it since the editor opened (see NoteEditor).
        """
        library = self.library

        def save(note: str, expected: str) -> None:  # in the editor's worker
            if note != expected:
                library.update_annotation(annotation.id, note=note, expected_note=expected)

        editor = NoteEditor(
            annotation.note, quote=annotation.quote, title="Note on highlight", save=save
        )
        self.app.push_screen(editor, self._note_saved("annotations"))

    def action_article_note(self) -> None:
        """Edit the note about the whole article."""
        if self.article is None:
            return
        article_id, library = self.article_id, self.library

        def save(note: str, expected: str) -> None:  # in the editor's worker
            if note != expected:
                library.set_article_note(article_id, note, expected=expected)

        editor = NoteEditor(self.article.note, title=f"Note on “{self.article.title}”", save=save)
        self.app.push_screen(editor, self._note_saved("article"))

    def _note_saved(self, then: str) -> Callable[[str | None], None]:
        """What to do when the note editor closes: show what is now stored."""

        def refresh(note: str | None) -> None:
            if note is not None:
                self.write(lambda lib: None, then)

        return refresh

    def action_tags(self) -> None:
        """Edit the article's tags (tags another program changed meanwhile are kept)."""
        if self.article is None:
            return
        current, article_id = list(self.article.tags), self.article_id

        def saved(tags: list[str] | None) -> None:
            if tags is not None and tags != current:
                self.write(lambda lib: lib.edit_tags(article_id, current, tags), "article")

        self.app.push_screen(TagEditor(current, title="Tags of this article"), saved)

    def action_edit_details(self) -> None:
        """Correct the title, published date, source, author or URL (u takes it back)."""
        if self.article is None:
            return
        current, article_id = Details.of(self.article), self.article_id

        def saved(details: Details | None) -> None:
            if details is None or details == current:
                return
            self.undo_stack.append(Undo("details", current))
            names = details.changed_from(current)
            changed = " and ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
            notice = f"Changed the {changed} of “{short_title(details.title)}”: u undoes it."
            self.write(lambda lib: details.store(lib, article_id), "article", notice)

        self.app.push_screen(DetailsEditor(current), saved)

    def action_remove_highlight(self) -> None:
        """Remove the highlight under the cursor (u brings it back)."""
        annotation = self.annotation_under_cursor()
        if annotation is None:
            return
        self.undo_stack.append(Undo("annotation", annotation.id))
        self.write(lambda lib: lib.delete_annotation(annotation.id), "annotations")
        self.notify("Highlight removed: u brings it back.", timeout=3)

    def action_undo(self) -> None:
        """Take back the last highlight removal, triage change or details edit."""
        if not self.undo_stack:
            self.notify("Nothing to undo", timeout=2)
            return
        undo, article_id = self.undo_stack.pop(), self.article_id
        if isinstance(undo.value, Details):
            details = undo.value
            notice = f"Details of “{short_title(details.title)}” restored."
            self.write(lambda lib: details.store(lib, article_id), "article", notice)
        elif undo.kind == "annotation" and isinstance(undo.value, int):
            annotation_id = undo.value
            self.write(lambda lib: lib.restore_annotation(annotation_id), "annotations")
        elif undo.kind == "state":
            state = undo.value if isinstance(undo.value, TriageState) else TriageState.INBOX
            self.write(lambda lib: lib.set_state([article_id], state), "article")
        else:
            starred = bool(undo.value)
            self.write(lambda lib: lib.set_starred([article_id], starred), "article")
