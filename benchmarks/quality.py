"""Score skim's sentence, entity and number analysis against the gold standard.

Usage: ``python -m benchmarks.quality [--split dev|test|all] [--json] [--errors]``, or
``python -m benchmarks.quality --conll PATH [--json] [--errors]`` to score the entities on a
CoNLL-2003 file instead (see :mod:`benchmarks.conll`).

Entities are scored strictly (same start, end and label); numbers by overlap (a predicted span
that overlaps a gold span), typed and untyped; sentences by exact span after stripping white space.
The metric functions are pure so they can be unit-tested without the analysers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from benchmarks.gold import SPLITS, GoldDocument, GoldFormatError, load_split
from reader.core.errors import SkimError
from reader.core.results import Analysis, Span

Mode = Literal["strict", "overlap"]
Analyzer = Callable[[str], Analysis]

ENTITY_ROWS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("PERSON", frozenset({"PERSON"})),
    ("ORG", frozenset({"ORG"})),
    ("PLACE", frozenset({"PLACE"})),
    ("GROUP", frozenset({"GROUP"})),
    ("PERSON+ORG+PLACE", frozenset({"PERSON", "ORG", "PLACE"})),
    ("all", None),
)
NUMBER_LABEL_ORDER = ("CARDINAL", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL", "QUANTITY")
SENTENCE = "SENTENCE"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts behind precision and recall.

    Overlap matching is not one-to-one, so the true positives are counted twice: among the
    predictions (for precision) and among the gold spans (for recall).
    """

    gold: int = 0
    pred: int = 0
    correct_pred: int = 0  # predicted spans that match a gold span
    found_gold: int = 0  # gold spans matched by some predicted span

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.pred + other.pred,
            self.correct_pred + other.correct_pred,
            self.found_gold + other.found_gold,
        )

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was expected or predicted)."""
        return self.correct_pred / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """Share of gold spans found (1.0 when there is no gold span and nothing predicted)."""
        return self.found_gold / self.gold if self.gold else float(self.pred == 0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _overlaps(a: Span, b: Span, typed: bool) -> bool:
    return a.start < b.end and b.start < a.end and (not typed or a.label == b.label)


def score_spans(
    gold: Sequence[Span], pred: Sequence[Span], mode: Mode = "strict", typed: bool = True
) -> Score:
    """Compare predicted spans with gold spans of one text.

    Args:
        gold: the gold spans.
        pred: the predicted spans.
        mode: "strict" needs the same start and end; "overlap" needs any shared character.
        typed: whether the labels must agree too.

    Returns:
        The counts; read ``precision``, ``recall`` and ``f1`` from it.
    """
    if mode == "strict":

        def key(span: Span) -> tuple[int, int, str]:
            return (span.start, span.end, span.label if typed else "")

        # Counters, so a duplicated prediction is one right and one wrong, not two right.
        common = sum((Counter(map(key, gold)) & Counter(map(key, pred))).values())
        return Score(len(gold), len(pred), common, common)
    if mode == "overlap":
        correct = sum(1 for p in pred if any(_overlaps(p, g, typed) for g in gold))
        found = sum(1 for g in gold if any(_overlaps(g, p, typed) for p in pred))
        return Score(len(gold), len(pred), correct, found)
    raise ValueError(f"unknown scoring mode {mode!r}: use 'strict' or 'overlap'")


def sentence_spans(text: str, bounds: Iterable[tuple[int, int]]) -> list[Span]:
    """Turn (start, end) sentence bounds into spans with surrounding white space stripped."""
    spans = []
    for start, end in bounds:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            spans.append(Span(start + lead, end - trail, SENTENCE, piece.strip()))
    return spans


def only(spans: Iterable[Span], labels: frozenset[str] | None) -> list[Span]:
    """The spans whose label is in ``labels`` (all of them when ``labels`` is None)."""
    return [span for span in spans if labels is None or span.label in labels]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the report."""

    kind: str  # "entities", "numbers" or "sentences"
    label: str
    gold: int
    pred: int
    precision: float
    recall: float
    f1: float


def _row(kind: str, label: str, score: Score) -> Row:
    return Row(kind, label, score.gold, score.pred, score.precision, score.recall, score.f1)


def evaluate(documents: Sequence[GoldDocument], analyze: Analyzer) -> list[Row]:
    """Run ``analyze`` on every document and score it against the gold spans.

    Returns:
        Rows for entities (strict, typed), numbers (overlap, typed, then untyped) and sentences.
    """
    entity = {name: Score() for name, _ in ENTITY_ROWS}
    number = {name: Score() for name in (*NUMBER_LABEL_ORDER, "all (typed)", "all (untyped)")}
    sentences = Score()
    for doc in documents:
        analysis = analyze(doc.text)
        for name, labels in ENTITY_ROWS:
            gold, pred = only(doc.entities, labels), only(analysis.entities, labels)
            entity[name] += score_spans(gold, pred, "strict", typed=True)
        for name in NUMBER_LABEL_ORDER:
            labels = frozenset({name})
            gold, pred = only(doc.numbers, labels), only(analysis.numbers, labels)
            number[name] += score_spans(gold, pred, "overlap", typed=True)
        number["all (typed)"] += score_spans(doc.numbers, analysis.numbers, "overlap", typed=True)
        number["all (untyped)"] += score_spans(
            doc.numbers, analysis.numbers, "overlap", typed=False
        )
        gold_sentences = sentence_spans(doc.text, doc.sentences)
        sentences += score_spans(gold_sentences, sentence_spans(doc.text, analysis.sentences))
    return [
        *(_row("entities", name, score) for name, score in entity.items()),
        *(_row("numbers", name, score) for name, score in number.items()),
        _row("sentences", "spans", sentences),
    ]


