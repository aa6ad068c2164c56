"""Start the real reader through Textual's real driver in a pseudo-terminal, as a user's shell would.

``run_test()`` uses a headless driver and its own task factory, so it cannot see start-up bugs such as
the one that stopped skim on Python 3.12+ (Textualize/textual#6444). These tests run ``python -m
reader`` in a pty, wait for the first library frame, press keys and check how the process ends.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import textwrap
import time
from pathlib import Path

import pytest

from reader.core.library import open_library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

#: Generous: on a busy 2-core machine the first frame can take several seconds.
FRAME_TIMEOUT = 60.0
# Control sequences (CSI, OSC, single-character escapes) between the characters Textual writes.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


class Terminal:
    """A process running in an 100x30 pseudo-terminal, with what it has written so far."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = b""

    def text(self, since: int = 0) -> str:
        """Everything written so far (or since a :meth:`mark`), without control sequences."""
        return _ESCAPES.sub("", self.output[since:].decode("utf-8", "replace"))

    def mark(self) -> int:
        """A place in the output: ``read_until(..., since=mark)`` looks only at what follows."""
        return len(self.output)

    def read_until(self, needle: str, timeout: float = FRAME_TIMEOUT, *, since: int = 0) -> bool:
        """Read output until ``needle`` appears in the text; False if the process ends first."""
        deadline = time.monotonic() + timeout
        while needle not in self.text(since):
            if time.monotonic() > deadline or not self._read(0.2):
                return needle in self.text(since)
        return True

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return self.process.poll() is None
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the other side closed: the process has ended
            return False
        self.output += chunk
        return bool(chunk)

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        os.write(self.master, keys.encode())

    def wait(self, timeout: float = 30.0) -> int:
        """Wait for the process to end, reading what it still writes; return its exit status."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        while self._read(0.05):
            pass
        return self.process.wait(timeout=1)

    def close(self) -> None:
        """End the process if it is still running and release the terminal."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose library holds the sample articles."""
    library = open_library(tmp_path / "data")
    library.articles.import_samples()
    library.close()
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        SKIM_DATA_DIR=str(tmp_path / "data"),
        SKIM_LOG_DIR=str(tmp_path / "logs"),
    )
    return env


@pytest.mark.slow
def test_the_reader_starts_in_a_real_terminal_and_quits_cleanly(
    environment: dict[str, str],
) -> None:
    terminal = Terminal([sys.executable, "-m", "reader"], environment)
    try:
        assert terminal.read_until("Riverside bridge closure"), terminal.text()[-2000:]
        # The counts beside the views arrive from a worker, after the first rows.
        assert terminal.read_until("Inbox 15"), terminal.text()[-2000:]
        terminal.send("q")
        status = terminal.wait()
    finally:
        terminal.close()
    assert status == 0, terminal.text()[-2000:]
    assert "Traceback" not in terminal.text()
    assert "Error" not in terminal.text()


CRASHING_READER = textwrap.dedent(
    """
    import sys
    from reader.cli.main import main
    from reader.tui.library.screen import LibraryScreen

    def crash(self):
        raise RuntimeError("a bug in a screen")

    LibraryScreen.on_mount = crash
    sys.exit(main([]))
    """
)


@pytest.mark.slow
def test_a_crash_exits_non_zero_with_one_line_and_a_log(
    environment: dict[str, str], tmp_path: Path
) -> None:
    terminal = Terminal([sys.executable, "-c", CRASHING_READER], environment)
    try:
        status = terminal.wait(timeout=FRAME_TIMEOUT)
    finally:
        terminal.close()
    text = terminal.text()
    assert status == 1, text[-2000:]
    assert "Traceback" not in text
    message = re.search(
        r"skim: the reader stopped after an internal error \((.*)\); details in (.*)", text
    )
    assert message, text[-2000:]
    assert "a bug in a screen" in message.group(1)
    log = Path(message.group(2).strip())
    assert log.parent == tmp_path / "logs"
    assert "RuntimeError" in log.read_text(encoding="utf-8")


FAKE_EDITOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    Path(sys.argv[-1]).write_text("written in a real terminal\\n", encoding="utf-8")
    """
)


@pytest.mark.slow
def test_ctrl_n_hands_the_terminal_to_the_editor_and_stores_the_note(
    environment: dict[str, str], tmp_path: Path
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(FAKE_EDITOR, encoding="utf-8")
    environment["VISUAL"] = f"{sys.executable} {editor}"
    terminal = Terminal([sys.executable, "-m", "reader"], environment)
    try:
        assert terminal.read_until("Riverside bridge closure"), terminal.text()[-2000:]
        terminal.send("\r")  # open the first article
        # The footer is drawn before the text arrives, and ctrl+n needs a sentence under the
        # cursor: wait for the Highlights, which are painted after the text.
        assert terminal.read_until("Highlights · "), terminal.text()[-2000:]
        terminal.send("\x0e")  # ctrl+n: the app is suspended, the editor runs, the app resumes
        assert terminal.read_until("Note saved."), terminal.text()[-2000:]
        mark = terminal.mark()
        terminal.send("q")  # back to the library, whose footer offers to open an article
        assert terminal.read_until("⏎ Open", since=mark), terminal.text()[-2000:]
        terminal.send("q")
        status = terminal.wait()
    finally:
        terminal.close()
    assert status == 0, terminal.text()[-2000:]
    assert "Traceback" not in terminal.text()
    library = open_library(Path(environment["SKIM_DATA_DIR"]))
    try:
        notes = [
            a.note for meta in library.articles.find() for a in library.annotations.of(meta.id)
        ]
    finally:
        library.close()
    assert notes == ["written in a real terminal"]


@pytest.mark.slow
def test_slash_and_a_word_typed_in_one_burst_land_in_the_find_bar(
    environment: dict[str, str],
) -> None:
    terminal = Terminal([sys.executable, "-m", "reader"], environment)
    try:
        assert terminal.read_until("Riverside bridge closure"), terminal.text()[-2000:]
        terminal.send("/Riverside bridge")
        # The library search waits for a pause in typing, then runs in a worker.
        assert terminal.read_until(" 1 found · "), terminal.text()[-2000:]
        mark = terminal.mark()
        terminal.send("\r")  # the keys go back to the list, whose footer offers to open
        assert terminal.read_until("⏎ Open", since=mark), terminal.text()[-2000:]
        terminal.send("\r")  # open it
        assert terminal.read_until("Next sentence"), terminal.text()[-2000:]  # its footer
        # As a terminal delivers fast typing: all at once. Before the fix "bridge" reached the
        # text's keys (b paged up, g went to the top) and the bar stayed empty.
        terminal.send("/bridge")
        assert terminal.read_until("Find: bridge", timeout=20), terminal.text()[-2000:]
        assert terminal.read_until("1/6", timeout=20), terminal.text()[-2000:]
    finally:
        terminal.close()
