"""L5: half-written backups (``.partial``) and export files (``.tmp``) left by a killed skim are
removed by the next skim writing there; files of running skims and files that are not skim's stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft
from tests.reliability.tally import TALLY

ROOT = Path(__file__).resolve().parents[2]
SQLITE = b"SQLite format 3\x00" + b"\x00" * 200
HOURS = 3600

#: A skim killed while copying a backup: the copy goes a page at a time, and the process kills
#: itself with SIGKILL after the first page (a real kill, at a known moment).
KILLED_BACKUP = """
import os, signal, sqlite3, sys
from pathlib import Path
from reader.core.storage.backup import copy_database

class Slow:
    def __init__(self, path):
        self.db = sqlite3.connect(path)
    def backup(self, target):
        def killed(status, remaining, total):
            os.kill(os.getpid(), signal.SIGKILL)
        self.db.backup(target, pages=1, progress=killed)

copy_database(Slow(sys.argv[1]), Path(sys.argv[2]))
"""


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    return int(done.stdout)


def _file(path: Path, data: bytes = SQLITE, *, age: float = 0) -> Path:
    path.write_bytes(data)
    if age:
        then = time.time() - age
        os.utime(path, (then, then))
    return path


def _library(data: Path) -> None:
    library = open_library(data)
    try:
        article_id = library.articles.add(
            ArticleDraft(title="Ferry", body="The ferry runs.")
        ).article.id
        library.annotations.add(article_id, 4, 9, note="a note")
    finally:
        library.close()


def test_stale_partial_backups_are_removed_and_others_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _library(data)
    backups = data / "backups"
    backups.mkdir()
    dead, alive = _dead_pid(), os.getpid()
    stale = [
        _file(backups / f"skim-backup-20250101T000000Z.sqlite3.{dead}-0a1b2c3d.partial"),
        _file(data / f"library.sqlite3.before-restore-20250101T000000Z.{dead}-0a1b2c3d.partial"),
        _file(
            backups / "skim-backup-20250101T000000Z.sqlite3.partial", age=2 * HOURS
        ),  # older skim
        _file(backups / f"mine.sqlite3.{alive}-0a1b2c3d.partial", age=30 * HOURS),  # pid reused
    ]
    kept = [
        _file(backups / f"skim-backup-20250102T000000Z.sqlite3.{alive}-0a1b2c3d.partial"),
        _file(backups / "skim-backup-20250103T000000Z.sqlite3.partial"),  # older skim, just now
        _file(backups / "notes.partial", age=2 * HOURS),  # not a name skim gives
        _file(backups / f"x.{dead}-0a1b2c3d.partial", b"my own text, not a database"),
    ]
    TALLY["inputs tried"] += len(stale) + len(kept)
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []


def test_stale_export_temporaries_are_removed_and_others_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _library(data)
    notes = tmp_path / "notes"
    notes.mkdir()
    dead = _dead_pid()
    stale = [
        _file(notes / f".ferry.md.{dead}-0a1b2c3d.tmp", b"half"),
        _file(notes / ".digest.md.0a1b2c3d.tmp", b"half", age=2 * HOURS),  # older skim
    ]
    kept = [
        _file(notes / ".digest.md.1a1b2c3d.tmp", b"half"),  # older skim, maybe still writing
        _file(notes / ".my-editor-swap.tmp", b"mine", age=2 * HOURS),
        _file(notes / "draft.tmp", b"mine", age=2 * HOURS),
    ]
    TALLY["inputs tried"] += len(stale) + len(kept)
    assert main(["--data-dir", str(data), "export", "--all", "--out", str(notes)]) == 0
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []
    single = tmp_path / "single"
    single.mkdir()
    leftover = _file(single / f".digest.md.{dead}-0a1b2c3d.tmp", b"half")
    assert main(["--data-dir", str(data), "export", "--all", "--out", str(single / "d.md")]) == 0
    assert not leftover.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_backup_killed_half_way_leaves_nothing_after_the_next_run(
    tmp_path: Path, kill_rounds: int
) -> None:
    data = tmp_path / "data"
    _library(data)
    backups = data / "backups"
    backups.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_ in range(max(1, min(kill_rounds, 5))):
        target = backups / f"skim-backup-2025010{round_}T000000Z.sqlite3"
        done = subprocess.run(
            [sys.executable, "-c", KILLED_BACKUP, str(data / "library.sqlite3"), str(target)],
            env=env,
            capture_output=True,
            check=False,
        )
        assert done.returncode == -signal.SIGKILL, done.stderr
        TALLY["kills survived"] += 1
        assert len(list(backups.glob("*.partial"))) == round_ + 1  # what the kills left
        assert not target.exists()
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert list(backups.glob("*.partial")) == []
    assert len(list(backups.glob("skim-backup-*.sqlite3"))) == 1
