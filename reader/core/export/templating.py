"""A small, safe template language for exports: a subset of Mustache, with no HTML escaping.

Users write their own export templates, so the language can only *insert* values: it has no
expressions, calls or attribute access beyond dictionary keys, and cannot run code. Syntax::

    {{name}}  {{name.key}}  {{.}}      insert a value ({{.}} is the current list item)
    {{list.length}}                    the number of items of a list (as in Omnivore's templates)
    {{name|quote}}  {{name|yaml}}      insert a value through a filter (see FILTERS)
    {{name|date:%d %B %Y}}             a filter with an argument (also ``date("%Y")``)
    {{#name}}…{{/name}}                a section: once per item of a list, once for any other
                                       non-empty value, not at all for an empty one
    {{^name}}…{{/name}}                an inverted section: only when the value is empty
    {{! a comment }}

``{{{name}}}`` (Mustache's unescaped form) is accepted and means ``{{name}}``. A section or comment tag alone on its line takes the whole line with it, as in Mustache, so templates
can put tags on their own lines without leaving blank lines behind. Values are inserted as they are
(Markdown needs no escaping); the caller cleans them first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.errors import UsageError
from reader.core.export.filters import FILTERS, format_date, one_line, quote_lines, yaml_scalar

#: A template's variables: a name maps to None (a plain value) or to the schema of its items
#: (for a list of mappings, or a mapping).
Schema = Mapping[str, "Schema | None"]

# {{{name}}} is Mustache's "unescaped" form; nothing is escaped here, so it means {{name}}.
_TAG = re.compile(r"\{\{\{([^{}]*)\}\}\}|\{\{([^{}]*)\}\}")
_NAME = re.compile(r"^(?:\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$")
# A filter's argument: ``date:%Y`` or ``date("%Y")`` / ``date('%Y')``.
_FILTER = re.compile(r"""^([A-Za-z_]+)\s*(?::(.*)|\(\s*(["'])(.*)\3\s*\))?$""", re.DOTALL)
#: ``{{list.length}}``: how many items a list has.
LENGTH = "length"


__all__ = ["FILTERS", "format_date", "one_line", "quote_lines", "yaml_scalar"]  # their old home


class TemplateError(UsageError):
    """A template cannot be read, or uses a tag or variable that does not exist."""


@dataclass(frozen=True, slots=True)
class _Var:
    path: tuple[str, ...]
    filter: str | None
    line: int
    argument: str = ""


@dataclass(frozen=True, slots=True)
class _Section:
    path: tuple[str, ...]
    inverted: bool
    children: tuple[_Node, ...]
    line: int


_Node = str | _Var | _Section


#: Sections nest at most this deep; skim's own templates use 3.
MAX_NESTING = 16
#: The most text one article's rendering may make (nested list sections multiply: eight levels
#: over a few highlights made a 380 MB file).
MAX_OUTPUT = 20_000_000


class _Output(list[str]):
    """The rendered pieces, refusing to grow past :data:`MAX_OUTPUT` characters."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.size = 0

    def add(self, text: str) -> None:
        self.size += len(text)
        if self.size > MAX_OUTPUT:
            raise TemplateError(
                f"{self.name}: makes more than {MAX_OUTPUT // 1_000_000} million characters for "
                "one article (sections over lists nested in each other multiply)"
            )
        self.append(text)


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed template; :meth:`render` fills it in.

    Attributes:
        name: where it came from, for error messages (a path or a built-in name).
        nodes: the parsed text and tags.
        names: the first part of every name the template uses (to skip work it does not need).
    """

    name: str
    nodes: tuple[_Node, ...]
    names: frozenset[str] = field(default=frozenset())

    def render(self, context: Mapping[str, Any]) -> str:
        """Fill the template in with ``context`` (mappings, lists and plain values)."""
        out = _Output(self.name)
        _render(self.nodes, [context], out)
        return "".join(out)

    def check(self, schema: Schema) -> None:
        """Raise TemplateError naming the first variable that ``schema`` does not define."""
        _check(self.nodes, [schema], self.name)


def parse(text: str, name: str = "template") -> Template:
    """Parse template ``text``; ``name`` is used in error messages.

    Raises:
        TemplateError: an unknown tag or filter, a section left open or closed twice.
    """
    stack: list[tuple[tuple[str, ...], bool, int, list[_Node]]] = [((), False, 0, [])]
    names: set[str] = set()
    position = 0
    for match in _TAG.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        triple = match.group(1) is not None
        content = (match.group(1) if triple else match.group(2)).strip()
        kind = "" if triple else content[:1] if content[:1] in "#^/!" else ""
        start, end = match.start(), match.end()
        if kind:
            start, end = _standalone(text, start, end, position)
        _add_text(stack[-1][3], text[position:start], name, text.count("\n", 0, position) + 1)
        position = end
        if kind == "!":
            continue
        target, _, filter_name = (content[1:] if kind else content).partition("|")
        path = _path(target.strip(), name, line)
        if path[0] != ".":
            names.add(path[0])
        if kind in ("#", "^"):
            if len(stack) > MAX_NESTING:
                raise TemplateError(
                    f"{name} line {line}: sections nest more than {MAX_NESTING} deep"
                )
            stack.append((path, kind == "^", line, []))
        elif kind == "/":
            if len(stack) == 1 or stack[-1][0] != path:
                raise TemplateError(f"{name} line {line}: {{{{/{target.strip()}}}}} closes nothing")
            opened, inverted, opened_line, children = stack.pop()
            stack[-1][3].append(_Section(opened, inverted, tuple(children), opened_line))
        else:
            found = _FILTER.match(filter_name.strip())
            filter_name = found.group(1) if found else filter_name.strip()
            if filter_name and (found is None or filter_name not in FILTERS):
                known = ", ".join(FILTERS)
                raise TemplateError(
                    f"{name} line {line}: unknown filter {filter_name!r} (known: {known})"
                )
            argument = (found.group(2) or found.group(4) or "") if found else ""
            stack[-1][3].append(_Var(path, filter_name or None, line, argument))
    _add_text(stack[-1][3], text[position:], name, text.count("\n", 0, position) + 1)
    if len(stack) > 1:
        path, _, line, _ = stack[-1]
        raise TemplateError(f"{name} line {line}: {{{{#{'.'.join(path)}}}}} is never closed")
    return Template(name, tuple(stack[0][3]), frozenset(names))


def _standalone(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """Widen a tag alone on its line to the whole line (indentation and line break included)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if line_start < position or text[line_start:start].strip() or text[end:line_end].strip():
        return start, end
    return line_start, min(line_end + 1, len(text))


def _add_text(nodes: list[_Node], text: str, name: str, line: int) -> None:
    if "{{" in text or "}}" in text:
        offset = text.find("{{") if "{{" in text else text.find("}}")
        at = line + text.count("\n", 0, offset)
        raise TemplateError(f"{name} line {at}: a '{{{{' or '}}}}' that is not a complete tag")
    if text:
        nodes.append(text)


def _path(target: str, name: str, line: int) -> tuple[str, ...]:
    if not _NAME.match(target):
        raise TemplateError(f"{name} line {line}: {target!r} is not a variable name")
    return (".",) if target == "." else tuple(target.split("."))


def _lookup(stack: Sequence[Any], path: tuple[str, ...]) -> Any:
    if path == (".",):
        return stack[-1]
    value: Any = None
    for frame in reversed(stack):
        if isinstance(frame, Mapping) and path[0] in frame:
            value = frame[path[0]]
            break
    for key in path[1:]:
        if isinstance(value, list | tuple) and key == LENGTH:
            value = len(value)
        else:
            value = value.get(key) if isinstance(value, Mapping) else None
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(_text(item) for item in value)
    return str(value)


def _render(nodes: Sequence[_Node], stack: list[Any], out: _Output) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.add(node)
        elif isinstance(node, _Var):
            text = _text(_lookup(stack, node.path))
            out.add(FILTERS[node.filter](text, node.argument) if node.filter else text)
        else:
            value = _lookup(stack, node.path)
            if node.inverted:
                if not value:
                    _render(node.children, stack, out)
                continue
            items = value if isinstance(value, list | tuple) else [value] if value else []
            for item in items:
                stack.append(item)
                _render(node.children, stack, out)
                stack.pop()


def _check(nodes: Sequence[_Node], schemas: list[Schema | None], name: str) -> None:
    for node in nodes:
        if isinstance(node, str):
            continue
        found, inner = _resolve(schemas, node.path)
        if not found:
            raise TemplateError(
                f"{name} line {node.line}: unknown variable {'.'.join(node.path)!r}"
                " (see the template variables in the README)"
            )
        if isinstance(node, _Section):
            # Inside a section over a list of mappings, the item's names come first.
            _check(node.children, [*schemas, inner], name)


def _resolve(schemas: Sequence[Schema | None], path: tuple[str, ...]) -> tuple[bool, Schema | None]:
    if path == (".",):
        return len(schemas) > 1, schemas[-1]
    for schema in reversed(schemas):
        if schema is not None and path[0] in schema:
            inner = schema[path[0]]
            for key in path[1:]:
                if inner is not None and key == LENGTH and key not in inner:
                    inner = None  # the length of a list
                    continue
                if inner is None or key not in inner:
                    return False, None
                inner = inner[key]
            return True, inner
    return False, None
