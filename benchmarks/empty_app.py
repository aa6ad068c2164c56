"""The floor of the start-up rows: an empty Textual app's first frame, timed like the probe's.

Usage: ``python -m benchmarks.empty_app``; prints one JSON line. The clock starts at this
module's first statement, as in :mod:`benchmarks.probe`; the frame is the first line a
one-line widget draws. What skim's start takes beyond this is skim's own.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import json  # noqa: E402  (after the clock starts, on purpose)

from textual.app import App, ComposeResult  # noqa: E402
from textual.strip import Strip  # noqa: E402
from textual.widgets import Static  # noqa: E402


class _Line(Static):
    def render_line(self, y: int) -> Strip:
        app = self.app
        if isinstance(app, EmptyApp) and app.first_frame is None:
            app.first_frame = time.perf_counter() - START
            app.call_later(app.exit)
        return super().render_line(y)


class EmptyApp(App[None]):
    """One line of text, nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.first_frame: float | None = None

    def compose(self) -> ComposeResult:
        """The line."""
        yield _Line("ready")


def main() -> int:
    """Run headless and print when the first frame was drawn (seconds since start)."""
    app = EmptyApp()
    app.run(headless=True, size=(120, 40))
    print(json.dumps({"first_frame": app.first_frame}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
