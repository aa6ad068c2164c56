"""One rule for what `skim add` and the reader's import take as a path, an address or stdin."""

from __future__ import annotations

from pathlib import Path

from reader.core import Inputs, is_address, sort_inputs


def test_inputs_are_sorted_by_kind_in_the_order_given() -> None:
    given = ["a.md", "https://example.org/a", " HTTP://x.y ", "-", "~/notes", "ftp://x.y/a"]
    assert sort_inputs(given) == Inputs(
        paths=(Path("a.md"), Path.home() / "notes"),
        addresses=("https://example.org/a", "HTTP://x.y", "ftp://x.y/a"),
        stdin=True,
    )


def test_any_scheme_is_an_address_and_nothing_else_is() -> None:
    assert is_address("svn+ssh://host/repo") and is_address("FILE:///etc/hosts")
    for path in ("notes/a.md", "C:\\notes\\a.md", "mailto:a@b", "://x", "1http://x", "./http://x"):
        assert not is_address(path), path
    assert sort_inputs([]) == Inputs()
