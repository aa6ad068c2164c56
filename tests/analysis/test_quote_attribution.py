"""Quote attribution beyond "said": the gold passages of benchmarks/quotes_gold and a few rules."""

from __future__ import annotations

import pytest

from benchmarks.quotes_gold import attributed_speaker, load_split, score_split
from reader.core.analysis import analyze
from reader.core.analysis.tone.quotes import find_quotes


def test_test_part_attributes_nine_in_ten_quotations_rightly() -> None:
    score = score_split("test")
    assert score.total >= 20
    assert score.accuracy >= 0.9, score.wrong


@pytest.mark.parametrize("case", load_split("dev"), ids=lambda c: c.id)
def test_dev_passages(case: object) -> None:
    assert attributed_speaker(case) == case.speaker  # type: ignore[arg-type, attr-defined]


def _speakers(text: str) -> list[str | None]:
    analysis = analyze(text)
    return [q.speaker for q in find_quotes(1, text, analysis.sentences, analysis.entities)]


def test_a_negation_is_not_a_reporting_verb() -> None:
    text = (
        '"We will not give up on this town," said Mayor Clara Nunes.\n\n'
        'The sign did not say "closed for the whole winter season" anywhere.'
    )
    assert _speakers(text) == ["Clara Nunes", None]


def test_a_possessive_remark_names_its_speaker() -> None:
    text = (
        "Defence Minister Otto Lind spoke on Monday. Lind's remarks that the army was "
        '"ready for any scenario at any hour" drew criticism.'
    )
    assert _speakers(text) == ["Otto Lind"]
