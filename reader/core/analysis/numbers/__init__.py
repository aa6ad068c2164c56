"""Counts, money, percentages, dates and other figures in a text.

``find`` is the recogniser; ``patterns`` holds the regular expressions, ``anchors`` the words that
make a bare number a figure.
"""

from __future__ import annotations

from reader.core.analysis.numbers.find import VERSION, find_numbers

__all__ = ["VERSION", "find_numbers"]
