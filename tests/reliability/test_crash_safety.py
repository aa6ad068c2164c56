"""SIGKILL in the middle of a large import and of saving highlights, many times, at seeded moments.

After every kill the library must pass ``PRAGMA integrity_check``, an import must be all or nothing,
and every highlight the child reported saved must be there. ``--kill-rounds N`` (or
``SKIM_KILL_ROUNDS``) runs more rounds than the CI default.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from reader.core.library import open_library
from reader.core.models import ArticleDraft
from tests.reliability.tally import TALLY

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
IMPORT_FILES = 300
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "SKIM_DATA_DIR": ""}


class Child:
    """A child process whose stdout lines are collected by a thread as they arrive."""

    def __init__(self, args: list[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.lines:
            assert self.process.poll() is None, self.process.stderr and self.process.stderr.read()
            assert time.monotonic() < deadline, f"the child never printed {text!r}"
            time.sleep(0.005)

    def kill(self) -> bool:
        """SIGKILL the child; True if it was still running (a real kill, not a late one)."""
        running = self.process.poll() is None
        if running:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)
        self._reader.join(timeout=20)
        assert self.process.stderr is not None
        stderr = self.process.stderr.read()
        self.process.stderr.close()
        assert "Traceback" not in stderr, stderr
        return running


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def _write_articles(folder: Path, round_: int) -> None:
    folder.mkdir()
    for i in range(IMPORT_FILES):
        words = " ".join(f"w{round_}x{i}x{k}" for k in range(60))
        (folder / f"a{i:03d}.txt").write_text(
            f"Round {round_} article {i}\n\nThe inspector counted {i} boats. {words}.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_kill_during_a_large_import(tmp_path: Path, kill_rounds: int) -> None:
    rng = random.Random(6001)
    data = tmp_path / "data"
    open_library(data).close()
    library_file = data / "library.sqlite3"
    # One import left to finish tells how long one takes here, so kills land inside the next ones.
    _write_articles(tmp_path / "calibration", -1)
    started = time.monotonic()
    child = Child(["-m", "reader", "--data-dir", str(data), "add", str(tmp_path / "calibration")])
    assert child.process.wait(timeout=120) == 0 and not child.kill()
    duration = time.monotonic() - started
    stored, kills = IMPORT_FILES, 0
    for round_ in range(kill_rounds):
        folder = tmp_path / f"in{round_}"
        _write_articles(folder, round_)
        child = Child(["-m", "reader", "--data-dir", str(data), "add", str(folder)])
        time.sleep(rng.uniform(0.05, 0.95) * duration)
        killed = child.kill()
        TALLY["kills survived"] += killed
        kills += killed
        assert _integrity(library_file) == "ok"
        library = open_library(data)
        try:
            count = library.articles.count()
            reported = {int(line.split("\t")[0]) for line in child.lines if line}
            for article_id in reported:
                library.articles.meta(
                    article_id
                )  # raises NotFound if a reported article is missing
        finally:
            library.close()
        # One transaction: a killed import leaves all of its files or none of them.
        assert count - stored in (0, IMPORT_FILES), (count, stored)
        TALLY["writes confirmed before kills"] += len(reported)
        stored = count
    assert kills or not kill_rounds, "every import ended before its kill; the test proved nothing"


@pytest.mark.slow
def test_kill_while_saving_highlights(tmp_path: Path, kill_rounds: int) -> None:
    rng = random.Random(6002)
    data = tmp_path / "data"
    library = open_library(data)
    body = " ".join(f"Sentence {i} tells of harbour number {i * 7}." for i in range(400))
    article_id = library.articles.add(ArticleDraft(title="Long", body=body)).article.id
    library.close()
    confirmed: set[int] = set()
    for round_ in range(kill_rounds):
        child = Child([str(CHILD), str(data), str(article_id), str(round_)])
        child.wait_for("ready")
        time.sleep(rng.uniform(0.0, 0.6))
        TALLY["kills survived"] += child.kill()
        saved = {int(line.split()[1]) for line in child.lines if line.startswith("saved ")}
        confirmed |= saved
        assert _integrity(data / "library.sqlite3") == "ok"
        library = open_library(data)
        try:
            present = {a.id for a in library.annotations.of(article_id)}
        finally:
            library.close()
        lost = confirmed - present
        TALLY["annotations lost"] += len(lost)
        assert not lost, f"highlights reported saved but missing after a kill: {sorted(lost)}"
    TALLY["writes confirmed before kills"] += len(confirmed)
    assert confirmed, "no highlight was saved before the kills; the test proved nothing"
