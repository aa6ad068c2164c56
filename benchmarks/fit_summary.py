"""Fit the default summariser's few weights on the *fit* part of public data; write them out.

Usage::

    python -m benchmarks.fit_summary PATH [PATH ...] [--exclude-ids FILE] [--write]

PATHs are read as in :mod:`benchmarks.summaries` (news CSVs, a SumPubMed folder…), and only
their fit part is used (about 15 % of each, by the hash of the article id; the rest stays held
out for ``python -m benchmarks.summaries``). Each article's features are computed once (every
candidate rater's ratings, word counts, rules, genre); then, for each rater, the genre settings
are fitted by coordinate ascent over small grids: each weight in turn takes the grid value that
maximises the mean of ROUGE-1 and ROUGE-2 F1 of three-sentence summaries, over the articles the
genre signal assigns to that setting, until a full pass changes nothing. The rater with the best
mean over both settings wins. ``--write`` rewrites ``reader/core/analysis/summary/weights.toml``.

ROUGE here is computed from tokens made once per sentence with rouge-score's own tokenizer and
stemmer, so it equals rouge-score's ROUGE-1/2 F1 of the joined sentences, only faster.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from benchmarks.summary_data import Record, load, read_ids
from reader.core.analysis import split_sentences
from reader.core.analysis.summary import skim
from reader.core.analysis.summary.skim import Features, GenreWeights, Weights

# KL is left out: at 10,000 words it alone takes longer than the default's time budget.
RATERS = ("luhn", "edmundson", "lsa", "lexrank", "textrank", "sumbasic", "reduction")
GRIDS: dict[str, tuple[float, ...]] = {
    "position": (0.0, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0),
    "position_decay": (1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, 40.0, 80.0),
    "long_sentence": (15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 50.0, 70.0, 100.0),
    "length": (0.0, 0.1, 0.25, 0.5, 1.0, 2.0),
    "redundancy": (0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0),
}
START = GenreWeights(
    rater="lexrank",
    position=0.5,
    position_decay=5.0,
    long_sentence=35.0,
    length=0.25,
    redundancy=0.2,
)
# Weights of a second rater tried with the best single one.
SECOND_WEIGHTS = (0.25, 0.5, 1.0)
COUNT = 3
WEIGHTS_PATH = (
    Path(__file__).resolve().parent.parent
    / "reader"
    / "core"
    / "analysis"
    / "summary"
    / "weights.toml"
)


@dataclasses.dataclass(frozen=True)
class Prepared:
    """One fit article: its features and ROUGE tokens."""

    features: Features
    sentence_tokens: tuple[tuple[str, ...], ...]
    reference_unigrams: Counter[str]
    reference_bigrams: Counter[tuple[str, str]]


def prepare(record: Record) -> Prepared:
    """Features (with every rater) and tokens of ``record``."""
    from nltk.stem import porter
    from rouge_score import tokenize

    from reader.core.analysis.summary.sumy_document import build_document

    stemmer = porter.PorterStemmer()
    spans = split_sentences(record.text)
    built = build_document(record.text, spans)
    found = skim.features(record.text, spans, built, skim.load_weights(), RATERS)
    sentences = [record.text[spans[i][0] : spans[i][1]] for i in built.span_indices]
    reference = tokenize.tokenize("\n".join(record.reference), stemmer)
    return Prepared(
        found,
        tuple(tuple(tokenize.tokenize(s, stemmer)) for s in sentences),
        Counter(reference),
        Counter(itertools.pairwise(reference)),
    )


def _f1(overlap: int, produced: int, wanted: int) -> float:
    if overlap == 0 or produced == 0 or wanted == 0:
        return 0.0
    precision, recall = overlap / produced, overlap / wanted
    return 2 * precision * recall / (precision + recall)


def rouge12(item: Prepared, positions: Sequence[int]) -> float:
    """Mean of ROUGE-1 and ROUGE-2 F1 of the sentences at ``positions`` (in text order)."""
    tokens = [t for p in sorted(positions) for t in item.sentence_tokens[p]]
    unigrams = Counter(tokens)
    bigrams = Counter(itertools.pairwise(tokens))
    r1 = _f1(
        sum(min(c, item.reference_unigrams[g]) for g, c in unigrams.items()),
        len(tokens),
        sum(item.reference_unigrams.values()),
    )
    r2 = _f1(
        sum(min(c, item.reference_bigrams[g]) for g, c in bigrams.items()),
        max(0, len(tokens) - 1),
        sum(item.reference_bigrams.values()),
    )
    return (r1 + r2) / 2


def objective(items: Sequence[Prepared], weights: Weights) -> float:
    """Mean :func:`rouge12` of the summaries ``weights`` make of ``items``."""
    if not items:
        return 0.0
    return statistics.fmean(
        rouge12(item, [p.position for p in skim.choose(item.features, weights, COUNT)])
        for item in items
    )


def with_genre(weights: Weights, genre: str, setting: GenreWeights) -> Weights:
    """``weights`` with the setting of ``genre`` ("news" or "other") replaced by ``setting``."""
    if genre == "news":
        return dataclasses.replace(weights, news=setting)
    return dataclasses.replace(weights, other=setting)


def fit_setting(
    items: Sequence[Prepared], start: GenreWeights, genre: str, base: Weights
) -> tuple[GenreWeights, float]:
    """Coordinate ascent of one genre's setting over :data:`GRIDS`, from ``start``."""
    setting = start

    def value(candidate: GenreWeights) -> float:
        return objective(items, with_genre(base, genre, candidate))

    best = value(setting)
    changed = True
    while changed:
        changed = False
        for name, grid in GRIDS.items():
            for option in grid:
                candidate = dataclasses.replace(setting, **cast(dict[str, Any], {name: option}))
                score = value(candidate)
                if score > best + 1e-9:
                    setting, best, changed = candidate, score, True
    return setting, best


