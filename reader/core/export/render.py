"""Render one article as Markdown with a template, and find templates by name or path."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime
from importlib import resources
from pathlib import Path

from reader.core.export.context import SUMMARY_VARIABLES, VARIABLES, build_context
from reader.core.export.templating import Template, TemplateError, parse
from reader.core.models import Annotation, Article
from reader.core.results import Summary

#: Templates shipped with skim, in ``reader/core/export/templates/NAME.md.tmpl``.
BUILTIN_TEMPLATES = ("default", "brief", "logseq")
#: Users' templates live in ``<data dir>/templates/NAME.md`` (a name there wins over a built-in).
USER_TEMPLATE_SUFFIX = ".md"
#: Templates larger than this are refused: a template is a page of Markdown, not a data file.
MAX_TEMPLATE_BYTES = 256 * 1024

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_BLANK_RUN = re.compile(r"\n{3,}")


def render_markdown(
    article: Article,
    annotations: Sequence[Annotation],
    summary: Summary | None,
    *,
    template: Template,
    exported_at: datetime,
    combined: bool = False,
) -> str:
    """The Markdown text of one article: a pure function of its arguments.

    Runs of blank lines left by empty sections fold into one, and the text ends with one line break,
    so the same data always gives the same bytes.

    Args:
        article: the article.
        annotations: its highlights, in text order.
        summary: its summary (None when ``template`` does not use it; see :func:`needs_summary`).
        template: a parsed template (:func:`load_template`).
        exported_at: the time written as ``exported``.
        combined: the article shares a file with others (no front matter).
    """
    context = build_context(
        article,
        annotations,
        summary,
        exported_at=exported_at,
        combined=combined,
        used=template.names,
    )
    text = _BLANK_RUN.sub("\n\n", template.render(context))
    return text.strip("\n") + "\n"


def file_stem(article: Article, template: Template, exported_at: datetime) -> str:
    """What a ``--filename`` template makes of ``article`` (before it is made safe as a name)."""
    context = build_context(article, (), None, exported_at=exported_at, used=template.names)
    return template.render(context)


def filename_template(text: str) -> Template:
    """A ``--filename`` template (``{{title}}``, ``{{published|date}} {{title}}``), checked.

    Raises:
        TemplateError: it uses an unknown variable or filter, or is not a template.
    """
    return checked(parse(text, "--filename"))


def needs_summary(template: Template) -> bool:
    """Whether ``template`` shows the summary (so the caller must compute one)."""
    return bool(template.names & SUMMARY_VARIABLES)


@functools.cache
def builtin_template(name: str) -> Template:
    """A template shipped with skim (``default`` or ``brief``), parsed and checked."""
    if name not in BUILTIN_TEMPLATES:
        raise TemplateError(f"there is no built-in template {name!r}")
    text = (resources.files(__package__) / "templates" / f"{name}.md.tmpl").read_text("utf-8")
    return checked(parse(text, name))


def checked(template: Template) -> Template:
    """``template`` after checking that every variable it uses exists."""
    template.check(VARIABLES)
    return template


def load_template(spec: str, data_dir: Path | None = None) -> Template:
    """Find a template: a name in ``<data_dir>/templates`` or a built-in name, else a file path.

    A bare name (letters, digits, ``-``, ``_``) is a name; anything else (``./mine``, ``mine.md``) is
    a path.

    The returned template's ``name`` is what to ask for to load it again from anywhere: the name, or
    the absolute path of a file.

    Raises:
        TemplateError: no such template, it cannot be read, or it is not a valid template.
    """
    if _NAME.match(spec):
        if data_dir is not None:
            user = data_dir / "templates" / f"{spec}{USER_TEMPLATE_SUFFIX}"
            if user.is_file():
                return checked(parse(_read(user, spec), spec))
        if spec in BUILTIN_TEMPLATES:
            return builtin_template(spec)
        where = (
            f" or put {spec}{USER_TEMPLATE_SUFFIX} in {data_dir / 'templates'}" if data_dir else ""
        )
        names = ", ".join(BUILTIN_TEMPLATES)
        raise TemplateError(
            f"there is no template {spec!r}; give a file path{where} (built in: {names})"
        )
    path = Path(spec).expanduser().resolve()
    return checked(parse(_read(path, spec), str(path)))


def _read(path: Path, shown: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TemplateError(f"{shown}: no such template file") from None
    except IsADirectoryError:
        raise TemplateError(f"{shown}: is a folder, not a template file") from None
    except OSError as error:
        raise TemplateError(f"{shown}: cannot read the template: {error.strerror}") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"{shown}: too large for a template ({len(data)} bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(f"{shown}: not UTF-8 text; save the template as UTF-8") from None
