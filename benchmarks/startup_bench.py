"""The start-up, CLI and memory measures: skim's first frame, ``skim list``/``show``, peak RSS.

Each runs a whole process (skim, the headless probe or an empty Textual app) per sample.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks import libraries
from benchmarks.measure_types import Config, Row
from benchmarks.processes import run_probe, run_python


def _empty_app() -> float:
    """Seconds to an empty Textual app's first frame (the floor under skim's start)."""
    _wall, out = run_python("-m", "benchmarks.empty_app", bytecode=True)
    return float(json.loads(out.strip().splitlines()[-1])["first_frame"])


def startup(config: Config) -> Iterator[Row]:
    """First painted library frame (inside, from the probe) and the whole process, and peak RSS;
    first an empty Textual app's first frame, the floor no start of skim can go below."""
    _empty_app()  # warm the caches, as for the probes
    floor = [_empty_app() for _ in range(config.runs)]
    yield Row("start: Textual's empty app (floor)", "-", floor)
    for size in config.library_sizes:
        folder = libraries.library_dir(size)
        run_probe(folder)  # warm the OS file cache, as a reader's second start would be
        inside, outside, rss = [], [], []
        for _ in range(config.runs):
            wall, marks = run_probe(folder)
            inside.append(marks["first_frame"])
            outside.append(wall)
            rss.append(marks["rss_mb"])
        target = 0.4 if size <= 10_000 else 0.8
        ratio = statistics.median(inside) / statistics.median(floor)
        yield Row(
            "start: first library frame (inside)",
            f"{size:,}",
            inside,
            target=target,
            note=f"{ratio:.1f}x the empty app",
        )
        yield Row("start: whole process to exit (outside)", f"{size:,}", outside)
        yield Row(
            "peak RSS, library open",
            f"{size:,}",
            rss,
            unit="MB",
            target=250 if size >= 100_000 else None,
        )


def cli(config: Config) -> Iterator[Row]:
    """``skim list --json`` and ``skim show ID --json``, whole process."""
    size = config.library_sizes[0]
    with tempfile.TemporaryDirectory() as tmp:
        # A copy: `show` caches analyses, and "first time" must be the first time on every run.
        folder = Path(tmp)
        name = "library.sqlite3"
        (folder / name).write_bytes((libraries.library_dir(size) / name).read_bytes())
        skim = ("-m", "reader", "--data-dir", str(folder))
        # With the bytecode cache, as an installed skim runs (see run_python).
        samples = [
            run_python(*skim, "list", "--json", bytecode=True)[0] for _ in range(config.runs)
        ]
        yield Row("skim list --json (whole process)", f"{size:,}", samples, target=0.3)
        uncached = [
            run_python(*skim, "show", str(7 + i), "--json", bytecode=True)[0]
            for i in range(config.runs)
        ]
        cached = [
            run_python(*skim, "show", "7", "--json", bytecode=True)[0] for _ in range(config.runs)
        ]
        yield Row("skim show ID --json, first time (analyses)", f"{size:,}", uncached)
        yield Row("skim show ID --json, cached", f"{size:,}", cached)
