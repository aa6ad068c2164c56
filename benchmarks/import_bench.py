"""The import measures: articles per second stored, grouped and analysed; the UI stall meanwhile."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from benchmarks import generate, libraries
from benchmarks.measure_types import Config, Row
from benchmarks.processes import run_probe


def importing(config: Config) -> Iterator[Row]:
    """1,000 Markdown files: stored and searchable; then fully analysed on all cores."""
    from reader.core.library import open_library

    with tempfile.TemporaryDirectory() as tmp:
        files = generate.markdown_files(Path(tmp) / "md", config.import_files, seed=7)
        stored, grouped, analysed, grouping = [], [], [], []
        for run in range(max(1, config.runs // 2)):
            # An analysis cache of the run's own: the next run must analyse again, not read it.
            with mock.patch.dict(os.environ, {"SKIM_CACHE_DIR": str(Path(tmp) / f"cache{run}")}):
                library = open_library(Path(tmp) / f"lib{run}")
            try:
                # As `skim add` does it: store (searchable from then on), then group in stories.
                start = time.perf_counter()
                outcomes = library.articles.import_paths(files, group=False)
                seconds = time.perf_counter() - start
                new = [o.result.article.id for o in outcomes if o.result and o.result.created]
                library.stories.group_new(new)
                total = time.perf_counter() - start
                stored.append(len(files) / seconds)
                grouped.append(len(files) / total)
                grouping.append((total - seconds) / total)
                ids = [meta.id for meta in library.articles.find(limit=len(files))]
                start = time.perf_counter()
                library.analysis.analyse_many(ids)
                analysed.append(len(files) / (time.perf_counter() - start))
            finally:
                library.close()
        size = f"{len(files):,} files"
        share = statistics.median(grouping)
        yield Row(
            "import: stored + searchable",
            size,
            stored,
            unit="art/s",
            target=300,
            higher_is_better=True,
            note="story grouping follows",
        )
        yield Row(
            "import: stored, then grouped in stories",
            size,
            grouped,
            unit="art/s",
            higher_is_better=True,
            note=f"story grouping {share:.0%} of the time",
        )
        yield Row(
            "import: fully analysed (all cores)",
            size,
            analysed,
            unit="art/s",
            target=60,
            higher_is_better=True,
            note=f"{os.cpu_count()} cores",
        )
        # The UI stall: the TUI open on a 10k library while a worker imports the files.
        library_dir = libraries.library_dir(config.library_sizes[0])
        stalls, idle = [], []
        for _run in range(max(1, config.runs // 2)):
            with tempfile.TemporaryDirectory() as copy:
                data = Path(copy)
                name = "library.sqlite3"
                (data / name).write_bytes((library_dir / name).read_bytes())
                _wall, marks = run_probe(data, "--import-dir", str(Path(tmp) / "md"))
                stalls.append(marks["max_stall"])
                idle.append(marks["idle_stall"])
        yield Row(
            "UI stall while importing (longest)",
            size,
            stalls,
            target=0.05,
            note=f"TUI on {config.library_sizes[0]:,} articles; idle: "
            f"{statistics.median(idle) * 1000:.0f} ms",
        )
