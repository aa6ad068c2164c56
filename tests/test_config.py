"""The config file in the core: reading, checking, precedence, and the remembered list state."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import (
    ListState,
    Settings,
    default_export_folder,
    editor_command,
    load_settings,
    open_library,
    pager_command,
    read_list_state,
    write_list_state,
)
from reader.core.config import parse_settings

FULL = """\
theme = "skim-light"
pager = "most"
editor = "code --wait"

[keymap]
"library.archive" = "z"
article.highlight = "H,ctrl+h"

[summary]
algorithm = "lsa"
length = 5

[export]
folder = "~/notes/skim"
template = "brief"

[library]
view = "later"
sort = "title"
date_format = "%Y-%m-%d"

[analysis]
background = false
"""


def test_every_key_is_read_with_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/r")
    settings = parse_settings(FULL, Path("/c/config.toml"))
    assert settings.problem is None
    assert settings.keymap == {"library.archive": "z", "article.highlight": "H,ctrl+h"}
    assert (settings.theme, settings.summary_algorithm, settings.summary_length) == (
        "skim-light",
        "lsa",
        5,
    )
    assert settings.export_folder == Path("/home/r/notes/skim")
    assert settings.export_template == "brief"
    assert (settings.view, settings.sort, settings.date_format) == ("later", "title", "%Y-%m-%d")
    assert (settings.pager, settings.editor) == ("most", "code --wait")
    assert settings.background_analysis is False
    assert settings.source("analysis.background") == "config file"
    assert settings.source("summary.length") == "config file"
    assert settings.source("keymap") == "config file"


def test_an_empty_file_gives_the_defaults() -> None:
    settings = parse_settings("", Path("config.toml"))
    assert settings.problem is None
    assert settings.keymap == {}
    assert settings.theme is None and settings.summary_algorithm is None
    assert (settings.view, settings.sort, settings.export_template) == ("inbox", "added", "default")
    assert settings.export_folder == Path("~/skim-notes").expanduser()
    assert settings.background_analysis is True
    assert settings.source("library.view") == "default"


def test_a_syntax_error_names_file_and_line_and_drops_the_whole_file() -> None:
    text = 'theme = "skim-light"\n[library]\nview = later\n'
    settings = parse_settings(text, Path("/c/config.toml"))
    assert settings.problem == (
        "config file /c/config.toml, line 3: not valid TOML: invalid value; using the defaults"
    )
    assert settings.theme is None and settings.view == "inbox"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '[library]\nveiw = "later"\n',
            "config file /c.toml, line 2: unknown key 'library.veiw'; using the default for it",
        ),
        (
            '[summary]\nlength = "five"\n',
            "config file /c.toml, line 2: summary.length must be a whole number of sentences ≥ 1,"
            " not 'five'; using the default for it",
        ),
        (
            '[summary]\nalgorithm = "magic"\n',
            "config file /c.toml, line 2: summary.algorithm must be one of luhn, edmundson, lsa,"
            " lexrank, textrank, sumbasic, kl, reduction, lead, skim, not 'magic';"
            " using the default for it",
        ),
        (
            '[library]\nsort = 3\nview = "nowhere"\n',
            "config file /c.toml, line 2: library.sort must be one of added, published, title,"
            " source, not 3; using the default for it (and 1 more)",
        ),
        (
            '[keymap]\n"library.archive" = 7\n',
            'config file /c.toml, line 2: keymap.library.archive must be keys such as "H" or'
            ' "H,ctrl+h", not 7; using the default for it',
        ),
        (
            '[analysis]\nbackground = "yes"\n',
            "config file /c.toml, line 2: analysis.background must be true or false, not 'yes';"
            " using the default for it",
        ),
        (
            'colours = "loud"\n',
            "config file /c.toml, line 1: unknown key 'colours'; using the default for it",
        ),
    ],
)
def test_a_bad_key_is_one_line_naming_file_line_and_key(text: str, problem: str) -> None:
    settings = parse_settings(text, Path("/c.toml"))
    assert settings.problem == problem


def test_a_bad_key_keeps_the_good_ones() -> None:
    settings = parse_settings('theme = "skim-light"\n[library]\nview = "nowhere"\n', Path("c"))
    assert settings.theme == "skim-light"
    assert settings.view == "inbox"
    assert settings.problem is not None


def test_the_algorithm_list_in_the_message_is_the_real_one() -> None:
    from reader.core import ALGORITHMS

    problem = parse_settings('[summary]\nalgorithm = "x"\n', Path("c")).problem
    assert problem is not None and ", ".join(ALGORITHMS) in problem


def test_the_file_is_found_by_flag_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flagged, env = tmp_path / "flag.toml", tmp_path / "env.toml"
    flagged.write_text('theme = "a"\n', encoding="utf-8")
    env.write_text('theme = "b"\n', encoding="utf-8")
    monkeypatch.setenv("SKIM_CONFIG", str(env))
    assert load_settings(flagged).theme == "a"
    assert load_settings(flagged).source("config") == "flag"
    assert load_settings().theme == "b"
    assert load_settings().source("config") == "environment"


def test_a_missing_file_is_a_problem_only_when_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nope.toml"
    assert load_settings(missing).problem == (
        f"config file {missing}: no such file; using the defaults"
    )
    monkeypatch.delenv("SKIM_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    settings = load_settings()
    assert settings.problem is None
    assert settings.path == tmp_path / "xdg" / "skim" / "config.toml"


def test_an_unreadable_file_is_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "config.toml"
    binary.write_bytes(b"\xff\xfe\x00theme")
    assert load_settings(binary).problem == (
        f"config file {binary}: cannot be read (not UTF-8 text); using the defaults"
    )


def test_editor_comes_from_config_then_visual_then_editor_then_a_default() -> None:
    configured = parse_settings('editor = "code --wait"\n', Path("c"))
    env = {"VISUAL": "nvim", "EDITOR": "nano"}
    assert editor_command(configured, env) == (["code", "--wait"], "config file")
    assert editor_command(None, env) == (["nvim"], "environment")
    assert editor_command(None, {"EDITOR": "nano -w"}) == (["nano", "-w"], "environment")
    assert editor_command(None, {}, platform="linux") == (["vi"], "default")
    assert editor_command(None, {}, platform="win32") == (["notepad"], "default")
    assert editor_command(None, {"VISUAL": " ", "EDITOR": "nano -w"})[0] == ["nano", "-w"]
    assert editor_command(None, {"EDITOR": "'unbalanced"})[0] == ["'unbalanced"]


def test_pager_comes_from_config_then_pager_then_less() -> None:
    assert pager_command(parse_settings('pager = ""\n', Path("c")), {"PAGER": "more"}) == (
        "",
        "config file",
    )
    assert pager_command(None, {"PAGER": "more"}) == ("more", "environment")
    assert pager_command(None, {}) == ("less", "default")


def test_export_folder_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/r")
    plain = Settings(path=Path("c"))
    configured = parse_settings('[export]\nfolder = "/srv/notes"\n', Path("c"))
    assert default_export_folder(configured, "/last") == (Path("/srv/notes"), "config file")
    assert default_export_folder(plain, "/last") == (Path("/last"), "library")
    assert default_export_folder(plain) == (Path("/home/r/skim-notes"), "default")


def test_the_config_summary_wins_over_the_stored_one_until_changed(tmp_path: Path) -> None:
    library = open_library(tmp_path / "data")
    try:
        library.analysis.set_summary_choice(algorithm="luhn", sentences=4)
        library.analysis.prefer(algorithm="lsa", sentences=None)
        assert library.analysis.summary_choice() == ("lsa", 4)
        library.analysis.set_summary_choice(algorithm="kl")  # the reader's S: applies at once
        assert library.analysis.summary_choice() == ("kl", 4)
    finally:
        library.close()


def test_list_state_round_trip_and_bad_files_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "state" / "reader-state.json"
    assert read_list_state(path) is None
    assert write_list_state(ListState("later", "title", False), path)
    assert read_list_state(path) == ListState("later", "title", False)
    assert [p.name for p in path.parent.iterdir()] == ["reader-state.json"]  # no temporary left
    for junk in ("{", "[]", '{"view": "nowhere", "sort": "added", "descending": true}'):
        path.write_text(junk, encoding="utf-8")
        assert read_list_state(path) is None


def test_a_state_dir_that_cannot_be_written_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert not write_list_state(ListState("all", "added", True), blocker / "reader-state.json")


def test_state_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKIM_STATE_DIR", str(tmp_path / "st"))
    assert write_list_state(ListState("starred", "source", False))
    assert (tmp_path / "st" / "reader-state.json").is_file()
    assert read_list_state() == ListState("starred", "source", False)


def test_the_readme_example_is_valid_and_gives_the_defaults() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    settings = parse_settings(example, Path("README.md"))
    defaults = Settings(path=Path("README.md"))
    assert settings.problem is None
    assert settings.keymap == {"library.archive": "z", "article.highlight": "H,ctrl+h"}
    names = ("export_folder", "export_template", "view", "sort", "date_format")
    for name in (*names, "background_analysis"):
        assert getattr(settings, name) == getattr(defaults, name), name
    assert (settings.theme, settings.summary_algorithm, settings.summary_length) == (
        "skim-dark",
        "skim",
        3,
    )
    assert (settings.pager, settings.editor) == ("less", "vi")
