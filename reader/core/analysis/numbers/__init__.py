"""Counts, money, percentages, dates and other figures in a text.

``find`` is the recogniser; ``patterns`` holds the regular expressions, ``anchors`` the words that
make a bare number a figure.
"""

from __future__ import annotations

from reader.core.analysis.numbers.find import find_numbers
from reader.core.analysis.versions import NUMBERS as VERSION

__all__ = ["VERSION", "find_numbers"]
