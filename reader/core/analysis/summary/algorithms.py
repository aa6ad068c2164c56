"""Extractive summaries, tied to sentence offsets and with scores.

The algorithms: sumy's eight; ``lead`` (the first sentences: the honest baseline on news); and
``skim``, the default, which builds on a sumy rating with a position prior, length and
redundancy control and sentence rules (:mod:`summarize_skim`), and explains each choice.

sumy, nltk and numpy are imported on first use, not at import time.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from functools import lru_cache

from reader.core.analysis.versions import SUMMARY as VERSION
from reader.core.errors import AnalysisError
from reader.core.results import Summary, SummaryExplanation, SummarySentence

ALGORITHMS: tuple[str, ...] = (
    "luhn",
    "edmundson",
    "lsa",
    "lexrank",
    "textrank",
    "sumbasic",
    "kl",
    "reduction",
    "lead",
    "skim",
)
# Fitted and measured with benchmarks/fit_summary.py and benchmarks/summaries.py on public news
# and scientific articles with human summaries (figures in the README): on held-out news it is at
# least as good as the first three sentences, and on papers at least as good as any sumy algorithm.
DEFAULT_ALGORITHM = "skim"
DEFAULT_SENTENCES = 3
# The longest text summarised, in characters (about 33,000 words: more than two hours of
# reading). Summaries grow with the square of the sentences (a 1 MB text took 12 s and 1.5 GB);
# past this only the sentences that end before it are candidates, and the summary says so.
SUMMARY_LIMIT = 200_000


def summarize(
    text: str,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    sentences: int | None = None,
    ratio: float | None = None,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    title: str = "",
) -> Summary:
    """Choose the sentences of ``text`` that best summarise it.

    Args:
        text: the text to summarise.
        algorithm: one of :data:`ALGORITHMS`.
        sentences: how many sentences to choose (default 3 when ``ratio`` is not given).
        ratio: instead of ``sentences``, the share of the text's sentences to choose, in (0, 1];
            the count is rounded up.
        sentence_spans: the sentences of ``text`` if already known (from :func:`analyze`);
            found with :func:`split_sentences` otherwise.
        title: the article's title; Edmundson's title method rewards sentences that share
            its words (the other algorithms ignore it).

    Returns:
        The chosen sentences in text order, each with its score and rank (1 = best). Fewer than
        asked when the text has fewer sentences. Headings are not chosen, unless the text has
        nothing else (see :mod:`sumy_document`). Of a text longer than :data:`SUMMARY_LIMIT`,
        only the sentences ending before it are read (``Summary.read_up_to`` says where).

    Raises:
        AnalysisError: unknown algorithm, a bad count or ratio, or spans that do not fit ``text``.
    """
    if algorithm not in ALGORITHMS:
        raise AnalysisError(
            f"unknown summary algorithm {algorithm!r}: choose one of {', '.join(ALGORITHMS)}"
        )
    _check_count(sentences, ratio)
    if sentence_spans is None:
        from reader.core.analysis.sentences import split_sentences

        spans = split_sentences(text)
    else:
        spans = _checked_spans(text, sentence_spans)
    read_up_to = None
    if spans and spans[-1][1] > SUMMARY_LIMIT:
        # A prefix of the spans, so every index below still names the same sentence.
        kept = [span for span in spans if span[1] <= SUMMARY_LIMIT] or [spans[0]]
        spans, read_up_to = kept, kept[-1][1]

    from reader.core.analysis.summary import scoring
    from reader.core.analysis.summary.sumy_document import build_document

    # Only Edmundson reads the title; the others must not depend on it (a heading's words
    # would count among the text's words), so that cached summaries stay valid.
    built = build_document(text, spans, title if algorithm == "edmundson" else "")
    candidates = built.span_indices
    if not candidates:
        return Summary(algorithm, (), read_up_to)
    # The tolerance keeps 0.3 x 10 (3.0000000000000004 in floating point) at 3; any ratio
    # chooses at least one sentence.
    count = sentences if ratio is None else max(1, math.ceil(ratio * len(candidates) - 1e-9))
    count = min(count if count is not None else DEFAULT_SENTENCES, len(candidates))

    picks: list[tuple[int, float, SummaryExplanation | None]]
    if algorithm == "skim":
        from reader.core.analysis.summary import skim

        weights = skim.load_weights()
        found = skim.features(text, spans, built, weights)
        picks = [(p.position, p.score, p.explanation) for p in skim.choose(found, weights, count)]
    else:
        # LexRank's power method divides by zero when no two sentences share a weighted word
        # (every idf is 0 in a two-sentence text): sumy then rates every sentence NaN. Such a
        # rating carries no preference, so it becomes 0 and text order decides.
        rater = scoring.RATERS[algorithm]
        scores = [s if math.isfinite(s) else 0.0 for s in rater(built.document)]
        # Best first; equal scores keep text order, as sumy's stable sort does.
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])[:count]
        picks = [(position, scores[position], None) for position in order]
    # Rank by score (ties: the earlier pick first), so that rank 1 is always the best score.
    ranked = sorted(enumerate(picks), key=lambda item: (-item[1][1], item[0]))
    chosen = []
    for rank, (_pick, (position, score, why)) in enumerate(ranked, start=1):
        index = candidates[position]
        start, end = spans[index]
        chosen.append(SummarySentence(index, start, end, text[start:end], score, rank, why))
    chosen.sort(key=lambda sentence: sentence.index)
    return Summary(algorithm, tuple(chosen), read_up_to)


def partial_note(summary: Summary) -> str:
    """A line saying that ``summary`` read only the start of its text; empty when it read it all."""
    if summary.read_up_to is None:
        return ""
    return (
        f"Chosen from the first {summary.read_up_to:,} characters: "
        "the rest of this very long text is shown but not summarised."
    )


def summary_version(algorithm: str) -> str:
    """A string that changes whenever ``algorithm``'s summaries of a text could change.

    It covers this module, the sentence splitter and the sumy and nltk releases (stemmer, stop
    words and the summarisers' own code), for use in cache keys.

    Raises:
        AnalysisError: unknown algorithm.
    """
    if algorithm not in ALGORITHMS:
        raise AnalysisError(
            f"unknown summary algorithm {algorithm!r}: choose one of {', '.join(ALGORITHMS)}"
        )
    from reader.core.analysis.versions import SENTENCES

    sumy, nltk = _library_versions()
    version = f"{algorithm}/summary-{VERSION}/sentences-{SENTENCES}/sumy-{sumy}/nltk-{nltk}"
    if algorithm == "skim":  # refitted weights change the summaries
        from reader.core.analysis.summary.skim import weights_digest

        version += f"/weights-{weights_digest()}"
    return version


@lru_cache(maxsize=1)
def _library_versions() -> tuple[str, str]:
    """Installed versions of sumy and nltk, read from package metadata (no import)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("sumy", "nltk"):
        try:
            found.append(version(name))
        except PackageNotFoundError:
            found.append("unknown")
    return found[0], found[1]


def _check_count(sentences: int | None, ratio: float | None) -> None:
    """Reject a missing, doubled or out-of-range sentence count or ratio."""
    if sentences is not None and ratio is not None:
        raise AnalysisError("give either a number of sentences or a ratio, not both")
    if sentences is not None and (
        isinstance(sentences, bool) or not isinstance(sentences, numbers.Integral) or sentences < 1
    ):
        raise AnalysisError(
            f"number of summary sentences must be a whole number ≥ 1, not {sentences!r}"
        )
    if ratio is not None and (
        isinstance(ratio, bool)
        or not isinstance(ratio, numbers.Real)
        or math.isnan(ratio)
        or not 0 < ratio <= 1
    ):
        raise AnalysisError(f"summary ratio must be a number in (0, 1], such as 0.2, not {ratio!r}")


def _checked_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return ``spans`` as a list after checking they are ordered, disjoint and inside ``text``."""
    checked: list[tuple[int, int]] = []
    previous_end = 0
    for span in spans:
        try:
            start, end = (int(value) for value in span)
        except (TypeError, ValueError):
            raise AnalysisError(f"sentence span {span!r} is not a (start, end) pair") from None
        if not previous_end <= start < end <= len(text):
            raise AnalysisError(
                f"sentence span {span!r} does not fit a {len(text)}-character text in order"
            )
        checked.append((start, end))
        previous_end = end
    return checked
