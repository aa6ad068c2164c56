"""The filters of export templates (``{{name|filter}}``, ``{{name|filter:argument}}``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from reader.core.export.logseq import logseq_block


def quote_lines(value: str) -> str:
    """Continue a Markdown blockquote over the line breaks of ``value``.

    The first line is left alone (the template writes its ``> ``); every later line gets ``> ``, or a
    bare ``>`` when it is empty, so a multi-line value can never leave the quote.
    """
    first, *rest = value.split("\n")
    return first + "".join(f"\n> {line}" if line else "\n>" for line in rest)


def yaml_scalar(value: str) -> str:
    """``value`` as one YAML flow value, quoted when YAML would otherwise misread it."""
    import yaml  # only templates that use the filter pay for the import

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's is faster, same output
    dumped: str = yaml.dump(
        value, Dumper=dumper, allow_unicode=True, default_flow_style=True, width=4096
    )
    return dumped.removesuffix("\n").removesuffix("\n...")


def format_date(value: str, pattern: str = "") -> str:
    """An ISO 8601 date or time formatted with strftime's ``pattern`` (default ``%Y-%m-%d``).

    A value that is not a date (or is empty) is left as it is.
    """
    try:
        moment: date = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return moment.strftime(pattern or "%Y-%m-%d")


def one_line(value: str) -> str:
    """``value`` on one line: runs of white space, line breaks included, become one space."""
    return " ".join(value.split())


def _logseq(value: str, depth: str = "") -> str:
    return logseq_block(value, int(depth) if depth.strip().isdigit() else 0)


#: Filters a template may apply with ``{{name|filter}}`` or ``{{name|filter:argument}}``.
FILTERS: Mapping[str, Callable[[str, str], str]] = {
    "quote": lambda value, _: quote_lines(value),
    "yaml": lambda value, _: yaml_scalar(value),
    "date": format_date,
    "oneline": lambda value, _: one_line(value),
    "logseq": _logseq,
}
