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
from functools import partial
from multiprocessing import get_context

#: Texts per task: large enough to amortise the pickling, small enough to keep both cores busy.
CHUNK = 8
#: Below this many texts, starting worker processes costs more than it saves.
MIN_FOR_POOL = 16

Job = tuple[str, str, str]
"""(key, body, title): the key is the caller's, handed back with the result."""
Result = tuple[str, str, str]
"""(key, analysis payload, summary payload), both JSON."""


def analyse_one(job: Job, algorithm: str | None = None, sentences: int | None = None) -> Result:
    """Sentences, entities, numbers and a summary of one text, as JSON payloads.

    The summary uses ``algorithm`` and ``sentences`` (the defaults when not given).
    """
    from reader.core import analysis
    from reader.core.serialize import analysis_to_dict, summary_to_dict

    key, body, title = job
    found = analysis.analyze(body)
    summary = analysis.summarize(
        body,
        algorithm=algorithm or analysis.DEFAULT_ALGORITHM,
        sentences=sentences or analysis.DEFAULT_SENTENCES,
        sentence_spans=found.sentences,
        title=title,
    )
    return key, json.dumps(analysis_to_dict(found)), json.dumps(summary_to_dict(summary))


def _analyse_chunk(
    jobs: Sequence[Job], algorithm: str | None = None, sentences: int | None = None
) -> list[Result]:
    return [analyse_one(job, algorithm, sentences) for job in jobs]


def analyse_all(
    jobs: Sequence[Job],
    *,
    processes: int | None = None,
    algorithm: str | None = None,
    sentences: int | None = None,
) -> Iterator[Result]:
    """Yield the result of every job, in order, computed on ``processes`` cores (default: all).

    Small batches, or one core, run in this process. ``algorithm`` and ``sentences`` choose the
    summary (the defaults when not given).
    """
    processes = processes or os.cpu_count() or 1
    if processes == 1 or len(jobs) < MIN_FOR_POOL:
        yield from (analyse_one(job, algorithm, sentences) for job in jobs)
        return
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    work = partial(_analyse_chunk, algorithm=algorithm, sentences=sentences)
    with ProcessPoolExecutor(processes, mp_context=get_context(method)) as pool:
        for results in pool.map(work, chunks):
            yield from results
