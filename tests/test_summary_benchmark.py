"""The summary benchmark's parts: loading public data, the fit/held-out split, the bootstrap."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from benchmarks import summaries, summary_data

NEWS = (
    "The city council approved a new budget on Tuesday after a long debate. "
    "The plan raises spending on schools by five percent. "
    "Critics said the increase was too small for the growing district. "
    "The mayor is expected to sign the budget next week."
)


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _news_rows(count: int) -> list[dict[str, str]]:
    return [
        {
            "article": f"Story {i}. {NEWS}",
            "highlights": "Council approves budget .\nSchools get five percent more .",
            "id": hashlib.sha1(f"url-{i}".encode()).hexdigest(),
        }
        for i in range(count)
    ]


def test_csv_records_have_ids_sentences_and_the_news_genre(tmp_path: Path) -> None:
    path = _csv(tmp_path / "news.csv", _news_rows(3))
    records = summary_data.load(path, part="all")
    assert len(records) == 3
    assert all(r.genre == "news" and len(r.reference) == 2 for r in records)
    assert {r.id for r in records} == {row["id"] for row in _news_rows(3)}


def test_the_split_is_disjoint_deterministic_and_about_the_fit_share(tmp_path: Path) -> None:
    path = _csv(tmp_path / "news.csv", _news_rows(400))
    fit = summary_data.load(path, part="fit")
    held_out = summary_data.load(path, part="held-out")
    assert {r.id for r in fit}.isdisjoint(r.id for r in held_out)
    assert len(fit) + len(held_out) == 400
    assert 30 <= len(fit) <= 90  # 15 % of 400 is 60
    assert [r.id for r in summary_data.load(path, part="fit")] == [r.id for r in fit]


def test_excluded_ids_and_repeated_texts_are_dropped(tmp_path: Path) -> None:
    rows = _news_rows(4)
    rows.append({**rows[0], "id": "f" * 40})  # the same article under another id
    path = _csv(tmp_path / "news.csv", rows)
    ids_file = tmp_path / "held.txt"
    ids_file.write_text(f"{rows[1]['id']}\n", encoding="utf-8")
    kept = summary_data.load(path, part="all", exclude_ids=summary_data.read_ids(ids_file))
    assert {r.id for r in kept} == {rows[0]["id"], rows[2]["id"], rows[3]["id"]}


def test_json_lines_without_ids_get_the_hash_of_their_text(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps({"text": NEWS, "summary": "A budget passed."}) + "\n")
    (record,) = summary_data.load(path, part="all")
    assert record.id == hashlib.sha1(NEWS.encode()).hexdigest()


def test_a_sumpubmed_folder_gets_its_capitals_back(tmp_path: Path) -> None:
    for name in ("text", "abstract", "line_text"):
        (tmp_path / name).mkdir()
    body = "BACKGROUND\nthe gene is common  <cit> . it is found in p. syringae strains.\n"
    (tmp_path / "text" / "text_7.txt").write_text(body)
    (tmp_path / "line_text" / "text_7.txt").write_text(
        "BACKGROUND\nthe gene is common  <cit> .\nit is found in p. syringae strains.\n"
    )
    (tmp_path / "abstract" / "abstract_7.txt").write_text("BACKGROUND\nthe gene matters. a lot.\n")
    (record,) = summary_data.load(tmp_path, part="all")
    assert record.genre == "science" and record.id == "sumpubmed-7"
    assert record.text == "BACKGROUND\nThe gene is common. It is found in p. syringae strains.\n"
    assert record.reference == ("The gene matters.", "A lot.")


def test_bootstrap_interval_surrounds_the_mean_and_is_reproducible() -> None:
    differences = [float(i % 7) - 2.0 for i in range(200)]
    mean, low, high = summaries.paired_bootstrap(differences, samples=300)
    assert low < mean < high
    assert summaries.paired_bootstrap(differences, samples=300) == (mean, low, high)


def test_the_table_scores_lead_3_every_algorithm_and_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("rouge_score")
    path = _csv(tmp_path / "news.csv", _news_rows(6))
    assert summaries.main([str(path), "--part", "all"]) == 0
    out = capsys.readouterr().out
    assert "6 articles" in out
    for system in summaries.systems():
        assert system in out
    assert "- lead-3: R1" in out


def test_no_data_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert summaries.main([]) == 2
    assert "give a data PATH" in capsys.readouterr().err
