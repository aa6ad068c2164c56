"""Timed runs of Python from the checkout in a subprocess: any module or code, and the probe.

Whole-process measures run ``skim`` (or the headless probe, benchmarks.probe) this way; the
probe prints its marks as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_python(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None, bytecode: bool = False
) -> tuple[float, str]:
    """Run ``python ARGS`` from the checkout (``env``: variables to add); return (wall seconds,
    stdout).

    With ``bytecode``, Python's bytecode cache is on even where ``PYTHONDONTWRITEBYTECODE`` is
    set (as on CI machines): a reader's installed skim has its ``.pyc`` files, and without them
    every start compiled skim's ~85 modules again (~0.1 s on an idle machine).
    """
    variables = {**os.environ, **(env or {})}
    if bytecode:
        variables.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=variables,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return elapsed, done.stdout


def run_probe(
    data_dir: Path, *extra: str, cache: Path | None = None
) -> tuple[float, dict[str, Any]]:
    """Run the headless probe; ``cache``: its analysis cache folder (SKIM_CACHE_DIR)."""
    env = {"SKIM_CACHE_DIR": str(cache)} if cache is not None else None
    wall, out = run_python("-m", "benchmarks.probe", str(data_dir), *extra, env=env, bytecode=True)
    return wall, json.loads(out.strip().splitlines()[-1])
