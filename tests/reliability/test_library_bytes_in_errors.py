"""L13: an error that quotes the library (a trigger planted in the file, say) is one clean line.

SQLite's own message can carry bytes from the library file: ``RAISE(ABORT, '…')`` in a trigger,
a constraint's name. Such a StorageError must reach neither the terminal nor the reader's screen
with control sequences or line breaks in it, through the CLI, a toast or a panel.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import StorageError
from reader.core.library import open_library
from reader.core.models import ArticleDraft
from reader.tui.article.screen import ArticleScreen
from tests.reliability.screen_text import control_segments, screen_text
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp, settle

#: ESC [2J (clear the screen), an OSC title ended by BEL, a line break and markup.
EVIL = "'\x1b[2J\x1b]0;owned\x07\n[b]second line[/b]'"  # an SQL literal (RAISE takes no expression)
BODY = (
    "The harbour council met on Monday. It approved a new sea wall for the east pier. "
    "Work starts in the spring and should take two years."
)


def _plant_triggers(path: Path) -> None:
    """Every write skim makes to articles and highlights fails with EVIL (the analysis cache has a
    file of its own, which is never an error)."""
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        for table, event in (
            ("articles", "UPDATE"),
            ("annotations", "INSERT"),
        ):
            db.execute(
                f"CREATE TRIGGER evil_{table} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, {EVIL}); END"
            )


def _library(data: Path) -> int:
    library = open_library(data)
    try:
        article_id = library.articles.add(ArticleDraft(title="Sea wall", body=BODY)).article.id
        library.analysis.of(library.articles.get(article_id))
    finally:
        library.close()
    _plant_triggers(data / "library.sqlite3")
    return article_id


def _clean(text: str) -> bool:
    return not any(ord(char) < 32 or ord(char) == 127 for char in text)


def test_a_storage_error_quoting_the_library_is_one_clean_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    article_id = _library(data)
    library = open_library(data)
    try:
        with pytest.raises(StorageError) as raised:
            library.articles.set_starred([article_id], True)
    finally:
        library.close()
    message = str(raised.value)
    assert _clean(message), repr(message)
    assert "second line" in message  # cleaned, not dropped
    capsys.readouterr()
    assert main(["--data-dir", str(data), "triage", str(article_id), "star"]) == 1
    err = capsys.readouterr().err
    assert _clean(err.rstrip("\n")) and err.count("\n") == 1, repr(err)


async def test_the_reader_shows_such_errors_without_control_sequences(tmp_path: Path) -> None:
    TALLY["inputs tried"] += 1
    data = tmp_path / "data"
    article_id = _library(data)
    library = open_library(data)
    app = RecordingApp(library)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await app.push_screen(ArticleScreen(article_id))
            await settle(pilot)
            for key in ("h", "s", "a"):  # highlight, star, archive: each write is refused
                await pilot.press(key)
                await settle(pilot)
                shown = screen_text(app)
                assert "\x1b" not in shown and "\x07" not in shown, shown
                assert not control_segments(app)
            assert any("second line" in message for message in app.messages), app.messages
            assert "Sea wall" in screen_text(app)
    finally:
        library.close()
