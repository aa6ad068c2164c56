"""``skim edit``: correcting a title and date from the shell, and every way of getting it wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft

PASTED = ArticleDraft(
    title="000 9acc5c5fcf149964",
    body="The harbour crane collapsed on Tuesday. Dockworkers said nobody was hurt.",
    source="Dock News",
)


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture()
def aid(data_dir: Path) -> int:
    library = open_library(str(data_dir))
    try:
        return library.articles.add(PASTED).article.id
    finally:
        library.close()


def skim(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def stored(data_dir: Path, article_id: int) -> tuple[object, ...]:
    library = open_library(str(data_dir))
    try:
        meta = library.articles.meta(article_id)
        return meta.title, meta.published, meta.source, meta.author, meta.url
    finally:
        library.close()


def test_edit_sets_the_title_and_date_and_prints_what_changed(
    data_dir: Path, aid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = skim(
        data_dir,
        "edit",
        str(aid),
        "--title",
        "Crane collapses at the harbour",
        "--published",
        "5 March 2024",
        "--author",
        "R. Reporter",
        "--source",
        "Dock News",
    )
    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{aid}\ttitle\t000 9acc5c5fcf149964 → Crane collapses at the harbour",
        f"{aid}\tpublished\t(none) → 2024-03-05 00:00 UTC",
        f"{aid}\tauthor\t(none) → R. Reporter",
    ]
    assert skim(data_dir, "list", "--search", "crane collapses") == 0
    assert "Crane collapses at the harbour" in capsys.readouterr().out


def test_an_empty_value_clears_a_detail_and_no_change_says_so(
    data_dir: Path, aid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "edit", str(aid), "--source", "", "--published", "2024-03-05") == 0
    capsys.readouterr()
    assert skim(data_dir, "edit", str(aid), "--published", "") == 0
    assert capsys.readouterr().out == f"{aid}\tpublished\t2024-03-05 00:00 UTC → (none)\n"
    assert stored(data_dir, aid)[1:3] == (None, None)
    assert skim(data_dir, "edit", str(aid), "--title", PASTED.title) == 0
    assert capsys.readouterr().out == f"{aid}\tunchanged\t{PASTED.title}\n"


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        ((), 2, "say what to change: --title, --published"),
        (("--title", "  "), 2, "a title cannot be empty"),
        (("--title", "New", "--published", "next Tuesday"), 2, "not a date: 'next Tuesday'"),
        (("--published", "2024-02-30"), 2, "not a date: '2024-02-30'"),
    ],
)
def test_usage_errors_are_one_line_exit_2_and_change_nothing(
    data_dir: Path,
    aid: int,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    status: int,
    message: str,
) -> None:
    before = stored(data_dir, aid)
    assert skim(data_dir, "edit", str(aid), *args) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("skim: ") and message in line
    assert stored(data_dir, aid) == before


def test_an_unknown_article_exits_1(
    data_dir: Path, aid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "edit", str(aid + 100), "--title", "x") == 1
    assert capsys.readouterr().err == f"skim: there is no article {aid + 100}\n"


def test_a_url_another_article_has_is_refused(
    data_dir: Path, aid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    library = open_library(str(data_dir))
    try:
        other = library.articles.add(
            ArticleDraft(title="Other", body="Something else entirely.", url="https://x.example/a")
        ).article.id
    finally:
        library.close()
    assert skim(data_dir, "edit", str(aid), "--url", "https://x.example/a") == 1
    assert f"article {other} already has the URL" in capsys.readouterr().err
    assert stored(data_dir, aid)[4] is None


def test_printed_values_cannot_reach_the_terminal_as_escapes(
    data_dir: Path, aid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "edit", str(aid), "--author", "\x1b]0;pwned\x07Eve") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and out.endswith("(none) → Eve\n")
