"""The ``skim`` command line: exit codes, one-line errors and the JSON contracts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """---
title: "Harbour council approves $12 million sea wall"
source: The Harbour Times
author: Priya Raman
url: https://example.com/sea-wall
published: 2025-03-14T08:30:00Z
tags: [local, climate]
---

The Harbour City council voted 7-2 on Tuesday to build a $12 million sea wall along Front Street.

Mayor Elena Ruiz said the wall would protect about 4,000 homes. "We cannot wait for the next storm," she said.

Work is due to start in March and last 18 months, the council's engineers said.
"""


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "sea-wall.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def skim(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def added_id(data_dir: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    assert skim(data_dir, "add", str(path)) == 0
    return int(capsys.readouterr().out.split("\t")[0])


def test_version_and_help_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert "skim" in capsys.readouterr().out


def test_usage_errors_exit_two(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["frobnicate"], ["summary", "1", "--ratio", "2"], ["show", "one"]):
        with pytest.raises(SystemExit) as exit_:
            skim(data_dir, *args)
        assert exit_.value.code == 2
    capsys.readouterr()


def test_add_prints_id_and_title_then_reports_duplicate(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "add", str(article_file)) == 0
    first = capsys.readouterr().out
    assert first.startswith("1\tHarbour council approves $12 million sea wall")
    assert skim(data_dir, "add", str(article_file)) == 0
    assert "already in the library" in capsys.readouterr().out
    assert skim(data_dir, "list", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_add_bad_inputs_gives_one_line_each_and_exit_one(
    data_dir: Path, tmp_path: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    code = skim(data_dir, "add", str(binary), str(empty), str(missing), str(article_file))
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith("skim: ") for line in lines)
    assert "Traceback" not in err
    assert "sea wall" in out  # the good file was still imported


def test_add_from_stdin(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    stdin = io.TextIOWrapper(
        io.BytesIO(b"Short title\n\nA body sentence about Paris. Another one here.\n")
    )
    monkeypatch.setattr(sys, "stdin", stdin)
    assert skim(data_dir, "add", "-") == 0
    assert "Short title" in capsys.readouterr().out


def test_list_json_has_the_contract_fields(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added_id(data_dir, article_file, capsys)
    assert skim(data_dir, "list", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    for key in (
        "id",
        "title",
        "source",
        "published",
        "added",
        "state",
        "starred",
        "tags",
        "notes",
        "words",
    ):
        assert key in row
    assert row["state"] == "inbox"
    assert row["tags"] == ["climate", "local"]
    assert row["published"] == "2025-03-14T08:30:00+00:00"


def test_list_filters(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = added_id(data_dir, article_file, capsys)
    assert skim(data_dir, "triage", str(article_id), "later") == 0
    capsys.readouterr()
    cases = {
        ("--state", "later"): 1,
        ("--state", "inbox"): 0,
        ("--tag", "climate"): 1,
        ("--tag", "sport"): 0,
        ("--search", "sea wall"): 1,
        ("--search", "is:later tag:local"): 1,
        ("--search", "volcano"): 0,
    }
    for args, expected in cases.items():
        assert skim(data_dir, "list", "--json", *args) == 0
        assert len(json.loads(capsys.readouterr().out)) == expected, args


def test_show_json_offsets_index_into_body(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = added_id(data_dir, article_file, capsys)
    assert skim(data_dir, "show", str(article_id), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    body = data["body"]
    for key in (
        "title",
        "source",
        "author",
        "url",
        "published",
        "updated",
        "body",
        "sentences",
        "entities",
        "numbers",
        "summary",
    ):
        assert key in data
    assert data["updated"] is None
    for start, end in data["sentences"]:
        assert 0 <= start < end <= len(body)
    for span in data["entities"] + data["numbers"]:
        assert body[span["start"] : span["end"]] == span["text"]
    labels = {(s["text"], s["label"]) for s in data["entities"] + data["numbers"]}
    assert ("Elena Ruiz", "PERSON") in labels
    assert ("$12 million", "MONEY") in labels
    summary = data["summary"]
    assert summary["algorithm"]
    assert [s["rank"] for s in sorted(summary["sentences"], key=lambda s: s["rank"])] == [1, 2, 3]
    for sentence in summary["sentences"]:
        assert body[sentence["start"] : sentence["end"]] == sentence["text"]


def test_show_plain_text_is_not_coloured_when_piped(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = added_id(data_dir, article_file, capsys)
    assert skim(data_dir, "show", str(article_id)) == 0
    out = capsys.readouterr().out
    assert "Highlights" in out and "Elena Ruiz" in out
    assert "\x1b" not in out


def test_show_unknown_id_is_a_one_line_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "show", "42") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "42" in err


def test_analyze_json_without_storing(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "analyze", str(article_file), "--json", "--sentences", "2") == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["summary"]["sentences"]) == 2
    assert data["title"] == "Harbour council approves $12 million sea wall"
    assert not (data_dir / "library.sqlite3").exists()


def test_analyze_unknown_algorithm_lists_choices(
    article_file: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "analyze", str(article_file), "--algorithm", "magic") == 1
    err = capsys.readouterr().err
    assert "magic" in err and "lexrank" in err and err.count("\n") == 1


def test_summary_of_id_and_of_path(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = added_id(data_dir, article_file, capsys)
    assert skim(data_dir, "summary", str(article_id), "--sentences", "1", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)["sentences"]) == 1
    assert (
        skim(
            data_dir,
            "summary",
            str(article_file),
            "--algorithm",
            "luhn",
            "--ratio",
            "0.5",
            "--json",
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["algorithm"] == "luhn" and len(data["sentences"]) == 2


def test_show_and_summary_use_the_library_summary_choice(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core.library import open_library

    article_id = added_id(data_dir, article_file, capsys)
    library = open_library(data_dir)
    library.analysis.set_summary_choice(algorithm="lead", sentences=2)  # as the reader's S and - do
    library.close()

    assert skim(data_dir, "show", str(article_id), "--json") == 0
    shown = json.loads(capsys.readouterr().out)["summary"]
    assert skim(data_dir, "summary", str(article_id), "--json") == 0
    summarised = json.loads(capsys.readouterr().out)
    assert skim(data_dir, "summary", str(article_file), "--json") == 0
    of_file = json.loads(capsys.readouterr().out)
    for summary in (shown, summarised, of_file):
        assert summary["algorithm"] == "lead"
        assert [s["index"] for s in summary["sentences"]] == [0, 1]

    # A flag overrides the setting for one call; what it leaves out still comes from the library.
    assert skim(data_dir, "show", str(article_id), "--json", "--algorithm", "luhn") == 0
    overridden = json.loads(capsys.readouterr().out)["summary"]
    assert overridden["algorithm"] == "luhn" and len(overridden["sentences"]) == 2
    assert skim(data_dir, "summary", str(article_id), "--json", "-n", "1") == 0
    assert [s["index"] for s in json.loads(capsys.readouterr().out)["sentences"]] == [0]
    assert skim(data_dir, "summary", str(article_id), "--json") == 0
    assert json.loads(capsys.readouterr().out) == summarised  # nothing was stored by the flags


def test_note_on_a_quote(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = added_id(data_dir, article_file, capsys)
    code = skim(
        data_dir,
        "note",
        str(article_id),
        "--quote",
        "protect about 4,000 homes",
        "--note",
        "Check this",
        "--tag",
        "Flood",
    )
    assert code == 0
    capsys.readouterr()
    assert skim(data_dir, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["notes"] == 1
    assert skim(data_dir, "note", str(article_id), "--quote", "not in the text at all") == 1
    assert "does not occur" in capsys.readouterr().err


def test_triage_star_and_unknown_id(
    data_dir: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = added_id(data_dir, article_file, capsys)
    assert skim(data_dir, "triage", str(article_id), "star") == 0
    assert "starred" in capsys.readouterr().out
    assert skim(data_dir, "triage", str(article_id), "999", "archive") == 1
    capsys.readouterr()
    assert skim(data_dir, "list", "--json", "--state", "archive") == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing changed: 999 does not exist


def test_data_dir_that_is_a_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["--data-dir", str(blocker), "list"]) == 1
    assert "data directory" in capsys.readouterr().err


def test_python_dash_m_reader_runs_in_a_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "list", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_samples_import_every_bundled_article(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert skim(data_dir, "add", "--samples") == 0
    out = capsys.readouterr().out
    sample_files = [
        p
        for p in (ROOT / "sample_articles").iterdir()
        if p.suffix in {".md", ".txt", ".html"} and p.name != "README.md"
    ]
    assert len(out.strip().splitlines()) == len(sample_files) >= 12
