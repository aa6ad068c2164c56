"""The config file on the command line: ``--config``, ``skim config --path|--show [--json]``.

:func:`load` reads the file once per run and prints a broken file's one line on stderr (the exit
status is not changed by it); :func:`apply` hands the library what the file says about it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader.cli.output import print_json, safe

if TYPE_CHECKING:
    from reader.core import Library, Settings


def add_config_command(commands: Any) -> None:
    """Add ``skim config`` to ``skim``'s subparsers."""
    config = commands.add_parser(
        "config",
        help="where the config file is, and the settings in effect",
        description=(
            "Show the config file's path, or every setting in effect with where it came from "
            "(default, config file, environment, flag, library)."
        ),
    )
    what = config.add_mutually_exclusive_group(required=True)
    what.add_argument("--path", action="store_true", help="print the config file's path")
    what.add_argument("--show", action="store_true", help="print the settings and their sources")
    config.add_argument("--json", action="store_true", help="with --show: print a JSON object")


def load(args: argparse.Namespace, *, report: bool = True) -> Settings:
    """Read the config file named by ``--config`` (or the default one); report a problem once.

    With ``report``, a broken file's line goes to stderr.
    """
    from reader.core import clean_line, load_settings

    settings = load_settings(getattr(args, "config", None))
    if report and settings.problem:
        print(f"skim: {clean_line(settings.problem)}", file=sys.stderr)
    return settings


def apply(library: Library, settings: Settings) -> None:
    """Make the library use the config file's summary choice over its stored one."""
    library.analysis.prefer(algorithm=settings.summary_algorithm, sentences=settings.summary_length)


def config(args: argparse.Namespace, settings: Settings) -> int:
    """``skim config``: the path, or the settings in effect (``--json`` for an object)."""
    if args.json and not args.show:
        from reader.core import InvalidArgument

        raise InvalidArgument("--json goes with --show")
    if args.path:
        print(safe(str(settings.path)))
        return 0
    from reader.core import open_library

    library = open_library(args.data_dir)
    try:
        apply(library, settings)
        rows = effective(library, settings)
    finally:
        library.close()
    if args.json:
        print_json({key: {"value": value, "source": source} for key, value, source in rows})
    else:
        for key, value, source in rows:
            shown = str(value).lower() if isinstance(value, bool) else str(value)  # as in TOML
            print(f"{key}\t{safe(shown)}\t{source}")
    return 0


def effective(library: Library, settings: Settings) -> list[tuple[str, object, str]]:
    """Every setting as (key as in the file, value in effect, where it came from)."""
    from reader.core import (
        DEFAULT_THEME,
        EXPORT_FOLDER_SETTING,
        SUMMARY_ALGORITHM_SETTING,
        SUMMARY_SENTENCES_SETTING,
        THEME_SETTING,
        default_export_folder,
        editor_command,
        pager_command,
    )

    def stored(key: str, library_key: str) -> str:
        if settings.source(key) != "default":
            return settings.source(key)
        return "library" if library.get_setting(library_key) else "default"

    algorithm, length = library.analysis.summary_choice()
    folder, folder_source = default_export_folder(
        settings, library.get_setting(EXPORT_FOLDER_SETTING)
    )
    editor, editor_source = editor_command(settings)
    pager, pager_source = pager_command(settings)
    theme = settings.theme or library.get_setting(THEME_SETTING) or DEFAULT_THEME
    rows: list[tuple[str, object, str]] = [
        ("config", str(settings.path), settings.source("config")),
        ("theme", theme, stored("theme", THEME_SETTING)),
        ("summary.algorithm", algorithm, stored("summary.algorithm", SUMMARY_ALGORITHM_SETTING)),
        ("summary.length", length, stored("summary.length", SUMMARY_SENTENCES_SETTING)),
        ("export.folder", str(folder), folder_source),
        ("export.template", settings.export_template, settings.source("export.template")),
        ("library.view", settings.view, settings.source("library.view")),
        ("library.sort", settings.sort, settings.source("library.sort")),
        ("library.date_format", settings.date_format, settings.source("library.date_format")),
        (
            "analysis.background",
            settings.background_analysis,
            settings.source("analysis.background"),
        ),
        ("pager", pager, pager_source),
        ("editor", " ".join(editor), editor_source),
    ]
    rows += [(f"keymap.{key}", keys, "config file") for key, keys in settings.keymap.items()]
    return rows
