"""ROUGE of skim's summaries against human reference summaries, with lead-3 as the baseline.

Usage::

    python -m benchmarks.summaries PATH [PATH ...] [--part held-out|fit|all] [--limit N]
        [--genre news|science] [--exclude-ids FILE] [--sentences 3] [--speed]

PATH is a CSV/JSON file or a SumPubMed folder (see :mod:`benchmarks.summary_data`); several
paths are read as one data set. Each article is summarised by lead-3 (its first three sentences),
by every algorithm and by the default, three sentences each, and scored with ROUGE-1, ROUGE-2 and
ROUGE-Lsum F1 (Google's ``rouge-score`` with the Porter stemmer, the usual settings for
CNN/DailyMail; install it with ``pip install -e '.[bench]'``). A paired bootstrap over the
articles gives a 95 % interval for *default - lead-3* and *default - the best other algorithm*.
``--speed`` times every algorithm on about 10,000 words instead (see :func:`speed`), then the
default at 10,000 and 50,000 words with its peak memory, each in a fresh process, next to stock
sumy (:mod:`benchmarks.summary_speed`).
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.summary_data import FIT_PERCENT, PARTS, Record, hash_order, load, read_ids
from reader.core.analysis import ALGORITHMS, DEFAULT_ALGORITHM, split_sentences, summarize

METRICS = ("rouge1", "rouge2", "rougeLsum")
LEAD = "lead-3"
BOOTSTRAP_SAMPLES = 1000
SEED = 20240611
LONG_WORDS = 10_000
SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


def systems() -> list[str]:
    """The rows of the table: lead-3, every algorithm, then the default (marked)."""
    return [LEAD, *(a for a in ALGORITHMS if a != "lead")]


def summary_sentences(record: Record, system: str, count: int) -> list[str]:
    """The sentences ``system`` chooses for ``record``, in text order."""
    spans = split_sentences(record.text)
    algorithm = "lead" if system == LEAD else system
    summary = summarize(record.text, algorithm=algorithm, sentences=count, sentence_spans=spans)
    return [s.text for s in summary.sentences]


def score_record(record: Record, count: int) -> dict[str, dict[str, float]]:
    """ROUGE F1 (x100) and words of every system's summary of ``record``."""
    scorer = _scorer()
    reference = "\n".join(record.reference)
    scores: dict[str, dict[str, float]] = {}
    for system in systems():
        chosen = summary_sentences(record, system, count)
        result = scorer.score(reference, "\n".join(chosen))
        row = {metric: 100 * result[metric].fmeasure for metric in METRICS}
        row["words"] = float(sum(len(s.split()) for s in chosen))
        scores[system] = row
    return scores


_SCORER: list[Any] = []


def _scorer() -> Any:
    if not _SCORER:
        try:
            from rouge_score import rouge_scorer
        except ImportError:  # pragma: no cover - depends on the environment
            sys.exit("benchmarks.summaries needs rouge-score: pip install -e '.[bench]'")
        _SCORER.append(rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True))
    return _SCORER[0]


def _score_job(job: tuple[Record, int]) -> dict[str, dict[str, float]]:
    return score_record(*job)


def score_all(
    records: Sequence[Record], count: int, processes: int = 1
) -> list[dict[str, dict[str, float]]]:
    """:func:`score_record` for each record, in order, on ``processes`` processes."""
    jobs = [(record, count) for record in records]
    if processes <= 1:
        return [_score_job(job) for job in jobs]
    from multiprocessing import get_context

    with get_context("spawn").Pool(processes) as pool:
        return pool.map(_score_job, jobs, chunksize=8)


def paired_bootstrap(
    differences: Sequence[float], samples: int = BOOTSTRAP_SAMPLES, seed: int = SEED
) -> tuple[float, float, float]:
    """Mean of ``differences`` and its 95 % percentile interval over resampled articles."""
    rng = random.Random(seed)
    n = len(differences)
    means = sorted(
        statistics.fmean(differences[rng.randrange(n)] for _ in range(n)) for _ in range(samples)
    )
    return (
        statistics.fmean(differences),
        means[int(0.025 * samples)],
        means[min(samples - 1, int(0.975 * samples))],
    )


