"""``skim delete``/``undelete``/``tag``, ``skim note`` on a passage already highlighted, and the pager."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.cli.notes import parse_tag_words
from reader.cli.output import counted
from reader.core.errors import InvalidArgument
from reader.core.library import open_library
from reader.core.models import ArticleDraft

ROOT = Path(__file__).resolve().parents[1]
BODY = (
    "The harbour ferry will run every 20 minutes from Monday, the operator said. "
    "Night services are cut to two an hour."
)


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def skim(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def add_articles(data_dir: Path, count: int) -> list[int]:
    library = open_library(str(data_dir))
    try:
        drafts = [
            ArticleDraft(title=f"Ferry {n} timetable changes", body=f"{BODY} Route {n}.")
            for n in range(count)
        ]
        return [result.article.id for result in library.articles.add_many(drafts)]
    finally:
        library.close()


def test_delete_then_undo_brings_back_the_last_delete(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third = add_articles(data_dir, 3)
    assert skim(data_dir, "delete", str(first)) == 0
    assert skim(data_dir, "delete", str(second), str(third)) == 0
    out = capsys.readouterr().out
    assert f"{second}\tdeleted\tFerry 1 timetable changes" in out and "skim delete --undo" in out
    assert skim(data_dir, "list", "--json") == 0
    assert '"id"' not in capsys.readouterr().out
    assert skim(data_dir, "delete", "--undo") == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{second}\trestored\tFerry 1 timetable changes",
        f"{third}\trestored\tFerry 2 timetable changes",
    ]
    assert skim(data_dir, "undelete", str(first)) == 0
    assert skim(data_dir, "delete", "--undo") == 0
    assert "Nothing to undo" in capsys.readouterr().out


def test_delete_refuses_unknown_ids_before_changing_anything(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (first,) = add_articles(data_dir, 1)
    assert skim(data_dir, "delete", str(first), "999") == 1
    assert capsys.readouterr().err.strip() == "skim: there is no article 999"
    assert skim(data_dir, "show", str(first), "--no-pager") == 0
    assert skim(data_dir, "delete") == 2
    assert skim(data_dir, "delete", "--undo", str(first)) == 2
    assert skim(data_dir, "undelete", "999") == 1


def test_tag_adds_and_removes_on_several_articles(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = add_articles(data_dir, 2)
    assert skim(data_dir, "tag", str(first), str(second), "+Transport", "+todo") == 0
    assert skim(data_dir, "tag", str(first), "-todo", "+long read") == 0
    capsys.readouterr()
    assert skim(data_dir, "tag", str(first), str(second)) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{first}\tlong read, transport\tFerry 0 timetable changes",
        f"{second}\ttodo, transport\tFerry 1 timetable changes",
    ]
    assert skim(data_dir, "tag", str(first), "999", "+x") == 1
    assert skim(data_dir, "tag", str(first)) == 0
    assert "\tlong read, transport\t" in capsys.readouterr().out


@pytest.mark.parametrize(
    "words", [[], ["+x"], ["12", "+x", "13"], ["12", "x"], ["12", "-"], ["twelve"]]
)
def test_tag_words_that_make_no_sense_are_refused(words: list[str]) -> None:
    with pytest.raises(InvalidArgument):
        parse_tag_words(words)


def test_tag_words_split_into_ids_additions_and_removals() -> None:
    assert parse_tag_words(["3", "4", "+a", "-b", "--", "-c"]) == ([3, 4], ["a"], ["b", "c"])


def test_note_on_the_same_passage_keeps_one_highlight(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (first,) = add_articles(data_dir, 1)
    quote = "every 20 minutes"
    assert skim(data_dir, "note", str(first), "--quote", quote, "--note", "good", "--tag", "a") == 0
    assert skim(data_dir, "note", str(first), "--quote", quote.upper(), "--tag", "b") == 0
    assert skim(data_dir, "note", str(first), "--quote", quote, "--note", "check") == 0
    ids = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    assert len(ids) == 1
    library = open_library(str(data_dir))
    try:
        (annotation,) = library.annotations.of(first)
    finally:
        library.close()
    assert annotation.note == "good\n\ncheck" and set(annotation.tags) == {"a", "b"}


@pytest.mark.parametrize("quote", ["", "   "])
def test_note_with_an_empty_quote_is_a_usage_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], quote: str
) -> None:
    (first,) = add_articles(data_dir, 1)
    assert skim(data_dir, "note", str(first), "--quote", quote) == 2
    assert (
        capsys.readouterr().err.strip() == "skim: the quote is empty: give the passage to highlight"
    )


def run_in_terminal(data_dir: Path, tmp_path: Path, *args: str) -> Path:
    """Run ``skim show`` with stdout on a pseudo-terminal and a pager that saves what it is given."""
    paged = tmp_path / "paged.txt"
    pager = f"{shlex.quote(sys.executable)} -c {shlex.quote(f'import sys, pathlib; pathlib.Path({str(paged)!r}).write_bytes(sys.stdin.buffer.read())')}"
    leader, follower = os.openpty()
    env = {**os.environ, "PAGER": pager, "NO_COLOR": "1"}
    try:
        subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "show", *args],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
            timeout=60,
            check=True,
        )
    finally:
        os.close(follower)
        os.close(leader)
    return paged


def test_show_on_a_terminal_goes_through_the_pager(data_dir: Path, tmp_path: Path) -> None:
    (first,) = add_articles(data_dir, 1)
    paged = run_in_terminal(data_dir, tmp_path, str(first))
    text = paged.read_text(encoding="utf-8")
    assert text.startswith("Ferry 0 timetable changes\n") and "Highlights" in text


def test_show_no_pager_prints_straight_out(data_dir: Path, tmp_path: Path) -> None:
    (first,) = add_articles(data_dir, 1)
    assert not run_in_terminal(data_dir, tmp_path, str(first), "--no-pager").exists()


def test_show_into_a_pipe_never_pages(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (first,) = add_articles(data_dir, 1)
    monkeypatch.setenv("PAGER", "false")
    assert skim(data_dir, "show", str(first)) == 0
    assert capsys.readouterr().out.startswith("Ferry 0 timetable changes")


def test_counts_read_in_the_right_number(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [counted(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert counted(1, "entity", "entities") == "1 entity"
    assert counted(3, "entity", "entities") == "3 entities"
    add_articles(data_dir, 1)
    assert skim(data_dir, "backup", str(tmp_path / "copy.sqlite3")) == 0
    assert capsys.readouterr().out.startswith("backed up 1 article to ")
