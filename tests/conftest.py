"""Hooks of the whole suite: the config and state kept away from the real home, property tests
that draw the same examples on CI, and the reliability tally, printed at the end even under
pytest-xdist.

This file is loaded by the process that prints the summary in every run (``pytest``, ``pytest
tests/reliability``, ``-n auto``); ``tests/reliability/conftest.py`` is not loaded by xdist's
controller, which runs no tests, so each worker sends its counts here when it finishes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.reliability.tally import TALLY, table

# On CI, property tests try the same examples on every run: a red CI then means a change broke
# something, not that a new random example was drawn (examples that once failed are kept with
# @example). Elsewhere each run draws new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

#: The config every test starts with (see own_config_and_state).
NO_BACKGROUND = "[analysis]\nbackground = false\n"


@pytest.fixture(autouse=True)
def own_config_and_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test reads a config file of its own, and remembers state and caches analyses in
    folders of its own. The file only turns the reader's background analysis off: it would make
    every reader test wait for it (tests that want it, or write their own file, turn it on).

    Without this a test would read the developer's real ``config.toml`` (a remapped key or another
    export folder would change what it sees) and write the reader's state into their home.
    Returns the config file, which a test may fill.
    """
    folder = tmp_path_factory.mktemp("skim-home")
    config = folder / "config.toml"
    config.write_text(NO_BACKGROUND, encoding="utf-8")
    monkeypatch.setenv("SKIM_CONFIG", str(config))
    monkeypatch.setenv("SKIM_STATE_DIR", str(folder / "state"))
    monkeypatch.setenv("SKIM_CACHE_DIR", str(folder / "cache"))
    return config


#: The key of the counts in what an xdist worker sends back to the controller.
_WORKER_TALLY = "skim_reliability_tally"


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In an xdist worker, hand this worker's counts to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[_WORKER_TALLY] = dict(TALLY)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """In xdist's controller, add up the counts of a worker that finished."""
    TALLY.update(getattr(node, "workeroutput", {}).get(_WORKER_TALLY, {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the reliability tests tried and survived (the issue's closing table)."""
    lines = table()
    if lines:
        terminalreporter.section("skim reliability")
        for line in lines:
            terminalreporter.write_line(line)
