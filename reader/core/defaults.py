"""Values the config file may leave to the library or the environment, with where each came from.

The export folder (config, else the folder the reader last used, else ``~/skim-notes``), the
editor (config, ``$VISUAL``, ``$EDITOR``, a platform default) and the pager (config, ``$PAGER``,
``less``): one policy for the reader and the CLI.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path

from reader.core.config import (
    CONFIG_FILE,
    DEFAULT,
    DEFAULT_EXPORT_FOLDER,
    ENVIRONMENT,
    LIBRARY,
    Settings,
)


def default_export_folder(settings: Settings, remembered: str | None = None) -> tuple[Path, str]:
    """Where an export goes when no folder is given, and where that came from.

    The config's ``[export] folder``, else ``remembered`` (the folder the reader last exported
    to, kept in the library), else ``~/skim-notes`` — one default for the reader and the CLI.
    """
    if settings.source("export.folder") == CONFIG_FILE:
        return settings.export_folder, CONFIG_FILE
    if remembered:
        return Path(remembered).expanduser(), LIBRARY
    return Path(DEFAULT_EXPORT_FOLDER).expanduser(), DEFAULT


def editor_command(
    settings: Settings | None = None,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> tuple[list[str], str]:
    """The command that edits a file (the file name goes at the end), and where it came from.

    The config's ``editor``, else ``$VISUAL``, else ``$EDITOR``, else ``notepad`` on Windows and
    ``vi`` elsewhere. The value is split like a shell would (``code --wait`` is two words).
    """
    env = os.environ if environ is None else environ
    if settings is not None and settings.editor:
        return _words(settings.editor), CONFIG_FILE
    for name in ("VISUAL", "EDITOR"):
        if env.get(name, "").strip():
            return _words(env[name]), ENVIRONMENT
    return ["notepad" if (platform or sys.platform) == "win32" else "vi"], DEFAULT


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:  # an unbalanced quote: take the value as one program name
        return [command.strip()]


def pager_command(
    settings: Settings | None = None, environ: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """The pager as a shell-like string (``""`` or ``cat``: none), and where it came from.

    The config's ``pager``, else ``$PAGER``, else ``less``.
    """
    env = os.environ if environ is None else environ
    if settings is not None and settings.pager is not None:
        return settings.pager, CONFIG_FILE
    if "PAGER" in env:
        return env["PAGER"], ENVIRONMENT
    return "less", DEFAULT
