"""Libraries of generated articles, built once per (size, seed, generator version) and reused."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.generate import SEED, VERSION, drafts
from reader.core.models import ArticleDraft


def cache_dir() -> Path:
    """Where generated libraries are kept between runs (``SKIM_BENCH_CACHE`` overrides)."""
    override = os.environ.get("SKIM_BENCH_CACHE")
    return Path(override) if override else Path(tempfile.gettempdir()) / "skim-bench-cache"


def library_dir(size: int, seed: int = SEED) -> Path:
    """A data dir holding a library of ``size`` generated articles, built on first use.

    Rows go straight to storage in batches of 5,000 (one transaction each): the facade's story
    grouping is left for later, as it is for a library imported before grouping existed.
    """
    from reader.core.library import open_library
    from reader.core.text import content_hash, word_count

    folder = cache_dir() / f"library-{size}-{seed}-v{VERSION}"
    if (folder / "complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    library = open_library(folder)
    storage = library._storage  # the benchmark's one reach past the facade: bulk loading
    now = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        batch: list[tuple[ArticleDraft, str, int]] = []
        for i, draft in enumerate(drafts(size, seed)):
            batch.append((draft, content_hash(draft.body), word_count(draft.body)))
            if len(batch) == 5_000 or i == size - 1:
                storage.articles.add_many(batch, now=now + timedelta(seconds=i))
                batch = []
        storage.checkpoint()
    finally:
        library.close()
    (folder / "complete").write_text("ok\n")
    return folder
