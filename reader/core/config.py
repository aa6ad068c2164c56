"""skim's config file (``config.toml``): reading it, checking it, and the settings in effect.

Precedence, highest first: a command-line flag (``--algorithm``, ``--out``…), the config file, a
choice stored in the library (the theme and summary picked in the reader, the last export folder),
the built-in default. The config file is the reader's own declaration, so it wins over what the
library remembers; a choice made in the reader still applies at once and for the rest of the run.

A broken file never stops skim: a TOML syntax error drops the whole file (every setting takes its
default); an unknown key or a wrong value drops that key only. Either way :attr:`Settings.problem`
holds one line naming the file, the line (when known) and the key, for the CLI to print once on
stderr and the reader to show once as a notification.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.core import paths

DEFAULT_THEME = "skim-dark"
DEFAULT_EXPORT_FOLDER = "~/skim-notes"
DEFAULT_TEMPLATE = "default"
DEFAULT_VIEW = "inbox"
DEFAULT_SORT = "added"
DEFAULT_DATE_FORMAT = "%d %b %Y"
VIEWS = ("inbox", "later", "archive", "starred", "all")
SORTS = ("added", "published", "title", "source")

#: The library settings that remember the reader's theme and last export folder.
THEME_SETTING = "theme"
EXPORT_FOLDER_SETTING = "export.folder"

#: Where a setting came from, as ``skim config --show`` names it.
DEFAULT, CONFIG_FILE, ENVIRONMENT, FLAG, LIBRARY = (
    "default",
    "config file",
    "environment",
    "flag",
    "library",
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings in effect after reading the config file, and where each came from.

    ``theme``, ``summary_algorithm`` and ``summary_length`` are None when the file leaves them out:
    then the library's stored choice applies, else the built-in default.
    """

    path: Path  # the config file (it may not exist)
    keymap: Mapping[str, str] = field(default_factory=dict)  # binding id -> keys ("H,ctrl+h")
    theme: str | None = None
    summary_algorithm: str | None = None
    summary_length: int | None = None
    export_folder: Path = field(default_factory=lambda: Path(DEFAULT_EXPORT_FOLDER).expanduser())
    export_template: str = DEFAULT_TEMPLATE
    export_filename: str = ""  # a --filename template; "" for the title's slug
    view: str = DEFAULT_VIEW
    sort: str = DEFAULT_SORT
    date_format: str = DEFAULT_DATE_FORMAT
    pager: str | None = None  # None: $PAGER, else less (see pager_command)
    editor: str | None = None  # None: $VISUAL, else $EDITOR, else a platform default
    background_analysis: bool = True  # the reader analyses new articles before they are opened
    #: Dotted key ("summary.algorithm", "config", "keymap") -> DEFAULT, CONFIG_FILE, ENVIRONMENT…
    sources: Mapping[str, str] = field(default_factory=dict)
    problem: str | None = None  # one line about a broken file, or None

    def source(self, key: str) -> str:
        """Where the setting ``key`` (dotted, as in the file) came from."""
        return self.sources.get(key, DEFAULT)


