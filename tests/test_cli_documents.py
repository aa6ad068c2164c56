"""``skim completion`` and ``skim man``: generated from the parser, usable by the shell and by man."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import build_parser
from reader.cli.manpage import escape, render
from tests.cli_golden import run_skim

ROOT = Path(__file__).resolve().parents[1]


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_script_is_sourced_and_registered() -> None:
    skim = f"{sys.executable} -m reader"
    result = subprocess.run(
        ["bash", "-c", f"source <({skim} completion bash) && complete -p skim"],
        capture_output=True,
        text=True,
        env=_environment(),
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert re.match(r"complete .*-F \S+ skim$", result.stdout.strip()), result.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_offers_commands_options_and_paths() -> None:
    skim = f"{sys.executable} -m reader"
    script = (
        f"source <({skim} completion bash)\n"
        'complete_for() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); '
        'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; '
        '$(complete -p skim | sed "s/.*-F \\([^ ]*\\) .*/\\1/") skim "${@: -1}" "${@: -2:1}"; '
        'echo "${COMPREPLY[*]}"; }\n'
        "complete_for skim im\n"
        "complete_for skim add --\n"
        "complete_for skim add sample_art\n"
    )
    result = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env=_environment(),
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    commands, options, paths = result.stdout.splitlines()
    assert set(commands.split()) == {"import-from", "import-notes"}
    assert {"--samples", "--quiet", "--color"} <= set(options.split())
    assert paths.split() == ["sample_articles"]  # add takes paths: the shell completes files


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_naming_every_command(shell: str) -> None:
    status, out, err = run_skim(["completion", shell])
    assert status == 0 and err == ""
    for command in ("add", "import-from", "completion", "man", "export"):
        assert command in out
    assert "quiet" in out and "color" in out


def test_an_unknown_shell_is_a_usage_error() -> None:
    status, out, err = run_skim(["completion", "powershell"])
    assert status == 2 and out == ""
    assert "invalid choice: 'powershell'" in err


def test_man_page_has_the_sections_and_every_command() -> None:
    status, page, err = run_skim(["man"])
    assert status == 0 and err == ""
    lines = page.splitlines()
    assert lines[0].startswith('.TH SKIM 1 "" "skim ')
    sections = [line.removeprefix(".SH ") for line in lines if line.startswith(".SH ")]
    assert sections == [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "ENVIRONMENT",
        "FILES",
    ]
    subsections = {line for line in lines if line.startswith(".SS ")}
    for command in ("add", "feed update", "import-from", "completion", "man"):
        assert f'.SS "skim {escape(command)}"' in subsections
    # Every request is one of the few macros the writer uses: no text line was taken for one.
    requests = {line.split()[0] for line in lines if line.startswith((".", "'"))}
    assert requests == {".TH", ".SH", ".SS", ".TP", ".PP"}
    assert all(ord(c) < 128 for c in page)
    assert "\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR" in page


def test_roff_escaping_keeps_text_from_becoming_requests() -> None:
    assert escape(".in 4\n'br\nC:\\path -x") == "\\&.in 4\n\\&'br\nC:\\epath \\-x"
    assert escape("café…") == "caf\\[u00E9]\\[u2026]"


def test_man_page_lists_options_once_per_command() -> None:
    page = render(build_parser())
    add = page.split('.SS "skim add"')[1].split(".SS")[0]
    assert "\\-\\-samples" in add and "\\-\\-quiet\\fR" not in add


@pytest.mark.skipif(shutil.which("man") is None, reason="needs man")
def test_man_renders_the_page(tmp_path: Path) -> None:
    status, page, _ = run_skim(["man"])
    assert status == 0
    source = tmp_path / "skim.1"
    source.write_text(page, encoding="ascii")
    result = subprocess.run(
        ["man", "-l", str(source)],
        capture_output=True,
        text=True,
        env={**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    text = re.sub(".\b", "", result.stdout)  # overstrike bold and underline
    assert "NAME\n       skim - A keyboard-driven terminal reader for articles" in text
    assert "skim feed update" in text and "--color WHEN" in text
