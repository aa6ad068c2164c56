"""Figures the reliability tests count as they run, printed as one table at the end of the session.

Tests add to :data:`TALLY`; ``conftest.pytest_terminal_summary`` prints it (the closing note's table).
"""

from __future__ import annotations

from collections import Counter

#: Keys: "inputs tried", "kills survived", "writes made before kills", "concurrent writes made",
#: "annotations lost", "migrations tested".
TALLY: Counter[str] = Counter()

ORDER = (
    "inputs tried",
    "kills survived",
    "writes confirmed before kills",
    "concurrent writes made",
    "database is locked errors",
    "annotations lost",
    "schema versions upgraded",
    "terminal sizes tried",
)


def table() -> list[str]:
    """The tally as the lines of a two-column Markdown table (only what was counted)."""
    rows = [(key, TALLY[key]) for key in ORDER if key in TALLY]
    rows += sorted((key, value) for key, value in TALLY.items() if key not in ORDER)
    if not rows:
        return []
    width = max(len(key) for key, _ in rows)
    lines = [f"| {'measure':<{width}} | count |", f"|{'-' * (width + 2)}|-------|"]
    lines += [f"| {key:<{width}} | {value:>5} |" for key, value in rows]
    return lines
