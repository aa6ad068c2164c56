"""``skim stories``, ``skim compare`` and ``skim tone``: text, JSON, errors, safe output."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft
from tests.stories.conftest import aarhus_ids


def skim(library: Library, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(library.path.parent), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_stories_lists_the_aarhus_story(
    samples: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = skim(samples, capsys, "stories")
    assert status == 0
    assert out.splitlines()[0].startswith("2 sources · ")
    assert "The Harbour Times" in out and "Baltic Wire Service" in out
    status, out, _ = skim(samples, capsys, "stories", "--all", "--json")
    stories = json.loads(out)
    assert len(stories) == 14 and stories[0]["size"] in (1, 2)
    assert sorted(s["size"] for s in stories)[-1] == 2


def test_compare_report(samples: Library, capsys: pytest.CaptureFixture[str]) -> None:
    harbour, baltic = aarhus_ids(samples)
    status, out, _ = skim(samples, capsys, "compare", str(harbour), str(baltic))
    assert status == 0
    # Figure names are phrases of the text now, so a line may wrap: compare the words.
    differ = " ".join(out.split("Figures that differ")[1].split("Figures that agree")[0].split())
    assert "[1] Fourteen · [2] 17" in differ
    assert "[1] 2:15 a.m. · [2] 2:04 a.m." in differ
    assert "[1] 180 million kroner · [2] 215 million Danish kroner" in differ
    assert "Lars Vestergaard: “The crew did everything right" in out
    assert all(len(line) <= 88 for line in out.splitlines())


def test_compare_one_id_takes_its_story(
    samples: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    harbour, baltic = aarhus_ids(samples)
    status, out, _ = skim(samples, capsys, "compare", str(baltic), "--json")
    data = json.loads(out)
    assert status == 0
    assert [s["article"] for s in data["sources"]] == [harbour, baltic]
    injured = next(g for g in data["figures"]["differing"] if "injur" in g["about"])
    assert {f["value"] for f in injured["figures"]} == {14.0, 17.0}


def test_compare_an_article_without_other_sources(
    samples: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    lonely = next(m.id for m in samples.articles.find() if "four-day week" in m.title)
    status, _, err = skim(samples, capsys, "compare", str(lonely))
    assert status == 1
    assert err.startswith("skim: ") and "no other source" in err and len(err.splitlines()) == 1


def test_tone_text_and_json(samples: Library, capsys: pytest.CaptureFixture[str]) -> None:
    column = next(m.id for m in samples.articles.find() if "four-day week" in m.title)
    status, out, _ = skim(samples, capsys, "tone", str(column))
    assert status == 0 and out.startswith("Opinionated")
    assert "first-person: I" in out and "Opinion sentences (" in out
    status, out, _ = skim(samples, capsys, "tone", str(column), "--json")
    data = json.loads(out)
    assert data["label"] == "Opinionated"
    body = samples.articles.get(column).body
    assert all(body[e["start"] : e["end"]] == e["text"] for e in data["evidence"])
    assert {s["label"] for s in data["sentences"]} == {"OPINION", "REPORT"}


def test_missing_article_is_a_one_line_error(
    samples: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = skim(samples, capsys, "tone", "9999")
    assert status == 1 and err == "skim: there is no article 9999\n"


def test_output_is_safe_and_regroup_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "The ferry Aegean Star ran aground off Naxos on Sunday; all {n} passengers were safe.\n\n"
        "\x1b[2J“We hit the rocks at full speed, it was terrifying,” said passenger Anna Lykou."
    )
    library = open_library(tmp_path)
    for n, title in enumerate(["Ferry aground off Naxos", "Naxos ferry Aegean Star runs aground"]):
        library.articles.add(
            ArticleDraft(
                title=title + "\x1b]0;owned\x07",
                body=body.format(n=312 - n),
                source=f"Outlet {n}",
                published=datetime(2024, 7, 8, n, tzinfo=UTC),
            )
        )
    status, _, _ = skim(library, capsys, "stories", "--regroup")
    assert status == 0
    status, out, _ = skim(library, capsys, "compare", "1", "2")
    library.close()
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "[1] 312 · [2] 311" in out
