"""Bring notes and tags edited in exported Markdown back into the library (``skim import-notes``).

Only what the user can edit safely is read back: highlight notes and tags, the article note and the
article's tags. Quotes are the article's text and are never changed from a file. Nothing is ever
deleted: a highlight missing from a file is reported and kept, and a note that cannot be told apart
from its quote is reported and left as it is.

Files are read by ``notes_parse`` (Markdown, Obsidian's shape) or ``notes_logseq`` (Logseq pages,
whose highlights are found by their ``id::`` uuid). Tags are mapped back from the form they were
written in (``c-plus-plus`` for Obsidian, ``[[long reads]]`` for Logseq) to the stored tag.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from reader.core.errors import NotFound, UsageError
from reader.core.export.context import clean_block
from reader.core.export.links import annotation_uuid
from reader.core.export.notes_parse import (
    NOTE_LABEL,
    ParsedArticle,
    ParsedHighlight,
    parse_notes,
    unescape,
)
from reader.core.export.notes_report import NotesImportReport, NotesMessage
from reader.core.export.tags import logseq_name, obsidian_tag
from reader.core.models import Annotation, Article
from reader.core.storage.tags import normalise_tags
from reader.core.text import clean_line

__all__ = ["NotesImportReport", "NotesMessage", "import_notes"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_NOTES_FILE_BYTES = 20 * 1024 * 1024


class NotesArticles(Protocol):
    """The parts of ``Library.articles`` that import-notes uses."""

    def get(self, article_id: int) -> Article: ...
    def set_tags(self, article_id: int, tags: Sequence[str]) -> None: ...
    def set_article_note(self, article_id: int, note: str) -> None: ...


class NotesAnnotations(Protocol):
    """The parts of ``Library.annotations`` that import-notes uses."""

    def of(self, article_id: int) -> list[Annotation]: ...
    def update(
        self, annotation_id: int, *, note: str | None = None, tags: Sequence[str] | None = None
    ) -> Annotation: ...


#: Called after each file with the ids of the articles read from it (to refresh export records).
AfterFile = Callable[[Path, list[int]], None]


def import_notes(
    articles: NotesArticles,
    annotations: NotesAnnotations,
    paths: Iterable[Path],
    after_file: AfterFile | None = None,
) -> NotesImportReport:
    """Read exported Markdown files (folders are searched for ``.md`` files) into the library:
    notes and tags of articles into ``articles``, those of highlights into ``annotations``."""
    report = NotesImportReport()
    for path in _notes_files(paths, report):
        text = _read(path, report)
        if text is None:
            continue
        report.files += 1
        try:
            parsed = parse_notes(text)
        except UsageError as error:
            report._say(f"{path}: {error}; skipped", problem=True)
            continue
        found = [p for p in parsed if p.skim_id is not None]
        if not found:
            report._say(f"{path}: no skim_id in its front matter; skipped", problem=True)
            continue
        done = [a for a in found if _import_article(articles, annotations, a, path, report)]
        if done and after_file is not None:
            after_file(path, [a.skim_id for a in done if a.skim_id is not None])
    return report


def _notes_files(paths: Iterable[Path], report: NotesImportReport) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in MARKDOWN_SUFFIXES
                and p.is_file()
                # Skip notes apps' own folders (.obsidian, .trash) and hidden files.
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                report._say(f"{path}: no Markdown files found", problem=True)
            yield from files
        elif path.is_file():
            yield path
        else:
            report._say(f"{path}: no such file or folder", problem=True)


def _read(path: Path, report: NotesImportReport) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_NOTES_FILE_BYTES:
            report._say(f"{path}: too large for a notes file ({size} bytes); skipped", problem=True)
            return None
        data = path.read_bytes()
    except OSError as error:
        report._say(f"{path}: cannot read it: {error.strerror}", problem=True)
        return None
    if b"\x00" in data:
        report._say(f"{path}: looks like a binary file, not Markdown; skipped", problem=True)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report._say(f"{path}: not UTF-8 text; skipped", problem=True)
        return None


def _import_article(
    articles: NotesArticles,
    annotations: NotesAnnotations,
    parsed: ParsedArticle,
    path: Path,
    report: NotesImportReport,
) -> bool:
    assert parsed.skim_id is not None
    try:
        article = articles.get(parsed.skim_id)
    except NotFound:
        report._say(
            f"{path}: article {parsed.skim_id} is not in the library; skipped", problem=True
        )
        return False
    report.articles += 1
    written_as = logseq_name if parsed.outline else obsidian_tag
    if parsed.tags is not None:
        tags = _tags_from_written(parsed.tags, article.tags, written_as)
        if _normalise(tags) != _normalise(article.tags):
            articles.set_tags(article.id, tags)
            report.tags += 1
    if parsed.note is not None and parsed.note != _as_exported(article.note):
        articles.set_article_note(article.id, parsed.note)
        report.notes += 1
    existing = {a.id: a for a in annotations.of(article.id)}
    by_uuid = {annotation_uuid(a): a.id for a in existing.values()}
    seen: set[int] = set()
    for block in parsed.highlights:
        where = f"{path} line {block.line}"
        if block.uuid is not None:
            if block.uuid not in by_uuid:
                report._say(
                    f"{where}: block {block.uuid} is not a highlight of article {article.id}; "
                    "ignored",
                    problem=True,
                )
                continue
            block = dataclasses.replace(block, id=by_uuid[block.uuid])
        if block.id in seen:
            report._say(
                f"{where}: highlight {block.id} appears twice; the first was read", problem=True
            )
            continue
        seen.add(block.id)
        annotation = existing.get(block.id)
        if annotation is None:
            report._say(
                f"{where}: highlight {block.id} is not a highlight of article {article.id}; ignored",
                problem=True,
            )
            continue
        if _import_highlight(annotations, block, annotation, where, report, written_as):
            report.highlights += 1
    for missing in sorted(existing.keys() - seen):
        report._say(f"highlight {missing} is not in {path}; kept")
    return True


def _import_highlight(
    annotations: NotesAnnotations,
    block: ParsedHighlight,
    annotation: Annotation,
    where: str,
    report: NotesImportReport,
    written_as: Callable[[str], str],
) -> bool:
    """Write back a highlight's edited note and tags; True when something changed."""
    if block.uuid is None:
        note = _note_of(block, annotation, where, report)
    else:
        note = block.note
        if note is None:
            report._say(
                f"{where}: cannot tell the note of highlight {annotation.id} (no {NOTE_LABEL} "
                "block under it); its note was not changed",
                problem=True,
            )
    if note == _as_exported(annotation.note):
        note = None
    tags = None
    if block.tags is not None:
        tags = _tags_from_written(block.tags, annotation.tags, written_as)
        if _normalise(tags) == _normalise(annotation.tags):
            tags = None
    if note is None and tags is None:
        return False
    annotations.update(annotation.id, note=note, tags=tags)
    return True


