"""How long each reader key blocks the UI: the longest event-loop stall after every key press.

Usage: ``python -m benchmarks.keys [--rounds N]``

The library screen runs on a copy of the generated 10,000-article library, the article screen on
the 5,400-word sample article. A task wakes every 5 ms; how late it wakes is how long the event
loop was blocked. Each key is pressed ``--rounds`` times; the table shows the worst stall per key
(median and max over rounds). Target (issue 18): no key press blocks for more than 50 ms.
The reader's background analysis runs meanwhile (the library's articles are not analysed yet),
as it would after an import; ``--no-background`` turns it off.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.libraries import library_dir
from benchmarks.run import own_settings_and_cache

LIBRARY_KEYS = [
    "j",
    "k",
    "G",
    "g",
    "pagedown",
    "o",
    "O",
    "2",
    "1",
    "l",
    "u",
    "a",
    "u",
    "s",
    "s",
    "d",
    "u",
]
ARTICLE_KEYS = [
    "j", "k", "space", "right_square_bracket", "left_square_bracket", "h", "x", "u",
    "right_curly_bracket", "left_curly_bracket", "plus", "minus", "r", "r", "e", "e", "T", "T",
    "v", "right_square_bracket", "escape", "p", "p", "G", "g",
]  # fmt: skip
LONGFORM = "longform-forty-four-minutes.md"
TARGET = 0.05  # seconds: the longest a key press may block the UI (issue 18)


async def _measure(rounds: int, background: bool = True) -> dict[str, list[float]]:
    from reader.core import load_settings, paths
    from reader.core.library import open_library
    from reader.tui.app import SkimApp
    from reader.tui.article.screen import ArticleScreen

    folder = Path(tempfile.mkdtemp(prefix="skim-keys-"))
    # A cache of its own: every run starts with nothing analysed (and the user's is left alone).
    os.environ["SKIM_CACHE_DIR"] = str(folder / "cache")
    shutil.copytree(library_dir(10_000), folder, dirs_exist_ok=True)
    library = open_library(folder)
    library.articles.import_paths([paths.bundled_dir("sample_articles") / LONGFORM])
    longform = next(
        m.id for m in library.articles.find() if m.title.startswith("Forty-Four Minutes")
    )
    stalls: dict[str, list[float]] = {}
    worst = [0.0]

    async def watch() -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            worst[0] = max(worst[0], time.perf_counter() - before - 0.005)

    async def keys_done(app: Any) -> None:
        # Not the background analysis: it runs on (1,000 new articles) while keys are pressed.
        await app.workers.wait_for_complete(
            [w for w in app.workers if w.group != "background-analysis"]
        )

    async def press(pilot: Any, key: str, label: str) -> None:
        await keys_done(pilot.app)
        await pilot.pause(0.2)
        worst[0] = 0.0
        await pilot.press(key)
        await pilot.pause(0.3)  # let what the key started (workers, repaint) finish
        await keys_done(pilot.app)
        await pilot.pause(0.1)
        stalls.setdefault(label, []).append(worst[0])

    settings = replace(load_settings(), background_analysis=background)
    app = SkimApp(library, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        watcher = asyncio.create_task(watch())
        await pilot.pause(1.0)
        for _ in range(rounds):
            for key in LIBRARY_KEYS:
                await press(pilot, key, f"library {key}")
        screen = ArticleScreen(longform)
        await app.push_screen(screen)
        await pilot.pause(2.0)
        await keys_done(app)
        for _ in range(rounds):
            for key in ARTICLE_KEYS:
                await press(pilot, key, f"article {key}")
        watcher.cancel()
    library.close()
    shutil.rmtree(folder, ignore_errors=True)
    return stalls


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.keys", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-background", action="store_true", help="no background analysis")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    with own_settings_and_cache():  # the default keys and settings, not the user's config
        stalls = asyncio.run(_measure(args.rounds, background=not args.no_background))
    print(f"| key | median of worst stalls | max | ≤ {TARGET * 1000:.0f} ms |\n|---|---|---|---|")
    for label, values in stalls.items():
        high = max(values)
        print(
            f"| {label} | {statistics.median(values) * 1000:.0f} ms | {high * 1000:.0f} ms "
            f"| {'yes' if high <= TARGET else '**no**'} |"
        )
    overall = max(max(v) for v in stalls.values())
    # Other processes lengthen every stall: the load average says how busy the machine was.
    print(
        f"\nworst over all keys: {overall * 1000:.0f} ms "
        f"(load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
