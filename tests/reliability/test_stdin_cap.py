"""Standard input is read only up to the 50 MB cap (issue 12, L6).

``skim add -`` used to read all of stdin before checking its size: 612 MB of RSS for a 600 MB pipe,
and ``< /dev/zero`` grew until the machine ran out of memory. Now reading stops one byte past the
cap and the import is refused with one line.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.ingest import decode
from tests.reliability.tally import TALLY

CAP = decode.MAX_BYTES
SLACK = 1024 * 1024  # one read's worth past the cap at most


class Zeros(io.RawIOBase):
    """A pipe of ``size`` zero bytes that counts how much was read from it."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        self.taken += count
        return count


class FakeStdin:
    """Stands in for ``sys.stdin``: only ``buffer`` is used."""

    def __init__(self, raw: Zeros) -> None:
        self.buffer = io.BufferedReader(raw)


@pytest.mark.parametrize("command", [["add", "-"], ["analyze", "-"]])
def test_stdin_past_the_cap_is_refused_after_reading_just_past_it(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    TALLY["inputs tried"] += 1
    pipe = Zeros(CAP + 20 * 1024 * 1024)  # stands for a pipe that goes on and on
    monkeypatch.setattr("sys.stdin", FakeStdin(pipe))
    assert main(["--data-dir", str(tmp_path), *command]) == 1
    assert pipe.taken <= CAP + 1 + SLACK
    err = capsys.readouterr().err
    assert err == (
        "skim: stdin: more than 50 MB; skim reads files up to 50 MB (stopped reading there)\n"
    )


def test_read_capped_keeps_input_up_to_the_cap_whole() -> None:
    raw = Zeros(CAP)
    assert len(decode.read_capped(io.BufferedReader(raw), "stdin")) == CAP
    with pytest.raises(IngestError, match="more than 50 MB"):
        decode.read_capped(io.BufferedReader(Zeros(CAP + 1)), "stdin")
