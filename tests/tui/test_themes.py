"""Theme files: the bundled themes are legible and distinct; broken files are reported and skipped."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from textual.color import Color

from reader.core.paths import bundled_dir
from reader.tui.themes import (
    BACKGROUND_VARIABLES,
    DEFAULT_THEME,
    SKIM_VARIABLES,
    TEXT_VARIABLES,
    VARIABLE_DEFAULTS,
    ThemeError,
    load_theme_file,
    load_themes,
    problems_message,
)

BUNDLED = bundled_dir("themes")
THEME_FILES = sorted(BUNDLED.glob("*.toml"))


def _luminance(color: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(Color.parse(a)), _luminance(Color.parse(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _distance(a: str, b: str) -> float:
    ca, cb = Color.parse(a), Color.parse(b)
    return float(((ca.r - cb.r) ** 2 + (ca.g - cb.g) ** 2 + (ca.b - cb.b) ** 2) ** 0.5)


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_three_bundled_themes_load_without_problems() -> None:
    loaded = load_themes([BUNDLED])
    assert loaded.problems == ()
    names = {theme.name for theme in loaded.themes}
    assert {DEFAULT_THEME, "skim-light", "skim-high-contrast"} <= names
    assert {t.name: t.dark for t in loaded.themes}["skim-light"] is False


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_theme_defines_every_skim_variable(path: Path) -> None:
    theme = load_theme_file(path)
    assert set(SKIM_VARIABLES) <= set(theme.variables)
    assert theme.background and theme.foreground


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_entity_and_number_colours_are_legible(path: Path) -> None:
    theme = load_theme_file(path)
    assert theme.background is not None and theme.foreground is not None
    needed = 7.0 if "high-contrast" in theme.name else 4.5
    for name in TEXT_VARIABLES:
        ratio = contrast(theme.variables[name], theme.background)
        assert ratio >= needed, f"{theme.name}: {name} has contrast {ratio:.2f} < {needed}"
    for name in BACKGROUND_VARIABLES:
        ratio = contrast(theme.foreground, theme.variables[name])
        assert ratio >= needed, f"{theme.name}: text on {name} has contrast {ratio:.2f}"
    assert contrast(theme.foreground, theme.background) >= needed


@pytest.mark.parametrize("path", THEME_FILES, ids=lambda p: p.stem)
def test_kinds_are_coloured_distinctly(path: Path) -> None:
    theme = load_theme_file(path)
    assert theme.foreground is not None and theme.background is not None
    colours = {name: theme.variables[name] for name in TEXT_VARIABLES}
    colours["foreground"] = theme.foreground
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        assert _distance(ca, cb) >= 48, f"{theme.name}: {a} and {b} look alike"
    backgrounds = [theme.background, *(theme.variables[n] for n in BACKGROUND_VARIABLES)]
    for ca, cb in itertools.combinations(backgrounds, 2):
        assert _distance(ca, cb) >= 24, f"{theme.name}: backgrounds {ca} and {cb} look alike"


def test_broken_files_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text('[colors]\nprimary = "#336699"\n', encoding="utf-8")
    (tmp_path / "bad-colour.toml").write_text('[colors]\nprimary = "#33669"\n', encoding="utf-8")
    (tmp_path / "not-toml.toml").write_text("name = \n", encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "bad-variable.toml").write_text(
        '[colors]\nprimary = "red"\n[variables]\nentity-person = "sparkly"\n', encoding="utf-8"
    )
    (tmp_path / "no-primary.toml").write_text('[colors]\naccent = "red"\n', encoding="utf-8")
    loaded = load_themes([BUNDLED, tmp_path, tmp_path / "missing"])
    assert "good" in {t.name for t in loaded.themes}
    assert len(loaded.problems) == 5
    joined = "\n".join(loaded.problems)
    for name in ("bad-colour", "not-toml", "binary", "bad-variable", "no-primary"):
        assert f"{name}.toml:" in joined
    message = problems_message(loaded.problems)
    assert message.startswith("Skipped 5 broken theme files")


def test_user_theme_replaces_bundled_theme_of_same_name(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        'name = "skim-dark"\n[colors]\nprimary = "#123456"\n', encoding="utf-8"
    )
    loaded = load_themes([BUNDLED, tmp_path])
    dark = {t.name: t for t in loaded.themes}["skim-dark"]
    assert dark.primary == "#123456"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('colour = "red"\n[colors]\nprimary = "red"\n', "unknown key 'colour'"),
        ('dark = "yes"\n[colors]\nprimary = "red"\n', "dark must be true or false"),
        ('[colors]\nprimary = "red"\nshiny = "blue"\n', "unknown colour 'shiny'"),
        ("[colors]\nprimary = 3\n", "must be a colour in quotes"),
        ('name = ""\n[colors]\nprimary = "red"\n', "name must be"),
    ],
)
def test_bad_values_have_actionable_messages(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError, match=fragment.replace("(", r"\(")):
        load_theme_file(path)


def test_fallback_colours_are_those_of_the_default_theme() -> None:
    dark = load_theme_file(BUNDLED / f"{DEFAULT_THEME}.toml")
    assert {name: dark.variables[name] for name in SKIM_VARIABLES} == VARIABLE_DEFAULTS
