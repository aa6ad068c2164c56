"""The article screen's plain parts, without an app: its session and the shared undo stack."""

from __future__ import annotations

from reader.core.library import Library
from reader.core.models import TriageState
from reader.tui import spans as sp
from reader.tui.article.session import MAX_SENTENCES, ArticleSession
from reader.tui.dialogs.details_editor import Details
from reader.tui.undo import DEPTH, Change, UndoStack


def _session(library: Library) -> ArticleSession:
    """A session loaded the way the screen loads one, with its analysis and a 3-sentence summary."""
    meta = library.articles.find()[0]
    article = library.articles.get(meta.id)
    session = ArticleSession(meta.id)
    session.loaded(article, library.annotations.of(meta.id), "skim", 3)
    session.analysis = library.analysis.of(article)
    session.summary = library.analysis.summary(article, algorithm="skim", sentences=3)
    return session


def test_session_spans_legend_and_tone_mode(library: Library) -> None:
    session = _session(library)
    assert session.analysis is not None and session.summary is not None
    assert session.spans() == sp.text_spans(session.analysis, [], session.summary, colour=True)
    labels = {str(s.label) for s in (*session.analysis.entities, *session.analysis.numbers)}
    assert session.legend_labels() == labels and labels
    session.tone_mode = True  # no tone yet: the entity colours stay
    assert not session.showing_tone and session.spans() == sp.text_spans(
        session.analysis, [], session.summary
    )
    assert session.article is not None
    session.tone = library.analysis.tone(session.article)
    assert session.showing_tone
    assert session.spans() != sp.text_spans(session.analysis, [], session.summary)
    session.loaded(session.article, [], "skim", 3)  # new text: the old evidence is dropped
    assert session.tone is None and not session.showing_tone


def test_session_summary_steps_and_highlights(library: Library) -> None:
    session = _session(library)
    assert session.summary is not None and session.analysis is not None
    starts = sorted(s.start for s in session.summary.sentences)
    assert session.next_summary_start(-1, 1) == starts[0]
    assert session.next_summary_start(starts[0], 1) == starts[1]
    assert session.next_summary_start(starts[1], -1) == starts[0]
    assert session.next_summary_start(starts[-1], 1) is None
    assert session.summary_length(-10) == 1
    available = len(session.analysis.sentences)
    assert session.summary_length(100) == min(MAX_SENTENCES, available)
    start, end = session.analysis.sentences[0]
    assert session.annotation_at((start, end)) is None
    assert not session.covers((start, end))
    library.annotations.add(session.article_id, start, end)
    session.annotations = library.annotations.of(session.article_id)
    assert session.covers((start, end))
    annotation = session.annotation_at((start, end))
    assert annotation is not None and annotation.start == start
    assert session.annotation_at(None) is None


def test_one_undo_stack_reverts_article_screen_changes(library: Library) -> None:
    meta = library.articles.find()[0]
    aid = meta.id
    article = library.articles.get(aid)
    stack: UndoStack[Change] = UndoStack()
    annotation = library.annotations.add(aid, 0, 10)
    library.annotations.delete(annotation.id)
    stack.push(Change("annotation", aid, meta.title, annotation_id=annotation.id))
    before = Details.of(article)
    library.articles.edit_details(aid, title="A corrected title")
    stack.push(Change("details", aid, before.title, previous_details=before))
    library.articles.set_state([aid], TriageState.ARCHIVE)
    stack.push(Change("state", aid, meta.title, previous_state=meta.state))

    latest = stack.pop()
    assert latest is not None and latest.kind == "state"
    latest.revert(library)
    assert library.articles.get(aid).state == meta.state
    details = stack.pop()
    assert details is not None and details.describe().startswith("Details of “")
    details.revert(library)
    assert library.articles.get(aid).title == meta.title
    removed = stack.pop()
    assert removed is not None
    removed.revert(library)
    assert [a.id for a in library.annotations.of(aid)] == [annotation.id]
    assert stack.pop() is None and not stack


def test_undo_stack_forgets_the_oldest_beyond_its_depth() -> None:
    stack: UndoStack[Change] = UndoStack()
    for article_id in range(DEPTH + 5):
        stack.push(Change("star", article_id, "t", previous_starred=True))
    popped = [stack.pop() for _ in range(DEPTH)]
    assert [c.article_id for c in popped if c] == list(range(DEPTH + 4, 4, -1))
    assert stack.pop() is None
