"""What the CLI contract test compares: ``skim`` help pages and outputs, and their golden files.

Kept free of pytest and of everything but the ``skim`` entry point, so the help pages can be
recorded on another Python without installing skim there:

    PYTHONPATH=. python3.13 tests/cli_golden.py      # writes tests/golden_cli/help-py3.13/

argparse lays help out differently from one Python version to the next (3.13 writes
``-a, --algorithm A`` where 3.11 writes ``-a A, --algorithm A``), so help pages are kept per
version; command outputs are the same on every version and kept once.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden_cli"
HELP_DIR = GOLDEN / f"help-py{sys.version_info.major}.{sys.version_info.minor}"

#: Every command and feed action whose ``--help`` is part of the contract ("" is ``skim --help``).
HELP_COMMANDS: tuple[tuple[str, ...], ...] = (
    (),
    ("add",),
    ("list",),
    ("show",),
    ("analyze",),
    ("summary",),
    ("note",),
    ("triage",),
    ("feed",),
    ("feed", "add"),
    ("feed", "list"),
    ("feed", "update"),
    ("feed", "remove"),
    ("feed", "import-opml"),
    ("feed", "export-opml"),
    ("import-from",),
    ("export",),
    ("import-notes",),
    ("backup",),
    ("restore",),
    ("stories",),
    ("story",),
    ("story", "link"),
    ("story", "unlink"),
    ("compare",),
    ("tone",),
    ("delete",),
    ("undelete",),
    ("tag",),
    ("edit",),
    ("config",),
    ("completion",),
    ("man",),
)

#: Help is laid out to the terminal width; the contract is taken at 80 columns.
HELP_COLUMNS = "80"


def help_name(command: Sequence[str]) -> str:
    """The golden file name of ``skim COMMAND --help``."""
    return "-".join(("skim", *command)) + ".txt"


def run_skim(argv: Sequence[str]) -> tuple[int, str, str]:
    """Run ``skim argv`` in this process: (exit status, stdout, stderr)."""
    from reader.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exit_:  # --help and --version exit through argparse
            status = exit_.code if isinstance(exit_.code, int) else 1
    return status, out.getvalue(), err.getvalue()


def render_help(command: Sequence[str]) -> tuple[int, str]:
    """``skim COMMAND --help`` at :data:`HELP_COLUMNS` columns: (exit status, the page)."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_COLUMNS
    try:
        status, out, err = run_skim([*command, "--help"])
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before
    return status, out + err


def record_help() -> None:
    """Write the help pages of this Python version under :data:`HELP_DIR`."""
    HELP_DIR.mkdir(parents=True, exist_ok=True)
    for command in HELP_COMMANDS:
        status, page = render_help(command)
        assert status == 0, (command, page)
        (HELP_DIR / help_name(command)).write_text(page, encoding="utf-8", newline="")


if __name__ == "__main__":
    record_help()
