"""Plain-dict (JSON-ready) forms of core values: the CLI's ``--json`` contract and the analysis cache."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reader.core.models import (
    Analysis,
    Article,
    ArticleDraft,
    ArticleMeta,
    Span,
    Summary,
    SummarySentence,
)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 text of ``moment``, or None."""
    return moment.isoformat() if moment is not None else None


def span_to_dict(span: Span) -> dict[str, Any]:
    """``{"start", "end", "text", "label"}``."""
    return {"start": span.start, "end": span.end, "text": span.text, "label": span.label}


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Sentences as ``[start, end]`` pairs, entities and numbers as span dicts."""
    return {
        "sentences": [[start, end] for start, end in analysis.sentences],
        "entities": [span_to_dict(s) for s in analysis.entities],
        "numbers": [span_to_dict(s) for s in analysis.numbers],
    }


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Inverse of :func:`analysis_to_dict`."""
    return Analysis(
        sentences=tuple((int(s), int(e)) for s, e in data["sentences"]),
        entities=tuple(_span(d) for d in data["entities"]),
        numbers=tuple(_span(d) for d in data["numbers"]),
    )


def _span(d: dict[str, Any]) -> Span:
    return Span(
        start=int(d["start"]), end=int(d["end"]), label=str(d["label"]), text=str(d["text"])
    )


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """``{"algorithm", "sentences": [{"index", "start", "end", "text", "score", "rank"}]}``."""
    return {
        "algorithm": summary.algorithm,
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "score": s.score,
                "rank": s.rank,
            }
            for s in summary.sentences
        ],
    }


def summary_from_dict(data: dict[str, Any]) -> Summary:
    """Inverse of :func:`summary_to_dict`."""
    return Summary(
        algorithm=str(data["algorithm"]),
        sentences=tuple(
            SummarySentence(
                index=int(d["index"]),
                start=int(d["start"]),
                end=int(d["end"]),
                text=str(d["text"]),
                score=float(d["score"]),
                rank=int(d["rank"]),
            )
            for d in data["sentences"]
        ),
    )


def document_to_dict(
    item: Article | ArticleDraft, analysis: Analysis, summary: Summary
) -> dict[str, Any]:
    """The stable ``show --json`` / ``analyze --json`` object; offsets index into ``"body"``."""
    data: dict[str, Any] = {
        "title": item.title,
        "source": item.source,
        "author": item.author,
        "url": item.url,
        "published": iso(item.published),
        "updated": iso(item.updated),
        "body": item.body,
    }
    data.update(analysis_to_dict(analysis))
    data["summary"] = summary_to_dict(summary)
    return data


def meta_to_dict(meta: ArticleMeta) -> dict[str, Any]:
    """One element of ``skim list --json``."""
    return {
        "id": meta.id,
        "title": meta.title,
        "source": meta.source,
        "author": meta.author,
        "url": meta.url,
        "published": iso(meta.published),
        "added": iso(meta.added),
        "state": meta.state.value,
        "starred": meta.starred,
        "tags": list(meta.tags),
        "notes": meta.notes,
        "words": meta.words,
    }
