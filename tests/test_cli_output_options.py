"""``--quiet``, ``--color`` and ``NO_COLOR``; ``skim show`` names the article's URL."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.cli.output import use_colour

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_articles" / "aarhus-recycling-fire-baltic-wire.html"
URL = "https://example.org/wire/2024/02/12/denmark-recycling-plant-fire-aarhus"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A library holding one sample article (id 1), which has a URL."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "add", str(SAMPLE)]) == 0
    capsys.readouterr()
    return folder


@pytest.mark.parametrize(
    ("mode", "no_color", "tty", "expected"),
    [
        ("auto", None, True, True),
        ("auto", None, False, False),
        ("auto", "1", True, False),
        ("auto", "", True, True),  # an empty NO_COLOR does not count (no-color.org)
        ("always", "1", False, True),  # the flag given for one call beats the variable
        ("never", None, True, False),
    ],
)
def test_colour_follows_the_flag_then_no_color_then_the_terminal(
    monkeypatch: pytest.MonkeyPatch, mode: str, no_color: str | None, tty: bool, expected: bool
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    stream = _Terminal() if tty else io.StringIO()
    assert use_colour(mode, stream) is expected


@pytest.mark.parametrize("where", ["before", "after"])
def test_color_always_colours_piped_output_wherever_the_flag_is(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    command = ["show", "1", "--no-pager"]
    flags = ["--color", "always"]
    argv = [*flags, *command] if where == "before" else [*command, *flags]
    assert main(["--data-dir", str(data_dir), *argv]) == 0
    assert "\x1b[1m" in capsys.readouterr().out


def test_color_never_and_a_bad_value(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "--color", "never", "show", "1", "--no-pager"]) == 0
    assert "\x1b" not in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(data_dir), "--color", "sometimes", "list"])
    assert exit_.value.code == 2
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err


def test_show_prints_the_url_under_the_byline_and_json_has_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "show", "1", "--no-pager"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == URL
    assert main(["--data-dir", str(data_dir), "show", "1", "--json"]) == 0
    assert f'"url": "{URL}"' in capsys.readouterr().out


def test_show_without_url_prints_no_url_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("A plain note\n\nThe council met on Tuesday.\n", encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "add", str(note)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "show", "1", "--no-pager"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "A plain note"
    assert "min read" in lines[1] and lines[2] == ""


def test_quiet_keeps_the_data_and_drops_the_chatter(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skim = ["--data-dir", str(data_dir)]
    out = str(tmp_path / "notes")
    assert main([*skim, "export", "--all", "--out", out]) == 0
    loud = capsys.readouterr().out
    assert "export: 1 written" in loud
    assert main([*skim, "export", "--all", "--out", out, "-q"]) == 0
    quiet = capsys.readouterr()
    # The file's line stays (it is the data); the count line goes.
    file_line = loud.splitlines()[0].replace("written   ", "unchanged ")
    assert quiet.out == f"{file_line}\n" and quiet.err == ""

    assert main([*skim, "list", "--tag", "nothing"]) == 0
    assert capsys.readouterr().err != ""  # a hint that nothing matched
    assert main([*skim, "-q", "list", "--tag", "nothing"]) == 0
    assert capsys.readouterr() == ("", "")

    assert main([*skim, "delete", "1", "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1\tdeleted\t17 injured, thousands told to stay indoors as fire engulfs Danish recycling plant"
    ]


def test_quiet_still_reports_errors(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "-q", "show", "99"]) == 1
    assert capsys.readouterr().err.startswith("skim: ")


def _bar_output(monkeypatch: pytest.MonkeyPatch, argv: list[str], label: str) -> str:
    """What the progress bar writes to a (fake) terminal on stderr for ``skim argv``."""
    import argparse

    from reader.cli.main import build_parser
    from reader.cli.progress import progress_bar

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    args: argparse.Namespace = build_parser().parse_args(argv)
    with progress_bar(args, "Importing") as progress:
        if progress is not None:
            progress(0, 2, label)
            time.sleep(0.5)  # the bar redraws ten times a second: let it draw the label
            progress(2, 2, "")
    return terminal.getvalue()


def test_progress_bar_colour_follows_color_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[3" in _bar_output(monkeypatch, ["list"], "a.txt")  # coloured bar and counts
    assert "\x1b[3" not in _bar_output(monkeypatch, ["--color", "never", "list"], "a.txt")
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _bar_output(monkeypatch, ["list"], "a.txt")
    assert "Importing" in plain and "2/2" in plain and "\x1b[3" not in plain
    assert _bar_output(monkeypatch, ["list", "-q"], "a.txt") == ""


def test_progress_labels_are_shown_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    # A file or title is data: no markup read into it, no control sequence let through.
    shown = _bar_output(monkeypatch, ["list"], "[bold]notes[/bold]\x1b]0;owned\x07.txt")
    assert "[bold]notes[/bold]" in shown
    assert "\x1b]" not in shown and "\x07" not in shown
