"""The ArticleText's sentence cursor and selection, without Textual."""

from __future__ import annotations

from reader.tui.article.sentence_cursor import SentenceCursor

SENTENCES = ((0, 10), (11, 20), (21, 30), (31, 40))


def test_no_sentences_means_no_cursor() -> None:
    cursor = SentenceCursor()
    assert cursor.range is None and cursor.selection is None and not cursor.selecting


def test_a_selection_of_sentences_runs_from_the_anchor_to_the_cursor() -> None:
    cursor = SentenceCursor()
    cursor.reset(SENTENCES, 2)
    assert cursor.selection == cursor.range == (21, 30)
    cursor.anchor, cursor.index = 2, 0
    assert cursor.selecting and cursor.selection == (0, 30)
    cursor.chars = (3, 7)  # a selection by characters wins
    assert cursor.selection == (3, 7)
    cursor.unselect()
    assert not cursor.selecting and cursor.selection == (0, 10)


def test_moving_from_off_screen_lands_on_a_sentence_in_view() -> None:
    cursor = SentenceCursor()
    cursor.reset(SENTENCES, 0)
    assert cursor.target(1, [2, 3]) == 2
    assert cursor.target(-1, [2, 3]) == 3
    assert cursor.target(1, [0, 1]) == 1
    assert cursor.target(-1, [0, 1]) == 0  # never before the first
    cursor.anchor = 0  # while selecting, the cursor moves from where it is
    assert cursor.target(1, [2, 3]) == 1
