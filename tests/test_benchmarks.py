"""The performance benchmark's own parts: deterministic generated text and the report table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import generate, report
from benchmarks.measure_types import Row
from reader.core.analysis import analyze


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not() -> None:
    assert generate.digest(30, seed=1) == generate.digest(30, seed=1)
    assert generate.digest(30, seed=1) != generate.digest(30, seed=2)
    assert generate.article_text(800, 5) == generate.article_text(800, 5)


def test_articles_are_distinct_and_of_realistic_length() -> None:
    drafts = list(generate.drafts(200, seed=3))
    assert len({d.body for d in drafts}) == len({d.url for d in drafts}) == 200
    words = sorted(len(d.body.split()) for d in drafts)
    assert words[0] >= 80 and words[-1] <= 3_100
    assert 300 <= words[len(words) // 2] <= 1_200


def test_article_text_has_the_requested_length_and_work_for_the_analysers() -> None:
    _title, body = generate.article_text(1_000, seed=9)
    assert 1_000 <= len(body.split()) < 1_200
    found = analyze(body)
    assert len(found.sentences) > 30
    assert {span.label for span in found.entities} >= {"PERSON", "PLACE"}
    assert {span.label for span in found.numbers} >= {"MONEY", "PERCENT"}


def test_markdown_files_are_written_with_front_matter(tmp_path: Path) -> None:
    files = generate.markdown_files(tmp_path, 3, seed=4)
    assert [f.name for f in files] == ["article-00001.md", "article-00002.md", "article-00003.md"]
    assert files[0].read_text(encoding="utf-8").startswith("---\ntitle: ")


def _rows() -> list[Row]:
    return [
        Row("search: word", "100,000", [0.02, 0.03, 0.04], target=0.05),
        Row(
            "import", "1,000 files", [250.0, 310.0], unit="art/s", target=300, higher_is_better=True
        ),
        Row("summary: kl", "10,000 words", [20.0], over=True, note="stock > 20 s"),
    ]


def test_table_has_one_line_per_row_with_median_min_max_and_verdict() -> None:
    lines = report.table(_rows()).splitlines()
    assert lines[0].split("|")[1].strip() == "measure"
    assert len(lines) == 2 + 3
    search = [c.strip() for c in lines[2].split("|")[1:-1]]
    assert search == ["search: word", "100,000", "30 ms", "20 ms", "40 ms", "≤ 50 ms", "yes", ""]
    imported = [c.strip() for c in lines[3].split("|")[1:-1]]
    assert imported[2:7] == ["280 art/s", "250 art/s", "310 art/s", "≥ 300 art/s", "**no**"]
    assert "> 20.00 s" in lines[4]


def test_json_keeps_every_sample_and_the_verdict(tmp_path: Path) -> None:
    path = tmp_path / "out" / "latest.json"
    report.write_json(report.to_json(_rows(), 12.5), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["rows"][0]["samples"] == [0.02, 0.03, 0.04]
    assert [r["met"] for r in data["rows"]] == [True, False, None]
    assert data["rows"][2]["lower_bound"] is True


def test_peak_rss_is_the_probe_processes_own_not_its_parents() -> None:
    # Linux carries ru_maxrss across fork and exec: a child of a grown process would report the
    # parent's peak as its own. The probe reads VmHWM instead, which starts afresh at exec.
    grown = bytearray(200 * 1024 * 1024)
    grown[::4096] = b"\1" * len(grown[::4096])  # touch every page so it is resident
    code = (
        "import resource; from benchmarks.probe import peak_rss_mb; "
        "print(peak_rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    own, inherited = map(float, run.stdout.split())
    del grown
    assert inherited > 200  # the figure the benchmark used to report
    assert own < 150  # Python, Textual and skim imported: tens of MB, not the parent's 200+


def test_cache_size_shows_the_upgrade_shrinking_the_library(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import cache_size
    from reader.core import paths

    monkeypatch.setenv(paths.ENV_CACHE_DIR, "")  # restored after the benchmark points it elsewhere
    assert cache_size.main(["--articles", "6"]) == 0
    sizes = {
        line.split(":")[0].strip(" ("): float(line.split(":")[1].split("MiB")[0])
        for line in capsys.readouterr().out.splitlines()
        if "MiB" in line
    }
    assert sizes["library after the upgrade"] < sizes["library, schema 7 with cache"]
    assert sizes["backup (skim backup)"] <= sizes["library after the upgrade"]
    assert sizes["cache file"] > 0
