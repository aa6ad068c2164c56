"""Analyse many texts on all cores: a process pool computes, the caller stores.

Analysis is pure Python and holds the GIL, so threads would not help; processes do. Workers only
compute (text in, JSON payloads out): the one process that owns the library writes the cache, so
SQLite never sees competing writers. Workers are forked when this process has a single thread
(cheap: they inherit its imports) and spawned otherwise (forking a process that runs threads, such
as the TUI, can copy a lock in a held state).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

#: Texts per task: large enough to amortise the pickling, small enough to keep both cores busy.
CHUNK = 8
#: Below this many texts, starting worker processes costs more than it saves.
MIN_FOR_POOL = 16

Job = tuple[str, str, str]
"""(key, body, title): the key is the caller's, handed back with the result."""
Result = tuple[str, str, str]
"""(key, analysis payload, default summary payload), both JSON."""


def analyse_one(job: Job) -> Result:
    """Sentences, entities, numbers and the default summary of one text, as JSON payloads."""
    from reader.core import analysis
    from reader.core.serialize import analysis_to_dict, summary_to_dict

    key, body, title = job
    found = analysis.analyze(body)
    summary = analysis.summarize(
        body,
        algorithm=analysis.DEFAULT_ALGORITHM,
        sentences=analysis.DEFAULT_SENTENCES,
        sentence_spans=found.sentences,
        title=title,
    )
    return key, json.dumps(analysis_to_dict(found)), json.dumps(summary_to_dict(summary))


def _analyse_chunk(jobs: Sequence[Job]) -> list[Result]:
    return [analyse_one(job) for job in jobs]


def analyse_all(jobs: Sequence[Job], *, processes: int | None = None) -> Iterator[Result]:
    """Yield the result of every job, in order, computed on ``processes`` cores (default: all).

    Small batches, or one core, run in this process.
    """
    processes = processes or os.cpu_count() or 1
    if processes == 1 or len(jobs) < MIN_FOR_POOL:
        yield from map(analyse_one, jobs)
        return
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    with ProcessPoolExecutor(processes, mp_context=get_context(method)) as pool:
        for results in pool.map(_analyse_chunk, chunks):
            yield from results
