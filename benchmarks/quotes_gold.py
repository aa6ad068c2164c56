"""The quote-attribution gold set: attribute each passage's quotations and score the speakers.

The files are ``benchmarks/quotes_gold/{dev,test}.yaml`` (format in the README beside them). Each
passage is analysed as an article body would be (sentences and entities of
:func:`reader.core.analysis.analyze`), then :func:`reader.core.analysis.tone.quotes.find_quotes`
names the speakers. A case is right when the quotation it names gets exactly the gold speaker
(``None`` included).

Run ``python -m benchmarks.quotes_gold`` for the figures of both splits.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.core.analysis import analyze
from reader.core.analysis.tone.quotes import find_quotes

GOLD_DIR = Path(__file__).resolve().parent / "quotes_gold"
SPLITS = ("dev", "test")


@dataclass(frozen=True, slots=True)
class QuoteCase:
    """One passage, the first words of one of its quotations and who said them."""

    id: str
    text: str
    quote: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class QuoteScore:
    """How many cases of a split got the right speaker, and which did not."""

    right: int
    total: int
    wrong: tuple[str, ...]  # "id: got X, want Y"

    @property
    def accuracy(self) -> float:
        """Share of cases attributed to the right speaker."""
        return self.right / self.total if self.total else 1.0


def load_split(split: str) -> list[QuoteCase]:
    """The cases of ``split`` ("dev" or "test")."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    entries = yaml.safe_load((GOLD_DIR / f"{split}.yaml").read_text(encoding="utf-8"))
    return [QuoteCase(str(e["id"]), str(e["text"]), str(e["quote"]), e["speaker"]) for e in entries]


def attributed_speaker(case: QuoteCase) -> str | None:
    """The speaker skim gives the case's quotation (raises LookupError if no quotation matches)."""
    analysis = analyze(case.text)
    quotes = find_quotes(0, case.text, analysis.sentences, analysis.entities)
    for quote in quotes:
        if quote.text.startswith(case.quote):
            return quote.speaker
    raise LookupError(f"{case.id}: no quotation starts with {case.quote!r}")


def score_split(split: str) -> QuoteScore:
    """Score every case of ``split``."""
    cases = load_split(split)
    wrong = []
    for case in cases:
        got = attributed_speaker(case)
        if got != case.speaker:
            wrong.append(f"{case.id}: got {got!r}, want {case.speaker!r}")
    return QuoteScore(len(cases) - len(wrong), len(cases), tuple(wrong))


def main() -> int:
    """Print the accuracy of each split and the cases it gets wrong."""
    for split in SPLITS:
        score = score_split(split)
        print(f"{split}: {score.right}/{score.total} right speaker ({score.accuracy:.0%})")
        for line in score.wrong:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
