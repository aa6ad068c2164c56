"""The text of the "why these highlights" dialog, for skim's summaries and for the others."""

from __future__ import annotations

from reader.core.analysis import summarize
from reader.tui.dialogs.summary_reasons import genre_line, sentence_lines

TEXT = (
    "The harbour board voted on Tuesday to rebuild the north pier after a long dispute. "
    "He said the vote had been close but fair to everyone involved. "
    "The pier has been closed since a storm damaged its deck last winter. "
    "Fishing crews said the closure had cost them hours every single week."
)


def test_skim_sentences_list_their_parts_and_rules() -> None:
    summary = summarize(TEXT, algorithm="skim", sentences=4)
    assert "news" in genre_line(summary)
    lines = [line for s in summary.sentences for line in sentence_lines(s)]
    assert any(line.startswith("centrality") and "position" in line for line in lines)
    assert any("“He”: follows sentence 1, also chosen" in line for line in lines)


def test_other_algorithms_say_they_have_no_parts() -> None:
    summary = summarize(TEXT, algorithm="luhn", sentences=2)
    assert "luhn rated every sentence" in genre_line(summary)
    first = sentence_lines(summary.sentences[0])
    assert len(first) == 2 and first[1].startswith("“")
