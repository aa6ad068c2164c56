"""Sub-sentence highlights: word motions (pure), then w W < > h with Pilot, then the export →
``skim import-notes`` round trip keeping the highlight exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import Library
from reader.tui.article.word_selection import extend, first_word, move_start, next_word
from tests.tui.helpers import settle_until
from tests.tui.test_article_screen import article_id, reading

BODY = "The repairs cost £3.4m, of which £2.1m came from Pennine Structural Ltd. today."


def words(span: tuple[int, int]) -> str:
    return BODY[span[0] : span[1]]


def test_word_motions_keep_to_word_edges() -> None:
    first = first_word(BODY, (0, len(BODY)))
    assert first is not None and words(first) == "The"
    assert words(extend(BODY, first, 1)) == "The repairs"
    assert extend(BODY, first, -1) == first  # never fewer than one word
    figure = BODY.index("£3.4m")
    span = (figure, figure + len("£3.4m"))
    assert words(extend(BODY, span, 1)) == "£3.4m, of"
    assert words(extend(BODY, extend(BODY, span, 1), -1)) == "£3.4m"
    assert words(move_start(BODY, span, -1)) == "cost £3.4m"
    assert move_start(BODY, span, 1) == span  # the start never passes the end
    assert words(move_start(BODY, (0, span[1]), 1)) == "repairs cost £3.4m"
    inside = BODY.index("3.4m")
    assert words(move_start(BODY, (inside, span[1]), -1)) == "£3.4m"  # to the word's own start
    assert next_word(BODY, len(BODY)) is None


async def test_w_and_find_select_a_figure_exactly_and_h_highlights_it(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = article_id(library)
    async with reading(library, aid) as (pilot, screen):
        body = screen.article_text.body
        # Find the figure, go back to the text, and select from the match a word at a time.
        await pilot.press("slash", *"3.4m", "tab", "w")
        start = body.index("3.4m")
        assert screen.article_text.selection_range == (start, start + 4)
        await pilot.press("less_than_sign", "w", "w")
        assert body[slice(*screen.article_text.selection_range)] == "£3.4m, of which"
        await pilot.press("W", "W")
        figure = (start - 1, start + 4)
        assert screen.article_text.selection_range == figure
        await pilot.press("h")
        await settle_until(pilot, lambda: bool(screen.session.annotations))
        [made] = library.annotations.of(aid)
        assert (made.start, made.end, made.quote) == (*figure, "£3.4m")
        # The sentence is longer than the highlight: y copies the highlight only.
        copied: list[str] = []
        monkeypatch.setattr(screen.app, "copy_to_clipboard", copied.append)
        await pilot.press("escape", "y")
        assert copied == ["£3.4m"]

    # Export, edit the note in the file, skim import-notes: the highlight keeps its exact words.
    monkeypatch.chdir(tmp_path)
    data = str(library.path.parent)
    assert main(["--data-dir", data, "export", str(aid), "--out", "notes"]) == 0
    [path] = (tmp_path / "notes").glob("*.md")
    text = path.read_text("utf-8")
    block = f"> £3.4m\n> ^skim-{made.id}\n"
    assert block in text  # the quote is the highlighted words, not the sentence
    text = text.replace(block, f"> £3.4m\n> **Note:** Check the sum.\n> ^skim-{made.id}\n")
    path.write_text(text, "utf-8")
    assert main(["--data-dir", data, "import-notes", str(path)]) == 0
    [back] = library.annotations.of(aid)
    assert (back.start, back.end, back.quote, back.note) == (*figure, "£3.4m", "Check the sum.")
