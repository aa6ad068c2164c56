"""A progress bar on stderr for the long commands (``skim add DIR``, ``feed update``, ``export``,
``import-from``), drawn with Rich.

The bar is shown only when stderr is a terminal and ``--quiet`` is not given: a pipe, a file or a
log gets nothing extra. Rich is imported only then, so ordinary commands do not pay for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.cli.output import safe, use_colour

if TYPE_CHECKING:
    from reader.core import Progress


def wanted(args: argparse.Namespace) -> bool:
    """Whether to draw a bar: stderr is a terminal and the user did not ask for ``--quiet``."""
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


@contextmanager
def progress_bar(args: argparse.Namespace, description: str) -> Iterator[Progress | None]:
    """A :class:`~reader.core.Progress` drawing a bar on stderr while the block runs, or None
    when no bar is wanted (then pass None on: the library reports nowhere).

    The bar is removed when the block ends, so what stays on screen is the command's own output.
    """
    if not wanted(args):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar
    from rich.table import Column

    console = Console(
        file=sys.stderr,
        no_color=not use_colour(getattr(args, "color", "auto"), sys.stderr),
        highlight=False,
    )
    bar = Bar(
        TextColumn(description, markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        # File names and titles are data: never markup, never control sequences, one line.
        TextColumn(
            "{task.fields[label]}",
            markup=False,
            table_column=Column(no_wrap=True, overflow="ellipsis"),
        ),
        console=console,
        transient=True,
        # Lines printed while the bar runs go above it, but only when stdout is this terminal too:
        # output piped to a file must stay on stdout.
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=True,
    )
    with bar:
        task = bar.add_task(description, total=None, label="")

        def report(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, label=safe(label).replace("\n", " "))

        yield report