def find_row(rows: Sequence[Row], kind: str, label: str) -> Row:
    """The row of ``kind`` and ``label`` (raises KeyError if absent)."""
    for row in rows:
        if row.kind == kind and row.label == label:
            return row
    raise KeyError(f"{kind}/{label}")


def format_table(split: str, documents: int, seconds: float, rows: Sequence[Row]) -> str:
    """Render the rows of one split as a plain-text table."""
    lines = [
        f"{split}: {documents} documents, analysed in {seconds:.2f} s",
        f"{'kind':<10} {'label':<18} {'gold':>6} {'pred':>6} {'prec':>6} {'recall':>6} {'F1':>6}",
    ]
    for row in rows:
        lines.append(
            f"{row.kind:<10} {row.label:<18} {row.gold:>6} {row.pred:>6} "
            f"{row.precision:>6.3f} {row.recall:>6.3f} {row.f1:>6.3f}"
        )
    return "\n".join(lines)


def _describe(spans: Iterable[Span]) -> str:
    return "; ".join(f"{span.text!r} {span.label} @{span.start}" for span in spans) or "-"


def format_errors(documents: Sequence[GoldDocument], analyze: Analyzer) -> str:
    """List, per document, the gold spans missed and the predictions that are wrong."""
    out: list[str] = []
    for doc in documents:
        analysis = analyze(doc.text)
        gold_keys = {(s.start, s.end, s.label) for s in doc.entities}
        pred_keys = {(s.start, s.end, s.label) for s in analysis.entities}
        gold_sentences = sentence_spans(doc.text, doc.sentences)
        pred_sentences = sentence_spans(doc.text, analysis.sentences)
        gold_bounds = {(s.start, s.end) for s in gold_sentences}
        pred_bounds = {(s.start, s.end) for s in pred_sentences}
        parts = {
            "entities missed": [
                s for s in doc.entities if (s.start, s.end, s.label) not in pred_keys
            ],
            "entities wrong": [
                s for s in analysis.entities if (s.start, s.end, s.label) not in gold_keys
            ],
            "numbers missed": [
                g for g in doc.numbers if not any(_overlaps(g, p, False) for p in analysis.numbers)
            ],
            "numbers wrong": [
                p for p in analysis.numbers if not any(_overlaps(p, g, False) for g in doc.numbers)
            ],
            "sentences missed": [s for s in gold_sentences if (s.start, s.end) not in pred_bounds],
            "sentences wrong": [s for s in pred_sentences if (s.start, s.end) not in gold_bounds],
        }
        out.append(f"== {doc.name}")
        out.extend(f"  {title}: {_describe(spans)}" for title, spans in parts.items() if spans)
    return "\n".join(out)


def _load_analyzer() -> Analyzer:
    from reader.core.analysis import analyze  # imported late: heavy, and may not exist yet

    return analyze


def _conll_main(path: str, as_json: bool, errors: bool) -> int:
    from pathlib import Path

    from benchmarks import conll

    try:
        documents = conll.read_conll(Path(path))
    except (OSError, UnicodeDecodeError, conll.ConllFormatError) as error:
        print(f"quality: cannot read {path}: {error}", file=sys.stderr)
        return 2
    tallies = conll.evaluate_conll(documents, _load_analyzer())
    if as_json:
        print(json.dumps(conll.as_json(tallies), indent=2))
    else:
        print(conll.report(tallies, errors), end="")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument(
        "--errors", action="store_true", help="list missed and wrong spans (dev split only)"
    )
    parser.add_argument(
        "--conll", metavar="PATH", help="score entities on a CoNLL-2003 development file instead"
    )
    args = parser.parse_args(argv)
    if args.conll:
        return _conll_main(args.conll, args.json, args.errors)
    splits = list(SPLITS) if args.split == "all" else [args.split]
    if args.errors and splits != ["dev"]:
        # The test split must stay unseen by whoever tunes the recognisers.
        print("--errors lists errors of the dev split only: add --split dev", file=sys.stderr)
        return 2
    try:
        analyze = _load_analyzer()
        report: dict[str, object] = {}
        for split in splits:
            documents = load_split(split)
            if args.errors:
                print(format_errors(documents, analyze))
                continue
            began = time.perf_counter()
            rows = evaluate(documents, analyze)
            seconds = time.perf_counter() - began
            report[split] = {
                "documents": len(documents),
                "seconds": round(seconds, 3),
                "rows": [asdict(row) for row in rows],
            }
            if not args.json:
                print(format_table(split, len(documents), seconds, rows), end="\n\n")
    except (GoldFormatError, SkimError, ImportError) as error:
        print(f"quality: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
