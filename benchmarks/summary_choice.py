"""Compare skim's eight summary algorithms on the sample articles: quality and speed.

Usage: ``python -m benchmarks.summary_choice [--stock]``

There is no human-written summary for most sample articles, so quality is read off proxies, each
for a 3-sentence summary made without the title (Edmundson would otherwise see the words it is
scored on):

* **headline** — share of the headline's content words (stemmed, stop words out) that the
  summary contains: a headline is the editor's one-line summary.
* **highlights** — the same against the "Highlights" bullets of the aggregator sample (ROUGE-1
  recall on the bullets' content words), the one article that comes with a written summary.
* **topics** — share of the article's ten most frequent content words the summary contains.
* **lead** — share of the chosen sentences among the first three (news puts the gist first;
  "lead-3" is the classic strong baseline), shown for context, not scored.
* **words** — mean summary length: longer sentences find more words, so read recall with it.

Speed: best-of-several seconds for a typical article (the Arctic sample, ~1,100 words) and for
~10,000 words (the sample bodies one after another); ``--stock`` also times stock sumy's
summariser on the same document for the algorithms skim vectorises (KL alone takes ~2 minutes).

Figures when DEFAULT_ALGORITHM was chosen (2 busy cores, Python 3.11, sumy 0.13; 15 samples,
long text 11,053 words; "stock" is stock sumy's summariser on the same document):

    algorithm   headline  highlights  topics  lead  words   1k s  10k s  stock 10k s
    luhn           0.528       0.393   0.780  0.34  109.9  0.006  0.059
    edmundson      0.568       0.464   0.707  0.43  101.2  0.006  0.058
    lsa            0.559       0.571   0.760  0.43  121.3  0.005  0.058
    lexrank        0.524       0.429   0.740  0.39   93.9  0.005  0.066         2.75
    textrank       0.661       0.536   0.913  0.43  123.3  0.008  0.072         0.99
    sumbasic       0.246       0.107   0.600  0.14   49.1  0.005  0.063         0.26
    kl             0.525       0.536   0.780  0.34  123.2  0.008  0.144       111.80
    reduction      0.601       0.536   0.873  0.43  117.9  0.005  0.068         1.68

TextRank is the default: the best headline recall and topic coverage, second on the highlights
(after LSA, which with sumy's settings rates little more than sentence length), the same
choices as stock sumy, and fast. It prefers long sentences (123 words per 3-sentence summary
against LexRank's 94), so per word read it is level with the others rather than ahead.
SumBasic is clearly worst on these articles. Times are with the word cache warm (a second
summary of the same text); tokenizing 10,000 words the first time adds about 0.2 s, splitting
sentences 0.04 s, and the first analysis in a process about 0.4 s of imports.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reader.core.analysis import ALGORITHMS, split_sentences, summarize
from reader.core.ingest import read_path
from reader.core.models import ArticleDraft

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
TYPICAL = "arctic-shipping-lanes-pact.md"
HIGHLIGHTS_SAMPLE = "aggregator-offside-row.txt"
LONG_WORDS = 10_000
SENTENCES = 3


def content_stems(text: str) -> list[str]:
    """Stemmed words of ``text`` without stop words, as the summarisers see them."""
    from reader.core.analysis.summary.scoring import _language
    from reader.core.analysis.summary.tokenizer import NewsTokenizer

    stem, stop_words = _language()
    words = (w.lower() for w in NewsTokenizer().to_words(text))
    return [stem(w) for w in words if w not in stop_words]


def recall(reference: str, summary: str) -> float:
    """Share of the reference's distinct content stems found in the summary."""
    wanted = set(content_stems(reference))
    return len(wanted & set(content_stems(summary))) / len(wanted) if wanted else 0.0


def highlights(path: Path) -> str:
    """The bullet lines between "Highlights" and "Story" in the aggregator sample's raw text."""
    raw = path.read_text(encoding="utf-8")
    match = re.search(r"^Highlights\n(.*?)^Story$", raw, re.DOTALL | re.MULTILINE)
    return match.group(1) if match else ""


def quality(drafts: dict[str, ArticleDraft]) -> dict[str, dict[str, float]]:
    """Mean headline recall, topic coverage, lead share and words per algorithm."""
    table: dict[str, dict[str, list[float]]] = {a: {} for a in ALGORITHMS}
    for name, draft in drafts.items():
        stems = Counter(content_stems(draft.body))
        topics = {stem for stem, _count in stems.most_common(10)}
        spans = split_sentences(draft.body)
        for algorithm in ALGORITHMS:
            summary = summarize(draft.body, algorithm=algorithm, sentence_spans=spans)
            text = " ".join(s.text for s in summary.sentences)
            row = table[algorithm]
            row.setdefault("headline", []).append(recall(draft.title, text))
            row.setdefault("topics", []).append(len(topics & set(content_stems(text))) / 10)
            row.setdefault("lead", []).extend(s.index < 3 for s in summary.sentences)
            row.setdefault("words", []).append(len(text.split()))
            if name == HIGHLIGHTS_SAMPLE:
                row["highlights"] = [recall(highlights(SAMPLES / name), text)]
    return {a: {k: statistics.mean(v) for k, v in row.items()} for a, row in table.items()}


def timed(function: object, repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` calls (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def long_text(drafts: dict[str, ArticleDraft]) -> str:
    """About ``LONG_WORDS`` words: the sample bodies one after another."""
    parts: list[str] = []
    words = 0
    while words < LONG_WORDS:
        for draft in drafts.values():
            parts.append(draft.body)
            words += len(draft.body.split())
            if words >= LONG_WORDS:
                break
    return "\n\n".join(parts)


def stock_seconds(algorithm: str, text: str) -> float:
    """Time stock sumy's summariser on the same document skim builds."""
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from reader.core.analysis.summary.scoring import _language
    from reader.core.analysis.summary.sumy_document import build_document

    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "reduction": ReductionSummarizer,
        "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer,
    }
    stem, stop_words = _language()
    document = build_document(text, split_sentences(text)).document
    summarizer = classes[algorithm](stem)
    summarizer.stop_words = stop_words
    return timed(lambda: summarizer(document, SENTENCES), 1)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stock", action="store_true", help="also time stock sumy (slow)")
    args = parser.parse_args(argv)

    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".md", ".txt", ".html"})
    drafts = {p.name: read_path(p) for p in paths if p.name != "README.md"}
    scores = quality(drafts)
    typical = drafts[TYPICAL].body
    long = long_text(drafts)
    print(f"{len(drafts)} articles; long text {len(long.split())} words\n")
    header = "algorithm   headline  highlights  topics  lead  words   1k s  10k s"
    print(header + ("  stock 10k s" if args.stock else ""))
    for algorithm in ALGORITHMS:
        row = scores[algorithm]
        summarize(long, algorithm=algorithm)  # warm the stem cache
        short_s = timed(lambda a=algorithm: summarize(typical, algorithm=a), 5)
        long_s = timed(lambda a=algorithm: summarize(long, algorithm=a), 3)
        line = (
            f"{algorithm:10} {row['headline']:9.3f} {row['highlights']:11.3f}"
            f" {row['topics']:7.3f} {row['lead']:5.2f} {row['words']:6.1f}"
            f" {short_s:6.3f} {long_s:6.3f}"
        )
        if args.stock and algorithm in {"lexrank", "textrank", "reduction", "sumbasic", "kl"}:
            line += f" {stock_seconds(algorithm, long):12.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
