"""Plain-terminal output for the CLI: safe text, ANSI colour for entity and number spans, the
pager, and printing JSON (encoded by :mod:`reader.cli.json_text`).

Everything printed passes through :func:`safe` so nothing from an article reaches the terminal as a
control sequence. Colour follows ``--color``: ``always``, ``never``, or ``auto`` (the default) —
on a TTY unless ``NO_COLOR`` is set to something (https://no-color.org). Messages that are neither
errors nor the command's data go through :func:`info`, which ``--quiet`` silences.

Like every module of the CLI, this imports the core only inside functions: ``skim --help`` loads
argparse and the CLI, nothing else.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from reader.core import AddResult, ArticleMeta, Span

RESET = "\x1b[0m"
# SGR codes per label: a readable default on dark and light terminals.
LABEL_STYLES = {
    "PERSON": "\x1b[1;36m",
    "ORG": "\x1b[1;35m",
    "PLACE": "\x1b[1;32m",
    "GROUP": "\x1b[32m",
    "CARDINAL": "\x1b[33m",
    "MONEY": "\x1b[1;33m",
    "PERCENT": "\x1b[1;33m",
    "DATE": "\x1b[34m",
    "TIME": "\x1b[34m",
    "ORDINAL": "\x1b[33m",
    "QUANTITY": "\x1b[33m",
}
BOLD = "\x1b[1m"
DIM = "\x1b[2m"


COLOR_MODES = ("auto", "always", "never")


def use_colour(mode: str = "auto", stream: TextIO | None = None) -> bool:
    """Whether to colour what goes to ``stream`` (default: the current stdout).

    ``mode`` is ``--color``: ``always`` and ``never`` decide; ``auto`` colours a terminal unless
    ``NO_COLOR`` is set to a non-empty value (an empty ``NO_COLOR`` does not count, as no-color.org
    says), so the flag given for one call overrides the variable set for a whole session.
    """
    if mode != "auto":
        return mode == "always"
    stream = stream if stream is not None else sys.stdout
    return stream.isatty() and not os.environ.get("NO_COLOR")


def info(args: argparse.Namespace, text: str, *, file: TextIO | None = None) -> None:
    """Print a message that is not the command's data (a hint, a count, a warning) to ``file``
    (default: stderr), unless ``--quiet``."""
    if not getattr(args, "quiet", False):
        print(text, file=file if file is not None else sys.stderr)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with ``noun`` in the right number: "1 highlight", "2 highlights", "0 highlights".

    ``plural`` is for nouns that do not take an "s" ("entity", "entities").
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


#: What the mark before a date inferred from the text means (``skim show`` says "inferred from
#: the text"); the mark is ``reader.core.INFERRED_MARK``.
INFERRED_LEGEND = "~ no published date: the day the text says the event happened"


def article_day(meta: ArticleMeta) -> str:
    """The article's date for a list column, 11 characters wide, never the day it was imported.

    " 2024-12-28" when published; "~2024-12-27" for an undated article whose text says when
    the event happened (explained by :data:`INFERRED_LEGEND`); " undated   " when unknown.
    """
    # The mark of an inferred date takes the space before it, so the dates line up.
    return f"{'' if meta.day_inferred else ' '}{meta.day_text('%Y-%m-%d')}".ljust(11)


def safe(text: str) -> str:
    """Text with escape sequences and control characters removed (newlines and tabs kept)."""
    from reader.core import strip_controls

    return strip_controls(text)


def style(text: str, code: str, colour: bool) -> str:
    """Wrap ``text`` in an SGR ``code`` when colouring."""
    return f"{code}{text}{RESET}" if colour and code else text


def highlight(text: str, spans: Iterable[Span], colour: bool) -> str:
    """``text`` with each span coloured by its label (spans must not overlap)."""
    text = safe(text)
    if not colour:
        return text
    parts: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < position:
            continue
        parts.append(text[position : span.start])
        parts.append(style(text[span.start : span.end], LABEL_STYLES.get(span.label, ""), colour))
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def wrap_paragraphs(body: str, spans: Iterable[Span], width: int, colour: bool) -> str:
    """Wrap each paragraph of ``body`` to ``width`` columns, colouring spans (before wrapping offsets
    would shift, so spans are applied per paragraph and the coloured text is wrapped on spaces only)."""
    import textwrap

    from reader.core import Span

    spans = sorted(spans, key=lambda s: s.start)
    out: list[str] = []
    offset = 0
    for paragraph in body.split("\n\n"):
        end = offset + len(paragraph)
        local = [
            Span(s.start - offset, s.end - offset, s.label, s.text)
            for s in spans
            if s.start >= offset and s.end <= end
        ]
        lines = textwrap.wrap(
            paragraph, width=width, break_long_words=False, break_on_hyphens=False
        )
        out.append(_colour_wrapped(paragraph, lines, local, colour))
        offset = end + 2
    return "\n\n".join(out)


def _colour_wrapped(paragraph: str, lines: list[str], spans: list[Span], colour: bool) -> str:
    """Colour spans in already-wrapped lines by mapping each line back to its paragraph offset."""
    from reader.core import Span

    if not colour:
        return safe("\n".join(lines))
    rendered: list[str] = []
    position = 0
    for line in lines:
        start = paragraph.find(line, position)
        if start == -1:  # textwrap only folds spaces, so this should not happen; stay safe anyway.
            rendered.append(safe(line))
            continue
        end = start + len(line)
        local = [
            Span(max(s.start, start) - start, min(s.end, end) - start, s.label, "")
            for s in spans
            if s.start < end and s.end > start
        ]
        rendered.append(highlight(line, local, colour))
        position = end
    return "\n".join(rendered)


def text_width() -> int:
    """The width to wrap text to: the terminal's, at most 88 columns (88 when it is unknown)."""
    return min(shutil.get_terminal_size((88, 24)).columns, 88)


