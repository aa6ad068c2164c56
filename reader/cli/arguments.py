"""Argument types and choices shared by several ``skim`` commands, and a walk over the commands."""

from __future__ import annotations

import argparse

STATES = ("inbox", "later", "archive")
SORTS = ("added", "published", "title", "source")


def positive_int(text: str) -> int:
    """An argument that must be a whole number of 1 or more (``--limit``, ``--sentences``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def ratio(text: str) -> float:
    """An argument that must be a share: more than 0 and at most 1 (``--ratio``)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1 (e.g. 0.2)")
    return value


def command_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parser of every command under ``parser``, the nested ones (``feed add``) too."""
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):
                found += [command, *command_parsers(command)]
    return found
