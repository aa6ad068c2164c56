"""The long-text summary benchmark: its rows, its own peak memory and stock sumy's floor."""

from __future__ import annotations

from benchmarks import summary_speed


def test_a_row_has_times_peak_memory_and_the_stock_floor() -> None:
    (load, row) = summary_speed.rows([1_500], stock_timeout=120)
    assert load.startswith("load average")
    assert "default summary, 1," in row and " words (" in row
    assert "first " in row and "again " in row and "CPU" in row
    assert "peak " in row and " MB (+" in row
    assert "stock edmundson+lexrank " in row and "x the first" in row


def test_measure_reads_this_process_peak_memory() -> None:
    result = summary_speed.measure(1_000)
    assert result["words"] >= 1_000 and result["sentences"] > 20
    assert result["rss_after_mb"] >= result["rss_before_mb"] > 0
    assert result["first_s"] > 0 and result["again_s"] > 0
