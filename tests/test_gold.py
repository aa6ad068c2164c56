"""The gold-standard loader and the metric functions of benchmarks.quality."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.gold import (
    ENTITY_LABELS,
    GOLD_DIR,
    NUMBER_LABELS,
    GoldFormatError,
    load_gold,
    load_split,
    parse_gold,
)
from benchmarks.quality import Score, evaluate, find_row, score_spans, sentence_spans
from reader.core.results import Analysis, Span

DOC = """#source: sample_articles/example.md
#note: a comment

{Angela Okafor|PERSON} paid {$4.2 million|MONEY}.
She said \\{no\\} \\| maybe.

## A heading

{Okafor|PERSON}'s firm, {Acme Corp.|ORG}, is in {St. Louis|PLACE}.
"""


def test_parse_builds_text_sentences_and_spans() -> None:
    doc = parse_gold(DOC, "example.gold")
    assert doc.excerpt_of is None
    assert doc.text == (
        "Angela Okafor paid $4.2 million. She said {no} | maybe.\n\n## A heading\n\n"
        "Okafor's firm, Acme Corp., is in St. Louis."
    )
    assert doc.source == "sample_articles/example.md"
    assert [doc.text[s:e] for s, e in doc.sentences] == [
        "Angela Okafor paid $4.2 million.",
        "She said {no} | maybe.",
        "## A heading",
        "Okafor's firm, Acme Corp., is in St. Louis.",
    ]
    assert [(s.text, s.label) for s in doc.entities] == [
        ("Angela Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Acme Corp.", "ORG"),
        ("St. Louis", "PLACE"),
    ]
    assert [(s.text, s.label) for s in doc.numbers] == [("$4.2 million", "MONEY")]
    for span in [*doc.entities, *doc.numbers]:
        assert doc.text[span.start : span.end] == span.text


def test_excerpt_header() -> None:
    doc = parse_gold("#excerpt: sample_articles/long.md (first part)\n\nText.")
    assert (doc.source, doc.excerpt_of, doc.text) == (None, "sample_articles/long.md", "Text.")


def test_no_header_and_extra_blank_lines() -> None:
    doc = parse_gold("\n\nOne.\nTwo.\n\n\n\nThree.\n\n")
    assert doc.text == "One. Two.\n\nThree."
    assert doc.source is None
    assert doc.sentences == [(0, 4), (5, 9), (11, 17)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("A {Bob|NAME} here.", "x.gold:1: unknown label 'NAME'"),
        ("Fine.\nA {Bob|PERSON here.", "x.gold:2: unbalanced '{'"),
        ("A Bob|PERSON} here.", "x.gold:1: '|' outside a mention"),
        ("A Bob} here.", "x.gold:1: unbalanced '}'"),
        ("A {|PERSON} here.", "x.gold:1: empty mention"),
        ("A {Bob} here.", "x.gold:1: mention {Bob} has no '|LABEL'"),
        ("A {{Bob|PERSON}|PERSON} here.", "x.gold:1: nested '{'"),
        ("A {Bob|PERSON|ORG} here.", "x.gold:1: two '|'"),
        ("A {Bob |PERSON} here.", "x.gold:1: mention 'Bob ' starts or ends with white space"),
        ("A back\\slash.", "x.gold:1: a backslash must escape"),
        ("#source: a\nText right after.", "x.gold:2: the '#' header must end with a blank line"),
        ("Fine.\n  Indented.", "x.gold:2: line starts or ends with white space"),
        ("# only a header\n\n", "x.gold: no text"),
    ],
)
def test_format_errors_name_file_and_line(content: str, message: str) -> None:
    with pytest.raises(GoldFormatError) as info:
        parse_gold(content, "x.gold")
    assert str(info.value).startswith(message)


def test_load_gold_reports_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold"
    bad.write_bytes(b"\xff\xfe\x00 not utf-8")
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        load_gold(bad)
    with pytest.raises(GoldFormatError, match="cannot be read"):
        load_gold(tmp_path / "missing.gold")


def test_load_split_rejects_unknown_and_empty(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="unknown gold split 'train'"):
        load_split("train")
    (tmp_path / "dev").mkdir()
    with pytest.raises(GoldFormatError, match=r"no \.gold files"):
        load_split("dev", root=tmp_path)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_real_gold_files_load_and_are_consistent(split: str) -> None:
    docs = load_split(split)
    assert len(docs) >= 5
    for doc in docs:
        for span in [*doc.entities, *doc.numbers]:
            assert doc.text[span.start : span.end] == span.text
        assert {s.label for s in doc.entities} <= ENTITY_LABELS
        assert {s.label for s in doc.numbers} <= NUMBER_LABELS
    # Enough gold items for the figures to mean something.
    if split == "test":
        assert sum(len(d.entities) for d in docs) >= 300
        assert sum(len(d.numbers) for d in docs) >= 250


def _articles(split: str) -> set[str]:
    return {a for d in load_split(split) for a in (d.source, d.excerpt_of) if a}


def test_splits_do_not_share_documents() -> None:
    assert not {d.text for d in load_split("dev")} & {d.text for d in load_split("test")}
    assert not _articles("dev") & _articles("test")


@pytest.mark.parametrize("split", ["dev", "test"])
def test_sample_article_gold_matches_ingested_body(split: str) -> None:
    from reader.core.ingest import read_path

    root = GOLD_DIR.parent.parent
    for doc in load_split(split):
        if doc.source:
            assert read_path(root / doc.source).body == doc.text, doc.name
        if doc.excerpt_of:
            assert read_path(root / doc.excerpt_of).body.startswith(doc.text), doc.name


def _span(start: int, end: int, label: str = "X") -> Span:
    return Span(start, end, label, "")


def test_strict_typed_and_untyped() -> None:
    gold = [_span(0, 5, "PERSON"), _span(10, 15, "ORG"), _span(20, 25, "PLACE")]
    pred = [_span(0, 5, "PERSON"), _span(10, 15, "PLACE"), _span(20, 24, "PLACE")]
    typed = score_spans(gold, pred, "strict", typed=True)
    assert (typed.correct_pred, typed.found_gold) == (1, 1)
    assert typed.precision == pytest.approx(1 / 3)
    assert typed.recall == pytest.approx(1 / 3)
    untyped = score_spans(gold, pred, "strict", typed=False)
    assert untyped.f1 == pytest.approx(2 / 3)


def test_strict_counts_duplicate_predictions_once() -> None:
    score = score_spans([_span(0, 3)], [_span(0, 3), _span(0, 3)], "strict")
    assert (score.correct_pred, score.pred, score.found_gold) == (1, 2, 1)


def test_overlap_counts_predictions_and_gold_separately() -> None:
    gold = [_span(0, 20, "DATE"), _span(30, 35, "MONEY")]
    pred = [_span(0, 8, "DATE"), _span(14, 20, "CARDINAL"), _span(40, 45, "MONEY")]
    untyped = score_spans(gold, pred, "overlap", typed=False)
    assert (untyped.correct_pred, untyped.found_gold) == (2, 1)
    assert untyped.precision == pytest.approx(2 / 3)
    assert untyped.recall == pytest.approx(1 / 2)
    typed = score_spans(gold, pred, "overlap", typed=True)
    assert (typed.correct_pred, typed.found_gold) == (1, 1)
    # Touching is not overlapping.
    assert score_spans([_span(0, 5)], [_span(5, 9)], "overlap").f1 == 0.0


def test_score_edge_cases_and_sum() -> None:
    assert Score().f1 == 1.0  # nothing expected, nothing predicted
    assert Score(gold=2).precision == 0.0
    assert Score(pred=2).recall == 0.0
    total = Score(2, 2, 1, 1) + Score(1, 3, 3, 1)
    assert total == Score(3, 5, 4, 2)
    with pytest.raises(ValueError, match="unknown scoring mode"):
        score_spans([], [], "fuzzy")  # type: ignore[arg-type]


def test_sentence_spans_strip_white_space() -> None:
    text = "One.  Two.\n\n"
    spans = sentence_spans(text, [(0, 5), (5, 12), (12, 12)])
    assert [(s.start, s.end, s.text) for s in spans] == [(0, 4, "One."), (6, 10, "Two.")]


def test_evaluate_with_a_fake_analyser() -> None:
    doc = parse_gold("{Ann Lee|PERSON} met {Kenyan|GROUP} officials.\nIt cost {$5|MONEY}.")

    def fake(text: str) -> Analysis:
        assert text == doc.text
        return Analysis(
            sentences=((0, 29), (29, 41)),  # the second is off by one (leading space)
            entities=(Span(0, 7, "PERSON", "Ann Lee"), Span(12, 18, "PLACE", "Kenyan")),
            numbers=(Span(39, 41, "CARDINAL", "5."),),
        )

    rows = evaluate([doc], fake)
    target = find_row(rows, "entities", "PERSON+ORG+PLACE")
    assert (target.gold, target.pred, target.precision, target.recall) == (1, 2, 0.5, 1.0)
    assert find_row(rows, "entities", "GROUP").recall == 0.0
    assert find_row(rows, "numbers", "all (untyped)").f1 == 1.0
    assert find_row(rows, "numbers", "all (typed)").f1 == 0.0
    assert find_row(rows, "sentences", "spans").f1 == 1.0  # white space is stripped
    with pytest.raises(KeyError):
        find_row(rows, "numbers", "NOPE")


def test_main_prints_json_and_guards_the_test_split(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from benchmarks import quality

    def nothing(text: str) -> Analysis:
        return Analysis(sentences=((0, len(text)),), entities=(), numbers=())

    monkeypatch.setattr(quality, "_load_analyzer", lambda: nothing)
    assert quality.main(["--split", "dev", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {(r["kind"], r["label"]): r for r in report["dev"]["rows"]}
    assert rows[("entities", "PERSON+ORG+PLACE")]["pred"] == 0
    assert rows[("entities", "PERSON+ORG+PLACE")]["recall"] == 0.0
    assert quality.main(["--split", "test", "--errors"]) == 2
    assert "dev split only" in capsys.readouterr().err
    assert quality.main(["--split", "dev", "--errors"]) == 0
    assert "entities missed:" in capsys.readouterr().out
