"""``skim export`` and ``skim import-notes`` on the command line: output lines and exit statuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import Library

SEA_WALL = "harbour-council-approves-12-million-sea-wall.md"

#: Runs ``skim`` with the given arguments; returns (exit status, stdout, stderr).
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(
    library: Library,
    seeded: list[int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    own_config_and_state: Path,
) -> Run:
    """Run ``skim`` on the seeded library from inside ``tmp_path``, exporting to ./skim-notes.

    (The default folder is ~/skim-notes; a config file names a folder relative to where skim runs.)
    """
    data_dir = library.path.parent
    monkeypatch.chdir(tmp_path)
    own_config_and_state.write_text('[export]\nfolder = "skim-notes"\n', encoding="utf-8")

    def run(*args: str) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def test_export_prints_a_line_per_file_then_a_summary(
    cli: Run,
    seeded: list[int],
) -> None:
    status, out, err = cli("export", str(seeded[0]), str(seeded[1]))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"written   skim-notes/{SEA_WALL}",
        "written   skim-notes/riverside-bridge-to-close-for-repairs.md",
        "export: 2 written",
    ]
    status, out, _ = cli("export", str(seeded[0]))
    assert status == 0 and out.splitlines() == [
        f"unchanged skim-notes/{SEA_WALL}",
        "export: 0 written, 1 unchanged",
    ]


def test_a_skipped_file_makes_the_status_one(
    cli: Run,
    seeded: list[int],
    tmp_path: Path,
) -> None:
    cli("export", str(seeded[0]))
    with (tmp_path / "skim-notes" / SEA_WALL).open("a", encoding="utf-8") as file:
        file.write("edited\n")
    status, out, err = cli("export", str(seeded[0]))
    assert status == 1
    assert err == (
        f"skim: skim-notes/{SEA_WALL} was edited since the last export; use --force to overwrite\n"
    )
    assert out == "export: 0 written, 1 skipped\n"
    assert cli("export", str(seeded[0]), "--force")[0] == 0


def test_selections_by_state_tag_and_all(
    cli: Run,
    library: Library,
    seeded: list[int],
) -> None:
    from reader.core.models import TriageState

    library.articles.set_state([seeded[1]], TriageState.LATER)
    assert cli("export", "--state", "later", "--out", "later")[1].count("written ") == 1
    assert cli("export", "--tag", "climate", "--out", "tagged")[1].count("written ") == 1
    status, out, _ = cli("export", "--all", "--out", "all.md", "--template", "brief")
    assert status == 0 and out.splitlines() == ["written   all.md", "export: 1 written"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export"], "give the ids of the articles to export, or --all (or --state/--tag)"),
        (["export", "1", "--all"], "give article ids, or --all/--state/--tag, not both"),
        (["export", "999"], "there is no article 999"),
        (["export", "1", "--template", "nosuch"], "there is no template 'nosuch'"),
    ],
)
def test_export_errors_are_one_line_with_status_one(
    cli: Run,
    args: list[str],
    message: str,
) -> None:
    status, out, err = cli(*args)
    assert status == 1 and out == ""
    assert err.startswith(f"skim: {message}") and err.count("\n") == 1


def test_a_bad_since_is_a_usage_error(cli: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("export", "--all", "--since", "last tuesday")
    assert exit_.value.code == 2
    assert "not a date: 'last tuesday'" in capsys.readouterr().err


def test_nothing_changed_since_is_not_an_error(cli: Run) -> None:
    status, out, err = cli("export", "--all", "--since", "2999-01-01")
    assert (status, out, err) == (0, "", "skim: nothing to export\n")


def test_import_notes_status_and_summary(
    cli: Run,
    seeded: list[int],
    tmp_path: Path,
) -> None:
    cli("export", str(seeded[0]))
    path = tmp_path / "skim-notes" / SEA_WALL
    path.write_text(path.read_text("utf-8").replace("Check the cost.", "Checked."), "utf-8")
    status, out, err = cli("import-notes", "skim-notes")
    assert (status, err) == (0, "")
    assert out == (
        "import-notes: 1 file (1 article): updated 1 highlight, 0 article notes, 0 tag lists; "
        "0 problems\n"
    )
    (tmp_path / "stray.md").write_text("# not an export\n", "utf-8")
    status, out, err = cli("import-notes", "stray.md")
    assert status == 1
    assert err == "skim: stray.md: no skim_id in its front matter; skipped\n"


def test_cli_filename(cli: Run, tmp_path: Path) -> None:
    status, out, _ = cli("export", "1", "--filename", "{{title}}")
    assert status == 0 and "Harbour council approves $12 million sea wall.md" in out
    assert (tmp_path / "skim-notes" / "Harbour council approves $12 million sea wall.md").is_file()
    status, _, err = cli("export", "1", "--filename", "{{#title}}")
    assert status != 0 and "never closed" in err and "Traceback" not in err


def test_config_filename(cli: Run, tmp_path: Path, own_config_and_state: Path) -> None:
    own_config_and_state.write_text(
        '[export]\nfolder = "skim-notes"\nfilename = "{{id}} {{title}}"\n', encoding="utf-8"
    )
    status, _, _ = cli("export", "1", "2")
    assert status == 0
    assert (
        tmp_path / "skim-notes" / "1 Harbour council approves $12 million sea wall.md"
    ).is_file()
    assert (tmp_path / "skim-notes" / "2 Riverside bridge to close for repairs.md").is_file()
