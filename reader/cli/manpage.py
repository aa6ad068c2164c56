"""``skim man``: a manual page in roff, written from the parser, so it lists exactly the commands and
options this version has (``skim man | man -l -`` reads it; ``skim man > skim.1`` installs it).

A small writer rather than a generator package: the parser already holds every word the page needs,
and roff needs only a handful of escapes.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from reader import __version__

#: The variables skim reads, for the ENVIRONMENT section.
ENVIRONMENT = (
    ("SKIM_DATA_DIR", "Where the library is kept, unless --data-dir is given."),
    ("NO_COLOR", "When set to a non-empty value, no colour (unless --color always)."),
    ("PAGER", "The pager of skim show on a terminal (default: less; empty or cat: none)."),
)

#: The ``dest`` of the options every command takes (``-q``, ``--color``).
GLOBAL_OPTIONS = frozenset({"quiet", "color"})


def add_man_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``man`` to the ``skim`` subcommands."""
    commands.add_parser(
        "man",
        help="print skim's manual page (roff): skim man | man -l -",
        description="Print the manual page, generated from the commands and options of this "
        "version. Read it with `skim man | man -l -`, or install it: `skim man > "
        "~/.local/share/man/man1/skim.1`.",
    )


def man(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``skim man``: print the page."""
    sys.stdout.write(render(parser))
    return 0


def render(parser: argparse.ArgumentParser) -> str:
    """The manual page of ``parser`` and its subcommands, in roff (the ``man`` macros)."""
    name = parser.prog
    lines = [
        f'.TH {name.upper()} 1 "" "{name} {__version__}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {escape(_first_sentence(parser.description or ''))}",
        ".SH SYNOPSIS",
        _usage(parser),
        ".SH DESCRIPTION",
        escape(parser.description or ""),
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
    ]
    for command_name, command, summary in _commands(parser):
        lines += _command(command_name, command, summary)
    lines.append(".SH ENVIRONMENT")
    for variable, meaning in ENVIRONMENT:
        lines += [".TP", f"\\fB{variable}\\fR", escape(meaning)]
    if parser.epilog:
        lines += [".SH FILES", escape(parser.epilog)]
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """``text`` safe as roff body text: backslashes and hyphens escaped, no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Non-ASCII as groff's Unicode escapes: the page reads the same without a UTF-8 preprocessor.
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    # A line starting with . or ' would be a roff request; \& is a zero-width guard.
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.MULTILINE)


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".")


def _usage(parser: argparse.ArgumentParser) -> str:
    """The usage line, unwrapped, without argparse's ``usage:``."""
    usage = " ".join(parser.format_usage().split())
    return escape(usage.removeprefix("usage: "))


def _commands(
    parser: argparse.ArgumentParser,
) -> list[tuple[str, argparse.ArgumentParser, str]]:
    """Each (full command name, its parser, its one-line help), nested ones after their parent."""
    found: list[tuple[str, argparse.ArgumentParser, str]] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        summaries = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for command_name, command in action.choices.items():
            found.append((command.prog, command, summaries.get(command_name, "")))
            found += _commands(command)
    return found


def _command(name: str, command: argparse.ArgumentParser, summary: str) -> list[str]:
    lines = [f'.SS "{escape(name)}"', _usage(command), ".PP"]
    lines.append(escape(command.description or summary))
    # -q and --color are taken by every command: the OPTIONS section says what they do, once.
    return lines + _options(command, leave_out=GLOBAL_OPTIONS)


def _options(parser: argparse.ArgumentParser, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """A tagged paragraph per argument (not -h, not the list of subcommands, nor ``leave_out``)."""
    lines: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        if action.help == argparse.SUPPRESS or action.dest in leave_out:
            continue
        lines += [".TP", _tag(action), escape(action.help or "")]
    return lines


def _tag(action: argparse.Action) -> str:
    """How the argument is written: bold names, an italic value."""
    if not action.option_strings:
        return f"\\fI{escape(_metavar(action))}\\fR"
    names = ", ".join(f"\\fB{escape(option)}\\fR" for option in action.option_strings)
    if action.nargs == 0:
        return names
    return f"{names} \\fI{escape(_metavar(action))}\\fR"


def _metavar(action: argparse.Action) -> str:
    if isinstance(action.metavar, str):
        return action.metavar
    if action.choices is not None:
        return "{" + ",".join(str(choice) for choice in action.choices) + "}"
    return action.dest.upper() if action.option_strings else action.dest
