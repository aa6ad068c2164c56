"""``skim show``, ``skim analyze`` and ``skim summary``: an article, its highlighted text and its
summary; options and handlers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.cli.arguments import positive_int, ratio
from reader.cli.output import (
    BOLD,
    DIM,
    counted,
    paged,
    print_json,
    safe,
    style,
    text_width,
    use_colour,
    wrap_paragraphs,
)

if TYPE_CHECKING:
    from reader.core import Analysis, Annotation, Article, ArticleDraft, Library, Summary


def add_reading_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``show``, ``analyze`` and ``summary`` to the ``skim`` subcommands."""
    show_ = commands.add_parser(
        "show", help="show an article with its summary and highlighted text"
    )
    show_.add_argument("id", type=int)
    show_.add_argument("--json", action="store_true", help="print the stable JSON form")
    show_.add_argument(
        "--no-pager", action="store_true", help="print straight out, even on a terminal"
    )
    _add_summary_options(show_)

    analyze_ = commands.add_parser("analyze", help="analyse a file or stdin without storing it")
    analyze_.add_argument("path", metavar="PATH", help="a file, or - for stdin")
    analyze_.add_argument("--json", action="store_true")
    _add_summary_options(analyze_)

    summary_ = commands.add_parser("summary", help="summarise a stored article (ID) or a file")
    summary_.add_argument("target", metavar="ID|PATH")
    summary_.add_argument("--json", action="store_true")
    _add_summary_options(summary_)


class _AlgorithmsHelp(argparse.Action):
    """``--help-algorithms``: print each summary algorithm with a line about it, and exit 0."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="list the summary algorithms and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        from reader.core import algorithm_lines

        lines = "\n".join(f"  {line}" for line in algorithm_lines())
        sys.stdout.write(f"Summary algorithms (--algorithm A):\n{lines}\n")
        parser.exit(0)


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--algorithm",
        "-a",
        metavar="A",
        help="summary algorithm for this call (default: the config file's, else the library's; "
        "see --help-algorithms)",
    )
    parser.add_argument("--help-algorithms", action=_AlgorithmsHelp)
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences",
        "-n",
        type=positive_int,
        metavar="N",
        help="summary length in sentences (default: the config file's, else the library's: 3 "
        "unless changed in the reader)",
    )
    length.add_argument(
        "--ratio",
        "-r",
        type=ratio,
        metavar="R",
        help="summary length as a share of the sentences (0-1)",
    )


def show(library: Library, args: argparse.Namespace) -> int:
    """``skim show ID``: metadata, summary and the highlighted text."""
    article = library.articles.get(args.id)
    analysis = library.analysis.of(article)
    summary_ = library.analysis.summary(
        article, algorithm=args.algorithm, sentences=args.sentences, ratio=args.ratio
    )
    if args.json:
        from reader.core import document_to_dict

        data = document_to_dict(article, analysis, summary_)
        data.update(
            id=article.id,
            state=article.state.value,
            starred=article.starred,
            tags=list(article.tags),
        )
        print_json(data)
        return 0
    colour = use_colour(args.color)
    settings = getattr(args, "settings", None)
    with paged(not args.no_pager, settings.pager if settings is not None else None):
        _print_article(library, article, analysis, summary_, colour)
    return 0


def _print_article(
    library: Library, article: Article, analysis: Analysis, summary_: Summary, colour: bool
) -> None:
    width = text_width()
    print(style(safe(article.title), BOLD, colour))
    print(style(_byline(article), DIM, colour))
    if article.url:  # where to read the original: its own line, so a terminal can open it
        print(style(safe(article.url), DIM, colour))
    print()
    print(style("Highlights", BOLD, colour))
    _print_highlights(summary_, colour)
    print()
    print(style("Story", BOLD, colour))
    spans = [*analysis.entities, *analysis.numbers]
    print(wrap_paragraphs(article.body, spans, width, colour))
    annotations = library.annotations.of(article.id)
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
    from reader.core import partial_note

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
    from reader.core import reading_minutes

    parts = [p for p in (article.source, article.author) if p]
    if article.published:
        parts.append(article.published.strftime("%d %b %Y %H:%M"))
    elif article.event_date:  # no published date: the day the text says the event happened
        inferred = " (inferred from the text)" if article.event_date_inferred else ""
        parts.append(article.event_date.strftime("%d %b %Y") + inferred)
    if article.updated:
        parts.append("updated " + article.updated.strftime("%d %b %Y %H:%M"))
    parts.append(f"{reading_minutes(article.words)} min read")
    return safe(" · ".join(parts))


def _read_source(path: str) -> ArticleDraft:
    from pathlib import Path

    from reader.core import read_bytes, read_capped, read_path

    if path == "-":
        return read_bytes(read_capped(sys.stdin.buffer, "stdin"), name="-")
    return read_path(Path(path))


def _summarize_draft(
    draft: ArticleDraft,
    args: argparse.Namespace,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    choice: tuple[str, int] | None = None,
) -> Summary:
    """Summarise an unstored article with the ``--algorithm`` / ``--sentences`` / ``--ratio`` given.

    What they leave out comes from ``choice`` (a library's summary choice), else the defaults.
    """
    from reader.core import DEFAULT_ALGORITHM, DEFAULT_SENTENCES, summarize

    algorithm, sentences = choice or (DEFAULT_ALGORITHM, DEFAULT_SENTENCES)
    return summarize(
        draft.body,
        algorithm=args.algorithm or algorithm,
        sentences=args.sentences or (None if args.ratio else sentences),
        ratio=args.ratio,
        sentence_spans=sentence_spans,
        title=draft.title,
    )


def analyze(args: argparse.Namespace) -> int:
    """``skim analyze PATH|-``: analyse and summarise without storing anything."""
    from reader.core import DEFAULT_ALGORITHM, DEFAULT_SENTENCES
    from reader.core import analyze as analyze_text

    draft = _read_source(args.path)
    result = analyze_text(draft.body)
    settings = getattr(args, "settings", None)  # no library here: the config file, else defaults
    choice = (
        (
            settings.summary_algorithm or DEFAULT_ALGORITHM,
            settings.summary_length or DEFAULT_SENTENCES,
        )
        if settings is not None
        else None
    )
    summary_ = _summarize_draft(draft, args, result.sentences, choice)
    if args.json:
        from reader.core import document_to_dict

        print_json(document_to_dict(draft, result, summary_))
        return 0
    colour = use_colour(args.color)
    print(style(safe(draft.title), BOLD, colour))
    print(
        f"{counted(len(result.sentences), 'sentence')}, "
        f"{counted(len(result.entities), 'entity', 'entities')}, "
        f"{counted(len(result.numbers), 'number')}"
    )
    _print_highlights(summary_, colour)
    print()
    width = text_width()
    print(wrap_paragraphs(draft.body, [*result.entities, *result.numbers], width, colour))
    return 0


def summary(library: Library, args: argparse.Namespace) -> int:
    """``skim summary ID|PATH``."""
    if args.target.isdigit():
        summary_ = library.analysis.summary(
            library.articles.get(int(args.target)),
            algorithm=args.algorithm,
            sentences=args.sentences,
            ratio=args.ratio,
        )
    else:
        draft = _read_source(args.target)
        summary_ = _summarize_draft(draft, args, choice=library.analysis.summary_choice())
    if args.json:
        from reader.core import summary_to_dict

        print_json(summary_to_dict(summary_))
        return 0
    for sentence in summary_.sentences:
        print(f"• {safe(sentence.text)}")
    return 0
