"""Shared values of the export tests (importable as ``tests.export.helpers``): a fixed article."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core.models import Annotation, Article, TriageState
from reader.core.results import Summary, SummarySentence

#: The clock of the export tests.
T0 = datetime(2025, 3, 20, 18, 45, tzinfo=UTC)

BODY = (
    "The Harbour City council voted 7-2 on Tuesday to build a $12 million sea wall along Front "
    "Street.\n\n"
    'Mayor Elena Ruiz said the wall would protect about 4,000 homes. "We cannot wait for the next '
    'storm," she said.\n\n'
    "Work is due to start in March and last 18 months, the council's engineers said."
)

ARTICLE = Article(
    id=7,
    title="Harbour council approves $12 million sea wall: what it means",
    body=BODY,
    source="The Harbour Times",
    author="Priya Raman",
    url="https://example.com/sea-wall",
    published=datetime(2025, 3, 14, 8, 30, tzinfo=UTC),
    updated=None,
    added=datetime(2025, 3, 15, 9, 0, tzinfo=UTC),
    content_hash="0" * 64,
    words=52,
    state=TriageState.LATER,
    starred=True,
    tags=("climate", "local"),
    reading_position=0,
    note="Compare with the 2019 flood plan.\nAsk the council for the engineers' report.",
)


def annotation(
    id: int, start: int, end: int, note: str = "", tags: tuple[str, ...] = ()
) -> Annotation:
    """A highlight of ``BODY[start:end]`` made at T0."""
    return Annotation(
        id=id,
        article_id=ARTICLE.id,
        start=start,
        end=end,
        quote=BODY[start:end],
        prefix=BODY[max(0, start - 32) : start],
        suffix=BODY[end : end + 32],
        note=note,
        tags=tags,
        created=T0,
        updated=T0,
    )


def _span(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


ANNOTATIONS = (
    annotation(3, *_span("a $12 million sea wall along Front Street"), tags=("money",)),
    annotation(
        5,
        *_span("protect about 4,000 homes"),
        note="Which homes? The map in the report\nshows only the east side.",
        tags=("long reads", "follow up"),
    ),
    # A highlight across a paragraph break, with neither note nor tags.
    annotation(9, *_span('storm," she said.\n\nWork is due to start in March')),
)

SUMMARY = Summary(
    algorithm="textrank",
    sentences=tuple(
        SummarySentence(index=i, start=s, end=e, text=BODY[s:e], score=1.0 - i / 10, rank=r)
        for i, (s, e, r) in enumerate(
            [
                (
                    *_span(
                        "The Harbour City council voted 7-2 on Tuesday to build a $12 million sea wall along Front Street."
                    ),
                    1,
                ),
                (
                    *_span(
                        "Work is due to start in March and last 18 months, the council's engineers said."
                    ),
                    2,
                ),
            ]
        )
    ),
)
