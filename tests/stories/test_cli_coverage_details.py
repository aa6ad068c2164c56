"""``skim show`` says when a date was inferred; ``skim compare`` carries the outlet's own summary."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reader.cli.main import main
from reader.core.library import Library
from reader.core.models import ArticleDraft

UNDATED = ArticleDraft(
    title="Plenum ends",
    body="The plenum ran from December 23 to 27, 2024, in Pyongyang, state media said.",
    event_date=date(2024, 12, 27),
)
AGGREGATED = ArticleDraft(
    title="Castlebridge boss calls for review",
    body="Northfield Rovers manager Ciaran Devlin called for a review of offside technology.",
    source="Aggregator",
    publisher_summary=("Castlebridge won 3-1.", "A goal was ruled out by 4 cm."),
    publisher_tone="Provocative",
)
PLAIN = ArticleDraft(
    title="Rovers lose at Castlebridge",
    body="Castlebridge beat Northfield Rovers 3-1 after a disallowed goal.",
    source="Wire",
)


def skim(library: Library, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(library.path.parent), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_show_says_the_date_was_inferred(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    article = library.articles.add(UNDATED).article.id
    status, out, _ = skim(library, capsys, "show", str(article), "--no-pager")
    assert status == 0 and "27 Dec 2024 (inferred from the text)" in out
    status, out, _ = skim(library, capsys, "show", str(article), "--json")
    data = json.loads(out)
    assert data["published"] is None
    assert (data["event_date"], data["event_date_inferred"]) == ("2024-12-27", True)


def test_compare_json_and_text_carry_the_publishers_summary_and_tone(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = (library.articles.add(d).article.id for d in (AGGREGATED, PLAIN))
    status, out, _ = skim(library, capsys, "compare", str(first), str(second), "--json")
    assert status == 0
    sources = {s["article"]: s for s in json.loads(out)["sources"]}
    assert sources[first]["publisher_summary"] == list(AGGREGATED.publisher_summary)
    assert sources[first]["publisher_tone"] == "Provocative"
    assert (sources[second]["publisher_summary"], sources[second]["publisher_tone"]) == ([], None)
    status, out, _ = skim(library, capsys, "compare", str(first), str(second))
    assert "The publisher's highlights (its tone: Provocative)" in out
    assert "◦ A goal was ruled out by 4 cm." in out
