"""Screenshots of the library screen (dark and light themes), compared with accepted SVGs.

Deterministic: a fixed clock for every stored date, a fixed terminal size, the bundled samples,
and no blinking cursor (the list has focus, the search box is closed). After an intended change
of the look, review the new pictures and run ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.library import Library
from reader.tui.app import THEME_SETTING, SkimApp
from tests.tui.helpers import settle

SIZE = (100, 30)
SnapCompare = Callable[..., bool]


def test_library_dark(snap_compare: SnapCompare, library: Library) -> None:
    assert snap_compare(SkimApp(library), terminal_size=SIZE, run_before=settle)


def test_library_light(snap_compare: SnapCompare, library: Library) -> None:
    library.set_setting(THEME_SETTING, "skim-light")
    assert snap_compare(SkimApp(library), terminal_size=SIZE, run_before=settle)
