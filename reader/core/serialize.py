"""Plain-dict (JSON-ready) forms of core values: the CLI's ``--json`` contract and the analysis cache."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reader.core.models import Article, ArticleDraft, ArticleMeta
from reader.core.records import Feed
from reader.core.results import (
    Analysis,
    Span,
    Summary,
    SummaryExplanation,
    SummarySentence,
)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 text of ``moment``, or None."""
    return moment.isoformat() if moment is not None else None


def span_to_dict(span: Span) -> dict[str, Any]:
    """``{"start", "end", "text", "label"}``."""
    return {"start": span.start, "end": span.end, "text": span.text, "label": span.label}


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Sentences as ``[start, end]`` pairs, entities and numbers as span dicts.

    Each entity also has ``"entity"``: the canonical name of its referent in the document
    ("Kim Jong Un" for a later "Kim"), so mentions of one person or organisation can be grouped.
    """
    from reader.core.analysis.entities.link import canonical_names

    names = canonical_names(analysis.entities)
    return {
        "sentences": [[start, end] for start, end in analysis.sentences],
        "entities": [
            {**span_to_dict(s), "entity": name}
            for s, name in zip(analysis.entities, names, strict=True)
        ],
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
    """``{"algorithm", "sentences": [{"index", "start", "end", "text", "score", "rank"}]}``.

    A sentence with an explanation (the ``skim`` algorithm) also has ``"explanation"``: its
    score's parts (``centrality``, ``position``, ``length``, ``redundancy``) and what they were
    made from (``rater``, ``rating``, ``sentence_number``, ``words``, ``genre``, ``notes``,
    ``genre_reason``). A summary of only the start of a very long text has ``"read_up_to"``, the
    character offset where the part it read ends.
    """
    data: dict[str, Any] = {
        "algorithm": summary.algorithm,
        "sentences": [_sentence_to_dict(s) for s in summary.sentences],
    }
    if summary.read_up_to is not None:
        data["read_up_to"] = summary.read_up_to
    return data


def _sentence_to_dict(sentence: SummarySentence) -> dict[str, Any]:
    data: dict[str, Any] = {
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "score": sentence.score,
        "rank": sentence.rank,
    }
    why = sentence.explanation
    if why is not None:
        data["explanation"] = {
            "centrality": why.centrality,
            "position": why.position,
            "length": why.length,
            "redundancy": why.redundancy,
            "rater": why.rater,
            "rating": why.rating,
            "sentence_number": why.sentence_number,
            "words": why.words,
            "genre": why.genre,
            "notes": list(why.notes),
            "genre_reason": why.genre_reason,
        }
    return data


def _explanation(data: dict[str, Any] | None) -> SummaryExplanation | None:
    if data is None:
        return None
    return SummaryExplanation(
        centrality=float(data["centrality"]),
        position=float(data["position"]),
        length=float(data["length"]),
        redundancy=float(data["redundancy"]),
        rater=str(data["rater"]),
        rating=float(data["rating"]),
        sentence_number=int(data["sentence_number"]),
        words=int(data["words"]),
        genre=str(data["genre"]),
        notes=tuple(str(note) for note in data.get("notes", ())),
        genre_reason=str(data.get("genre_reason", "")),
    )


def summary_from_dict(data: dict[str, Any]) -> Summary:
    """Inverse of :func:`summary_to_dict`."""
    read_up_to = data.get("read_up_to")
    return Summary(
        read_up_to=None if read_up_to is None else int(read_up_to),
        algorithm=str(data["algorithm"]),
        sentences=tuple(
            SummarySentence(
                index=int(d["index"]),
                start=int(d["start"]),
                end=int(d["end"]),
                text=str(d["text"]),
                score=float(d["score"]),
                rank=int(d["rank"]),
                explanation=_explanation(d.get("explanation")),
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
    if (
        item.event_date is not None
    ):  # only undated articles have one: older outputs stay as they were
        data["event_date"] = item.event_date.isoformat()
        # A draft's event date is always read from its text.
        data["event_date_inferred"] = getattr(item, "event_date_inferred", True)
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
        "read": meta.read,
        "progress": meta.progress,
    }


def feed_to_dict(feed: Feed) -> dict[str, Any]:
    """The JSON form of a subscription (``skim feed list --json``)."""
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "site_url": feed.site_url,
        "added": iso(feed.added),
        "last_checked": iso(feed.last_checked),
        "full_text": feed.full_text,
        "articles": feed.articles,
    }
