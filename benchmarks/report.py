"""The benchmark's one table (Markdown, also printed) and its JSON form."""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.measure_types import Row

HEADER = ("measure", "size", "median", "min", "max", "target", "met?", "note")


def _value(value: float, unit: str, over: bool = False) -> str:
    prefix = "> " if over else ""
    if unit == "s":
        text = f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    elif unit == "MB":
        text = f"{value:.0f} MB"
    else:
        text = f"{value:.0f} {unit}"
    return prefix + text


def _target(row: Row) -> str:
    if row.target is None:
        return ""
    return ("≥ " if row.higher_is_better else "≤ ") + _value(row.target, row.unit)


def cells(row: Row) -> tuple[str, ...]:
    """The table cells of one row."""
    met = {True: "yes", False: "**no**", None: ""}[row.met]
    return (
        row.measure,
        row.size,
        _value(row.median, row.unit, row.over),
        _value(min(row.samples), row.unit, row.over),
        _value(max(row.samples), row.unit, row.over),
        _target(row),
        met,
        row.note,
    )


def table(rows: Sequence[Row]) -> str:
    """A Markdown table of ``rows`` (readable as plain text too)."""
    lines = [cells(row) for row in rows]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(HEADER)]

    def fmt(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(HEADER), rule, *(fmt(line) for line in lines)])


def to_json(rows: Sequence[Row], seconds: float) -> dict[str, Any]:
    """The run as a JSON-ready dict: the machine, and every row with all its samples."""
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cores": os.cpu_count(),
        },
        "seconds": round(seconds, 1),
        "rows": [
            {
                "measure": r.measure,
                "size": r.size,
                "unit": r.unit,
                "median": r.median,
                "min": min(r.samples),
                "max": max(r.samples),
                "samples": r.samples,
                "target": r.target,
                "higher_is_better": r.higher_is_better,
                "met": r.met,
                "lower_bound": r.over,
                "note": r.note,
                **r.extra,
            }
            for r in rows
        ],
    }


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` to ``path`` (folders created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
