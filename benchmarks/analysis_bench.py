"""The analysis measures: sentences, entities and numbers, and every summary next to stock sumy."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator

from benchmarks import generate
from benchmarks.measure_types import Config, Row
from benchmarks.processes import run_python

#: The algorithms skim accelerates; the others run sumy's own classes already.
STOCK_ALGORITHMS = ("lexrank", "textrank", "reduction", "sumbasic", "kl")


def analysis(config: Config) -> Iterator[Row]:
    """Sentences+entities+numbers, and every summary algorithm next to stock sumy."""
    from reader.core.analysis import ALGORITHMS, DEFAULT_ALGORITHM, analyze, summarize
    from reader.core.analysis.summary.tokenizer import _words

    code = (
        "import time; t=time.perf_counter(); from reader.core.analysis import analyze; "
        "from benchmarks.generate import article_text; analyze(article_text(10000, 1)[1]); "
        "print(time.perf_counter()-t)"
    )
    cold = [float(run_python("-c", code)[1]) for _ in range(2)]
    yield Row(
        "analysis, first in a process (imports)",
        "10,000 words",
        cold,
        note="incl. nltk/sumy/numpy import",
    )
    warm_up = generate.article_text(500, 0)[1]
    summarize(warm_up, sentence_spans=analyze(warm_up).sentences)  # the imports, once
    for words in config.word_sizes:
        texts = [generate.article_text(words, seed=words + run)[1] for run in range(3)]
        samples, spans = [], []
        for text in texts:
            start = time.perf_counter()
            spans.append(analyze(text).sentences)
            samples.append(time.perf_counter() - start)
        yield Row(
            "analysis: sentences+entities+numbers",
            f"{words:,} words",
            samples,
            target=0.1 if words == 10_000 else None,
        )
        stock = {a: _stock(a, texts[0], config.stock_timeout) for a in STOCK_ALGORITHMS}
        for algorithm in ALGORITHMS:
            ours = []
            for text, sentences in zip(texts, spans, strict=True):
                # As for a newly opened article: sentences come from the analysis, and the words
                # are not tokenized yet (the tokenizer's cache would favour later algorithms).
                _words.cache_clear()
                start = time.perf_counter()
                summarize(text, algorithm=algorithm, sentence_spans=sentences)
                ours.append(time.perf_counter() - start)
            seconds, over = stock.get(algorithm, (None, False))
            ratio = seconds / statistics.median(ours) if seconds else None
            target = (
                {DEFAULT_ALGORITHM: 0.15, "kl": 3.0}.get(algorithm) if words == 10_000 else None
            )
            more = ">" if over else ""
            note = f"stock {more}{seconds:.2f} s, {more}{ratio:.0f}x" if seconds and ratio else ""
            yield Row(
                f"summary: {algorithm}",
                f"{words:,} words",
                ours,
                target=target,
                note=note,
                extra={"stock": seconds, "stock_over": over, "ratio": ratio},
            )
            lexrank, lexrank_over = stock["lexrank"]
            if algorithm == DEFAULT_ALGORITHM and lexrank:
                yield Row(
                    f"summary: {algorithm} speed-up over stock lexrank",
                    f"{words:,} words",
                    [lexrank / t for t in ours],
                    unit="x",
                    target=10 if words == 10_000 else None,
                    higher_is_better=True,
                    note="a lower bound (stock stopped)" if lexrank_over else "",
                )


def _stock(algorithm: str, text: str, timeout: float) -> tuple[float, bool]:
    """Seconds stock sumy takes on ``text`` (its own classes, our tokenizer), in a subprocess.

    Returns:
        (seconds, stopped): ``stopped`` when it was still running at ``timeout``.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        _wall, out = run_python("-m", "benchmarks.stock", algorithm, f.name, timeout=timeout + 30)
        return float(out), False
    except subprocess.TimeoutExpired:
        return timeout, True
    finally:
        os.unlink(f.name)
