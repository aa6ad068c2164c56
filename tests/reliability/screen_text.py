"""What a Pilot-driven app shows: the text of every cell of the current screen, line by line."""

from __future__ import annotations

from typing import Any

from textual.strip import Strip


def screen_text(app: Any) -> str:
    """The characters the terminal would show for ``app``'s screen (no styles)."""
    update = app.screen._compositor.render_full_update()
    lines: list[str] = []
    for item in update.strips:
        strips = [item] if isinstance(item, Strip) else list(item)
        lines.extend(strip.text for strip in strips)
    return "\n".join(lines)


def control_segments(app: Any) -> list[object]:
    """Segments carrying terminal control codes (Rich's ``Segment.control``) on the screen."""
    update = app.screen._compositor.render_full_update()
    found: list[object] = []
    for item in update.strips:
        strips = [item] if isinstance(item, Strip) else list(item)
        found += [segment for strip in strips for segment in strip if segment.control]
    return found
