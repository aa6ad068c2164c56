"""Two skims on one library: the TUI (Pilot, in this process) and a CLI process writing at once.

No "database is locked" may reach the user on either side, and the TUI must show what the CLI
added without a restart (it polls ``Library.change_token``; see reader/tui/changes.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.core.library import Library
from reader.tui.library.article_list import ArticleList
from reader.tui.library.screen import LibraryScreen
from tests.reliability.tally import TALLY
from tests.tui.helpers import RecordingApp, settle

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 12

#: The CLI side: ROUNDS times (`skim add FILE`, then `skim note` on what it added), each a full run of
#: the command line entry point (opening and closing the library like a separate `skim` would).
WRITER = textwrap.dedent(
    """
    import contextlib, io, sys
    from pathlib import Path
    from reader.cli.main import main
    data, folder, rounds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    for i in range(rounds):
        page = folder / f"cli{i}.txt"
        page.write_text(f"Pier report {i}\\n\\nThe pier inspector counted {i} gulls today.\\n")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["--data-dir", data, "add", str(page)])
        print(f"add {status} {out.getvalue().strip()}", flush=True)
        article_id = out.getvalue().split("\\t")[0]
        status = main(["--data-dir", data, "note", article_id, "--quote", "inspector counted",
                       "--note", f"cli note {i}"])
        print(f"note {status}", flush=True)
    """
)


async def test_tui_and_cli_write_at_once_and_the_tui_follows(
    library: Library, tmp_path: Path
) -> None:
    data = library.path.parent
    before = library.articles.count()
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("5")  # the "all" view: starring below must not move rows out of it
        await settle(pilot)
        articles = screen.query_one(ArticleList)
        await pilot.press("j", "j")
        await settle(pilot)
        followed = articles.current
        assert followed is not None
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data), str(tmp_path), str(ROUNDS)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        tui_writes = 0
        while writer.poll() is None:  # the TUI writes too, as fast as a reader can press keys
            await pilot.press("s")
            await pilot.pause(0.05)
            tui_writes += 1
        out, err = writer.communicate(timeout=60)
        await settle(pilot)
        # Within two polls the list shows the CLI's articles, the cursor still on its article.
        for _ in range(60):
            await pilot.pause(0.1)
            if articles.total == before + ROUNDS:
                break
        await settle(pilot)
        assert articles.total == before + ROUNDS
        assert articles.current is not None and articles.current.id == followed.id
        titles = {meta.title for meta in library.articles.find()}
        assert {f"Pier report {i}" for i in range(ROUNDS)} <= titles
        messages = " ".join(app.messages)
    lines = [line for line in out.splitlines() if line.startswith(("add ", "note "))]
    assert "locked" not in err.lower() and "locked" not in messages.lower(), err + messages
    assert writer.returncode == 0 and len(lines) == 2 * ROUNDS, out + err
    assert all(line.split()[1] == "0" for line in lines), out
    notes = [a.note for m in library.articles.find() for a in library.annotations.of(m.id)]
    assert sorted(n for n in notes if n.startswith("cli note")) == sorted(
        f"cli note {i}" for i in range(ROUNDS)
    )
    TALLY["concurrent writes made"] += 2 * ROUNDS + tui_writes
    TALLY["database is locked errors"] += 0  # asserted above: none reached either side


def _skim(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


async def test_an_idle_tui_notices_another_programs_article(
    library: Library, tmp_path: Path
) -> None:
    page = tmp_path / "gulls.txt"
    page.write_text("Gull census\n\nThe pier inspector counted 41 gulls.\n", encoding="utf-8")
    app = RecordingApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j")
        await settle(pilot)
        followed, total = articles.current, articles.total
        assert followed is not None
        _skim(library.path.parent, "add", str(page))  # nothing in the TUI writes meanwhile
        for _ in range(40):  # polls run every second
            await pilot.pause(0.1)
            if articles.total == total + 1:
                break
        await settle(pilot)
        assert articles.total == total + 1
        assert articles.current is not None and articles.current.id == followed.id
        assert articles.cursor == 2  # the new article arrived above it, at the top
    TALLY["concurrent writes made"] += 1
