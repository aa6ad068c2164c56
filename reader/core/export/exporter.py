"""Export articles to Markdown files: name the files, protect edited ones, write atomically, record.

Every file skim writes is recorded (path, SHA-256 of the bytes, the ``exported`` time written into it,
the template). The record is what makes exports safe and stable:

- a file whose bytes no longer match its record was edited since: it is skipped unless ``force``;
- an existing file skim has no record of is never overwritten without ``force`` either;
- when the data has not changed, rendering again with the recorded ``exported`` time gives the same
  bytes, and the file is left as it is — so re-exporting an unchanged library changes nothing;
- an article keeps its file name in a folder even if its title changes (links to it keep working),
  and a file renamed in a notes app is followed (found by its ``skim_id``), not written twice;
- a symbolic link where a file goes is replaced by the file (with ``force``, as any file skim did not
  write), never written through: the file it points to, perhaps outside the folder, is left alone.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from reader.core.errors import NotFound, StorageError
from reader.core.export.files import file_sha256, remove_stale_temporaries, sha256, write_atomic
from reader.core.export.naming import (
    file_name,
    make_folder,
    moved,
    renamed_exports,
    sanitise_name,
)
from reader.core.export.outcomes import ExportReport, FileOutcome, FileStatus
from reader.core.export.render import file_stem, needs_summary, render_markdown
from reader.core.export.templating import Template
from reader.core.models import Annotation, Article, Progress, no_progress
from reader.core.records import ExportRecord
from reader.core.results import Summary

Summarize = Callable[[Article], Summary]

__all__ = ["ExportReport", "FileOutcome", "FileStatus", "export_articles", "refresh_record"]

#: ``--out`` names one file (all articles in it) when it ends with one of these and is not a folder.
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Articles read from the library at a time: bounded memory, few statements.
BATCH = 200


class ExportSource(Protocol):
    """What export needs from storage (``storage.exports``: bulk reads and the records of written files)."""

    def check_articles(self, ids: Sequence[int]) -> None: ...
    def articles_by_ids(self, ids: Sequence[int]) -> list[Article]: ...
    def annotations_by_article(self, ids: Sequence[int]) -> dict[int, list[Annotation]]: ...
    def changed_since(self, ids: Sequence[int], since: datetime) -> set[int]: ...
    def mark_time(self, now: datetime) -> None: ...
    def records(self, directory: str) -> list[ExportRecord]: ...
    def record(self, path: str) -> ExportRecord | None: ...
    def save_record(self, record: ExportRecord) -> None: ...
    def delete_record(self, path: str) -> None: ...


def is_single_file(out: Path) -> bool:
    """Whether ``--out`` names one Markdown file rather than a folder."""
    return not out.is_dir() and out.suffix.lower() in MARKDOWN_SUFFIXES


def export_articles(
    store: ExportSource,
    summarize: Summarize,
    ids: Sequence[int],
    *,
    out: Path,
    template: Template,
    now: datetime,
    force: bool = False,
    since: datetime | None = None,
    filename: Template | None = None,
    progress: Progress = no_progress,
) -> ExportReport:
    """Write the articles ``ids`` to ``out``: one file each in a folder, or all in one ``.md`` file.

    Args:
        store: the library's export store (``storage.exports``).
        summarize: gives an article's summary (called only when the template shows one).
        ids: the articles, in the order a single file lists them.
        out: a folder (created if needed) or a file ending in ``.md``.
        template: a parsed template.
        now: the time written as ``exported`` into files that change.
        force: overwrite files edited since the last export, and files skim did not write.
        since: only articles added, or whose notes or highlights changed, at or after this time.
        filename: names new files in a folder (a parsed template; default: a slug of the title).
            Files written before keep their names.
        progress: told about each article before it is rendered (one step per article, labelled
            with its title), and once when all files are written.

    Raises:
        NotFound: an id is not in the library.
        UsageError: the folder cannot be created.
    """
    ids = list(dict.fromkeys(ids))
    store.check_articles(ids)  # all or nothing: no file is written for a request with a typo
    store.mark_time(now)  # a later --since this time finds what changes from now on
    if since is not None:
        changed = store.changed_since(ids, since)
        ids = [i for i in ids if i in changed]
    if not ids:
        return ExportReport(())
    job = _Job(store, summarize, template, now, force, _Steps(progress, len(ids)), filename)
    files = (job.single_file(ids, out),) if is_single_file(out) else tuple(job.folder(ids, out))
    job.steps.finish()
    return ExportReport(files, job.unrecorded)


def refresh_record(
    store: ExportSource,
    summarize: Summarize,
    path: Path,
    article_ids: Sequence[int],
    template: Template,
) -> bool:
    """After ``import-notes`` read ``path``: trust the file again if skim would write it as it is.

    Once the library holds the user's edits, rendering the file again with its recorded ``exported``
    time may give exactly the bytes on disk; then the record takes the file's new hash, and the next
    export sees an unedited file. If not (the user wrote things import-notes does not read back),
    the record stays, and the next export still refuses to overwrite the file without ``--force``.

    Returns:
        Whether the record was updated.
    """
    target = path.parent.resolve() / path.name
    record = store.record(str(target))
    on_disk = file_sha256(target) if target.is_file() else None
    if record is None or on_disk is None or on_disk == record.sha256:
        return False
    job = _Job(store, summarize, template, record.exported, force=False)
    try:
        data = job.render(store.articles_by_ids(article_ids), record.exported)
    except NotFound:
        return False
    if sha256(data) != on_disk:
        return False
    store.save_record(_replace_hash(record, on_disk))
    return True


def _replace_hash(record: ExportRecord, digest: str) -> ExportRecord:
    return dataclasses.replace(record, sha256=digest)


class _Steps:
    """Counts the articles of one export for its :class:`Progress` (each article once, though an
    unchanged file renders it twice: with its recorded time, then, if that differs, with now)."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.total = total
        self.seen: set[int] = set()

    def start(self, article: Article) -> None:
        if article.id not in self.seen:
            self.progress(len(self.seen), self.total, article.title)
            self.seen.add(article.id)

    def finish(self) -> None:
        self.progress(self.total, self.total, "")


