"""The CLI's subcommands: each takes parsed arguments, talks to the core facade, prints, returns a status."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.errors import UsageError
from reader.core.library import ImportOutcome, Library, open_library
from reader.core.models import (
    Analysis,
    Annotation,
    Article,
    ArticleDraft,
    Summary,
    TriageState,
)
from reader.core.serialize import document_to_dict, summary_to_dict
from reader.core.text import reading_minutes
from reader.terminal import (
    BOLD,
    DIM,
    paged,
    result_line,
    safe,
    style,
    use_colour,
    wrap_paragraphs,
)


def run(args: argparse.Namespace) -> int:
    """Dispatch to the command named in ``args`` (the TUI when there is none)."""
    if args.command is None:
        return open_reader(args)
    if args.command == "analyze":  # needs no library
        return analyze(args)
    from reader import (
        commands_backup,
        commands_edit,
        commands_export,
        commands_list,
        commands_manage,
        commands_stories,
        commands_web,
    )

    library = open_library(args.data_dir)
    try:
        handler = {
            "add": add,
            "list": commands_list.list_articles,
            "show": show,
            "summary": summary,
            "note": note,
            "triage": triage,
            "feed": commands_web.feed,
            "import-from": commands_web.import_from,
            "export": commands_export.export,
            "import-notes": commands_export.import_notes,
            "backup": commands_backup.backup,
            "restore": commands_backup.restore,
            "stories": commands_stories.stories,
            "compare": commands_stories.compare,
            "tone": commands_stories.tone,
            "delete": commands_manage.delete,
            "undelete": commands_manage.undelete,
            "tag": commands_manage.tag,
            "edit": commands_edit.edit,
        }[args.command]
        return handler(library, args)
    finally:
        library.close()


def open_reader(args: argparse.Namespace) -> int:
    """Open the terminal UI."""
    from reader.tui.app import run_app

    return run_app(data_dir=args.data_dir)


def _print_json(data: Any) -> None:
    # One write (json.dump writes each token: 500,000 writes for 10k rows, ~2 s), and a list as
    # one compact object per line: with indent, json uses its pure-Python encoder (~0.7 s at 10k).
    if isinstance(data, list):
        rows = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in data)
        text = f"[\n{rows}\n]" if data else "[]"
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")


def _report(outcomes: list[ImportOutcome]) -> int:
    status = 0
    for outcome in outcomes:
        if outcome.error is not None:
            print(f"skim: {safe(outcome.error)}", file=sys.stderr)
            status = 1
        elif outcome.result is not None:
            print(result_line(outcome.result))
    return status


def add(library: Library, args: argparse.Namespace) -> int:
    """``skim add PATH|DIR|- …`` and ``skim add --samples``."""
    if not args.paths and not args.samples:
        raise UsageError("give files, folders, URLs or - (stdin) to import, or --samples")
    from reader.commands_web import add_urls, is_url

    outcomes: list[ImportOutcome] = library.import_samples() if args.samples else []
    files = [Path(p) for p in args.paths if p != "-" and not is_url(p)]
    outcomes += library.import_paths(files) if files else []
    outcomes += add_urls(library, [p for p in args.paths if is_url(p)])
    if "-" in args.paths:
        outcomes.append(_add_stdin(library))
    return _report(outcomes)


def _add_stdin(library: Library) -> ImportOutcome:
    from reader.core import ingest
    from reader.core.errors import IngestError
    from reader.core.ingest import decode

    try:
        draft = ingest.read_bytes(decode.read_capped(sys.stdin.buffer, "stdin"), name="-")
    except IngestError as error:
        return ImportOutcome("-", error=str(error))
    return ImportOutcome("-", result=library.add(draft))


def show(library: Library, args: argparse.Namespace) -> int:
    """``skim show ID``: metadata, summary and the highlighted text."""
    article = library.get(args.id)
    analysis = library.analysis(article)
    summary_ = library.summary(
        article, algorithm=args.algorithm, sentences=args.sentences, ratio=args.ratio
    )
    if args.json:
        data = document_to_dict(article, analysis, summary_)
        data.update(
            id=article.id,
            state=article.state.value,
            starred=article.starred,
            tags=list(article.tags),
        )
        _print_json(data)
        return 0
    colour = use_colour()
    with paged(not args.no_pager):
        _print_article(library, article, analysis, summary_, colour)
    return 0


def _print_article(
    library: Library, article: Article, analysis: Analysis, summary_: Summary, colour: bool
) -> None:
    width = min(shutil.get_terminal_size((88, 24)).columns, 88)
    print(style(safe(article.title), BOLD, colour))
    print(style(_byline(article), DIM, colour))
    print()
    print(style("Highlights", BOLD, colour))
    _print_highlights(summary_, colour)
    print()
    print(style("Story", BOLD, colour))
    spans = [*analysis.entities, *analysis.numbers]
    print(wrap_paragraphs(article.body, spans, width, colour))
    annotations = library.annotations(article.id)
    if annotations or article.note:
        print()
        print(style("Notes", BOLD, colour))
        if article.note:
            print(safe(article.note))
        for annotation in annotations:
            if not annotation.orphaned:
                print(f"  > {safe(annotation.quote)}")
                if annotation.note:
                    print(f"    {safe(annotation.note)}")
    _print_orphans(annotations, colour)


def _print_highlights(summary_: Summary, colour: bool) -> None:
    """The summary as bullets, and a line when it read only the start of a very long text."""
    from reader.core.analysis import partial_note

    for sentence in summary_.sentences:
        print(f"  • {safe(sentence.text)}")
    if summary_.read_up_to is not None:
        print(style(f"  {partial_note(summary_)}", DIM, colour))


def _print_orphans(annotations: list[Annotation], colour: bool) -> None:
    """Highlights whose passage left the text when it changed: kept, and shown apart."""
    orphans = [a for a in annotations if a.orphaned]
    if orphans:
        print()
        print(style("Orphaned highlights (no longer in the text)", BOLD, colour))
    for annotation in orphans:
        print(f"  > {safe(annotation.quote)}")
        if annotation.note:
            print(f"    {safe(annotation.note)}")


def _byline(article: Article) -> str:
    parts = [p for p in (article.source, article.author) if p]
    if article.published:
        parts.append(article.published.strftime("%d %b %Y %H:%M"))
    if article.updated:
        parts.append("updated " + article.updated.strftime("%d %b %Y %H:%M"))
    parts.append(f"{reading_minutes(article.words)} min read")
    return safe(" · ".join(parts))


def _read_source(path: str) -> ArticleDraft:
    from reader.core import ingest
    from reader.core.ingest import decode

    if path == "-":
        return ingest.read_bytes(decode.read_capped(sys.stdin.buffer, "stdin"), name="-")
    return ingest.read_path(Path(path))


def _summarize_draft(
    draft: ArticleDraft,
    args: argparse.Namespace,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    choice: tuple[str, int] | None = None,
) -> Summary:
    """Summarise an unstored article with the ``--algorithm`` / ``--sentences`` / ``--ratio`` given.

    What they leave out comes from ``choice`` (a library's summary choice), else the defaults.
    """
    from reader.core import analysis

    algorithm, sentences = choice or (analysis.DEFAULT_ALGORITHM, analysis.DEFAULT_SENTENCES)
    return analysis.summarize(
        draft.body,
        algorithm=args.algorithm or algorithm,
        sentences=args.sentences or (None if args.ratio else sentences),
        ratio=args.ratio,
        sentence_spans=sentence_spans,
        title=draft.title,
    )


def analyze(args: argparse.Namespace) -> int:
    """``skim analyze PATH|-``: analyse and summarise without storing anything."""
    from reader.core import analysis as analysis_

    draft = _read_source(args.path)
    result = analysis_.analyze(draft.body)
    summary_ = _summarize_draft(draft, args, result.sentences)
    if args.json:
        _print_json(document_to_dict(draft, result, summary_))
        return 0
    colour = use_colour()
    print(style(safe(draft.title), BOLD, colour))
    print(
        f"{len(result.sentences)} sentences, {len(result.entities)} entities, {len(result.numbers)} numbers"
    )
    _print_highlights(summary_, colour)
    print()
    width = min(shutil.get_terminal_size((88, 24)).columns, 88)
    print(wrap_paragraphs(draft.body, [*result.entities, *result.numbers], width, colour))
    return 0


def summary(library: Library, args: argparse.Namespace) -> int:
    """``skim summary ID|PATH``."""
    if args.target.isdigit():
        summary_ = library.summary(
            library.get(int(args.target)),
            algorithm=args.algorithm,
            sentences=args.sentences,
            ratio=args.ratio,
        )
    else:
        draft = _read_source(args.target)
        summary_ = _summarize_draft(draft, args, choice=library.summary_choice())
    if args.json:
        _print_json(summary_to_dict(summary_))
        return 0
    for sentence in summary_.sentences:
        print(f"• {safe(sentence.text)}")
    return 0


def note(library: Library, args: argparse.Namespace) -> int:
    """``skim note ID --quote TEXT [--note TEXT] [--tag T]``."""
    annotation = library.annotate_quote(args.id, args.quote, note=args.note, tags=args.tag)
    print(f"{annotation.id}\t{safe(annotation.quote)}")
    return 0


def triage(library: Library, args: argparse.Namespace) -> int:
    """``skim triage ID… inbox|later|archive|star|unstar``."""
    for article_id in args.ids:
        library.meta(article_id)  # raises NotFound before anything changes
    if args.action in ("star", "unstar"):
        library.set_starred(args.ids, args.action == "star")
    else:
        library.set_state(args.ids, TriageState(args.action))
    for article_id in args.ids:
        meta = library.meta(article_id)
        print(
            f"{meta.id}\t{meta.state.value}{' starred' if meta.starred else ''}\t{safe(meta.title)}"
        )
    return 0