def table(scores: Sequence[dict[str, dict[str, float]]]) -> list[str]:
    """The result table, then the bootstrap lines, as text lines."""
    lines = [f"{'system':16} {'R1':>6} {'R2':>6} {'RLsum':>6} {'words':>6}"]
    means = {
        system: {key: statistics.fmean(s[system][key] for s in scores) for key in scores[0][system]}
        for system in systems()
    }
    for system in systems():
        label = f"{system} (default)" if system == DEFAULT_ALGORITHM else system
        m = means[system]
        lines.append(
            f"{label:16} {m['rouge1']:6.2f} {m['rouge2']:6.2f} {m['rougeLsum']:6.2f}"
            f" {m['words']:6.1f}"
        )
    others = [s for s in systems() if s not in {LEAD, DEFAULT_ALGORITHM}]
    best = max(others, key=lambda s: means[s]["rouge1"])
    lines.append("")
    for rival in (LEAD, best):
        if rival == DEFAULT_ALGORITHM:
            continue
        parts = []
        for metric, name in zip(METRICS, ("R1", "R2", "RLsum"), strict=True):
            diffs = [s[DEFAULT_ALGORITHM][metric] - s[rival][metric] for s in scores]
            mean, low, high = paired_bootstrap(diffs)
            parts.append(f"{name} {mean:+.2f} [{low:+.2f}, {high:+.2f}]")
        lines.append(f"{DEFAULT_ALGORITHM} - {rival}: " + "  ".join(parts))
    lines.append(
        f"(paired bootstrap over {len(scores)} articles, {BOOTSTRAP_SAMPLES} resamples, 95 %)"
    )
    return lines


def long_text(words: int = LONG_WORDS) -> str:
    """About ``words`` words of news: the sample article bodies one after another."""
    from reader.core.ingest import read_path

    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".md", ".txt", ".html"})
    bodies = [read_path(p).body for p in paths if p.name != "README.md"]
    parts: list[str] = []
    total = 0
    while total < words:
        for body in bodies:
            parts.append(body)
            total += len(body.split())
            if total >= words:
                break
    return "\n\n".join(parts)


def best_of(function: Callable[[], object], repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` calls (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def speed(algorithms: Sequence[str] = (DEFAULT_ALGORITHM,), repeat: int = 5) -> list[str]:
    """Seconds per summary of ~10,000 words once the text is tokenized, per algorithm.

    "Tokenized" means the sentences are split and their words cached, as when the article
    screen asks again for a summary (another algorithm, another length): the first summary of a
    text also tokenizes it, ~0.2 s at 10,000 words, shown on its own line.
    """
    from reader.core.analysis.summary.tokenizer import _words

    text = long_text()
    spans = split_sentences(text)
    _words.cache_clear()
    first = best_of(lambda: summarize(text, algorithm="luhn", sentence_spans=spans), 1)
    lines = [f"{len(text.split())} words, {len(spans)} sentences; first summary {first:.3f} s"]
    for algorithm in algorithms:
        run = functools.partial(summarize, text, algorithm=algorithm, sentence_spans=spans)
        seconds = best_of(run, repeat)
        lines.append(f"{algorithm:10} {seconds * 1000:7.1f} ms")
    return lines


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.summaries", description=__doc__.split("\n")[0]
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--part", choices=PARTS, default="held-out")
    parser.add_argument("--fit-percent", type=int, default=FIT_PERCENT)
    parser.add_argument("--limit", type=int, help="at most N articles (hash order)")
    parser.add_argument("--genre", choices=("news", "science"), help="override the layout's")
    parser.add_argument(
        "--exclude-ids", type=Path, action="append", default=[], metavar="FILE", help="ids to drop"
    )
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--processes", "-j", type=int, default=1)
    parser.add_argument("--speed", action="store_true", help="time the summaries of long texts")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table (or the timings with ``--speed``)."""
    args = parse_args(argv)
    if args.speed:
        from benchmarks import summary_speed

        print("\n".join(speed(ALGORITHMS)))
        print("\n".join(summary_speed.rows()))
        return 0
    if not args.paths:
        print("summaries: give a data PATH (or --speed)", file=sys.stderr)
        return 2
    excluded = [i for path in args.exclude_ids for i in read_ids(path)]
    records: list[Record] = []
    for path in args.paths:
        records += load(
            path,
            part=args.part,
            exclude_ids=excluded,
            genre=args.genre,
            fit_percent=args.fit_percent,
        )
    records.sort(key=lambda r: hash_order(r.id))
    records = records[: args.limit] if args.limit else records
    if not records:
        print("summaries: no articles in that part of the data", file=sys.stderr)
        return 2
    genres = sorted({r.genre for r in records})
    print(
        f"{len(records)} articles ({', '.join(genres)}; part {args.part}), {args.sentences} sentences"
    )
    print("\n".join(table(score_all(records, args.sentences, args.processes))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
