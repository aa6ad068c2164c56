"""The ``skim`` command: argument parsing and error handling; the commands live in ``reader.commands``.

Start-up stays fast: Textual is imported only when the TUI opens, analysis only when a command needs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__

STATES = ("inbox", "later", "archive")
SORTS = ("added", "published", "title", "source")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1 (e.g. 0.2)")
    return value


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
        from reader.core.analysis.descriptions import algorithm_lines

        lines = "\n".join(f"  {line}" for line in algorithm_lines())
        sys.stdout.write(f"Summary algorithms (--algorithm A):\n{lines}\n")
        parser.exit(0)


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--algorithm",
        "-a",
        metavar="A",
        help="summary algorithm for this call (default: the library's; see --help-algorithms)",
    )
    parser.add_argument("--help-algorithms", action=_AlgorithmsHelp)
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--sentences",
        "-n",
        type=_positive_int,
        metavar="N",
        help="summary length in sentences (default: the library's, 3 unless changed in the reader)",
    )
    length.add_argument(
        "--ratio",
        "-r",
        type=_ratio,
        metavar="R",
        help="summary length as a share of the sentences (0-1)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``skim`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="skim",
        description="A keyboard-driven terminal reader for articles. Without a command, opens the reader.",
        epilog="Data lives in --data-dir, else $SKIM_DATA_DIR, else your platform's user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"skim {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the library is kept")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser("add", help="import files, folders, web pages (URL) or stdin (-)")
    add.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a .txt, .md or .html file, a folder, an http(s):// address, or - for stdin",
    )
    add.add_argument(
        "--samples", action="store_true", help="import the sample articles bundled with skim"
    )

    lst = commands.add_parser("list", help="list articles")
    lst.add_argument("--state", choices=STATES)
    lst.add_argument("--starred", action="store_true", help="only starred articles")
    lst.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only articles tagged T (repeatable)",
    )
    lst.add_argument(
        "--search",
        metavar="QUERY",
        help='words, "phrases", -word, a OR b, is:later, tag:x, source:x, has:notes',
    )
    lst.add_argument("--sort", choices=SORTS, default="added")
    lst.add_argument("--limit", type=_positive_int, metavar="N")
    lst.add_argument("--json", action="store_true", help="print a JSON array")

    show = commands.add_parser("show", help="show an article with its summary and highlighted text")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print the stable JSON form")
    show.add_argument(
        "--no-pager", action="store_true", help="print straight out, even on a terminal"
    )
    _add_summary_options(show)

    analyze = commands.add_parser("analyze", help="analyse a file or stdin without storing it")
    analyze.add_argument("path", metavar="PATH", help="a file, or - for stdin")
    analyze.add_argument("--json", action="store_true")
    _add_summary_options(analyze)

    summary = commands.add_parser("summary", help="summarise a stored article (ID) or a file")
    summary.add_argument("target", metavar="ID|PATH")
    summary.add_argument("--json", action="store_true")
    _add_summary_options(summary)

    note = commands.add_parser("note", help="highlight a passage of an article, with a note")
    note.add_argument("id", type=int)
    note.add_argument(
        "--quote", required=True, metavar="TEXT", help="the passage, as it appears in the article"
    )
    note.add_argument("--note", default="", metavar="TEXT")
    note.add_argument("--tag", action="append", default=[], metavar="T")

    triage = commands.add_parser(
        "triage", help="move articles to inbox/later/archive, or star them"
    )
    triage.add_argument("ids", type=int, nargs="+", metavar="ID")
    triage.add_argument("action", choices=(*STATES, "star", "unstar"))

    from reader.cli_web import add_web_commands  # feed, import-from

    add_web_commands(commands)

    from reader.cli_export import add_export_commands  # export, import-notes

    add_export_commands(commands)

    from reader.cli_backup import add_backup_commands  # backup, restore

    add_backup_commands(commands)

    from reader.cli_stories import add_story_commands  # stories, compare, tone

    add_story_commands(commands)

    from reader.cli_manage import add_manage_commands  # delete, undelete, tag

    add_manage_commands(commands)

    from reader.cli_edit import add_edit_command  # edit

    add_edit_command(commands)
    return parser


def _search_values_kept(argv: Sequence[str]) -> list[str]:
    """``--search -word`` as ``--search=-word``.

    argparse takes a value starting with "-" for an option and fails with "expected one argument",
    but a search that leaves a word out starts with "-" (``--search "-aarhus fire"``).
    """
    kept: list[str] = []
    rest = iter(argv)
    for arg in rest:
        value = next(rest, None) if arg == "--search" else None
        if value is None:
            kept.append(arg)
        elif value.startswith("-") and not value.startswith("--") and value != "-h":
            kept.append(f"--search={value}")
        else:
            kept += [arg, value]
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``skim``; return the exit status (0 ok, 1 error, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(_search_values_kept(sys.argv[1:] if argv is None else argv))
    # Imported here so `skim --help` and `--version` need nothing else.
    from reader import commands
    from reader.core.errors import InvalidArgument, SkimError
    from reader.core.text import clean_line

    try:
        return commands.run(args)
    except SkimError as error:
        # Errors quote file names, headers and library text: one line, no control sequences.
        print(f"skim: {clean_line(str(error))}", file=sys.stderr)
        return 2 if isinstance(error, InvalidArgument) else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `skim list | head`): not an error worth a message.
        sys.stderr.close()
        return 0
