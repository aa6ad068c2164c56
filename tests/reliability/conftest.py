"""Options and the closing summary of the reliability suite.

``--kill-rounds N`` (or ``SKIM_KILL_ROUNDS=N``) sets how many times each crash-safety test kills
its child process; the default keeps the suite fast enough for CI.
"""

from __future__ import annotations

import os

import pytest

from tests.reliability.tally import table

# The TUI suite's library fixtures and its runner for `async def` tests (Pilot needs a loop).
from tests.tui.conftest import (  # noqa: F401  (pytest finds fixtures and hooks by name)
    empty_library,
    library,
    pytest_pyfunc_call,
    samples_template,
)

DEFAULT_KILL_ROUNDS = 5


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--kill-rounds`` (only when tests/reliability is named on the command line)."""
    parser.addoption(
        "--kill-rounds",
        type=int,
        default=None,
        help=f"SIGKILL rounds per crash-safety test (default {DEFAULT_KILL_ROUNDS})",
    )


@pytest.fixture(scope="session")
def kill_rounds(pytestconfig: pytest.Config) -> int:
    """How many times each crash-safety test kills its child: option > environment > default."""
    option = pytestconfig.getoption("--kill-rounds", default=None)
    if option is not None:
        return int(option)
    return int(os.environ.get("SKIM_KILL_ROUNDS", DEFAULT_KILL_ROUNDS))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the suite tried and survived (the issue's closing table)."""
    lines = table()
    if lines:
        terminalreporter.section("skim reliability")
        for line in lines:
            terminalreporter.write_line(line)
