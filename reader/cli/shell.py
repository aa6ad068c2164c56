"""``skim completion bash|zsh|fish``: a shell completion script generated from the parser by shtab,
so it always knows the commands and options this version of ``skim`` has."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.arguments import command_parsers

SHELLS = ("bash", "zsh", "fish")

#: Arguments that name files or folders, by their ``dest``: the shell completes paths there.
FILE_ARGUMENTS = frozenset({"paths", "path", "file", "target", "source", "out", "template"})
FOLDER_ARGUMENTS = frozenset({"data_dir"})


def add_completion_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``completion`` to the ``skim`` subcommands."""
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description=(
            "Print a completion script for your shell. bash: add `source <(skim completion bash)` "
            "to ~/.bashrc. zsh: `skim completion zsh > ~/.zfunc/_skim` with ~/.zfunc in $fpath. "
            "fish: `skim completion fish > ~/.config/fish/completions/skim.fish`."
        ),
    )
    completion.add_argument("shell", choices=SHELLS)


def completion(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``skim completion SHELL``: print the script."""
    import shtab

    _mark_paths(parser)
    sys.stdout.write(shtab.complete(parser, shell=args.shell))
    return 0


def _mark_paths(parser: argparse.ArgumentParser) -> None:
    """Tell shtab which arguments take a path (it reads an attribute ``complete`` on each)."""
    import shtab

    for command in [parser, *command_parsers(parser)]:
        for action in command._actions:
            if action.dest in FILE_ARGUMENTS:
                action.complete = shtab.FILE  # type: ignore[attr-defined]
            elif action.dest in FOLDER_ARGUMENTS:
                action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