def _note_of(
    block: ParsedHighlight, annotation: Annotation, where: str, report: NotesImportReport
) -> str | None:
    """The note in a highlight block (after its label), or None when it cannot be found."""
    quote = _as_exported(annotation.quote)
    # The label is looked for after the quote, should the quoted text itself hold a label.
    after = len(quote.split("\n"))
    after = after if unescape("\n".join(block.lines[:after])) == quote else 0
    label = next(
        (
            i
            for i in range(after, len(block.lines))
            if block.lines[i].lstrip().startswith(NOTE_LABEL)
        ),
        None,
    )
    if label is None:
        if _same_words(unescape("\n".join(block.lines)), quote):
            return ""  # only the quote is left: the note was removed, label and all
        report._say(
            f"{where}: cannot tell the note of highlight {annotation.id} from its quote "
            f"(no {NOTE_LABEL} label); its note was not changed",
            problem=True,
        )
        return None
    if not _same_words(unescape("\n".join(block.lines[:label])), quote):
        report._say(
            f"{where}: the quote of highlight {annotation.id} was changed; quotes are kept as they are"
        )
    first = block.lines[label].lstrip()[len(NOTE_LABEL) :].lstrip()
    return unescape("\n".join([first, *block.lines[label + 1 :]])).strip()


def _tags_from_written(
    words: Sequence[str], old: Sequence[str], written_as: Callable[[str], str]
) -> list[str]:
    """Tags read from a file, mapped back to the stored tags they were written from.

    ``long reads`` is written ``long-reads`` for Obsidian (``obsidian_tag``), ``c++`` as
    ``c-plus-plus``; reading those back gives ``long reads`` and ``c++`` again, so an untouched tag
    never changes. A word no stored tag was written as is a new tag, as typed. Tags that cannot be
    written at all are kept.
    """
    written: dict[str, list[str]] = {}
    for tag in old:
        written.setdefault(written_as(clean_line(tag)), []).append(tag)
    tags = [tag for word in words for tag in written.get(word, [word])]
    return tags + written.get("", [])


def _as_exported(text: str) -> str:
    """``text`` as export writes it and the parser reads it back."""
    return unescape(clean_block(text))


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


def _normalise(tags: Iterable[str]) -> tuple[str, ...]:
    return normalise_tags(tags)
