"""Options of the reliability suite (its closing table is printed by ``tests/conftest.py``).

``--kill-rounds N`` (or ``SKIM_KILL_ROUNDS=N``) sets how many times each crash-safety test kills
its child process; the default keeps the suite fast enough for CI.
"""

from __future__ import annotations

import os

import pytest

# The TUI suite's library fixtures (`async def` tests run under pytest-asyncio, as there).
from tests.tui.conftest import (  # noqa: F401  (pytest finds fixtures by name)
    empty_library,
    library,
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