class _Job:
    """One export run: the template, the clock and the summaries it has computed."""

    def __init__(
        self,
        store: ExportSource,
        summarize: Summarize,
        template: Template,
        now: datetime,
        force: bool,
        steps: _Steps | None = None,
        filename: Template | None = None,
    ) -> None:
        self.steps = steps or _Steps(no_progress, 0)
        self.store = store
        self.filename = filename
        self.summarize = summarize if needs_summary(template) else None
        self.template = template
        self.now = now
        self.force = force
        self.unrecorded = ""

    def remember(self, change: Callable[[], None]) -> None:
        """Save or drop a file's record; a library that cannot be written leaves it unrecorded."""
        try:
            change()
        except StorageError as error:
            self.unrecorded = self.unrecorded or str(error)

    def render(self, articles: Sequence[Article], when: datetime) -> bytes:
        """The bytes of a file holding ``articles`` (several share one file, marked by their id)."""
        notes = self.store.annotations_by_article([a.id for a in articles])
        combined = len(articles) > 1
        parts = []
        for article in articles:
            self.steps.start(article)
            summary = self.summarize(article) if self.summarize else None
            text = render_markdown(
                article,
                notes[article.id],
                summary,
                template=self.template,
                exported_at=when,
                combined=combined,
            )
            # The marker lets import-notes tell the articles of a combined file apart.
            parts.append(f"<!-- skim_id: {article.id} -->\n{text}" if combined else text)
        return "\n".join(parts).encode("utf-8")

    def single_file(self, ids: Sequence[int], out: Path) -> FileOutcome:
        articles = self.store.articles_by_ids(ids)
        make_folder(out.parent)
        remove_stale_temporaries(out.parent)
        target = out.parent.resolve() / out.name  # the link itself, if out is one
        record = self.store.record(str(target))
        render = functools.partial(self.render, articles)
        return self._write(out, target, None, tuple(ids), record, render)

    def folder(self, ids: Sequence[int], out: Path) -> list[FileOutcome]:
        make_folder(out)
        remove_stale_temporaries(out)
        directory = out.resolve()
        records = self.store.records(str(directory))
        by_article = {r.article_id: r for r in records if r.article_id is not None}
        by_path = {r.path: r for r in records}
        owners = {Path(r.path).name.casefold(): r.article_id for r in records}
        claimed: set[str] = set()
        renamed: dict[int, str] | None = None  # read from the folder when first needed
        outcomes = []
        # Names are given in id order, so which of two same-titled articles gets the plain name
        # never depends on the order they were asked for.
        ordered = sorted(ids)
        for start in range(0, len(ordered), BATCH):
            for article in self.store.articles_by_ids(ordered[start : start + BATCH]):
                self.steps.start(article)  # also when the file turns out to be skipped
                record = by_article.get(article.id)
                moved_from = None
                if record is not None and not Path(record.path).exists():
                    # Renamed in a notes app? Follow the file (found by its skim_id) rather than
                    # write a second copy; it is protected by the hash of what was written.
                    if renamed is None:
                        renamed = renamed_exports(directory, set(by_path))
                    new_name = renamed.get(article.id)
                    if new_name is not None and new_name.casefold() not in claimed:
                        moved_from = record
                        record = moved(record, directory / new_name)
                stem = "" if self.filename is None else self.stem(article)
                name = file_name(article, directory, record, owners, claimed, stem)
                claimed.add(name.casefold())
                outcome = self._write(
                    out / name,
                    directory / name,
                    article.id,
                    (article.id,),
                    record if record is not None and Path(record.path).name == name else None,
                    functools.partial(self.render, [article]),
                )
                if moved_from is not None and record is not None:
                    if outcome.status == "unchanged":
                        self.remember(functools.partial(self.store.save_record, record))
                    if outcome.status in ("written", "unchanged"):
                        path = moved_from.path
                        self.remember(functools.partial(self.store.delete_record, path))
                outcomes.append(outcome)
        return outcomes

    def stem(self, article: Article) -> str:
        """The file name ``--filename`` gives ``article`` (without ``.md``; "" when none is left)."""
        assert self.filename is not None
        return sanitise_name(file_stem(article, self.filename, self.now))

    def _write(
        self,
        shown: Path,
        target: Path,
        article_id: int | None,
        article_ids: tuple[int, ...],
        record: ExportRecord | None,
        render: Callable[[datetime], bytes],
    ) -> FileOutcome:
        def outcome(status: FileStatus, message: str = "") -> FileOutcome:
            return FileOutcome(shown, status, article_ids, message)

        try:
            on_disk = file_sha256(target)
        except OSError as error:
            return outcome("failed", f"cannot read {shown}: {error.strerror}")
        if on_disk is not None and not self.force:
            if record is None:
                return outcome(
                    "skipped",
                    f"{shown} exists and was not written by skim export",
                )
            if on_disk != record.sha256:
                return outcome("skipped", f"{shown} was edited since the last export")
        if (
            record is not None
            and on_disk == record.sha256
            and sha256(render(record.exported)) == record.sha256
        ):
            return outcome("unchanged")
        data = render(self.now)
        try:
            write_atomic(target, data)
        except OSError as error:
            return outcome("failed", f"cannot write {shown}: {error.strerror}")
        # Recorded file by file: an export interrupted half-way still knows what it wrote.
        digest, name = sha256(data), self.template.name
        record = ExportRecord(str(target), str(target.parent), article_id, digest, self.now, name)
        self.remember(functools.partial(self.store.save_record, record))
        return outcome("written")
