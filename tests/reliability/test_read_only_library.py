"""L4: a library in a folder that cannot be written is read (list, show, backup, export work) and
every write fails with one line saying the library is read-only."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft
from reader.tui.messages import OpenArticle
from tests.reliability.tally import TALLY

BODY = "The ferry timetable changes on Monday. The first crossing leaves at seven from the pier."


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make ``paths`` unwritable, even for root (``chattr +i``); skip when that is not possible."""
    as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    changed: list[Path] = []
    try:
        for path in paths:
            if as_root:
                if shutil.which("chattr") is None:
                    pytest.skip("needs chattr to make a folder read-only for root")
                done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
                if done.returncode != 0:
                    pytest.skip(f"chattr +i is not supported here: {done.stderr!r}")
            else:
                path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)
            changed.append(path)
        probe = paths[0] / "probe" if paths[0].is_dir() else paths[0]
        with suppress(OSError):
            probe.touch()
            if paths[0].is_dir():
                probe.unlink()
            pytest.skip("could not make the data folder read-only here")
        yield
    finally:
        for path in reversed(changed):
            if as_root:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o200)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder holding a library with one article, a tag and a highlight."""
    folder = tmp_path / "data"
    library = open_library(folder)
    try:
        article_id = library.articles.add(ArticleDraft(title="Ferry times", body=BODY)).article.id
        library.annotations.add_quote(article_id, "first crossing", note="early!")
    finally:
        library.close()
    return folder


def _skim(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_reading_works_in_a_read_only_folder(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    with read_only(data / "library.sqlite3", data):
        capsys.readouterr()
        assert _skim(data, "list") == 0
        assert "Ferry times" in capsys.readouterr().out
        assert _skim(data, "show", "1", "--no-pager") == 0
        out = capsys.readouterr().out
        assert "first crossing" in out and "early!" in out
        assert _skim(data, "list", "--search", "crossing") == 0
        assert "Ferry times" in capsys.readouterr().out
        assert _skim(data, "backup", str(tmp_path / "copy.sqlite3")) == 0
        assert (tmp_path / "copy.sqlite3").is_file()
        capsys.readouterr()
        assert _skim(data, "export", "1", "--out", str(tmp_path / "notes")) == 0
        exported = capsys.readouterr()
        assert "1 written" in exported.out and "not recorded" in exported.err
        assert "early!" in next((tmp_path / "notes").glob("*.md")).read_text(encoding="utf-8")
        assert not list(data.iterdir()) or {p.name for p in data.iterdir()} == {"library.sqlite3"}


@pytest.mark.parametrize(
    "command",
    [
        ["tag", "1", "+late"],
        ["note", "1", "--quote", "ferry timetable", "--note", "hi"],
        ["triage", "1", "archive"],
        ["delete", "1"],
    ],
)
def test_writes_to_a_read_only_library_fail_with_one_line(
    data: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    TALLY["inputs tried"] += 1
    with read_only(data / "library.sqlite3", data):
        capsys.readouterr()
        assert _skim(data, *command) == 1
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert "read-only" in line and "Traceback" not in line


def test_backup_into_the_read_only_data_folder_says_where_else(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only(data / "library.sqlite3", data):
        capsys.readouterr()
        assert _skim(data, "backup") == 1
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert "backups" in line and "skim backup PATH" in line


def test_a_read_only_folder_with_a_log_left_by_a_killed_skim_shows_its_last_writes(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The write-ahead log holds committed writes not yet in the file: they must be read."""
    TALLY["inputs tried"] += 1
    child = (
        "import os, sys\n"
        "from reader.core.library import open_library\n"
        "from reader.core.models import ArticleDraft\n"
        "library = open_library(sys.argv[1])\n"
        "library.articles.add(ArticleDraft(title='Written just before the kill', body='Late text here.'))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", child, str(data)], env=env, check=False)
    journals = sorted(data.glob("library.sqlite3-*"))
    assert [p.name for p in journals] == ["library.sqlite3-shm", "library.sqlite3-wal"]
    with read_only(data / "library.sqlite3", *journals, data):
        capsys.readouterr()
        assert _skim(data, "list") == 0
        assert "Written just before the kill" in capsys.readouterr().out


async def test_reading_in_the_reader_shows_no_error_for_the_position(data: Path) -> None:
    """Scrolling a read-only library's article must not toast an error each time it moves."""
    from tests.tui.helpers import RecordingApp, settle

    long_body = "\n\n".join(f"Paragraph {n}. {BODY}" for n in range(80))
    library = open_library(data)
    try:
        article_id = library.articles.add(
            ArticleDraft(title="Long ferry story", body=long_body)
        ).article.id
    finally:
        library.close()
    with read_only(data / "library.sqlite3", data):
        library = open_library(data)
        try:
            assert library.read_only
            app = RecordingApp(library)
            async with app.run_test(size=(100, 30)) as pilot:
                await settle(pilot)
                app.post_message(OpenArticle(article_id))
                await settle(pilot)
                for _ in range(3):
                    await pilot.press("pagedown")
                    await settle(pilot)
                await pilot.press("escape")
                await settle(pilot)
                assert not [m for m in app.messages if "read-only" in m], app.messages
        finally:
            library.close()