def print_json(data: Any) -> None:
    """Print ``data`` as JSON; a list as one compact object per line (``list``, ``show``, ``summary``)."""
    from reader.cli.json_text import encode, encode_rows

    # One write: json.dump writes each token (500,000 writes for 10k rows, ~2 s).
    sys.stdout.write((encode_rows(data) if isinstance(data, list) else encode(data)) + "\n")


def print_json_indented(data: Any) -> None:
    """Print ``data`` as JSON indented all the way down (``stories``, ``compare``, ``tone``, ``feed list``)."""
    from reader.cli.json_text import encode

    sys.stdout.write(encode(data) + "\n")


def result_line(result: AddResult, indent: str = "") -> str:
    """One line for an imported article: ``id<TAB>title``, plus why nothing new was stored."""
    meta = result.article
    line = f"{indent}{meta.id}\t{safe(meta.title)}"
    if result.created:
        return line
    if result.reason.startswith("updated"):  # same URL, new text: the stored article was revised
        return f"{line}\t{result.reason}"
    return f"{line}\t(already in the library: {result.reason})"


def pager_command(configured: str | None = None) -> list[str] | None:
    """The pager to use: ``configured`` (the config's ``pager``), else ``$PAGER``, else ``less``.

    Empty or ``cat`` means none, as in git; None too when the program is not installed.
    """
    import shlex

    command = shlex.split(configured if configured is not None else os.environ.get("PAGER", "less"))
    if not command or command == ["cat"] or shutil.which(command[0]) is None:
        return None
    return command


@contextmanager
def paged(enabled: bool = True, configured: str | None = None) -> Iterator[None]:
    """Send what is printed inside the block through the pager when stdout is a terminal.

    Decide on colour (:func:`use_colour`) before entering: inside, stdout is a buffer.
    """
    import io
    import subprocess
    from contextlib import redirect_stdout

    command = pager_command(configured) if enabled and sys.stdout.isatty() else None
    if command is None:
        yield
        return
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        yield
    text = buffer.getvalue()
    # less: quit if it fits one screen (-F), keep colours (-R), leave the text on screen (-X).
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    encoding = sys.stdout.encoding or "utf-8"
    try:
        subprocess.run(command, input=text.encode(encoding, "replace"), env=env, check=False)
    except OSError:  # the pager could not start: print as if there were none
        sys.stdout.write(text)
