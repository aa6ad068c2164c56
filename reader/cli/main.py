"""The ``skim`` command: the parser, dispatch to the handlers, errors and the exit status.

Each area module adds its own commands to the parser and holds their handlers. Start-up stays
fast: the CLI modules import the core only inside functions, so ``skim --help`` and ``--version``
load argparse and nothing else; Textual is imported only when the reader opens, analysis only when
a command needs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.cli import (
    articles,
    backup,
    config,
    export,
    listing,
    manpage,
    notes,
    reading,
    shell,
    stories,
    web,
)
from reader.cli.arguments import command_parsers
from reader.cli.output import COLOR_MODES

if TYPE_CHECKING:
    from reader.core import Library

Handler = Callable[["Library", argparse.Namespace], int]

#: The handler of each command that works on the library (``analyze`` needs none).
HANDLERS: dict[str, Handler] = {
    "add": articles.add,
    "list": listing.list_articles,
    "show": reading.show,
    "summary": reading.summary,
    "note": notes.note,
    "triage": articles.triage,
    "feed": web.feed,
    "import-from": web.import_from,
    "export": export.export,
    "import-notes": export.import_notes,
    "backup": backup.backup,
    "restore": backup.restore,
    "stories": stories.stories,
    "story": stories.story,
    "compare": stories.compare,
    "tone": stories.tone,
    "delete": articles.delete,
    "undelete": articles.undelete,
    "tag": notes.tag,
    "edit": articles.edit,
}

#: The commands that document ``skim`` itself: they need the parser, not a library.
ParserHandler = Callable[[argparse.ArgumentParser, argparse.Namespace], int]
PARSER_HANDLERS: dict[str, ParserHandler] = {
    "completion": shell.completion,
    "man": manpage.man,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``skim`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="skim",
        description="A keyboard-driven terminal reader for articles. Without a command, opens the reader.",
        epilog="Data lives in --data-dir, else $SKIM_DATA_DIR, else your platform's user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"skim {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the library is kept")
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="the config file (default: $SKIM_CONFIG, else see `skim config --path`)",
    )
    _add_output_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # In the order `skim --help` lists them.
    articles.add_add_command(commands)
    listing.add_list_command(commands)
    reading.add_reading_commands(commands)  # show, analyze, summary
    notes.add_note_command(commands)
    articles.add_triage_command(commands)
    web.add_web_commands(commands)  # feed, import-from
    export.add_export_commands(commands)  # export, import-notes
    backup.add_backup_commands(commands)  # backup, restore
    stories.add_story_commands(commands)  # stories, story, compare, tone
    articles.add_delete_commands(commands)  # delete, undelete
    notes.add_tag_command(commands)
    articles.add_edit_command(commands)
    config.add_config_command(commands)
    shell.add_completion_command(commands)
    manpage.add_man_command(commands)
    # Each command takes them too, as users type them: skim add DIR -q.
    for command in command_parsers(parser):
        _add_output_options(command, top=False)
    return parser


def _add_output_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``-q/--quiet`` and ``--color``. Only the top level has defaults: a command's parser must
    not overwrite what was given before the command name (``skim -q add DIR``)."""
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print only errors and the command's data (no progress bar, counts or hints)",
    )
    parser.add_argument(
        "--color",
        choices=COLOR_MODES,
        default="auto" if top else argparse.SUPPRESS,
        metavar="WHEN",
        help="colour the output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )


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


def run(args: argparse.Namespace, parser: argparse.ArgumentParser | None = None) -> int:
    """Dispatch to the command named in ``args`` (the reader when there is none)."""
    # The handlers read the settings from args. The reader reports a broken file itself (a line
    # on stderr would be hidden under its screen).
    args.settings = settings = config.load(args, report=args.command is not None)
    if args.command is None:
        return open_reader(args)
    if args.command in PARSER_HANDLERS:
        return PARSER_HANDLERS[args.command](parser or build_parser(), args)
    if args.command == "analyze":  # needs no library
        return reading.analyze(args)
    if args.command == "config":
        return config.config(args, settings)
    from reader.core import open_library

    library = open_library(args.data_dir)
    config.apply(library, settings)
    try:
        return HANDLERS[args.command](library, args)
    finally:
        library.close()


def open_reader(args: argparse.Namespace) -> int:
    """Open the terminal UI."""
    from reader.tui.app import run_app

    return run_app(data_dir=args.data_dir, settings=args.settings)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``skim``; return the exit status (0 ok, 1 error, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(_search_values_kept(sys.argv[1:] if argv is None else argv))
    # Imported here so `skim --help` and `--version` need nothing else.
    from reader.core import InvalidArgument, SkimError, clean_line

    try:
        return run(args, parser)
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
