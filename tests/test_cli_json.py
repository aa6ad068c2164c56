"""The ``--json`` encoder: orjson when installed, else the stdlib, writing the same text either way."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reader.cli.json_text import encode, encode_rows
from reader.core.library import open_library
from tests.cli_golden import GOLDEN, run_skim

FIXED_NOW = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
ENCODERS = ["stdlib", "orjson"]

ROWS: list[dict[str, Any]] = [
    {
        "id": 3,
        "title": 'Zoë said "non" — 東京 \u2028 tab\there',
        "source": None,
        "starred": False,
        "read": True,
        "tags": ["a", "b"],
        "notes": 0,
        "published": "2025-06-23T15:00:00+00:00",
    },
    {"id": 2, "title": "escape \x1b[31m and \x00 and \x7f and \\ and /", "tags": [], "empty": {}},
    {"id": 1, "nested": {"deep": [1, [2, 3], {"k": None}]}, "score": 1.2520640864113153},
]


@pytest.fixture(params=ENCODERS)
def encoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test with orjson (skipped when it is not installed) and with orjson made
    unimportable, so the stdlib path is tested whatever the environment holds."""
    if request.param == "orjson":
        pytest.importorskip("orjson")
    else:
        monkeypatch.setitem(sys.modules, "orjson", None)  # `import orjson` raises ImportError
    yield request.param


def _stdlib_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "orjson", None)


def test_rows_are_one_compact_object_per_line(encoder: str) -> None:
    text = encode_rows(ROWS)
    lines = text.split("\n")
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(ROWS) + 2
    assert lines[1].startswith('  {"id":3,"title":"Zoë said \\"non\\" — 東京 \u2028 tab\\there"')
    assert "\\u001b[31m" in lines[2] and "\\u0000" in lines[2] and "\x1b" not in text
    assert json.loads(text) == ROWS
    assert encode_rows([]) == "[]"


def test_both_encoders_write_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("orjson")
    document = {"rows": ROWS, "empty": [], "none": None, "unicode": "ß ü ✓ 😀"}
    fast = (encode_rows(ROWS), encode(document), encode(ROWS), encode([]), encode({}))
    _stdlib_only(monkeypatch)
    slow = (encode_rows(ROWS), encode(document), encode(ROWS), encode([]), encode({}))
    assert fast == slow
    assert slow[1] == json.dumps(document, ensure_ascii=False, indent=2)


def test_floats_read_back_equal(encoder: str) -> None:
    values = [1e-05, 0.1, 1e16, -0.0, 123456789.123, 2.5e-300]
    assert json.loads(encode(values)) == values
    assert json.loads(encode_rows([{"score": v} for v in values])) == [{"score": v} for v in values]


def test_what_orjson_refuses_goes_through_the_stdlib(encoder: str) -> None:
    # Integers past 64 bits and keys that are not strings: orjson raises, json does not.
    data = {"big": 2**70, 1: "one"}
    assert encode(data) == '{\n  "big": 1180591620717411303424,\n  "1": "one"\n}'
    assert encode_rows([data]) == '[\n  {"big":1180591620717411303424,"1":"one"}\n]'


@pytest.fixture(scope="module")
def samples_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples imported on the golden files' fixed clock, grouped into stories."""
    folder = tmp_path_factory.mktemp("json-samples")
    library = open_library(folder, clock=lambda: FIXED_NOW)
    library.articles.import_samples()
    library.stories.group_pending()
    library.close()
    return folder


@pytest.mark.parametrize(
    ("golden", "argv"),
    [
        ("list.json", ["list", "--json"]),
        ("list-no-fire-by-title.json", ["list", "--json", "--sort", "title", "--search", "-fire"]),
        ("show-1.json", ["show", "1", "--json"]),
        ("tone-12.json", ["tone", "12", "--json"]),
        ("stories.json", ["stories", "--json"]),
    ],
)
def test_outputs_match_the_cli_contract_with_either_encoder(
    encoder: str, samples_template: Path, tmp_path: Path, golden: str, argv: list[str]
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(samples_template, data_dir)
    status, out, err = run_skim(["--data-dir", str(data_dir), *argv])
    assert status == 0, err
    assert out == (GOLDEN / golden).read_bytes().decode("utf-8")


def test_rows_holding_the_row_separator_stay_whole(encoder: str) -> None:
    # "},{" inside a string or a nested list must not be taken for the line break between rows.
    rows = [
        {"id": 1, "title": "a},{b"},
        {"id": 2, "nested": [{"a": 1}, {"b": 2}]},
        {"id": 3},
    ]
    text = encode_rows(rows)
    assert text.split("\n") == [
        "[",
        '  {"id":1,"title":"a},{b"},',
        '  {"id":2,"nested":[{"a":1},{"b":2}]},',
        '  {"id":3}',
        "]",
    ]
    assert encode_rows([{"only": "},{"}]) == '[\n  {"only":"},{"}\n]'
    assert encode_rows([[1], {"x": 1}]) == '[\n  [1],\n  {"x":1}\n]'
