"""A plain wheel (not only an editable install) carries the themes, sample articles and data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_themes_and_sample_articles(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("skimreader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    samples = {p.name for p in (ROOT / "sample_articles").iterdir()}
    themes = {p.name for p in (ROOT / "themes").glob("*.toml")}
    assert themes, "no bundled themes"
    assert {f"reader/_data/sample_articles/{n}" for n in samples} <= names
    assert {f"reader/_data/themes/{n}" for n in themes} <= names
    assert "reader/core/analysis/__init__.py" in names
    assert "reader/core/analysis/summary/weights.toml" in names  # the default summariser's
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "skim = reader.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