class _Bad(Exception):
    """A value the file gives that skim cannot use; the message completes "KEY must be …"."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _Bad(f"must be text, not {_shown(value)}")
    return value


def _words(value: object) -> str:
    if not _text(value).strip():
        raise _Bad("must not be empty")
    return str(value)


def _choice(choices: tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if value not in choices:
            raise _Bad(f"must be one of {', '.join(choices)}, not {_shown(value)}")
        return str(value)

    return check


def _algorithm(value: object) -> str:
    from reader.core.analysis.summary.algorithms import ALGORITHMS

    return _choice(tuple(ALGORITHMS))(value)


def _length(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"must be a whole number of sentences ≥ 1, not {_shown(value)}")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"must be true or false, not {_shown(value)}")
    return value


def _date_format(value: object) -> str:
    text = _words(value)
    try:
        datetime(2024, 3, 5, 14, 30).strftime(text)
    except ValueError as error:
        raise _Bad(f"must be a strftime format such as '%d %b %Y' ({error})") from None
    return text


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__


#: Every key the file may hold (besides the [keymap] table) and its check; dotted as in the file.
_CHECKS: dict[str, Callable[[object], object]] = {
    "theme": _words,
    "pager": _text,
    "editor": _words,
    "summary.algorithm": _algorithm,
    "summary.length": _length,
    "export.folder": _words,
    "export.template": _words,
    "export.filename": _text,
    "library.view": _choice(VIEWS),
    "library.sort": _choice(SORTS),
    "library.date_format": _date_format,
    "analysis.background": _flag,
}
_TABLES = {"summary", "export", "library", "analysis", "keymap"}
_FIELDS = {
    "theme": "theme",
    "pager": "pager",
    "editor": "editor",
    "summary.algorithm": "summary_algorithm",
    "summary.length": "summary_length",
    "export.folder": "export_folder",
    "export.template": "export_template",
    "export.filename": "export_filename",
    "library.view": "view",
    "library.sort": "sort",
    "library.date_format": "date_format",
    "analysis.background": "background_analysis",
}
_KEYS = re.compile(r"^[\w+\-]+(,[\w+\-]+)*$")


def load_settings(override: str | os.PathLike[str] | None = None) -> Settings:
    """Read the config file (``--config`` value, else ``$SKIM_CONFIG``, else the user config dir).

    Never raises: a missing file gives the defaults; a broken one gives :attr:`Settings.problem`.
    """
    path, origin = paths.config_path(override)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        # Only a file named on purpose must exist; the default one is optional.
        if origin == DEFAULT:
            return Settings(path=path, sources={"config": origin})
        return _broken(path, origin, None, "no such file")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        return _broken(path, origin, None, f"cannot be read ({reason or error})")
    return parse_settings(text, path, origin)


def parse_settings(text: str, path: Path, origin: str = DEFAULT) -> Settings:
    """The settings a config file's ``text`` gives (``path`` and ``origin`` are for messages)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\(at line (\d+), column \d+\)", message)
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        line = int(where.group(1)) if where else None
        return _broken(path, origin, line, f"not valid TOML: {reason[:1].lower()}{reason[1:]}")
    values: dict[str, Any] = {}
    sources = {"config": origin}
    problems: list[str] = []

    def bad(key: str, what: str) -> None:
        problems.append(_where(path, _line_of(text, key)) + what)

    for key, value in _flatten(data):
        if key.startswith("keymap."):
            if isinstance(value, str) and _KEYS.match(value.replace(" ", "")):
                values.setdefault("keymap", {})[key.removeprefix("keymap.")] = value.replace(
                    " ", ""
                )
                sources["keymap"] = CONFIG_FILE
            else:
                bad(key, f'{key} must be keys such as "H" or "H,ctrl+h", not {_shown(value)}')
            continue
        check = _CHECKS.get(key)
        if check is None:
            bad(key, f"unknown key {key!r}")
            continue
        try:
            checked = check(value)
        except _Bad as error:
            bad(key, f"{key} {error}")
            continue
        if key == "export.folder":
            checked = Path(str(checked)).expanduser()
        values[_FIELDS[key]] = checked
        sources[key] = CONFIG_FILE
    problem = None
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        problem = f"{problems[0]}; using the default for it{more}"
    return Settings(path=path, sources=sources, problem=problem, **values)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """``{"summary": {"length": 3}}`` as ``[("summary.length", 3)]``; keymap ids keep their dots.

    An unquoted ``article.highlight = "H"`` under ``[keymap]`` is a nested table in TOML; it means
    the binding id ``article.highlight`` all the same.
    """
    found: list[tuple[str, Any]] = []
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        nested = isinstance(value, dict) and (dotted in _TABLES or dotted.startswith("keymap."))
        if nested:
            found += _flatten(value, f"{dotted}.")
        else:
            found.append((dotted, value))
    return found


def _line_of(text: str, dotted: str) -> int | None:
    """The line where ``dotted`` is set, found the simple way (TOML gives no positions)."""
    last = dotted.rsplit(".", 1)[-1]
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("[") or "=" not in stripped:
            continue
        name = stripped.split("=", 1)[0].strip().strip("\"'")
        if name in (dotted, last) or dotted.endswith(f".{name}"):
            return number
    return None


def _where(path: Path, line: int | None) -> str:
    return f"config file {path}, line {line}: " if line else f"config file {path}: "


def _broken(path: Path, origin: str, line: int | None, what: str) -> Settings:
    return Settings(
        path=path,
        sources={"config": origin},
        problem=f"{_where(path, line)}{what}; using the defaults",
    )
