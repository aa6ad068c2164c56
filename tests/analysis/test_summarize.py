"""Summaries: the API contract for every algorithm, and parity with stock sumy."""

from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_SENTENCES,
    split_sentences,
    summarize,
    summary_version,
)
from reader.core.errors import AnalysisError

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

TEXT = (
    "## Harbour vote\n\n"
    "The harbour board voted on Tuesday to rebuild the north pier, ending a long dispute. "
    "The pier, built in 1931, has been closed since a storm damaged its deck. "
    "Fishing crews said the closure cost them hours every week.\n\n"
    "The rebuild will cost about $12 million, paid by the board and the city. "
    "Work on the pier starts in March and should take two years. "
    "Some residents wanted a park instead of a pier.\n\n"
    "Board chair Ana Ruiz said the vote settled the dispute over the pier. "
    "Crews welcomed the decision."
)


def body(name: str) -> str:
    """A sample article's body: the file without its front matter."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    return text.strip()


def generated(seed: int, sentences: int = 28) -> str:
    """A text of distinct random sentences over a small vocabulary (with stop words)."""
    rng = random.Random(seed)
    vocabulary = (
        "harbour pier vote board city crews storm deck rebuild cost million park residents "
        "fishing week dispute closure plan council money work march years chair decision the "
        "a of to and in on for with was is it they said new old north south report"
    )
    words = vocabulary.split()
    seen: set[str] = set()
    while len(seen) < sentences:
        chosen = [rng.choice(words) for _ in range(rng.randint(4, 16))]
        seen.add(" ".join(chosen).capitalize() + ".")
    lines = sorted(seen, key=lambda _: rng.random())
    return "\n\n".join(" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("count", [1, 3, 5])
def test_every_algorithm_returns_ranked_sentences_in_text_order(algorithm: str, count: int) -> None:
    summary = summarize(TEXT, algorithm=algorithm, sentences=count)
    spans = split_sentences(TEXT)
    assert summary.algorithm == algorithm
    assert len(summary.sentences) == count
    assert sorted(s.rank for s in summary.sentences) == list(range(1, count + 1))
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(indices) and len(set(indices)) == count
    by_rank = sorted(summary.sentences, key=lambda s: s.rank)
    assert all(a.score >= b.score for a, b in itertools.pairwise(by_rank))
    for sentence in summary.sentences:
        assert (sentence.start, sentence.end) == spans[sentence.index]
        assert sentence.text == TEXT[sentence.start : sentence.end]
        assert math.isfinite(sentence.score)
        assert not sentence.text.startswith("#"), "headings are never summary sentences"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_short_and_empty_texts(algorithm: str) -> None:
    two = "The pier reopened on Monday. Crews were pleased."
    assert len(summarize(two, algorithm=algorithm, sentences=5).sentences) == 2
    assert summarize("", algorithm=algorithm).sentences == ()
    assert summarize("   \n\n ", algorithm=algorithm).sentences == ()
    only = summarize("Harbour Vote", algorithm=algorithm)  # a lone title line is still text
    assert [s.text for s in only.sentences] == ["Harbour Vote"]


def test_lead_takes_the_first_prose_sentences() -> None:
    summary = summarize(TEXT, algorithm="lead", sentences=4)
    assert [s.index for s in summary.sentences] == [1, 2, 3, 4]  # 0 is the heading
    assert [s.rank for s in summary.sentences] == [1, 2, 3, 4]


def test_ratio_is_not_fooled_by_floating_point() -> None:
    text = " ".join(f"Sentence number {word} is here." for word in "abcdefghij")
    assert len(summarize(text, algorithm="luhn", ratio=0.3).sentences) == 3  # 0.3 * 10 > 3.0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The pier", "crews", "vote", "Mr.", "said", "!", "?", ".", "“", "\n\n", "4"]
        ),
        max_size=30,
    ).map(" ".join),
    st.sampled_from(ALGORITHMS),
    st.integers(min_value=1, max_value=4),
)
def test_any_text_gives_a_valid_summary(text: str, algorithm: str, count: int) -> None:
    from reader.core.analysis.summary.sumy_document import is_heading

    summary = summarize(text, algorithm=algorithm, sentences=count)
    spans = split_sentences(text)
    prose = [span for span in spans if not is_heading(text, *span)] or spans
    assert len(summary.sentences) == min(count, len(prose))
    assert sorted(s.rank for s in summary.sentences) == list(range(1, len(summary.sentences) + 1))
    for sentence in summary.sentences:
        assert spans[sentence.index] == (sentence.start, sentence.end)
        assert math.isfinite(sentence.score)


def test_defaults() -> None:
    assert DEFAULT_ALGORITHM in ALGORITHMS
    summary = summarize(TEXT)
    assert summary.algorithm == DEFAULT_ALGORITHM
    assert len(summary.sentences) == DEFAULT_SENTENCES


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [(1e-12, 1), (0.01, 1), (0.25, 2), (0.375, 3), (0.5, 4), (0.51, 5), (1, 8), (1.0, 8)],
)
def test_ratio_rounds_up_over_prose_sentences(ratio: float, expected: int) -> None:
    assert len(summarize(TEXT, algorithm="luhn", ratio=ratio).sentences) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"algorithm": "bert"}, "choose one of luhn, edmundson, lsa, lexrank, textrank"),
        ({"sentences": 0}, "whole number"),
        ({"sentences": -2}, "whole number"),
        ({"sentences": 2.5}, "whole number"),
        ({"sentences": True}, "whole number"),
        ({"ratio": 0}, "(0, 1]"),
        ({"ratio": 1.5}, "(0, 1]"),
        ({"ratio": float("nan")}, "(0, 1]"),
        ({"ratio": "half"}, "(0, 1]"),
        ({"sentences": 2, "ratio": 0.5}, "not both"),
        ({"sentence_spans": [(0, 10_000)]}, "does not fit"),
        ({"sentence_spans": [(20, 30), (0, 10)]}, "does not fit"),
        ({"sentence_spans": [(5, 5)]}, "does not fit"),
        ({"sentence_spans": ["ab"]}, "not a (start, end) pair"),
    ],
)
def test_bad_requests_raise_analysis_error(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(AnalysisError, match=message.replace("(", r"\(").replace(")", r"\)")):
        summarize(TEXT, **kwargs)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_scores_are_finite_when_sentences_share_nothing(algorithm: str) -> None:
    summary = summarize("The pier reopened. Crews were pleased.", algorithm=algorithm, sentences=2)
    assert all(math.isfinite(s.score) for s in summary.sentences)
    assert [s.rank for s in summary.sentences] in ([1, 2], [2, 1])


def test_given_spans_are_used() -> None:
    spans = [(0, 10), (11, 20)]
    text = "Aaaa bbbb. Cccc dddd."
    summary = summarize(text, algorithm="luhn", sentences=2, sentence_spans=spans)
    assert [(s.start, s.end) for s in summary.sentences] == spans


def test_title_guides_edmundson() -> None:
    text = (
        "Residents gathered early at the hall. "
        "Several speakers talked about parking. "
        "The council backed the library budget after a long debate."
    )
    plain = summarize(text, algorithm="edmundson", sentences=1)
    titled = summarize(text, algorithm="edmundson", sentences=1, title="Library budget approved")
    assert plain.sentences[0].index == 0  # location ties first and last: text order decides
    assert titled.sentences[0].index == 2


def test_versions_name_the_algorithm_and_reject_unknown_ones() -> None:
    versions = {summary_version(a) for a in ALGORITHMS}
    assert len(versions) == len(ALGORITHMS)
    assert all(a in summary_version(a) for a in ALGORITHMS)
    with pytest.raises(AnalysisError):
        summary_version("nope")


@pytest.mark.slow
def test_identical_across_processes_with_different_hash_seeds() -> None:
    """Nothing may depend on set or dict order (sumy's LSA did, through a frozenset)."""
    script = (
        "import json\n"
        "from reader.core.analysis import ALGORITHMS, summarize\n"
        f"text = {body('arctic-shipping-lanes-pact.md')!r}\n"
        "print(json.dumps({a: [(s.index, s.rank, s.score) for s in "
        "summarize(text, algorithm=a, sentences=6).sentences] for a in ALGORITHMS}))\n"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(root), "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


# -- parity with stock sumy ----------------------------------------------------------------------


def stock_choice(algorithm: str, document: Any, count: int) -> list[int]:
    """The positions stock sumy's summariser chooses, with the settings skim uses."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from reader.core.analysis.summary import scoring

    classes = {
        "luhn": LuhnSummarizer,
        "edmundson": EdmundsonSummarizer,
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer,
        "reduction": ReductionSummarizer,
    }
    stem, stop_words = scoring._language()
    summarizer = classes[algorithm](stem)
    if algorithm == "edmundson":
        summarizer.bonus_words = scoring.BONUS_WORDS
        summarizer.stigma_words = scoring.STIGMA_WORDS
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    position = {id(sentence): i for i, sentence in enumerate(document.sentences)}
    return sorted(position[id(sentence)] for sentence in summarizer(document, count))


def our_choice(algorithm: str, document: Any, count: int) -> list[int]:
    from reader.core.analysis.summary import scoring

    scores = scoring.RATERS[algorithm](document)
    return sorted(sorted(range(len(scores)), key=lambda i: -scores[i])[:count])


PARITY_TEXTS = [
    pytest.param(lambda: TEXT, id="harbour"),
    pytest.param(lambda: body("harbor-city-comets-force-game-seven.txt"), id="comets"),
    pytest.param(lambda: body("riverside-bridge-closure.txt"), id="bridge"),
    pytest.param(lambda: body("pinecrest-robotics-third-quarter.md"), id="pinecrest"),
    pytest.param(lambda: generated(1), id="generated-1"),
    pytest.param(lambda: generated(2), id="generated-2"),
    pytest.param(lambda: generated(3, sentences=40), id="generated-3"),
]


@pytest.mark.parametrize("make_text", PARITY_TEXTS)
@pytest.mark.parametrize(
    "algorithm", ["luhn", "edmundson", "lexrank", "textrank", "sumbasic", "kl", "reduction"]
)
def test_same_choice_as_stock_sumy(algorithm: str, make_text: Any) -> None:
    from reader.core.analysis.summary.sumy_document import build_document

    text = make_text()
    document = build_document(text, split_sentences(text)).document
    for count in range(1, min(len(document.sentences), 10) + 1):
        assert our_choice(algorithm, document, count) == stock_choice(algorithm, document, count)


@pytest.mark.parametrize("make_text", PARITY_TEXTS)
def test_lsa_ratings_equal_stock_svd_ranks(make_text: Any) -> None:
    import numpy as np
    from sumy.summarizers.lsa import LsaSummarizer

    from reader.core.analysis.summary import scoring
    from reader.core.analysis.summary.sumy_document import build_document

    text = make_text()
    document = build_document(text, split_sentences(text)).document
    stem, stop_words = scoring._language()
    summarizer = LsaSummarizer(stem)
    summarizer.stop_words = stop_words
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dictionary = summarizer._create_dictionary(document)
        matrix = summarizer._compute_term_frequency(summarizer._create_matrix(document, dictionary))
    _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
    stock = summarizer._compute_ranks(sigma, v)
    assert scoring.lsa(document) == pytest.approx(stock, rel=1e-9)


def test_textrank_and_reduction_ratings_are_bit_identical_to_stock() -> None:
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from reader.core.analysis.summary import scoring
    from reader.core.analysis.summary.sumy_document import build_document

    text = body("harbor-city-comets-force-game-seven.txt")
    document = build_document(text, split_sentences(text)).document
    stem, stop_words = scoring._language()
    for cls, ours in (
        (TextRankSummarizer, scoring.textrank),
        (ReductionSummarizer, scoring.reduction),
    ):
        summarizer = cls(stem)
        summarizer.stop_words = stop_words
        stock = summarizer.rate_sentences(document)
        assert ours(document) == [stock[s] for s in document.sentences]


@pytest.mark.parametrize("make_text", PARITY_TEXTS[:3])
def test_greedy_ratings_equal_stock_rounds(make_text: Any) -> None:
    """SumBasic and KL rate a sentence by the round it is picked in: every round must match."""
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    from reader.core.analysis.summary import scoring
    from reader.core.analysis.summary.sumy_document import build_document

    text = make_text()
    document = build_document(text, split_sentences(text)).document
    stem, stop_words = scoring._language()
    for cls, ours in ((SumBasicSummarizer, scoring.sumbasic), (KLSummarizer, scoring.kl)):
        summarizer = cls(stem)
        summarizer.stop_words = stop_words
        stock = summarizer._compute_ratings(document.sentences)
        assert ours(document) == [stock[s] for s in document.sentences]
