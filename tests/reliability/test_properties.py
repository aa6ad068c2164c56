"""Properties over generated input, for the whole pipeline (the per-analyser ones are in
tests/analysis, read_bytes on arbitrary bytes in tests/ingest/test_ingest_properties.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analysis import analyze
from reader.core.errors import SkimError
from reader.core.ingest import read_path
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft
from reader.core.text import clean_body
from tests.reliability.tally import TALLY

_HOSTILE = [
    "\x1b[2J", "\x1b]0;t\x07", "\x1b]52;c;AA==\x07", "\x9b1m", "\u202e", "\u2066", "\x00",
    "[bold]", "[/]", "[link=x]", "🚢", "👩‍👩‍👧", "渡し船", "é", "e\u0301", "\ufeff", "\r\n",
    "\n\n", "Mr. ", "U.S. ", "$4.5 million ", "3 to 5 percent ", "Anna Berg said ", ". ", "? ",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_HOSTILE) | st.text(max_size=15), max_size=40).map("".join)
_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(text=_texts | st.text(max_size=300))
def test_every_analysis_offset_lies_in_the_text_and_matches_it(text: str) -> None:
    TALLY["inputs tried"] += 1
    for body in (text, clean_body(text)):
        result = analyze(body)
        for start, end in result.sentences:
            assert 0 <= start < end <= len(body)
        for span in (*result.entities, *result.numbers):
            assert 0 <= span.start < span.end <= len(body)
            assert body[span.start : span.end] == span.text


@_SETTINGS
@given(data=st.binary(max_size=300) | _texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_reading_any_file_raises_nothing_but_skim_errors(data: bytes) -> None:
    TALLY["inputs tried"] += 1
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".txt", ".md", ".html", ".htm", ".markdown", ".bin", ""):
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(data)
            try:
                read_path(path)
            except SkimError as error:
                assert str(error) and "\n" not in str(error)


_words = st.sampled_from(["pier", "ferry", "gull", "tide", "rope", "dock", ".", "\n\n", "7"])
_bodies = st.lists(_words, min_size=12, max_size=60).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(old=_bodies, new=_bodies, cuts=st.lists(st.integers(0, 10_000), min_size=1, max_size=4))
def test_changed_text_keeps_every_highlight_placed_or_orphaned(
    old: str, new: str, cuts: list[int]
) -> None:
    old, new = clean_body(old) or "pier", clean_body(new) or "dock"
    with tempfile.TemporaryDirectory() as folder:
        library: Library = open_library(Path(folder))
        try:
            aid = library.articles.add(
                ArticleDraft(title="t", body=old, url="https://x.test/a")
            ).article.id
            made = set()
            for cut in cuts:
                start = cut % len(old)
                end = min(len(old), start + 1 + cut % 9)
                made.add(library.annotations.add(aid, start, end, note=f"n{cut}").id)
            library.articles.add(ArticleDraft(title="t", body=new, url="https://x.test/a"))
            body = library.articles.get(aid).body
            kept = library.annotations.of(aid)
            assert {a.id for a in kept} == made  # none dropped
            for a in kept:
                assert 0 <= a.start <= a.end <= len(body)
                if not a.orphaned:
                    assert body[a.start : a.end] == a.quote
            TALLY["annotations lost"] += len(made) - len(kept)
        finally:
            library.close()
