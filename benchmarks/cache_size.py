"""The library file before and after the analysis cache moved out of it (schema migration 8).

Builds a library of N generated articles (benchmarks.generate), analyses and summarises every one
(``lib.analysis.analyse_many``, as ``skim analyze --all`` would), then puts the cache rows back into
the library file as skim schema 7 kept them, and opens it with today's skim, which migrates it.
Prints the library file's size before and after, the cache file's size and a backup's size.

Run from the repository root (the cache and the libraries go to a temporary folder)::

    python -m benchmarks.cache_size [--articles 1000]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

from benchmarks.generate import drafts
from reader.core import paths
from reader.core.library import open_library

#: analysis_cache as schema versions 1 to 7 had it (reader/core/storage/_schema.py, SCHEMA).
_OLD_TABLE = """
CREATE TABLE analysis_cache (
    text_hash TEXT NOT NULL, analyser TEXT NOT NULL, version TEXT NOT NULL, params TEXT NOT NULL,
    payload TEXT NOT NULL, created TEXT NOT NULL,
    PRIMARY KEY (text_hash, analyser, version, params)
) WITHOUT ROWID
"""


def _mib(size: int) -> str:
    return f"{size / 2**20:7.2f} MiB"


def _as_version_7(library_path: Path, cache_path: Path) -> int:
    """Copy the cache file's rows into the library as schema 7 kept them; return how many."""
    with closing(sqlite3.connect(library_path, isolation_level=None)) as db:
        db.execute(_OLD_TABLE)
        db.execute("ATTACH DATABASE ? AS cache", (str(cache_path),))
        db.execute("INSERT INTO analysis_cache SELECT * FROM cache.analysis_cache")
        (rows,) = db.execute("SELECT count(*) FROM analysis_cache").fetchone()
        db.execute("DETACH DATABASE cache")
        db.execute("PRAGMA user_version = 7")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(rows)


def main(argv: list[str] | None = None) -> int:
    """Build, analyse, migrate and print the sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="skim-cache-size-") as folder:
        os.environ[paths.ENV_CACHE_DIR] = str(Path(folder) / "cache")
        data = Path(folder) / "data"
        library = open_library(data)
        ids = [library.articles.add(draft).article.id for draft in drafts(args.articles)]
        started = time.perf_counter()
        analysed = library.analysis.analyse_many(ids)
        seconds = time.perf_counter() - started
        library.close()
        library_path, cache_path = paths.database_path(data), paths.analysis_cache_path()
        with closing(sqlite3.connect(cache_path)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with closing(sqlite3.connect(library_path)) as db:
            (text,) = db.execute("SELECT sum(length(CAST(body AS BLOB))) FROM articles").fetchone()
        without_cache = library_path.stat().st_size
        rows = _as_version_7(library_path, cache_path)
        before = library_path.stat().st_size
        started = time.perf_counter()
        library = open_library(data)  # migrates: drops analysis_cache, vacuums
        upgrade = time.perf_counter() - started
        after = library_path.stat().st_size
        backup = library.backups.create(Path(folder) / "backup.sqlite3").stat().st_size
        library.close()
        print(f"articles: {args.articles} ({analysed} analysed in {seconds:.1f} s), {rows} rows")
        print(f"article text (UTF-8):         {_mib(int(text))}")
        print(f"library, schema 7 with cache: {_mib(before)}")
        print(f"library after the upgrade:    {_mib(after)}  (upgrade {upgrade:.2f} s)")
        print(f"  shrunk by:                  {_mib(before - after)}")
        print(f"  (never had the cache:       {_mib(without_cache)})")
        print(f"cache file:                   {_mib(cache_path.stat().st_size)}")
        print(f"backup (skim backup):         {_mib(backup)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