def fit(items: Sequence[Prepared], base: Weights) -> tuple[Weights, dict[str, Any]]:
    """For each genre: the best rater with its fitted setting, then the best second rater.

    Every rater is fitted alone first; the best one is then tried with each other rater as a
    second one (at each of :data:`SECOND_WEIGHTS`), and the best pair, if it beats the rater
    alone, is fitted again from there.
    """
    groups = {
        genre: [i for i in items if i.features.genre.name == genre] for genre in ("news", "other")
    }
    report: dict[str, Any] = {g: len(members) for g, members in groups.items()}
    chosen: dict[str, GenreWeights] = {}
    for genre, members in groups.items():
        best: tuple[float, GenreWeights] | None = None
        for rater in RATERS:
            setting, score = fit_setting(
                members, dataclasses.replace(START, rater=rater), genre, base
            )
            report.setdefault(rater, {})[genre] = score
            print(f"{genre:6} {rater:10} {score:.4f}  {setting}", file=sys.stderr)
            if best is None or score > best[0]:
                best = (score, setting)
        assert best is not None
        alone = best
        for second in RATERS:
            for weight in SECOND_WEIGHTS:
                if second == alone[1].rater:
                    continue
                candidate = dataclasses.replace(alone[1], second_rater=second, second_weight=weight)
                score = objective(members, with_genre(base, genre, candidate))
                if score > best[0] + 1e-9:
                    best = (score, candidate)
        if best is not alone:
            setting, score = fit_setting(members, best[1], genre, base)
            best = (score, setting)
        report[f"pair-{genre}"] = best[0]
        print(f"{genre:6} chosen {best[0]:.4f}  {best[1]}", file=sys.stderr)
        chosen[genre] = best[1]
    for genre, setting in chosen.items():
        base = with_genre(base, genre, setting)
    return base, report


def weights_toml(weights: Weights, report: dict[str, Any], sources: Sequence[str]) -> str:
    """The weights file's text, with a header saying where the numbers came from."""

    def setting(name: str, values: GenreWeights) -> list[str]:
        pairs = dataclasses.asdict(values).items()
        return [f"[{name}]", *(f"{k} = {v!r}".replace("'", '"') for k, v in pairs), ""]

    rule = weights.genre
    lines = [
        "# Weights of skim's default summariser (reader/core/analysis/skim.py).",
        "# Written by `python -m benchmarks.fit_summary ... --write`; do not edit by hand",
        "# without measuring again with `python -m benchmarks.summaries`.",
        "#",
        f"# Fitted on the fit part of: {', '.join(sources)}",
        f"# ({report['news']} articles read as news, {report['other']} as other).",
        "# Best mean of ROUGE-1 and ROUGE-2 F1 on that part, per rater (news / other):",
        *(
            f"#   {r:10} {report[r].get('news', 0):.4f} / {report[r].get('other', 0):.4f}"
            for r in RATERS
            if r in report
        ),
        f"#   with the second rater: {report['pair-news']:.4f} / {report['pair-other']:.4f}",
        "",
        "# A text reads like news unless it has two marks of a scientific paper, is longer than",
        "# `long_form_words`, or has `first_person` of its sentences in the first person outside",
        "# quotes. Set by hand from the news data (99th percentile: 1,574 words, 32 % first",
        "# person; most CNN pieces above 30 % are columns), not fitted.",
        "[genre]",
        f"long_form_words = {rule.long_form_words}",
        f"first_person = {rule.first_person}",
        "",
        *setting("news", weights.news),
        *setting("other", weights.other),
    ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Fit, print the weights, and write them with ``--write``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.fit_summary", description=__doc__.split("\n")[0]
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--exclude-ids", type=Path, action="append", default=[], metavar="FILE")
    parser.add_argument("--processes", "-j", type=int, default=1)
    parser.add_argument("--write", action="store_true", help=f"rewrite {WEIGHTS_PATH.name}")
    args = parser.parse_args(argv)
    excluded = [i for path in args.exclude_ids for i in read_ids(path)]
    records = [r for path in args.paths for r in load(path, part="fit", exclude_ids=excluded)]
    if args.processes > 1:
        from multiprocessing import get_context

        with get_context("spawn").Pool(args.processes) as pool:
            items = pool.map(prepare, records, chunksize=4)
    else:
        items = [prepare(r) for r in records]
    weights, report = fit(items, skim.load_weights())
    text = weights_toml(weights, report, [p.name for p in args.paths])
    print(text)
    if args.write:
        WEIGHTS_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
