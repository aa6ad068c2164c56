"""The CoNLL-2003 report of ``python -m benchmarks.quality --conll PATH``, on a made-up file."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.conll import ConllFormatError, Line, evaluate_conll, read_conll, render, report
from benchmarks.quality import main
from reader.core.analysis import analyze

# Invented text in the CoNLL-2003 column format (token, POS, chunk, entity tag; IOB1).
SAMPLE = """-DOCSTART- -X- O O

RUGBY NNP I-NP O
- : O O
HARBOUR NNP I-NP I-ORG
WIN VB I-VP O
. . O O

OSLO NNP I-NP I-LOC
2024-05-01 CD I-NP O

Maria NNP I-NP I-PER
Olsen NNP I-NP I-PER
, , O O
the DT I-NP O
coach NN I-NP O
of IN I-PP O
Harbour NNP I-NP I-ORG
Athletic NNP I-NP I-ORG
, , O O
said VBD I-VP O
the DT I-NP O
" " O O
Norwegian JJ I-NP I-MISC
Cup NNP I-NP I-MISC
" " O O
was VBD I-VP O
won VBN I-VP O
in IN I-PP O
Bergen NNP I-NP I-LOC
's POS O O
old JJ I-NP O
stadium NN I-NP O
. . O O

-DOCSTART- -X- O O

Prices NNS I-NP O
rose VBD I-VP O
. . O O
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conll"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_documents_lines_and_gold_mentions_are_read(sample: Path) -> None:
    documents = read_conll(sample)
    assert len(documents) == 2
    text, gold = render(documents[0].lines)
    assert text.startswith("RUGBY - HARBOUR WIN.\n\nOSLO 2024-05-01\n\nMaria Olsen, the coach")
    assert 'the "Norwegian Cup" was won in Bergen\'s old stadium.' in text
    assert [(g.text, g.label) for g in gold] == [
        ("HARBOUR", "ORG"),
        ("OSLO", "PLACE"),
        ("Maria Olsen", "PERSON"),
        ("Harbour Athletic", "ORG"),
        ("Norwegian Cup", "MISC"),
        ("Bergen", "PLACE"),
    ]


def _line(words: str) -> Line:
    tokens = words.split(" ")
    return Line(tokens, ["O"] * len(tokens))


def test_prose_lines_are_running_text_only() -> None:
    assert not _line("SOCCER - HARBOUR WIN THE CUP AGAIN .").is_prose
    assert not _line("OSLO 2024-05-01").is_prose
    assert not _line("Harbour 3 1 2 0 5 4 7").is_prose
    assert _line("Maria Olsen said the team had won again .").is_prose


def test_scores_split_prose_and_all_and_skip_misc(sample: Path) -> None:
    tallies = evaluate_conll(read_conll(sample), analyze)
    assert tallies["all"].documents == 2
    assert tallies["prose"].documents == 0  # fewer than 150 prose words
    assert tallies["all"].strict["all"].gold == 5  # MISC is not scored
    table = report(tallies, errors=False)
    assert "strict PERSON" in table and "overlap all" in table and "docs/s" in table


def test_a_bad_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text("word NN I-NP B-WHAT\n", encoding="utf-8")
    with pytest.raises(ConllFormatError):
        read_conll(bad)
    assert main(["--conll", str(bad)]) == 2
    assert main(["--conll", str(tmp_path / "missing")]) == 2
    assert "quality: cannot read" in capsys.readouterr().err


def test_the_command_prints_the_report(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--conll", str(sample)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("prose: 0 documents") and "all: 2 documents" in out
