"""``skim list --read/--unread`` and the read and progress fields of ``--json``;
``skim triage ID read|unread``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("alpha", "beta"):
        (folder / f"{name}.md").write_text(f"# {name.title()}\n\nThe {name} text.\n")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "add", str(folder)]) == 0
    return data


def listed(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "list", "--json", *args]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_read_flag_is_listed_filtered_and_set(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(data_dir, capsys)
    assert {(r["title"], r["read"], r["progress"]) for r in rows} == {
        ("Alpha", False, 0),
        ("Beta", False, 0),
    }
    alpha = next(r["id"] for r in rows if r["title"] == "Alpha")
    assert main(["--data-dir", str(data_dir), "triage", str(alpha), "read"]) == 0
    assert " read\t" in capsys.readouterr().out
    assert [r["title"] for r in listed(data_dir, capsys, "--unread")] == ["Beta"]
    assert [r["title"] for r in listed(data_dir, capsys, "--read")] == ["Alpha"]
    assert [r["title"] for r in listed(data_dir, capsys, "--search", "is:read")] == ["Alpha"]


def test_read_option_contradicting_the_search_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "list", "--unread", "--search", "is:read"])
    err = capsys.readouterr().err
    assert code != 0
    assert "conflicting filters --unread and is:read" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
