"""The date parser: ISO 8601, RFC 2822 and English month-name forms; never raises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from reader.core.ingest.dates import as_datetime, parse_date, parse_dateline


def _tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-12-29", datetime(2024, 12, 29, tzinfo=UTC)),
        ("2024-12-29T09:47:00Z", datetime(2024, 12, 29, 9, 47, tzinfo=UTC)),
        ("2024-12-29T09:47:00+01:00", datetime(2024, 12, 29, 9, 47, tzinfo=_tz(1))),
        ("2024-12-29 09:47", datetime(2024, 12, 29, 9, 47, tzinfo=UTC)),
        ("2024/12/29", datetime(2024, 12, 29, tzinfo=UTC)),
        ("Sun, 29 Dec 2024 09:47:00 +0000", datetime(2024, 12, 29, 9, 47, tzinfo=UTC)),
        ("Dec 29, 2024, 9:47 AM", datetime(2024, 12, 29, 9, 47, tzinfo=UTC)),
        ("Dec. 29, 2024 9:47 pm", datetime(2024, 12, 29, 21, 47, tzinfo=UTC)),
        ("December 29, 2024", datetime(2024, 12, 29, tzinfo=UTC)),
        ("29 December 2024", datetime(2024, 12, 29, tzinfo=UTC)),
        ("Sunday, 29th of December 2024", datetime(2024, 12, 29, tzinfo=UTC)),
        ("Sept 3, 2024 12:05 a.m.", datetime(2024, 9, 3, 0, 5, tzinfo=UTC)),
        ("December 29, 2024 at 9:47 a.m. EST", datetime(2024, 12, 29, 9, 47, tzinfo=_tz(-5))),
        ("29 Dec 2024 09:47 GMT", datetime(2024, 12, 29, 9, 47, tzinfo=UTC)),
        ("3 Sept 2024 14:05 CEST", datetime(2024, 9, 3, 14, 5, tzinfo=_tz(2))),
        ("Dec 29, 2024, 9:47 AM (GMT+1)", datetime(2024, 12, 29, 9, 47, tzinfo=_tz(1))),
        ("Dec 29, 2024 9:47 +05:30", datetime(2024, 12, 29, 9, 47, tzinfo=_tz(5.5))),
        ("Thursday 21 August 2025, 06.45 CEST", datetime(2025, 8, 21, 6, 45, tzinfo=_tz(2))),
        # US "ET" follows daylight saving time.
        ("Dec 29, 2024 9:47 pm ET", datetime(2024, 12, 29, 21, 47, tzinfo=_tz(-5))),
        ("July 4, 2024 9:47 pm ET", datetime(2024, 7, 4, 21, 47, tzinfo=_tz(-4))),
    ],
)
def test_parse_date_understands_common_forms(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "Dec 32, 2024",
        "Feb 30, 2024",
        "May 5, 2024 13:00 PM",  # 13 is not an am/pm hour
        "12 May 2024 09:00 XYZ",  # an unknown zone is not silently UTC
        "Dec 29, 2024 9",  # a bare number is not a time
        "The council met on Dec 29, 2024",
        "x" * 500,
    ],
)
def test_parse_date_returns_none_for_non_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("line", "is_update"),
    [
        ("Dec 29, 2024, 9:47 AM", False),
        ("Published: 2024-12-29 09:47", False),
        ("Posted on March 3rd, 2024", False),
        ("Updated Dec 29, 2024, 11:02 AM", True),
        ("Last updated: 1 Jan 2025", True),
        ("Modified 2025-01-01", True),
    ],
)
def test_parse_dateline_tells_updates_apart(line: str, is_update: bool) -> None:
    parsed = parse_dateline(line)
    assert parsed is not None
    assert parsed[0] is is_update


def test_parse_dateline_rejects_prose() -> None:
    assert parse_dateline("Updated figures show a rise.") is None
    assert parse_dateline("Published") is None


def test_as_datetime_accepts_yaml_values() -> None:
    assert as_datetime(datetime(2024, 1, 2, 3, 4)) == datetime(2024, 1, 2, 3, 4, tzinfo=UTC)
    assert as_datetime(datetime(2024, 1, 2).date()) == datetime(2024, 1, 2, tzinfo=UTC)
    assert as_datetime("2024-01-02") == datetime(2024, 1, 2, tzinfo=UTC)
    assert as_datetime(20240102) is None
    assert as_datetime(None) is None
