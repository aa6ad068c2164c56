"""Run the performance benchmark: generate libraries, measure, print one table, write JSON.

Usage: ``python -m benchmarks [--quick] [--only NAME ...] [--json PATH]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from unittest import mock

from benchmarks import report
from benchmarks.analysis_bench import analysis
from benchmarks.article_bench import open_article
from benchmarks.import_bench import importing
from benchmarks.measure_types import QUICK, Config, Row
from benchmarks.search_bench import search
from benchmarks.startup_bench import cli, startup

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
#: Every measure by its ``--only`` name, in the order a full run takes them.
MEASURES: dict[str, Callable[[Config], Iterator[Row]]] = {
    "startup": startup,
    "cli": cli,
    "search": search,
    "open": open_article,
    "analysis": analysis,
    "import": importing,
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="skim's performance benchmark (issue 5)."
    )
    parser.add_argument(
        "--quick", action="store_true", help="a 1,000-article library, fewer runs: a smoke test"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(MEASURES),
        metavar="NAME",
        help=f"run only this measure (repeatable): {', '.join(MEASURES)}",
    )
    parser.add_argument(
        "--size",
        action="append",
        type=int,
        metavar="N",
        help="library size to measure (repeatable; default: 10,000 and 100,000, or 1,000 quick)",
    )
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    return parser.parse_args(argv)


@contextmanager
def own_settings_and_cache() -> Iterator[None]:
    """The default settings, and a state folder and analysis cache of the run's own.

    Without this every probe read the user's config (a remapped key, the background analysis
    turned off) and analysed into the user's analysis cache, where the next run found the
    results: a "first time" or "fully analysed" figure then timed reading the cache.
    """
    with tempfile.TemporaryDirectory(prefix="skim-bench-home-") as home:
        config = Path(home) / "config.toml"
        config.write_text("", encoding="utf-8")
        variables = {
            "SKIM_CONFIG": str(config),
            "SKIM_STATE_DIR": str(Path(home) / "state"),
            "SKIM_CACHE_DIR": str(Path(home) / "cache"),
        }
        with mock.patch.dict(os.environ, variables):
            yield


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen measures; print progress to stderr and the table to stdout."""
    args = parse_args(argv)
    config = QUICK if args.quick else Config()
    if args.size:
        config = replace(config, library_sizes=tuple(args.size))
    rows: list[Row] = []
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with own_settings_and_cache():
        for name in args.only or list(MEASURES):
            print(f"[{time.perf_counter() - started:6.1f} s] {name}…", file=sys.stderr, flush=True)
            rows.extend(MEASURES[name](config))
    seconds = time.perf_counter() - started
    # Other processes slow every figure down: the load average says how busy the machine was.
    load = (load_before, os.getloadavg()[0])
    print(report.table(rows))
    print(
        f"\n{len(rows)} rows in {seconds:.0f} s on {os.cpu_count()} cores, "
        f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end; JSON in {args.json}"
    )
    data = report.to_json(rows, seconds)
    data["machine"]["load_average"] = load
    report.write_json(data, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
