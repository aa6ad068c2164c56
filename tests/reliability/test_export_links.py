"""L12: export never writes through a symbolic link, to one file or one file per article alike.

Without ``--force`` a link where a file goes is an existing file skim did not write: it is skipped.
With ``--force`` the link itself is replaced by the exported file; what it pointed to is untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft
from tests.reliability.tally import TALLY

PRECIOUS = "my precious file, outside the notes folder\n"
pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    library = open_library(folder)
    try:
        library.articles.add(ArticleDraft(title="Ferry times", body="The ferry runs at seven."))
    finally:
        library.close()
    return folder


def _swap_for_link(path: Path, tmp_path: Path) -> Path:
    """Replace the exported file at ``path`` by a link to a file outside the notes folder."""
    outside = tmp_path / "elsewhere" / "precious.md"
    outside.parent.mkdir(exist_ok=True)
    outside.write_text(PRECIOUS, encoding="utf-8")
    path.unlink()
    path.symlink_to(outside)
    return outside


@pytest.mark.parametrize("single", [True, False], ids=["one file", "file per article"])
def test_export_replaces_a_link_and_never_writes_through_it(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], single: bool
) -> None:
    TALLY["inputs tried"] += 1
    notes = tmp_path / "notes"
    out = notes / "digest.md" if single else notes
    skim = ["--data-dir", str(data), "export", "--all", "--out", str(out)]
    assert main(skim) == 0
    link = out if single else notes / "ferry-times.md"
    outside = _swap_for_link(link, tmp_path)
    capsys.readouterr()
    assert main(skim) == 1  # the file is not what skim wrote: skipped
    assert "--force" in capsys.readouterr().err
    assert link.is_symlink() and outside.read_text(encoding="utf-8") == PRECIOUS
    assert main([*skim, "--force"]) == 0
    capsys.readouterr()
    assert outside.read_text(encoding="utf-8") == PRECIOUS
    assert not link.is_symlink()
    assert "The ferry runs at seven." in link.read_text(encoding="utf-8")
    assert main(skim) == 0  # its own file again: unchanged
    assert "unchanged" in capsys.readouterr().out
