"""Time and peak memory of the default summary of long texts, with stock sumy as the floor.

Usage::

    python -m benchmarks.summary_speed [--words 10000 50000] [--stock-timeout 120]

For each length, a fresh process (so its peak memory is its own) builds a text of generated news
paragraphs (:func:`benchmarks.generate.article_text`, as ``benchmarks`` does), splits its
sentences, imports the analysis libraries and then summarises it with the default algorithm
twice: the first summary of a text also tokenizes its words (the tokenizer keeps them, so the
second shows the rest). It prints wall-clock and CPU seconds, the process's peak resident set
(``VmHWM``) before and after, and the seconds stock sumy's own summarisers take for the same
raters on the same sentences (the default rates long texts with Edmundson and LexRank), in
another process stopped at ``--stock-timeout``. ``python -m benchmarks.summaries --speed``
prints these rows too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (10_000, 50_000)
STOCK_TIMEOUT = 120.0
# The raters of the default summary on long texts ("other" genre in weights.toml).
STOCK_RATERS = ("edmundson", "lexrank")


def text_of(words: int) -> str:
    """About ``words`` words: generated articles of up to 5,000 words one after another."""
    from benchmarks import generate

    parts: list[str] = []
    seed = 0
    while sum(len(p.split()) for p in parts) < words:
        parts.append(generate.article_text(min(words, 5000), seed)[1])
        seed += 1
    return "\n\n".join(parts)


def measure(words: int) -> dict[str, float]:
    """Time the default summary of a ``words``-word text in this process (see the module doc)."""
    from benchmarks.probe import peak_rss_mb
    from reader.core.analysis import split_sentences, summarize

    text = text_of(words)
    spans = split_sentences(text)
    summarize("Warm up the imports. The stemmer loads lazily.")
    before = peak_rss_mb()
    result: dict[str, float] = {
        "words": len(text.split()),
        "sentences": len(spans),
        "rss_before_mb": before,
    }
    for label in ("first", "again"):
        wall, cpu = time.perf_counter(), time.process_time()
        summarize(text, sentence_spans=spans)
        result[f"{label}_s"] = time.perf_counter() - wall
        result[f"{label}_cpu_s"] = time.process_time() - cpu
    result["rss_after_mb"] = peak_rss_mb()
    return result


def stock_seconds(words: int, timeout: float) -> float | None:
    """Seconds stock sumy's Edmundson and LexRank take on the text, or None past ``timeout``."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text_of(words))
    try:
        command = [sys.executable, "-m", "benchmarks.stock", "+".join(STOCK_RATERS), f.name]
        out = subprocess.run(
            command, capture_output=True, text=True, check=True, cwd=ROOT, timeout=timeout
        )
        return float(out.stdout)
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(f.name)


def rows(word_sizes: Sequence[int] = WORDS, stock_timeout: float = STOCK_TIMEOUT) -> list[str]:
    """One line per length, each measured in a fresh process."""
    lines = [f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1, 5 min)"]
    for words in word_sizes:
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.summary_speed", "--child", str(words)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        r = json.loads(out)
        stock = stock_seconds(words, stock_timeout) if stock_timeout > 0 else None
        floor = (
            f"stock {'+'.join(STOCK_RATERS)} {stock:.2f} s, {stock / r['first_s']:.0f}x the first"
            if stock
            else f"stock > {stock_timeout:.0f} s"
        )
        lines.append(
            f"default summary, {r['words']:,.0f} words ({r['sentences']:,.0f} sentences): "
            f"first {r['first_s'] * 1000:.0f} ms (CPU {r['first_cpu_s'] * 1000:.0f}), "
            f"again {r['again_s'] * 1000:.0f} ms (CPU {r['again_cpu_s'] * 1000:.0f}); "
            f"peak {r['rss_after_mb']:.0f} MB (+{r['rss_after_mb'] - r['rss_before_mb']:.0f}); "
            + floor
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Print the rows (or, with ``--child N``, one measurement as JSON)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.summary_speed", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--words", type=int, nargs="+", default=list(WORDS))
    parser.add_argument("--stock-timeout", type=float, default=STOCK_TIMEOUT, help="0: skip")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    print("\n".join(rows(args.words, args.stock_timeout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
