"""The config file on the command line: ``--config``, ``skim config``, and what the file changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.test_cli import ARTICLE

CONFIG = """\
theme = "skim-light"

[keymap]
"library.archive" = "z"

[summary]
algorithm = "lead"
length = 2

[export]
folder = "{folder}"
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def article_id(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    path = tmp_path / "sea-wall.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "add", str(path)]) == 0
    return int(capsys.readouterr().out.split("\t")[0])


def written(config: Path, folder: Path) -> Path:
    config.write_text(CONFIG.format(folder=folder), encoding="utf-8")
    return config


def test_config_path_follows_flag_and_environment(
    own_config_and_state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "--path"]) == 0
    assert capsys.readouterr().out == f"{own_config_and_state}\n"
    other = tmp_path / "other.toml"
    assert main(["--config", str(other), "config", "--path"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{other}\n"
    assert err == f"skim: config file {other}: no such file; using the defaults\n"


def test_show_gives_every_setting_and_its_source(
    data_dir: Path,
    own_config_and_state: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("EDITOR", "nano")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    written(own_config_and_state, tmp_path / "notes")
    assert main(["--data-dir", str(data_dir), "config", "--show"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows == [
        ["config", str(own_config_and_state), "environment"],
        ["theme", "skim-light", "config file"],
        ["summary.algorithm", "lead", "config file"],
        ["summary.length", "2", "config file"],
        ["export.folder", str(tmp_path / "notes"), "config file"],
        ["export.template", "default", "default"],
        ["library.view", "inbox", "default"],
        ["library.sort", "added", "default"],
        ["library.date_format", "%d %b %Y", "default"],
        ["analysis.background", "true", "default"],
        ["pager", "less", "default"],
        ["editor", "nano", "environment"],
        ["keymap.library.archive", "z", "config file"],
    ]


def test_show_json_names_the_library_and_the_flag(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core import open_library

    library = open_library(data_dir)
    library.analysis.set_summary_choice(algorithm="luhn")
    library.close()
    config = tmp_path / "mine.toml"
    config.write_text('[library]\nview = "later"\n', encoding="utf-8")
    status = main(
        ["--data-dir", str(data_dir), "--config", str(config), "config", "--show", "--json"]
    )
    assert status == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["config"] == {"value": str(config), "source": "flag"}
    assert shown["summary.algorithm"] == {"value": "luhn", "source": "library"}
    assert shown["summary.length"] == {"value": 3, "source": "default"}
    assert shown["library.view"] == {"value": "later", "source": "config file"}


def test_json_without_show_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--path", "--json"]) == 2
    assert capsys.readouterr().err == "skim: --json goes with --show\n"


def test_the_config_changes_summary_and_export_folder(
    data_dir: Path,
    article_id: int,
    own_config_and_state: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "notes"
    written(own_config_and_state, folder)
    assert main(["--data-dir", str(data_dir), "summary", str(article_id), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["algorithm"] == "lead"
    assert [s["index"] for s in summary["sentences"]] == [0, 1]  # lead, 2 sentences
    # A flag wins over the file.
    args = [
        "--data-dir",
        str(data_dir),
        "summary",
        str(article_id),
        "--json",
        "--algorithm",
        "luhn",
    ]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["algorithm"] == "luhn"
    assert main(["--data-dir", str(data_dir), "export", str(article_id)]) == 0
    exported = list(folder.glob("*.md"))
    assert [p.name for p in exported] == ["harbour-council-approves-12-million-sea-wall.md"]
    assert str(folder) in capsys.readouterr().out
    out = tmp_path / "flagged"
    assert main(["--data-dir", str(data_dir), "export", str(article_id), "--out", str(out)]) == 0
    assert len(list(out.glob("*.md"))) == 1


def test_without_a_config_export_goes_to_home_skim_notes(
    data_dir: Path,
    article_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(data_dir), "export", str(article_id)]) == 0
    assert len(list((tmp_path / "home" / "skim-notes").glob("*.md"))) == 1
    assert not (tmp_path / "skim-notes").exists()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "[summary\nalgorithm = 'lead'\n",
            "line 1: not valid TOML: expected ']' at the end of a table declaration; using the defaults",
        ),
        (
            "[summary]\nalgoritm = 'lead'\n",
            "line 2: unknown key 'summary.algoritm'; using the default for it",
        ),
    ],
)
def test_a_broken_config_is_one_line_and_the_defaults(
    text: str,
    line: str,
    data_dir: Path,
    article_id: int,
    own_config_and_state: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    own_config_and_state.write_text(text, encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "summary", str(article_id), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == f"skim: config file {own_config_and_state}, {line}\n"
    assert json.loads(out)["algorithm"] == "skim"  # the built-in default


def test_a_broken_config_does_not_change_the_exit_status(
    data_dir: Path, own_config_and_state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_config_and_state.write_text("theme = \n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "show", "999"]) == 1  # the command's own status
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"skim: config file {own_config_and_state}, line 1:")
    assert len(err) == 2 and "999" in err[1]


def test_the_config_pager_is_used_by_show(
    data_dir: Path,
    article_id: int,
    own_config_and_state: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shlex
    import sys

    paged = tmp_path / "paged.txt"
    script = (
        f"import sys, pathlib; pathlib.Path({str(paged)!r}).write_bytes(sys.stdin.buffer.read())"
    )
    pager = f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}"
    own_config_and_state.write_text(f"pager = {json.dumps(pager)}\n", encoding="utf-8")
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--data-dir", str(data_dir), "show", str(article_id), "--no-pager"]) == 0
    assert not paged.exists()
    assert main(["--data-dir", str(data_dir), "show", str(article_id)]) == 0
    assert "sea wall" in paged.read_text(encoding="utf-8")


def test_analyze_without_a_library_follows_the_config(
    own_config_and_state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sea-wall.md"
    path.write_text(ARTICLE, encoding="utf-8")
    own_config_and_state.write_text('[summary]\nalgorithm = "lead"\nlength = 1\n', encoding="utf-8")
    assert main(["analyze", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["algorithm"], len(summary["sentences"])) == ("lead", 1)
