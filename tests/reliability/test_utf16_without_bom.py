"""UTF-16 text saved without a byte-order mark is read as text (issue 12, L9).

It used to be refused as "looks like a binary file" because of its NULs. Binary data with the same
zero-every-other-byte pattern is still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.ingest import read_bytes, read_path
from tests.reliability.tally import TALLY

TEXT = (
    "Harbour pilots agree new night shifts\n\n"
    "The pilots' association agreed on Monday to staff the harbour around the clock from May.\n\n"
    "Until now, ships arriving after midnight waited outside the breakwater, and the café on the\n"
    "pier stayed closed; both change on the first of the month.\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("kind", ["txt", None])
def test_utf16_without_bom_is_read_as_text(encoding: str, kind: str | None) -> None:
    TALLY["inputs tried"] += 1
    draft = read_bytes(TEXT.encode(encoding), name="pilots.txt", kind=kind)
    assert draft.title == "Harbour pilots agree new night shifts"
    assert "the café on the pier stayed closed" in draft.body.replace("\n", " ")


def test_skim_add_reads_a_utf16_file_without_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "pilots.txt"
    source.write_bytes(TEXT.encode("utf-16-le"))
    assert read_path(source).title == "Harbour pilots agree new night shifts"
    assert main(["--data-dir", str(tmp_path / "data"), "add", str(source)]) == 0
    assert capsys.readouterr().out == "1\tHarbour pilots agree new night shifts\n"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(1, 32)).replace(b"", b"\x00")[1:] * 40,  # 16-bit control codes
        b"\x07\x00\x08\x00\x01\x00" * 200,  # a table of small 16-bit numbers
        (TEXT.encode("utf-16-le") + b"\x00")[:-2] + b"\xd8",  # an odd length: not UTF-16
    ],
    ids=["controls", "numbers", "odd-length"],
)
def test_binary_with_the_same_pattern_is_still_refused(data: bytes) -> None:
    TALLY["inputs tried"] += 1
    with pytest.raises(IngestError, match="looks like a binary file"):
        read_bytes(data, name="data.bin")
