"""The HTML extraction benchmark: scoring, the baseline, and a run on a tiny dataset."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import html_extraction as bench

_ARTICLE = """<!doctype html><html><head><title>Pier to close | The Quay Post</title>
<script>var tracking = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Pier to close</h1>
<p>The quay shuts on Monday for eleven weeks of repairs to its timber piles, the board said.</p>
<p>Traders said the closure would cost them the summer season and asked for compensation.</p>
</article><footer><p>Copyright 2024 The Quay Post. All rights reserved.</p></footer>
</body></html>"""
_GOLD = (
    "The quay shuts on Monday for eleven weeks of repairs to its timber piles, the board said.\n"
    "Traders said the closure would cost them the summer season and asked for compensation."
)


def _dataset(folder: Path) -> Path:
    (folder / "html").mkdir()
    (folder / "html" / "pier.html.gz").write_bytes(gzip.compress(_ARTICLE.encode()))
    truth = {"pier": {"url": "https://example.com/pier", "articleBody": _GOLD}}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_precision_and_recall_count_a_bag_of_items() -> None:
    gold = Counter(bench.tokens("the quay shuts the pier"))
    found = Counter(bench.tokens("the quay shuts Monday"))
    assert bench.precision_recall(gold, found) == (3 / 4, 3 / 5)
    assert bench.precision_recall(Counter(), Counter()) == (1.0, 1.0)
    assert bench.precision_recall(gold, Counter()) == (0.0, 0.0)


def test_shingles_reward_word_order() -> None:
    assert bench.shingles("a b c d e") == Counter(
        {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    )
    assert bench.shingles("a b") == Counter({("a", "b"): 1})
    assert bench.shingles("") == Counter()


def test_the_baseline_keeps_visible_text_only() -> None:
    text = bench.visible_text(_ARTICLE)
    assert "Home" in text and "rights reserved" in text and "compensation" in text
    assert "tracking" not in text and "Pier to close | The Quay Post" not in text


def test_skim_finds_the_article_and_beats_the_baseline(tmp_path: Path) -> None:
    pages = bench.load_pages(_dataset(tmp_path))
    scores = {name: bench.score(name, extract, pages) for name, extract in bench.EXTRACTORS.items()}
    local = scores["local file (parse_html_article)"]
    assert (local.precision, local.recall, local.empty) == (1.0, 1.0, 0)
    assert scores["web page (extract_article)"].f1 == 1.0
    assert scores["all visible text"].precision < 1.0


def test_the_command_prints_one_row_per_extractor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main([str(_dataset(tmp_path))]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 + len(bench.EXTRACTORS)
    assert rows[2].startswith("| local file (parse_html_article) | 1 | 1.000 | 1.000 | 1.000 |")


def test_a_folder_without_ground_truth_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        bench.main([str(tmp_path)])
    assert stopped.value.code == 2
