"""The float summation that parity with stock sumy is defined on (see ``conftest.py``)."""

from __future__ import annotations

import sys

from tests.analysis.conftest import left_to_right_sum


def test_the_fixed_sum_is_python_311_arithmetic() -> None:
    # 0.1 + 0.2 + 0.3 rounds twice from the left; a compensated sum gives 0.6 exactly.
    assert left_to_right_sum([0.1, 0.2, 0.3]) == (0.1 + 0.2) + 0.3 != 0.6
    assert left_to_right_sum([1, 2, 3]) == 6


def test_stock_sumy_sees_the_fixed_sum() -> None:
    from sumy.summarizers import sum_basic

    assert sum_basic.sum is left_to_right_sum
    if sys.version_info >= (3, 12):  # the builtin now compensates: the reason for the fixture
        assert sum([0.1, 0.2, 0.3]) == 0.6
