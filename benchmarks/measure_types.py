"""What a measure of the performance benchmark reads and yields: the run's Config, and Rows.

A :class:`Row` holds one measure at one size: every sample (seconds, megabytes or articles per
second), its target and whether a higher value is better. A measure is a function from a
:class:`Config` to the Rows it measured (see ``MEASURES`` in benchmarks.run).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

STOCK_TIMEOUT = 15.0  # seconds: stock KL at 10k words takes minutes; longer runs show "> N s"


@dataclass
class Row:
    """One measure at one size."""

    measure: str
    size: str
    samples: list[float]
    unit: str = "s"
    target: float | None = None
    higher_is_better: bool = False
    note: str = ""
    over: bool = False  # samples are lower bounds (a run was stopped at a timeout)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """The median sample."""
        return statistics.median(self.samples)

    @property
    def met(self) -> bool | None:
        """Whether the median meets the target (None without a target)."""
        if self.target is None:
            return None
        if self.over:
            return False
        return self.median >= self.target if self.higher_is_better else self.median <= self.target


@dataclass(frozen=True)
class Config:
    """Sizes and repetitions: the full run, or ``--quick`` for a smoke test."""

    runs: int = 5
    library_sizes: tuple[int, ...] = (10_000, 100_000)
    word_sizes: tuple[int, ...] = (1_000, 5_000, 10_000)
    import_files: int = 1_000
    stock_timeout: float = STOCK_TIMEOUT


QUICK = Config(
    runs=2, library_sizes=(1_000,), word_sizes=(1_000,), import_files=100, stock_timeout=5.0
)
