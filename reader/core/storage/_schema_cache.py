"""Migration 8: the analysis cache leaves the library file.

Kept apart from ``_migrations.py`` (which imports it), as ``_schema_coverage`` is. The cache was the
library's largest table (about 1.7 times the article text) and every backup carried it; it now
lives in a file of its own in the user cache dir (reader.core.storage.cache). Its rows are dropped,
not copied: each one can be computed again, on the next reading of the article. ``migrate`` runs
``VACUUM`` after a migration listed in :data:`SHRINKING`, so the file gives the space back.
"""

from __future__ import annotations

import sqlite3


def drop_analysis_cache(db: sqlite3.Connection) -> None:
    """Migration 8: drop the ``analysis_cache`` table (the cache has a file of its own now)."""
    db.execute("DROP TABLE IF EXISTS analysis_cache")


#: Migrations that free much of the file: ``migrate`` runs VACUUM once they have been committed
#: (VACUUM cannot run inside the migrations' transaction).
SHRINKING = frozenset({drop_analysis_cache})
