"""Property: any bytes give a clean draft or an IngestError, never another exception."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import IngestError
from reader.core.ingest import read_bytes

_FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FRAGMENTS = [
    "---\n", "title: x\n", "# ", "*", "_", "`", "[a](b)", "![i](p)", "> ", "- ", "1. ", "|",
    "<p>", "</p>", "<article>", "<h1>", "<br>", "<!--", "-->", "&amp;", "&#27;", "<script>",
    "\x1b[31m", "\x1b]0;t\x07", "\x9b", "\u202e", "\r\n", "\n\n", "\t", "Highlights\n",
    "Story\n", "Opinions\n", "Dec 29, 2024, 9:47 AM\n", "By Jane Doe\n", "Updated ", ". ",
    "word ", "Word ", "é", "€",
]  # fmt: skip

_texts = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=12), max_size=40).map("".join)
_inputs = st.binary(max_size=400) | _texts.map(lambda text: text.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_inputs, kind=st.sampled_from([None, "txt", "md", "html"]))
def test_any_input_gives_a_clean_draft_or_an_ingest_error(data: bytes, kind: str | None) -> None:
    try:
        draft = read_bytes(data, name="x.txt", kind=kind)
    except IngestError as error:
        assert "\n" not in str(error)
        return
    assert draft.title and draft.body
    assert "\n" not in draft.title
    for value in (draft.title, draft.body, draft.source, draft.author, draft.url, *draft.tags):
        assert value is None or not _FORBIDDEN.search(value), repr(value)
    assert draft.body == draft.body.strip()
    assert "\n\n\n" not in draft.body
    for when in (draft.published, draft.updated):
        assert when is None or when.tzinfo is not None


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300))
def test_plain_read_bytes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        draft = read_bytes(data, name="x.txt")
    except IngestError:
        return
    assert not _FORBIDDEN.search(draft.title + draft.body)
