"""``skim add DIR`` of 1,000 files in a real pseudo-terminal: a progress bar on stderr when it is a
terminal, and nothing extra with ``--quiet`` or when stderr is piped. stdout (the data) is the same
in every case."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
    pytest.mark.slow,  # three imports of 1,000 files: several seconds each on a busy machine
]

ROOT = Path(__file__).resolve().parents[1]
FILES = 1000


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 small articles."""
    path = tmp_path_factory.mktemp("many")
    for number in range(FILES):
        (path / f"note-{number:04}.txt").write_text(
            f"Note {number}\n\nThe council met on day {number} and voted on item {number}.\n",
            encoding="utf-8",
        )
    return path


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "COLUMNS")}
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT))
    return env


def _run(argv: list[str], stdout: Path, *, stderr_tty: bool) -> tuple[int, bytes]:
    """Run ``skim argv`` with stdout to a file and stderr to a pty (or a pipe): (status, stderr)."""
    command = [sys.executable, "-m", "reader", *argv]
    with stdout.open("wb") as out:
        if not stderr_tty:
            done = subprocess.run(
                command,
                stdout=out,
                stderr=subprocess.PIPE,
                env=_environment(),
                timeout=300,
                check=False,
            )
            return done.returncode, done.stderr
        master, slave = pty.openpty()
        process = subprocess.Popen(command, stdout=out, stderr=slave, env=_environment())
        os.close(slave)
        written = b""
        deadline = time.monotonic() + 300
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([master], [], [], 0.2)
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:  # the process closed its side
                        break
                    if not chunk:
                        break
                    written += chunk
                elif process.poll() is not None:
                    break
            return process.wait(timeout=30), written
        finally:
            os.close(master)


def _data_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_a_terminal_sees_a_bar_a_pipe_and_quiet_see_nothing_extra(
    folder: Path, tmp_path: Path
) -> None:
    outputs = {}
    for case, extra, tty in (("bar", [], True), ("quiet", ["--quiet"], True), ("piped", [], False)):
        data = tmp_path / f"data-{case}"
        stdout = tmp_path / f"{case}.out"
        status, stderr = _run(
            ["--data-dir", str(data), "add", str(folder), *extra], stdout, stderr_tty=tty
        )
        assert status == 0, stderr.decode(errors="replace")[-2000:]
        outputs[case] = (_data_lines(stdout), stderr)

    lines, bar = outputs["bar"]
    assert len(lines) == FILES and lines[0] == "1\tNote 0" and lines[-1] == f"{FILES}\tNote 999"
    drawn = bar.decode("utf-8", "replace")
    assert "Importing" in drawn and f"{FILES}/{FILES}" in drawn
    assert "\x1b[" in drawn  # drawn in place, and erased at the end
    assert "\x1b" not in stdout.read_text(encoding="utf-8")

    for case in ("quiet", "piped"):
        assert outputs[case] == (lines, b""), case
