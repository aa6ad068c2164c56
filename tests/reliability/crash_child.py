"""The child process the crash-safety tests kill: saves highlights in a loop, reporting each one.

Run as ``python tests/reliability/crash_child.py DATA_DIR ARTICLE_ID SEED``. Each ``saved <id>``
line is printed (and flushed) only after the highlight's transaction committed: a line the parent
read is a promise that the highlight is in the library.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Highlight random passages of one article until killed."""
    from reader.core.library import open_library

    data_dir, article_id, seed = Path(argv[0]), int(argv[1]), int(argv[2])
    rng = random.Random(seed)
    library = open_library(data_dir)
    length = len(library.articles.get(article_id).body)
    print("ready", flush=True)
    while True:
        start = rng.randrange(0, length - 40)
        note = f"note {rng.random():.6f} " * rng.randint(0, 20)
        annotation = library.annotations.add(
            article_id, start, start + rng.randint(1, 40), note=note
        )
        print(f"saved {annotation.id}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
