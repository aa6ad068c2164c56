"""The article screen shows what another program did to its article: new notes, new text, orphans."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reader.core.library import Library
from reader.core.models import ArticleDraft
from reader.tui.article.notes_panel import NotesPanel
from reader.tui.article.screen import ArticleScreen
from tests.reliability.screen_text import screen_text
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp, settle

ROOT = Path(__file__).resolve().parents[2]
URL = "https://news.test/ferry"
OLD = "The first crossing leaves at seven.\n\nTickets cost four euros.\n\nGulls follow the boat."
NEW = "The first crossing leaves at seven.\n\nTickets cost five euros.\n\nGulls follow the boat."


def _skim(data: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


async def _wait(pilot: Any, done: Any) -> None:
    for _ in range(40):  # the screen polls every second
        if done():
            return
        await pilot.pause(0.1)
    await settle(pilot)


async def test_notes_and_new_text_from_the_cli_appear_and_orphans_are_marked(
    empty_library: Library, tmp_path: Path
) -> None:
    library = empty_library
    aid = library.articles.add(ArticleDraft(title="Ferry", body=OLD, url=URL)).article.id
    library.annotations.add_quote(aid, "four euros", note="cheap")
    page = tmp_path / "ferry.md"
    page.write_text(f"---\ntitle: Ferry\nurl: {URL}\n---\n\n{NEW}\n", encoding="utf-8")
    app = RecordingApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = ArticleScreen(aid)
        await app.push_screen(screen)
        await settle(pilot)
        panel = screen.query_one(NotesPanel)
        assert [a.note for a in panel.annotations] == ["cheap"]

        _skim(library.path.parent, "note", str(aid), "--quote", "Gulls", "--note", "from a shell")
        await _wait(pilot, lambda: len(panel.annotations) == 2)
        assert sorted(a.note for a in panel.annotations) == ["cheap", "from a shell"]

        _skim(library.path.parent, "add", str(page))
        await _wait(
            pilot, lambda: screen.session.article is not None and screen.session.article.body == NEW
        )
        await settle(pilot)
        assert screen.session.article is not None and screen.session.article.body == NEW
        orphan = next(a for a in panel.annotations if a.note == "cheap")
        assert orphan.orphaned
        assert "(the text changed; this passage was not" in screen_text(app)  # then it wraps
    TALLY["concurrent writes made"] += 2
