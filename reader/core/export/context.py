"""What an export template sees: the variables built from an article, its highlights and summary.

Every text is cleaned here, once, so no template can let a control character or a forged block id
into a file: control characters and terminal escapes are removed, line ends become ``\\n``, titles and
other one-line fields are folded to one line, and ``^skim-<n>`` inside quotes and notes is written
``\\^skim-<n>`` (Markdown shows it as ``^skim-<n>``; only skim's own block ids end a highlight).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from reader.core.export.aliases import ALIASES, with_aliases
from reader.core.export.links import (
    annotation_uuid,
    article_uuid,
    position_percent,
    text_fragment_url,
)
from reader.core.export.tags import hashtag, logseq_hashtag, logseq_ref, obsidian_tag, obsidian_tags
from reader.core.export.templating import Schema
from reader.core.export.times import front_matter_time, iso_time, readable_time, source_time
from reader.core.models import Annotation, Article
from reader.core.results import Summary
from reader.core.text import clean_line, reading_minutes, strip_controls

BLOCK_ID_PREFIX = "skim-"
_FORGED_BLOCK_ID = re.compile(r"\^(?=skim-\d)")
_WHITESPACE_LINE = re.compile(r"^[^\S\n]+$", re.MULTILINE)

__all__ = ["hashtag", "iso_time"]  # kept here too: other modules have always found them here

_TAG_ITEM: Schema = {"name": None, "tag": None, "hashtag": None, "logseq": None}
_TIME_NAMES = ("published", "updated", "added", "exported")

#: Every variable a template may use (see the README's table); lists map to their items' variables.
#: Omnivore's and Readwise's names for the same values are added from ``aliases``.
_VARIABLES: Schema = {
    "id": None,
    "uuid": None,
    "title": None,
    "source": None,
    "author": None,
    "url": None,
    "state": None,
    "starred": None,
    "words": None,
    "reading_minutes": None,
    **{name: None for name in _TIME_NAMES},
    **{f"{name}_text": None for name in _TIME_NAMES},
    "tags": _TAG_ITEM,
    "hashtags": None,
    "logseq_tags": None,
    "front_matter": None,
    "combined": None,
    "note": None,
    "body": None,
    "has_summary": None,
    "summary": {"text": None, "rank": None},
    "summary_paragraph": None,
    "has_annotations": None,
    "has_notes": None,
    "annotations": {
        "id": None,
        "uuid": None,
        "block_id": None,
        "quote": None,
        "note": None,
        "tags": _TAG_ITEM,
        "hashtags": None,
        "logseq_hashtags": None,
        "created": None,
        "updated": None,
        "orphaned": None,
        "text_fragment_url": None,
        "position_percent": None,
    },
}
VARIABLES: Schema = with_aliases(_VARIABLES, ALIASES)

#: Variables that need the article's summary (computing one is the slow part of an export).
SUMMARY_VARIABLES = frozenset({"has_summary", "summary", "summary_paragraph"})


def clean_block(text: str) -> str:
    """Multi-line user text made safe for a file: no controls, ``\\n`` line ends, no forged block ids.

    Lines of only white space are written empty: Logseq's outline (and many editors) drop
    such whitespace, so keeping it would make an untouched note read back as an edit.
    """
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _WHITESPACE_LINE.sub("", _FORGED_BLOCK_ID.sub(r"\\^", text)).strip()


# Lines of article text that ``import-notes`` would read as structure: an article marker, or a
# heading of the kind that opens or ends the Notes section.
_STRUCTURE_LINE = re.compile(r"^( {0,3})(?=#|<!--)", re.MULTILINE)


def article_text(text: str) -> str:
    """Article text (not the reader's) made inert for a notes file.

    Besides :func:`clean_block`, a line that starts like a heading or a ``<!-- skim_id -->`` marker
    gets a backslash (Markdown shows the line as written), so text in ``{{body}}`` can never forge a
    Notes section or another article's notes for ``import-notes``.
    """
    return _STRUCTURE_LINE.sub(r"\1\\", clean_block(text))


def _tags(tags: Sequence[str]) -> tuple[list[dict[str, str]], str]:
    items = [
        {
            "name": clean_line(tag),
            "tag": obsidian_tag(tag),
            "hashtag": hashtag(tag),
            "logseq": logseq_hashtag(tag),
        }
        for tag in tags
    ]
    return items, " ".join(dict.fromkeys(item["hashtag"] for item in items if item["hashtag"]))


def _logseq_hashtags(tags: Sequence[str]) -> str:
    return " ".join(dict.fromkeys(t for t in map(logseq_hashtag, tags) if t))


def logseq_tags(tags: Sequence[str]) -> str:
    """The article's tags as a Logseq ``tags::`` value: ``climate, [[long reads]]``."""
    return ", ".join(dict.fromkeys(t for t in map(logseq_ref, tags) if t))


def front_matter(article: Article, exported_at: datetime) -> str:
    """The YAML front matter of an article's file, without the ``---`` lines around it."""
    import yaml  # kept off the start-up path of commands that never export

    title = clean_line(article.title)
    data = {
        "title": title,
        # So that [[Title]] finds the file whatever its name.
        "aliases": [title],
        "source": clean_line(article.source) if article.source else None,
        "author": clean_line(article.author) if article.author else None,
        "url": clean_line(article.url) if article.url else None,
        "published": front_matter_time(article.published),
        "updated": front_matter_time(article.updated),
        "added": iso_time(article.added),
        "state": article.state.value,
        # The same form as the #tags of the body: Obsidian sees one tag, not two.
        "tags": obsidian_tags(article.tags),
        "skim_id": article.id,
        "exported": iso_time(exported_at),
    }
    # Only when there is something to say, so the files of other articles stay as they were.
    if article.event_date is not None:
        data["event_date"] = article.event_date.isoformat()
        data["event_date_inferred"] = article.event_date_inferred
    if article.publisher_tone:
        data["publisher_tone"] = clean_line(article.publisher_tone)
    if article.publisher_summary:
        data["publisher_summary"] = [clean_line(line) for line in article.publisher_summary]
    dumped: str = yaml.dump(
        data,
        Dumper=safe_dumper(),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )
    return dumped.rstrip("\n")


def safe_dumper() -> type[Any]:
    """PyYAML's safe dumper: the libyaml one when PyYAML has it (8x faster, same output)."""
    import yaml

    return getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _annotation(
    annotation: Annotation, article: Article, wanted: Callable[[str], bool]
) -> dict[str, Any]:
    tags, hashtags = _tags(annotation.tags)
    # The page's own text, not the escaped quote: the browser must find it.
    link = (
        text_fragment_url(clean_line(article.url or ""), strip_controls(annotation.quote))
        if wanted("text_fragment_url")
        else ""
    )
    return {
        "id": annotation.id,
        "uuid": annotation_uuid(annotation) if wanted("uuid") else "",
        "block_id": f"{BLOCK_ID_PREFIX}{annotation.id}",
        "quote": clean_block(annotation.quote),
        "note": clean_block(annotation.note),
        "tags": tags,
        "hashtags": hashtags,
        "logseq_hashtags": _logseq_hashtags(annotation.tags),
        "created": iso_time(annotation.created),
        "updated": iso_time(annotation.updated),
        "orphaned": annotation.orphaned,
        "text_fragment_url": link,
        "position_percent": position_percent(annotation, article),
    }


def _wanted(used: Collection[str] | None) -> Callable[[str], bool]:
    """Whether a template uses a name (or an alias of it): costly values are left empty if not."""
    if used is None:
        return lambda name: True
    names = set(used)
    for aliases in ALIASES.values():
        names |= {name for alias, name in aliases.items() if alias in used}
    return names.__contains__


def build_context(
    article: Article,
    annotations: Sequence[Annotation],
    summary: Summary | None,
    *,
    exported_at: datetime,
    combined: bool = False,
    used: Collection[str] | None = None,
) -> Mapping[str, Any]:
    """The variables of :data:`VARIABLES` for one article.

    Args:
        article: the article.
        annotations: its highlights, in text order.
        summary: its summary, or None when the template does not use one.
        exported_at: the time written as ``exported``.
        combined: the article shares a file with others (then there is no front matter).
        used: the names the template uses, if known: the costly ``body`` and ``front_matter`` are
            left empty when it does not use them.
    """
    wanted = _wanted(used)
    tags, hashtags = _tags(article.tags)
    sentences = summary.sentences if summary is not None else ()
    items = [_annotation(a, article, wanted) for a in annotations]
    note = clean_block(article.note)
    times = dict(
        zip(
            _TIME_NAMES,
            (article.published, article.updated, article.added, exported_at),
            strict=True,
        )
    )
    context = {
        "id": article.id,
        "uuid": article_uuid(article) if wanted("uuid") else "",
        "title": clean_line(article.title),
        "source": clean_line(article.source or ""),
        "author": clean_line(article.author or ""),
        "url": clean_line(article.url or ""),
        "state": article.state.value,
        "starred": article.starred,
        "words": article.words,
        "reading_minutes": reading_minutes(article.words),
        **{name: iso_time(moment) for name, moment in times.items()},
        "published": source_time(article.published),
        "updated": source_time(article.updated),
        **{f"{name}_text": readable_time(moment) for name, moment in times.items()},
        "published_text": readable_time(article.published, source=True),
        "updated_text": readable_time(article.updated, source=True),
        "tags": tags,
        "hashtags": hashtags,
        "logseq_tags": logseq_tags(article.tags),
        "front_matter": ""
        if combined or not wanted("front_matter")
        else front_matter(article, exported_at),
        "combined": combined,
        "note": note,
        "body": article_text(article.body) if wanted("body") else "",
        "has_summary": bool(sentences),
        "summary": [{"text": clean_line(s.text), "rank": s.rank} for s in sentences],
        "summary_paragraph": article_text(" ".join(clean_line(s.text) for s in sentences)),
        "has_annotations": bool(items),
        "has_notes": bool(items) or bool(note),
        "annotations": items,
    }
    return with_aliases(context, ALIASES)
