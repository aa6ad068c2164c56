"""L11: ``export --since`` goes by the order of changes, not by a clock that can be set back.

An export at 10:05, then the clock set back to 09:00: an article added and a note written after
the export are stamped 09:00 and 09:10, but ``--since 10:05`` still finds them (and not what came
before the export).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import open_library
from reader.core.models import ArticleDraft
from tests.reliability.tally import TALLY


class Clock:
    """A clock the test sets by hand."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)

    def set(self, hour: int, minute: int) -> None:
        self.now = self.now.replace(hour=hour, minute=minute)

    def __call__(self) -> datetime:
        return self.now


def _draft(title: str) -> ArticleDraft:
    return ArticleDraft(title=title, body=f"{title} is the subject of this short article.")


def test_since_finds_changes_made_while_the_clock_was_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    TALLY["inputs tried"] += 1
    data, clock = tmp_path / "data", Clock()
    library = open_library(data, clock=clock)
    try:
        before = library.articles.add(_draft("Before the export")).article.id
        older = library.articles.add(_draft("Older article")).article.id
        clock.set(10, 5)
        library.exports.markdown([before, older], out=tmp_path / "first")
        clock.set(9, 0)  # set back by an hour
        late = library.articles.add(_draft("Added while the clock was behind")).article.id
        clock.set(9, 10)
        library.articles.set_article_note(older, "A note written after the export.")
    finally:
        library.close()
    out = tmp_path / "since"
    since = "2025-03-01T10:05"
    assert (
        main(["--data-dir", str(data), "export", "--all", "--since", since, "--out", str(out)]) == 0
    )
    capsys.readouterr()
    exported = {path.name for path in out.glob("*.md")}
    assert exported == {"added-while-the-clock-was-behind.md", "older-article.md"}, exported
    assert late and before


def test_since_without_an_export_in_between_goes_by_the_first_change_after_it(
    tmp_path: Path,
) -> None:
    TALLY["inputs tried"] += 1
    data, clock = tmp_path / "data", Clock()
    library = open_library(data, clock=clock)
    try:
        first = library.articles.add(_draft("First")).article.id
        clock.set(10, 30)
        library.articles.add(_draft("Second"))
        clock.set(8, 0)
        library.articles.add(_draft("Third, clock behind"))
        library.annotations.add_quote(first, "subject", note="highlighted with the clock behind")
        since = clock.now.replace(hour=10, minute=15)
        report = library.exports.markdown([first], out=tmp_path / "a", since=since)
        assert [f.article_ids for f in report.files] == [(first,)]
        report = library.exports.markdown(
            [m.id for m in library.articles.find()], out=tmp_path / "b", since=since
        )
        assert len(report.files) == 3
    finally:
        library.close()
