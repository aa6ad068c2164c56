"""``skim list``: search operators, malformed searches (exit 2), and what an empty list says;
``--help-algorithms`` of ``skim analyze`` and ``skim summary``."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from reader.cli.main import main

# The module, not the function of the same name that reader.core.analysis exports.
summarize = importlib.import_module("reader.core.analysis.summary.algorithms")


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("samples")
    assert main(["--data-dir", str(data_dir), "add", "--samples"]) == 0
    return data_dir


def titles(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list", "--json", *args]) == 0
    return {row["title"] for row in json.loads(capsys.readouterr().out)}


def test_search_leaves_words_out_and_takes_or(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``--search "fire -aarhus"`` listed exactly the Aarhus articles."""
    fire = titles(samples, capsys, "--search", "fire")
    aarhus = titles(samples, capsys, "--search", "aarhus")
    assert fire & aarhus and fire - aarhus
    assert titles(samples, capsys, "--search", "fire -aarhus") == fire - aarhus
    assert titles(samples, capsys, "--search", "fire NOT aarhus") == fire - aarhus
    everything = titles(samples, capsys)
    # A search starting with "-" is a search, not an unknown option.
    assert titles(samples, capsys, "--search", "-aarhus") == everything - aarhus
    assert titles(samples, capsys, "--search=-aarhus") == everything - aarhus
    assert titles(samples, capsys, "--search", "aarhus OR fire") == aarhus | fire


@pytest.mark.parametrize(
    ("search", "message"),
    [
        ("is:foo", "unknown value 'foo' for is:"),
        ("author:smith", "unknown filter 'author:'"),
        ('"sea wall', "unclosed quote"),
        ('tag:"long reads', "unclosed quote"),
        ("fire OR", "OR needs a word or phrase on each side"),
        ("fire NOT", "NOT needs a word or phrase after it"),
        ("tag:a OR tag:b", "OR joins words and phrases, not a filter"),
        ("fire OR -aarhus", "not an excluded word"),
        ("is:inbox is:later", "conflicting filters"),
    ],
)
def test_a_malformed_search_is_a_usage_error(
    samples: Path, capsys: pytest.CaptureFixture[str], search: str, message: str
) -> None:
    """Regression: ``--search is:foo`` exited 1, like an error, not 2 like a usage error."""
    capsys.readouterr()
    assert main(["--data-dir", str(samples), "list", "--search", search]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("skim: ") and message in err and err.count("\n") == 1


def test_options_that_contradict_the_search_are_usage_errors(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["--data-dir", str(samples), "list", "--state", "later", "--search", "is:archive"])
    err = capsys.readouterr().err
    assert code == 2 and "conflicting filters --state later and is:archive" in err
    code = main(["--data-dir", str(samples), "list", "--starred", "--search", "is:unstarred"])
    assert code == 2 and "--starred and is:unstarred" in capsys.readouterr().err
    # Agreeing is fine.
    assert titles(samples, capsys, "--state", "inbox", "--search", "is:inbox") == titles(
        samples, capsys, "--state", "inbox"
    )


def test_an_empty_list_names_its_filters_and_offers_import_only_in_an_empty_library(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: ``--state archive`` with an empty archive said "No articles. Import some…"."""
    capsys.readouterr()
    assert main(["--data-dir", str(samples), "list", "--state", "archive"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "No articles in the archive (of 15 articles in the library).\n"
    args = ["list", "--state", "archive", "--starred", "--tag", "climate", "--search", "fire"]
    assert main(["--data-dir", str(samples), *args]) == 0
    err = capsys.readouterr().err
    assert err.startswith("No starred articles in the archive tagged climate match the search")
    assert "'fire'" in err and "skim add" not in err
    assert main(["--data-dir", str(tmp_path / "empty"), "list", "--state", "archive"]) == 0
    assert "Import some with `skim add PATH`" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["analyze", "-"], ["summary", "1"]])
def test_help_algorithms_lists_every_algorithm(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: ``--help`` pointed to ``--help-algorithms``, which did not exist (exit 2)."""
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help-algorithms"])
    assert exit_.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Summary algorithms (--algorithm A):"
    assert [line.split()[0] for line in lines[1:]] == list(summarize.ALGORITHMS)
    assert "  textrank   graph ranking, like PageRank" in lines
    default = next(line for line in lines if line.endswith("(default)"))
    assert default.split()[0] == summarize.DEFAULT_ALGORITHM
    # An algorithm added without a description is still listed.
    monkeypatch.setattr(summarize, "ALGORITHMS", (*summarize.ALGORITHMS, "brand-new"))
    with pytest.raises(SystemExit):
        main([*command, "--help-algorithms"])
    assert capsys.readouterr().out.splitlines()[-1] == "  brand-new"
