"""What parity with stock sumy means when stock sumy itself differs between Pythons.

Python 3.12 made ``sum()`` of floats compensate its rounding (Neumaier summation), and stock sumy
sums floats with the builtin: SumBasic's word-probability averages and LexRank's cosine
denominators change in their last bits, which flips the order of sentences whose scores tie
exactly (seen on the Riverside bridge sample: SumBasic picks another of two tied sentences).
skim's numpy versions sum left to right, as Python 3.11 did.

So parity is defined against stock sumy with one fixed float summation: left to right, as every
Python up to 3.11 does. The fixture below gives stock sumy that ``sum`` on every Python, so the
parity tests compare the same arithmetic everywhere and stay exact (picks and ratings identical).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Iterator
from typing import Any

import pytest


def left_to_right_sum(values: Iterable[Any], start: Any = 0) -> Any:
    """``sum`` as Python 3.11 computes it for floats: plain additions, in order."""
    return functools.reduce(operator.add, values, start)


@pytest.fixture(autouse=True)
def stock_sumy_sums_left_to_right(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make stock sumy's summarisers add floats in one fixed order on every Python."""
    from sumy.summarizers import lex_rank, sum_basic

    for module in (sum_basic, lex_rank):
        monkeypatch.setattr(module, "sum", left_to_right_sum, raising=False)
    yield
