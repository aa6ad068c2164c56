"""The public contract of ``skim``: help pages, ``--json`` outputs and plain outputs, byte for byte.

Each output is compared with a golden file under ``tests/golden_cli/`` recorded from the code as it
stood before the CLI moved into a package, so moving code around cannot change what scripts and
users see. To re-record after a deliberate change (and review the diff):

    SKIM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -p no:cacheprovider tests/test_cli_contract.py
    PYTHONPATH=. python3.13 tests/cli_golden.py       # the help pages as Python 3.13 lays them out

Nothing is normalised: the one value that depends on when the test runs, the ``added`` time of an
article, is fixed instead by importing the samples on a fixed clock (``skim add --samples`` itself
is checked in a fresh library, where its output holds no time).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.library import open_library
from tests.cli_golden import GOLDEN, HELP_COMMANDS, HELP_DIR, help_name, render_help, run_skim

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"
UPDATE = os.environ.get("SKIM_UPDATE_GOLDEN") == "1"
FIXED_NOW = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
SAMPLE_IDS = range(1, 16)  # the 15 bundled articles, imported in file-name order
SAMPLE_FILES = sorted(p.name for p in SAMPLES.iterdir() if p.name != "README.md")
# Two reports of the same fire (ids 1 and 2) form the samples' one story with two sources.
STORY_IDS = ("1", "2")

#: (golden name, argv after ``--data-dir DIR``): every ``--json`` output, and the plain forms.
LIBRARY_CASES: list[tuple[str, tuple[str, ...]]] = [
    ("list.json", ("list", "--json")),
    ("list-no-fire-by-title.json", ("list", "--json", "--sort", "title", "--search", "-fire")),
    ("list.txt", ("list",)),
    ("list-empty-result.txt", ("list", "--tag", "nothing-tagged-so")),
    *[(f"show-{i}.json", ("show", str(i), "--json")) for i in SAMPLE_IDS],
    ("show-1.txt", ("show", "1", "--no-pager")),
    ("show-12.txt", ("show", "12", "--no-pager")),
    ("show-3-lead-2.json", ("show", "3", "--json", "--algorithm", "lead", "--sentences", "2")),
    *[(f"summary-{i}.json", ("summary", str(i), "--json")) for i in SAMPLE_IDS],
    ("summary-5-ratio.json", ("summary", "5", "--json", "--ratio", "0.3")),
    ("summary-5-textrank.json", ("summary", "5", "--json", "-a", "textrank")),
    ("summary-5.txt", ("summary", "5")),
    (
        "summary-file.json",
        ("summary", str(SAMPLES / "kenya-antivenom-drones.md"), "--json"),
    ),
    ("stories.json", ("stories", "--json")),
    ("stories-all.json", ("stories", "--json", "--all")),
    ("stories.txt", ("stories",)),
    ("stories-all-limit.txt", ("stories", "--all", "--limit", "3")),
    ("compare.json", ("compare", *STORY_IDS, "--json")),
    ("compare-one.json", ("compare", "2", "--json")),
    ("compare.txt", ("compare", *STORY_IDS)),
    *[(f"tone-{i}.json", ("tone", str(i), "--json")) for i in SAMPLE_IDS],
    ("tone-12.txt", ("tone", "12")),
    ("feed-list.json", ("feed", "list", "--json")),
]

ANALYZE_CASES: list[tuple[str, tuple[str, ...]]] = [
    *[
        (f"analyze-{name}.json", ("analyze", str(SAMPLES / name), "--json"))
        for name in SAMPLE_FILES
    ],
    ("analyze-opinion.txt", ("analyze", str(SAMPLES / "opinion-four-day-week.md"))),
    (
        "analyze-brief-lsa.json",
        ("analyze", str(SAMPLES / "brief-ferry-strike-called-off.txt"), "--json", "-a", "lsa"),
    ),
]


def _compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="")
        return
    assert golden.exists(), f"no golden file {name}: record it with SKIM_UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes().decode("utf-8")


def _captured(status: int, out: str, err: str) -> str:
    """stdout, then stderr after a marker when there is any: both are part of the contract."""
    assert status == 0, err
    return out + (f"\n--- stderr ---\n{err}" if err else "")


@pytest.fixture(scope="module")
def samples_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the samples imported on a fixed clock, analysed and grouped once."""
    folder = tmp_path_factory.mktemp("contract-samples")
    library = open_library(folder, clock=lambda: FIXED_NOW)
    library.articles.import_samples()
    library.stories.group_pending()
    library.close()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, samples_template: Path) -> Path:
    """A fresh copy of the sample library, so no case sees what another one wrote."""
    target = tmp_path / "data"
    shutil.copytree(samples_template, target)
    return target


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Text outputs wrap to the terminal width (at most 88): fix it, and keep colour off.
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=help_name)
def test_help_pages_are_unchanged(command: Sequence[str]) -> None:
    if not UPDATE and not HELP_DIR.exists():
        pytest.skip(f"no help pages recorded for Python {sys.version_info[:2]}")
    status, page = render_help(command)
    assert status == 0
    _compare(f"{HELP_DIR.name}/{help_name(command)}", page)


def test_version_and_algorithm_list_are_unchanged() -> None:
    status, out, err = run_skim(["--version"])
    _compare("version.txt", _captured(status, out, err))
    status, out, err = run_skim(["show", "--help-algorithms"])
    _compare("help-algorithms.txt", _captured(status, out, err))


@pytest.mark.parametrize(("name", "argv"), LIBRARY_CASES, ids=[c[0] for c in LIBRARY_CASES])
def test_library_outputs_are_unchanged(data_dir: Path, name: str, argv: tuple[str, ...]) -> None:
    _compare(name, _captured(*run_skim(["--data-dir", str(data_dir), *argv])))


@pytest.mark.parametrize(("name", "argv"), ANALYZE_CASES, ids=[c[0] for c in ANALYZE_CASES])
def test_analyze_outputs_are_unchanged(name: str, argv: tuple[str, ...]) -> None:
    _compare(name, _captured(*run_skim(argv)))


def test_analyze_stdin_output_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (SAMPLES / "riverside-bridge-closure.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    _compare("analyze-stdin.json", _captured(*run_skim(["analyze", "-", "--json"])))


def test_add_samples_output_is_unchanged(tmp_path: Path) -> None:
    argv = ["--data-dir", str(tmp_path / "fresh"), "add", "--samples"]
    _compare("add-samples.txt", _captured(*run_skim(argv)))
    # The second time, every sample is already there: the reasons are part of the output.
    _compare("add-samples-again.txt", _captured(*run_skim(argv)))
