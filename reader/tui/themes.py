"""Theme files: load TOML themes from the bundled ``themes/`` folder and the user's data dir.

Textual has no theme-file loader, so skim reads its own. A theme file looks like::

    name = "my-theme"          # optional; the file name (without .toml) otherwise
    dark = true                # optional; true by default

    [colors]                   # Textual's base colours; primary is required
    primary = "#5fa8d3"
    background = "#1b1d23"
    foreground = "#e6e6e6"

    [variables]                # skim's own colours (see SKIM_VARIABLES); missing ones use defaults
    entity-person = "#ff9ec4"
    user-highlight = "#5c4a12"

Every colour is checked (a bad colour crashed the app when the theme was applied), and the theme's
full colour system is generated once before it is accepted. A broken file never stops the others:
its problem is collected, and the app reports all of them in one notification.

Meaning of skim's variables, so theme authors and widgets agree:

* ``entity-*`` and ``number-*`` are **text** colours, drawn on the theme background.
* ``user-highlight``, ``sentence-cursor`` and ``summary-sentence`` are **background** colours
  (used as ``on $user-highlight``), drawn under the theme's foreground text.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from reader.core import DEFAULT_THEME as DEFAULT_THEME  # re-exported for the app and tests
from reader.core import SkimError

ENTITY_VARIABLES = ("entity-person", "entity-org", "entity-place", "entity-group")
NUMBER_VARIABLES = (
    "number-cardinal",
    "number-money",
    "number-percent",
    "number-date",
    "number-time",
    "number-ordinal",
    "number-quantity",
)
TEXT_VARIABLES = ENTITY_VARIABLES + NUMBER_VARIABLES
BACKGROUND_VARIABLES = ("user-highlight", "sentence-cursor", "summary-sentence", "tone-evidence")
#: Find matches: shown reversed, so the letters take the background colour over these.
FIND_VARIABLES = ("find-match", "find-current")
SKIM_VARIABLES = TEXT_VARIABLES + BACKGROUND_VARIABLES + FIND_VARIABLES

#: Fallbacks for themes that leave skim's variables out (the values of the default dark theme).
VARIABLE_DEFAULTS: dict[str, str] = {
    "entity-person": "#ff9ec4",
    "entity-org": "#7aa8ff",
    "entity-place": "#8fe388",
    "entity-group": "#c9a6ff",
    "number-cardinal": "#f5d76e",
    "number-money": "#3fd9a5",
    "number-percent": "#ff9f5a",
    "number-date": "#5fe3f0",
    "number-time": "#c0f040",
    "number-ordinal": "#ff7070",
    "number-quantity": "#ff80ff",
    "user-highlight": "#5c4a12",
    "sentence-cursor": "#2f3f5a",
    "summary-sentence": "#263a2e",
    "tone-evidence": "#5e2a44",
    "find-match": "#e0b040",
    "find-current": "#ff8c3a",
}

_COLOR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_TOP_KEYS = {"name", "dark", "colors", "variables"}
# Textual variables that hold a text style rather than a colour (e.g. "bold").
_STYLE_WORDS = {"bold", "italic", "underline", "reverse", "dim", "strike", "none", "not"}


class ThemeError(SkimError):
    """A theme file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ThemeLoad:
    """The themes found in some folders, and one line per file that had to be skipped."""

    themes: tuple[Theme, ...]
    problems: tuple[str, ...]


def _check_color(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ThemeError(f'{where} must be a colour in quotes, like "#1b1d23"')
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeError(f'{where}: {value!r} is not a colour (try "#rrggbb")') from None
    return value


def _check_variable(name: str, value: object) -> str:
    if name.endswith("-text-style") and isinstance(value, str):
        if not set(value.split()) <= _STYLE_WORDS:
            raise ThemeError(f'variables.{name}: {value!r} is not a text style (e.g. "bold")')
        return value
    return _check_color(value, f"variables.{name}")


def _table(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ThemeError(f"[{key}] must be a table")
    return value


def theme_from_dict(data: Mapping[str, object], *, default_name: str) -> Theme:
    """Build a validated :class:`Theme` from parsed TOML.

    Args:
        data: the parsed file.
        default_name: the name to use when the file has no ``name`` (its stem).

    Raises:
        ThemeError: a missing or bad value; the message says which.
    """
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ThemeError(f"unknown key {unknown[0]!r} (expected name, dark, [colors], [variables])")
    name = data.get("name", default_name)
    if not isinstance(name, str) or not name.strip():
        raise ThemeError("name must be a non-empty string")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError("dark must be true or false")
    colors = _table(data, "colors")
    bad = sorted(set(colors) - set(_COLOR_KEYS))
    if bad:
        raise ThemeError(f"[colors] has unknown colour {bad[0]!r}")
    if "primary" not in colors:
        raise ThemeError("[colors] needs at least primary")
    checked = {key: _check_color(value, f"colors.{key}") for key, value in colors.items()}
    variables = {
        str(key): _check_variable(str(key), value)
        for key, value in _table(data, "variables").items()
    }
    theme = Theme(
        name=name.strip(),
        primary=checked["primary"],
        secondary=checked.get("secondary"),
        warning=checked.get("warning"),
        error=checked.get("error"),
        success=checked.get("success"),
        accent=checked.get("accent"),
        foreground=checked.get("foreground"),
        background=checked.get("background"),
        surface=checked.get("surface"),
        panel=checked.get("panel"),
        boost=checked.get("boost"),
        dark=dark,
        variables=variables,
    )
    try:
        # Generating the colour system is what applying the theme does; fail here, not later.
        theme.to_color_system().generate()
    except Exception as error:  # any failure at all means the theme is unusable
        raise ThemeError(f"the colours do not combine into a theme ({error})") from None
    return theme


def load_theme_file(path: Path) -> Theme:
    """Read and validate one theme file.

    Raises:
        ThemeError: the file cannot be read, is not TOML, or holds a bad value; the message
            starts with the file name.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ThemeError(f"{path.name}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise ThemeError(f"{path.name}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"{path.name}: not valid TOML ({error})") from None
    try:
        return theme_from_dict(data, default_name=path.stem)
    except ThemeError as error:
        raise ThemeError(f"{path.name}: {error}") from None


def load_themes(folders: Iterable[Path]) -> ThemeLoad:
    """Load every ``*.toml`` theme from ``folders`` in order; later themes replace same-named ones.

    Folders that do not exist are skipped silently (a user without a themes folder is normal).
    """
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = load_theme_file(path)
            except ThemeError as error:
                problems.append(str(error))
                continue
            themes[theme.name] = theme
    return ThemeLoad(tuple(themes.values()), tuple(problems))


def problems_message(problems: Iterable[str]) -> str:
    """One notification text for every theme file that was skipped."""
    lines = list(problems)
    noun = "file" if len(lines) == 1 else "files"
    return f"Skipped {len(lines)} broken theme {noun}:\n" + "\n".join(f"• {p}" for p in lines)
