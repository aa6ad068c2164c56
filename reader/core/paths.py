"""Where skim keeps its data, config and state: flag, then environment, then platformdirs.

Data: ``--data-dir``, ``SKIM_DATA_DIR``, the user data dir. The config file: ``--config``,
``SKIM_CONFIG``, ``config.toml`` in the user config dir. Remembered state (the reader's last view
and sort): ``SKIM_STATE_DIR``, the user state dir. The analysis cache (results that can be computed
again, kept out of backups): ``SKIM_CACHE_DIR``, the user cache dir.

Nothing is created at import time; :func:`ensure_dir` creates the directory when it is first needed.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

ENV_DATA_DIR = "SKIM_DATA_DIR"
ENV_LOG_DIR = "SKIM_LOG_DIR"
ENV_CONFIG = "SKIM_CONFIG"
ENV_STATE_DIR = "SKIM_STATE_DIR"
ENV_CACHE_DIR = "SKIM_CACHE_DIR"
CACHE_FILENAME = "analysis-cache.sqlite3"
CONFIG_FILENAME = "config.toml"
DB_FILENAME = "library.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory: ``override`` if given, else ``$SKIM_DATA_DIR``, else platformdirs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    # Imported lazily: platformdirs is cheap, but the CLI's --help should not pay for it.
    from platformdirs import user_data_path

    return user_data_path("skim", appauthor=False)


def log_dir() -> Path:
    """Return where crash reports go: ``$SKIM_LOG_DIR``, else the platform's user log dir."""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_path

    return user_log_path("skim", appauthor=False)


def config_path(override: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """Return the config file and where its name came from: ``flag``, ``environment`` or ``default``.

    ``override`` (the ``--config`` flag) wins, then ``$SKIM_CONFIG``, then ``config.toml`` in the
    platform's user config dir. The file need not exist.
    """
    if override:
        return Path(override).expanduser(), "flag"
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser(), "environment"
    from platformdirs import user_config_path

    return user_config_path("skim", appauthor=False) / CONFIG_FILENAME, "default"


def state_dir() -> Path:
    """Return where the reader remembers things between runs: ``$SKIM_STATE_DIR``, else platformdirs."""
    env = os.environ.get(ENV_STATE_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_state_path

    return user_state_path("skim", appauthor=False)


def cache_dir() -> Path:
    """Return where skim keeps what it can compute again: ``$SKIM_CACHE_DIR``, else platformdirs."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("skim", appauthor=False)


def analysis_cache_path() -> Path:
    """Return the analysis cache file, shared by every library (its keys name the text's hash)."""
    return cache_dir() / CACHE_FILENAME


def database_path(directory: Path) -> Path:
    """Return the path of the library database inside ``directory``."""
    return directory / DB_FILENAME


def user_themes_dir(directory: Path) -> Path:
    """Return the folder where users drop their own theme files."""
    return directory / "themes"


def ensure_dir(directory: Path) -> Path:
    """Create ``directory`` (and parents) if needed and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def bundled_dir(name: str) -> Path:
    """Return a bundled data folder (``themes`` or ``sample_articles``).

    In a wheel they live in ``reader/_data``; in a source checkout, at the top of the repository.
    """
    packaged = Path(str(resources.files("reader"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
