"""Plain-dict (JSON-ready) forms of stories, comparisons and tones: the CLI's ``--json`` output."""

from __future__ import annotations

from typing import Any

from reader.core.analysis.tone.label import Tone
from reader.core.analysis.tone.opinion import SentenceStance
from reader.core.serialize import iso, meta_to_dict, span_to_dict
from reader.core.stories.compare import Comparison, FigureGroup
from reader.core.stories.figures import Figure
from reader.core.stories.groups import Story


def story_to_dict(story: Story) -> dict[str, Any]:
    """``{"id", "size", "title", "articles": [list rows]}``."""
    return {
        "id": story.id,
        "size": story.size,
        "title": story.title,
        "articles": [meta_to_dict(meta) for meta in story.articles],
    }


def figure_to_dict(figure: Figure) -> dict[str, Any]:
    """One figure: where it is, what it says and how it was read."""
    return {
        "article": figure.article_id,
        "text": figure.span.text,
        "start": figure.span.start,
        "end": figure.span.end,
        "label": figure.span.label,
        "value": figure.value,
        "unit": figure.unit,
        "approximate": figure.approximate,
    }


def group_to_dict(group: FigureGroup) -> dict[str, Any]:
    """``{"about", "figures": [...]}``."""
    return {"about": group.about, "figures": [figure_to_dict(f) for f in group.figures]}


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Sources with highlights; entities, figures and quotes, sorted into what is shared or not."""
    return {
        "sources": [
            {
                "article": s.article_id,
                "title": s.title,
                "source": s.source,
                "published": iso(s.published),
                "highlights": list(s.highlights),
                "publisher_summary": list(s.publisher_summary),
                "publisher_tone": s.publisher_tone,
            }
            for s in comparison.sources
        ],
        "entities": {
            "in_all": [
                _entity(e.name, e.label, e.article_ids) for e in comparison.shared_entities()
            ],
            "in_some": [
                _entity(e.name, e.label, e.article_ids) for e in comparison.partial_entities()
            ],
        },
        "figures": {
            "differing": [group_to_dict(g) for g in comparison.differing_figures()],
            "agreed": [group_to_dict(g) for g in comparison.agreed_figures()],
            "single_source": [group_to_dict(g) for g in comparison.single_source_figures()],
        },
        "quotes": [
            {
                "article": q.article_id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
            }
            for q in comparison.quotes
        ],
    }


def _entity(name: str, label: str, ids: tuple[int, ...]) -> dict[str, Any]:
    return {"name": name, "label": label, "articles": list(ids)}


def stance_to_dict(stance: SentenceStance) -> dict[str, Any]:
    """One sentence's OPINION/REPORT mark with its cues."""
    return {
        "start": stance.start,
        "end": stance.end,
        "label": stance.label,
        "score": stance.score,
        "cues": [span_to_dict(c) for c in stance.cues],
    }


def tone_to_dict(tone: Tone) -> dict[str, Any]:
    """``{"label", "reasons", "features", "evidence", "sentences"}``."""
    return {
        "label": tone.label.value,
        "reasons": list(tone.reasons),
        "features": dict(tone.features),
        "evidence": [span_to_dict(s) for s in tone.evidence],
        "sentences": [stance_to_dict(s) for s in tone.sentences],
    }
