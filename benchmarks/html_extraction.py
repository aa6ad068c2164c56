"""Measure how well each HTML body extractor finds an article's text, against gold bodies.

The dataset is the public ScrapingHub article-extraction benchmark
(https://github.com/scrapinghub/article-extraction-benchmark): ``html/<key>.html.gz`` pages and a
``ground-truth.json`` mapping each key to its ``articleBody``. It is not part of this repository;
point the command at a copy::

    python -m benchmarks.html_extraction /path/to/article-extraction-benchmark

Each of skim's two ways into HTML is measured on the same decoded pages in one run, with a baseline:

- ``local file``: :func:`reader.core.ingest.html.parse_html_article`, what ``skim add page.html``
  stores (once skim's own html.parser reader, now trafilatura);
- ``web page``: :func:`reader.core.ingest.web.article.extract_article`, what ``skim add URL`` stores
  (trafilatura, with skim's reader for the metadata);
- ``all visible text``: every text node outside scripts, styles and ``<head>``.

Run on an older checkout to compare the two pipelines skim had; on this one both rows are the same
pipeline, so their figures agree (speed aside: the machine's load varies).

Scores are macro averages over pages, as the benchmark's own ``evaluate.py`` computes them: per
page precision and recall, averaged; F1 from the two averages. ``tokens`` compares bags of word
tokens (``\\w+``); ``4-gram F1`` compares bags of four-token shingles, the benchmark's headline
measure, which also rewards keeping the words in order. Speed is pages per second of extraction
alone (decoding is done once, before timing).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

from reader.core.errors import IngestError
from reader.core.ingest import decode

_TOKEN = re.compile(r"\w+")
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})  # fmt: skip

Extractor = Callable[[str, str], str]
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its key, address, decoded markup and gold body."""

    key: str
    url: str
    markup: str
    gold: str


@dataclass(frozen=True)
class Score:
    """Macro-averaged scores of one extractor over a set of pages."""

    name: str
    pages: int
    precision: float
    recall: float
    shingle_f1: float
    pages_per_second: float
    empty: int  # pages where the extractor returned no text

    @property
    def f1(self) -> float:
        """Harmonic mean of the averaged precision and recall."""
        return _harmonic(self.precision, self.recall)


def load_pages(dataset: Path) -> list[Page]:
    """Read the benchmark's gold bodies and pages (decoded the way skim decodes a web page)."""
    gold = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, truth in sorted(gold.items()):
        data = gzip.decompress((dataset / "html" / f"{key}.html.gz").read_bytes())
        markup = decode.decode_text(data, key, declared=decode.declared_charset(data))
        pages.append(Page(key, truth.get("url", ""), markup, truth.get("articleBody", "")))
    return pages


def visible_text(markup: str, url: str = "") -> str:
    """Every text node outside scripts, styles and the ``<head>``: the baseline."""
    collector = _VisibleText()
    collector.feed(markup)
    collector.close()
    return "\n".join(collector.parts)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def local_file_body(markup: str, url: str = "") -> str:
    """The body ``skim add page.html`` stores (a saved file has no address)."""
    from reader.core.ingest.html import parse_html_article

    return parse_html_article(markup).body


def web_page_body(markup: str, url: str) -> str:
    """The body ``skim add URL`` stores (empty when it finds none)."""
    from reader.core.ingest.web.article import extract_article

    try:
        return extract_article(markup, url=url or "https://example.com/").body
    except IngestError:
        return ""


EXTRACTORS: dict[str, Extractor] = {
    "local file (parse_html_article)": local_file_body,
    "web page (extract_article)": web_page_body,
    "all visible text": visible_text,
}


def precision_recall(gold: Counter[_Item], found: Counter[_Item]) -> tuple[float, float]:
    """Bag-of-items precision and recall of ``found`` against ``gold`` (1.0 when both are empty)."""
    hits = sum((gold & found).values())
    precision = hits / sum(found.values()) if found else float(not gold)
    recall = hits / sum(gold.values()) if gold else float(not found)
    return precision, recall


def tokens(text: str) -> list[str]:
    """Word tokens as the benchmark splits them."""
    return _TOKEN.findall(text)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Bag of ``size``-token shingles (one shorter shingle for a text of fewer tokens)."""
    words = tokens(text)
    return Counter(
        tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1)) if words
    )


def score(name: str, extract: Extractor, pages: list[Page]) -> Score:
    """Run ``extract`` on every page and score it against the gold bodies."""
    if pages:
        extract(pages[0].markup, pages[0].url)  # warm up: imports are not extraction time
    started = time.perf_counter()
    found = [extract(page.markup, page.url) for page in pages]
    elapsed = time.perf_counter() - started
    token_pr = [
        precision_recall(Counter(tokens(p.gold)), Counter(tokens(f)))
        for p, f in zip(pages, found, strict=True)
    ]
    shingle_f1 = [
        _harmonic(*precision_recall(shingles(p.gold), shingles(f)))
        for p, f in zip(pages, found, strict=True)
    ]
    return Score(
        name=name,
        pages=len(pages),
        precision=_mean(p for p, _ in token_pr),
        recall=_mean(r for _, r in token_pr),
        shingle_f1=_mean(shingle_f1),
        pages_per_second=len(pages) / elapsed if elapsed else float("inf"),
        empty=sum(not text.strip() for text in found),
    )


def table(scores: list[Score]) -> str:
    """A Markdown table of the scores."""
    lines = [
        "| extractor | pages | precision | recall | F1 (tokens) | F1 (4-grams) | empty | pages/s |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in scores:
        lines.append(
            f"| {s.name} | {s.pages} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.shingle_f1:.3f} | {s.empty} | {s.pages_per_second:.1f} |"
        )
    return "\n".join(lines)


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def main(argv: list[str] | None = None) -> int:
    """Command line: score every extractor on the dataset and print the table."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.html_extraction", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "dataset", type=Path, help="folder with ground-truth.json and html/*.html.gz"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    args = parser.parse_args(argv)
    if not (args.dataset / "ground-truth.json").is_file():
        parser.error(f"{args.dataset}: no ground-truth.json there")
    pages = load_pages(args.dataset)
    if args.limit:
        pages = pages[: args.limit]
    print(table([score(name, extract, pages) for name, extract in EXTRACTORS.items()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
