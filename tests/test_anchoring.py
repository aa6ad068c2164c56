"""Quote selectors: describing a passage and finding it again in changed text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.anchoring import find_quote, locate, select

TEXT = "The cat sat. The cat ran. The dog sat."


def test_select_takes_context_on_both_sides() -> None:
    selector = select(TEXT, 17, 20)
    assert selector.quote == "cat"
    assert selector.prefix == "The cat sat. The "
    assert selector.suffix == " ran. The dog sat."


def test_locate_prefers_the_occurrence_with_matching_context() -> None:
    selector = select(TEXT, 17, 20)  # the second "cat"
    changed = "Preface added. " + TEXT
    assert locate(changed, selector) == (32, 35)
    assert changed[32:35] == "cat"


def test_locate_returns_none_when_the_quote_is_gone() -> None:
    assert locate("Nothing here.", select(TEXT, 17, 20)) is None


def test_find_quote_ignores_case_and_spacing() -> None:
    assert find_quote("One  two\nthree four", "TWO three") == (5, 14)
    assert find_quote(TEXT, "dog") == (30, 33)
    assert find_quote(TEXT, "   ") is None
    assert find_quote(TEXT, "bird") is None


@given(st.text(min_size=1, max_size=200), st.data())
def test_select_then_locate_finds_a_passage_equal_to_the_quote(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    selector = select(text, start, end)
    found = locate(text, selector, hint=start)
    assert found is not None
    assert text[found[0] : found[1]] == selector.quote
