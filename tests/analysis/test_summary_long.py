"""Summaries of long texts: the faster raters keep stock sumy's ratings, and LexRank's runs.

The default summary rates long texts with Edmundson and LexRank. Edmundson's ratings are whole
numbers and must equal stock sumy's exactly; LexRank's graph must link the same sentence pairs
as a plain all-pairs computation, and past ``LEXRANK_RUN`` sentences each run of sentences is
rated as stock sumy rates that run on its own.
"""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis import split_sentences, summarize
from reader.core.analysis.summary import fast, rules, scoring
from reader.core.analysis.summary.stems import document_words
from reader.core.analysis.summary.sumy_document import build_document
from tests.analysis.test_summarize import TEXT, body, generated

TEXTS = [
    pytest.param(lambda: TEXT, id="harbour"),
    pytest.param(lambda: body("harbor-city-comets-force-game-seven.txt"), id="comets"),
    pytest.param(lambda: body("pinecrest-robotics-third-quarter.md"), id="pinecrest"),
    pytest.param(lambda: generated(3, sentences=40), id="generated-3"),
]


def document_of(text: str) -> Any:
    return build_document(text, split_sentences(text)).document


def stock_lexrank(document: Any) -> list[float]:
    """Stock sumy's LexRank scores of ``document``'s sentences, in order."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    stem, stop_words = scoring._language()
    summarizer = LexRankSummarizer(stem)
    summarizer.stop_words = stop_words
    words = [summarizer._to_words_set(s) for s in document.sentences]
    matrix = summarizer._create_matrix(
        words,
        summarizer.threshold,
        summarizer._compute_tf(words),
        summarizer._compute_idf(words),
    )
    return [float(x) for x in summarizer.power_method(matrix, summarizer.epsilon)]


@pytest.mark.parametrize("make_text", TEXTS)
def test_edmundson_ratings_equal_the_sum_of_stock_methods(make_text: Any) -> None:
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    document = document_of(make_text())
    stem, stop_words = scoring._language()
    summarizer = EdmundsonSummarizer(stem)
    summarizer.bonus_words = scoring.BONUS_WORDS
    summarizer.stigma_words = scoring.STIGMA_WORDS
    summarizer.null_words = stop_words
    cue = summarizer._build_cue_method_instance().rate_sentences(document)
    title = summarizer._build_title_method_instance().rate_sentences(document)
    location = summarizer._build_location_method_instance().rate_sentences(document)
    ours = scoring.edmundson(document)
    # sumy keys its ratings by sentence text: a repeated sentence keeps one place's rating.
    counts: dict[Any, int] = {}
    for sentence in document.sentences:
        counts[sentence] = counts.get(sentence, 0) + 1
    compared = 0
    for rating, sentence in zip(ours, document.sentences, strict=True):
        if counts[sentence] == 1:
            assert rating == cue[sentence] + title[sentence] + location[sentence]
            compared += 1
    assert compared > len(ours) // 2


@pytest.mark.parametrize("make_text", TEXTS)
def test_lexrank_ratings_equal_stock_ones(make_text: Any) -> None:
    document = document_of(make_text())
    assert scoring.lexrank(document) == pytest.approx(stock_lexrank(document), rel=1e-9)


def test_lexrank_past_its_run_rates_each_run_as_stock_sumy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs are near-equal, consecutive, and each is stock LexRank of its own sentences."""
    document = document_of(generated(5, sentences=45))
    n = len(document.sentences)
    monkeypatch.setattr(fast, "LEXRANK_RUN", 20)
    ours = scoring.lexrank(document)
    assert len(ours) == n > 40
    runs = -(-n // 20)  # the fewest runs of at most 20 sentences, of near-equal lengths
    bounds = [n * k // runs for k in range(runs + 1)]
    assert runs >= 3 and {b - a for a, b in itertools.pairwise(bounds)} <= {
        n // runs,
        -(-n // runs),
    }
    for a, b in itertools.pairwise(bounds):
        run = build_document(
            "\n\n".join(str(s) for s in document.sentences[a:b]),
            split_sentences("\n\n".join(str(s) for s in document.sentences[a:b])),
        ).document
        assert len(run.sentences) == b - a
        scaled = [x * math.sqrt((b - a) / n) for x in stock_lexrank(run)]
        assert ours[a:b] == pytest.approx(scaled, rel=1e-9)
    assert math.fsum(x * x for x in ours) == pytest.approx(1.0)  # a unit vector, as sumy's


def test_lexrank_up_to_its_run_compares_all_pairs() -> None:
    document = document_of(generated(6, sentences=60))
    assert len(document.sentences) <= fast.LEXRANK_RUN
    assert scoring.lexrank(document) == pytest.approx(stock_lexrank(document), rel=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_sparse_links_equal_all_pairs_cosines(seed: int) -> None:
    """Frequent terms (dense blocks), rare ones (pair lists) and negative weights together."""
    import numpy as np

    rng = random.Random(seed)
    n, terms = 70, 40
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for i in range(n):
        # Terms 0-3 are in nearly every sentence (>= _FREQUENT), the rest in a few.
        chosen = {t for t in range(4) if rng.random() < 0.9}
        chosen |= {rng.randrange(4, terms) for _ in range(rng.randint(0, 5))}
        for t in sorted(chosen):
            rows.append(i)
            columns.append(t)
            values.append(rng.uniform(-0.5, 2.0))
    matrix = np.zeros((n, terms))
    matrix[rows, columns] = values
    dots = matrix @ matrix.T
    lengths = np.sqrt(np.diag(dots))
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = np.where(dots != 0, dots / np.multiply.outer(lengths, lengths), 0.0)
    linked = fast._linked(
        np.array(rows), np.array(columns), np.array(values), n, terms, threshold=0.1
    )
    assert np.bincount(columns)[:4].min() >= fast._FREQUENT
    assert (linked == (cosine > 0.1)).all()


@pytest.mark.parametrize("make_text", TEXTS)
def test_document_words_are_sumy_stems_computed_once(make_text: Any) -> None:
    document = document_of(make_text())
    stem, stop_words = scoring._language()
    prepared = document_words(document)
    assert prepared is document_words(document)
    assert prepared.content == [
        [stem(w) for w in (word.lower() for word in s.words) if w not in stop_words]
        for s in document.sentences
    ]


def _old_shouting(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("aBcDEFGHIJKLMN \u216b \u24b6 \u01c5 \u00df \u017f 12.,'\"-"),
        max_size=40,
    )
    | st.text(max_size=40)
)
def test_shouting_is_unchanged(sentence: str) -> None:
    assert rules._shouting(sentence) == _old_shouting(sentence)
    assert rules.sentence_faults(sentence, rules.words(sentence)) == rules.sentence_faults(sentence)


def test_a_long_text_is_summarised_in_runs_with_the_usual_contract() -> None:
    from benchmarks.summary_speed import text_of

    text = text_of(20_000)
    spans = split_sentences(text)
    summary = summarize(text, sentence_spans=spans)
    assert len(spans) > 2 * fast.LEXRANK_RUN
    assert [s.rank for s in sorted(summary.sentences, key=lambda s: -s.score)] == [1, 2, 3]
    assert all(text[s.start : s.end] == s.text for s in summary.sentences)
