"""Score skim's entities on a CoNLL-2003 file (Reuters news that skim's rules were not written on).

Usage: ``python -m benchmarks.quality --conll PATH [--json] [--errors]``, where PATH is the
English development part (``eng.testa``, or ``valid.txt`` with ``-DOCSTART-`` lines). The data is
not shipped: fetch it yourself. Use the development part to tune; keep the test part held out.

How the text and the scoring are made:

- Each ``-DOCSTART-`` block is one document. Each CoNLL sentence becomes one line of text, with
  the tokens joined the way news prints them (no space before ``,`` or ``'s``, none inside
  brackets), and lines are joined by a blank line, as paragraphs.
- Labels: CoNLL ``PER`` → PERSON, ``ORG`` → ORG, ``LOC`` → PLACE. ``MISC`` has no skim
  counterpart and skim's GROUP (nationalities, demonyms) has no CoNLL one: GROUP predictions are not
  scored, and a prediction overlapping a MISC mention is not scored either (it is neither right nor
  wrong: "Australian Open" is MISC there and may be an organisation to skim).
- An abbreviation that ends a sentence shares its full stop with it ("… and Lear Corp."); CoNLL
  leaves the stop out of the name and skim keeps it in, so such a name is compared without it.
- A *prose line* has at least 6 words, at least 2 of them in lower case, no more than a third of
  its tokens numbers, and is not in capitals (at most half of its words are all-capital words of two
  or more letters). Headlines, datelines ("LONDON 1996-08-30"), bylines and sports tables fail it.
- ``prose`` scores the documents with at least 150 words on prose lines, analysing their prose
  lines only (what the reader shows as an article body); ``all`` scores every document whole.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.quality import Analyzer, Score, score_spans
from reader.core.results import Span

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}
SCORED = ("PERSON", "ORG", "PLACE")
PROSE_WORDS = 150
_NO_SPACE_BEFORE = frozenset(
    [
        ",",
        ".",
        ";",
        ":",
        ")",
        "]",
        "}",
        "?",
        "!",
        "%",
        "'s",
        "'",
        "n't",
        "'m",
        "'re",
        "'ve",
        "'ll",
        "'d",
    ]
)
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "$"])
_NUMBER = re.compile(r"^[\d.,:/-]+$")


class ConllFormatError(ValueError):
    """The file is not in the CoNLL-2003 column format."""


@dataclass(slots=True)
class Line:
    """One CoNLL sentence: its tokens and their entity tags (IOB1 or IOB2)."""

    tokens: list[str]
    tags: list[str]

    @property
    def is_prose(self) -> bool:
        """True for running text; False for headlines, datelines, bylines and tables."""
        words = [t for t in self.tokens if any(c.isalpha() for c in t)]
        lower = [w for w in words if w[0].islower()]
        capitals = [w for w in words if len(w) > 1 and w.isupper()]
        numbers = [t for t in self.tokens if _NUMBER.match(t) and any(c.isdigit() for c in t)]
        return (
            len(words) >= 6
            and len(lower) >= 2
            and 3 * len(numbers) <= len(self.tokens)
            and 2 * len(capitals) <= len(words)
        )


@dataclass(slots=True)
class Document:
    """One ``-DOCSTART-`` block."""

    lines: list[Line] = field(default_factory=list)

    @property
    def prose_words(self) -> int:
        """Words on prose lines."""
        return sum(len(line.tokens) for line in self.lines if line.is_prose)


def read_conll(path: Path) -> list[Document]:
    """Read a CoNLL-2003 file (token first, entity tag last on each line)."""
    documents: list[Document] = []
    tokens: list[str] = []
    tags: list[str] = []

    def close_line() -> None:
        if tokens:
            if not documents:
                documents.append(Document())
            documents[-1].lines.append(Line(list(tokens), list(tags)))
            tokens.clear()
            tags.clear()

    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            parts = raw.split()
            if not parts:
                close_line()
            elif parts[0] == "-DOCSTART-":
                close_line()
                documents.append(Document())
            elif len(parts) < 2 or not re.fullmatch(r"O|[BI]-(?:PER|ORG|LOC|MISC)", parts[-1]):
                raise ConllFormatError(f"{path}:{number}: not a CoNLL-2003 token line")
            else:
                tokens.append(parts[0])
                tags.append(parts[-1])
    close_line()
    return [doc for doc in documents if doc.lines]


def render(lines: Sequence[Line]) -> tuple[str, list[Span]]:
    """Join lines into text (one paragraph each) and return it with the gold mentions."""
    pieces: list[str] = []
    gold: list[Span] = []
    offset = 0
    for index, line in enumerate(lines):
        if index:
            pieces.append("\n\n")
            offset += 2
        starts: list[int] = []
        ends: list[int] = []
        quote_open = after_open_quote = False
        for i, token in enumerate(line.tokens):
            glue = i == 0 or token in _NO_SPACE_BEFORE or line.tokens[i - 1] in _NO_SPACE_AFTER
            if token == '"':
                glue = i == 0 or quote_open or line.tokens[i - 1] in _NO_SPACE_AFTER
                quote_open = not quote_open
            glue = glue or after_open_quote
            after_open_quote = token == '"' and quote_open
            if not glue:
                pieces.append(" ")
                offset += 1
            starts.append(offset)
            pieces.append(token)
            offset += len(token)
            ends.append(offset)
        gold.extend(_mentions(line.tags, starts, ends))
    text = "".join(pieces)
    return text, [Span(s.start, s.end, s.label, text[s.start : s.end]) for s in gold]


def _mentions(tags: Sequence[str], starts: Sequence[int], ends: Sequence[int]) -> list[Span]:
    spans: list[Span] = []
    current: list[int] | None = None  # [start, end] of the open mention
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and current is not None
        if current is not None and not continues:
            spans.append(Span(current[0], current[1], LABELS[kind], ""))
            current = None
        if tag == "O":
            kind = ""
            continue
        if continues and current is not None:
            current[1] = ends[i]
        else:
            current, kind = [starts[i], ends[i]], label
    return spans


def _shared_stop(pred: Span, gold: list[Span]) -> Span:
    """ "Lear Corp." at the end of a sentence: CoNLL splits off the full stop that the abbreviation
    shares, skim keeps it in the name. The same name either way, so it is compared without it."""
    if pred.text.endswith(".") and any(
        g.start == pred.start and g.end == pred.end - 1 for g in gold
    ):
        return Span(pred.start, pred.end - 1, pred.label, pred.text[:-1])
    return pred


@dataclass(slots=True)
class Tally:
    """Strict and overlap scores per type, and the kinds of error."""

    strict: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in (*SCORED, "all")})
    overlap: Score = field(default_factory=Score)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    documents: int = 0
    seconds: float = 0.0

    def add(self, text: str, gold: list[Span], pred: Iterable[Span]) -> None:
        """Score one analysed text."""
        self.documents += 1
        misc = [g for g in gold if g.label == "MISC"]
        gold = [g for g in gold if g.label in SCORED]
        pred = [
            _shared_stop(p, gold)
            for p in pred
            if p.label in SCORED and not any(p.start < m.end and m.start < p.end for m in misc)
        ]
        for label in SCORED:
            mine = [g for g in gold if g.label == label]
            self.strict[label] += score_spans(mine, [p for p in pred if p.label == label])
        self.strict["all"] += score_spans(gold, pred)
        self.overlap += score_spans(gold, pred, "overlap", typed=True)
        self._classify(text, gold, pred)

    def _classify(self, text: str, gold: list[Span], pred: list[Span]) -> None:
        pred_at = {(p.start, p.end): p for p in pred}
        for g in gold:
            p = pred_at.get((g.start, g.end))
            if p is not None and p.label == g.label:
                continue
            if p is not None:
                kind = f"{g.label} labelled {p.label}"
            elif any(q.start < g.end and g.start < q.end for q in pred):
                kind = f"{g.label} with wrong bounds"
            else:
                kind = f"{g.label} missed"
            self._note(kind, f"{g.text!r}")
        gold_at = {(g.start, g.end) for g in gold}
        for p in pred:
            if (p.start, p.end) in gold_at:
                continue
            if any(g.start < p.end and p.start < g.end for g in gold):
                continue  # counted above as wrong bounds
            self._note(f"spurious {p.label}", f"{p.text!r}")

    def _note(self, kind: str, example: str) -> None:
        self.errors[kind] += 1
        self.examples.setdefault(kind, [])
        if len(self.examples[kind]) < 8:
            self.examples[kind].append(example)


def evaluate_conll(documents: Sequence[Document], analyze: Analyzer) -> dict[str, Tally]:
    """Score ``analyze`` on every document ("all") and on the prose of the long ones ("prose")."""
    tallies = {"prose": Tally(), "all": Tally()}
    analyze("Word lists load on first use, LONDON 1996-08-30.")  # not part of the timing
    for doc in documents:
        text, gold = render(doc.lines)
        began = time.perf_counter()
        analysis = analyze(text)
        tallies["all"].seconds += time.perf_counter() - began
        tallies["all"].add(text, gold, analysis.entities)
        if doc.prose_words >= PROSE_WORDS:
            text, gold = render([line for line in doc.lines if line.is_prose])
            began = time.perf_counter()
            analysis = analyze(text)
            tallies["prose"].seconds += time.perf_counter() - began
            tallies["prose"].add(text, gold, analysis.entities)
    return tallies


def report(tallies: dict[str, Tally], errors: bool, top: int = 12) -> str:
    """Render the tallies as plain-text tables."""
    out: list[str] = []
    for name, tally in tallies.items():
        speed = tally.documents / tally.seconds if tally.seconds else 0.0
        out.append(f"{name}: {tally.documents} documents, {speed:.0f} docs/s")
        out.append(f"  {'score':<16} {'gold':>6} {'pred':>6} {'prec':>6} {'recall':>6} {'F1':>6}")
        rows = [(f"strict {k}", s) for k, s in tally.strict.items()]
        rows.append(("overlap all", tally.overlap))
        for label, s in rows:
            out.append(
                f"  {label:<16} {s.gold:>6} {s.pred:>6} {100 * s.precision:>6.1f} "
                f"{100 * s.recall:>6.1f} {100 * s.f1:>6.1f}"
            )
        out.append("  most common errors:")
        for kind, count in tally.errors.most_common(top):
            shown = ", ".join(tally.examples[kind][: 8 if errors else 3])
            out.append(f"    {count:>5}  {kind:<26} {shown}")
        out.append("")
    return "\n".join(out)


def as_json(tallies: dict[str, Tally]) -> dict[str, object]:
    """The figures as plain data."""

    def row(score: Score) -> dict[str, float | int]:
        return {
            "gold": score.gold,
            "pred": score.pred,
            "precision": round(score.precision, 4),
            "recall": round(score.recall, 4),
            "f1": round(score.f1, 4),
        }

    return {
        name: {
            "documents": t.documents,
            "seconds": round(t.seconds, 3),
            "strict": {k: row(s) for k, s in t.strict.items()},
            "overlap": row(t.overlap),
            "errors": dict(t.errors.most_common()),
        }
        for name, t in tallies.items()
    }
