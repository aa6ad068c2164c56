"""H3 (part): a paragraph of hundreds of kilobytes that no prose has must not stop the analysis."""

from __future__ import annotations

import itertools

import pytest

from reader.core import analysis
from reader.core.analysis import sentences


@pytest.mark.slow
def test_a_huge_paragraph_of_abbreviations_is_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    # This tripped NLTK's 5 s guard against runaway regular expressions (on a fast machine it
    # sometimes finished in 4.9 s); a 1 s guard makes the test fail every time without the fix.
    monkeypatch.setattr("nltk.redos.DEFAULT_TIMEOUT", 1.0)
    text = "Mr. " * 150_000
    result = analysis.analyze(text)
    assert result.sentences[0][0] == 0 and result.sentences[-1][1] == len(text.rstrip())
    assert not result.entities


def test_punkt_giving_up_leaves_the_piece_as_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    class GivesUp:
        def span_tokenize(self, text: str) -> list[tuple[int, int]]:
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")

    monkeypatch.setattr(sentences, "_punkt", lambda: GivesUp())
    text = "One sentence. " * 3_000  # 42,000 characters: three pieces for punkt
    spans = list(sentences._punkt_spans(text, 0, len(text)))
    assert len(spans) == 3 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start <= sentences._PUNKT_PIECE for start, end in spans)
