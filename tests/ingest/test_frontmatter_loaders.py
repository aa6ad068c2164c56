"""Front matter is read by libyaml when PyYAML has it: the same values and the same refusals as
the pure-Python loader."""

from __future__ import annotations

from unittest import mock

import pytest
import yaml

from reader.core.ingest import frontmatter

BLOCKS = [
    "title: Ferry strike called off\nsource: Harbour Times\npublished: 2025-03-01T06:30:00Z",
    "title: 'Quoted: with a colon'\ntags: [ferries, strikes]\ndate: 2025-03-01",
    "title: >\n  Folded\n  title\nauthor: ~\nwords: 1200\nratio: 0.5\nflag: yes",
    "title: Anchored &one value\nnested:\n  - a\n  - {b: 2}",
    "title: \u00e9t\u00e9 \u2014 caf\u00e9",
    "",
]


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
@pytest.mark.parametrize("block", BLOCKS)
def test_libyaml_reads_what_the_python_loader_reads(block: str) -> None:
    fast = frontmatter.load_yaml(block)
    with mock.patch.object(frontmatter, "_FAST_LOADER", None):
        assert frontmatter.load_yaml(block) == fast


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("title: [unclosed", "front matter is not valid YAML (line 2)"),
        ("a: &x [1]\nb: *x", "aliases (*name) are not allowed"),
        ("date: 2024-02-30", "front matter is not valid YAML"),
    ],
)
def test_refusals_keep_their_wording(block: str, message: str) -> None:
    with pytest.raises(ValueError) as fast:
        frontmatter.load_yaml(block)
    with (
        mock.patch.object(frontmatter, "_FAST_LOADER", None),
        pytest.raises(ValueError) as slow,
    ):
        frontmatter.load_yaml(block)
    assert message in str(fast.value)
    assert str(fast.value) == str(slow.value)
