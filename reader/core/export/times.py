"""How export writes times: ISO 8601 UTC, and a source's date given without a time as a date."""

from __future__ import annotations

from datetime import UTC, date, datetime


def iso_time(moment: datetime | None) -> str:
    """ISO 8601 UTC to the second (a naive time is taken to be UTC already), or ""."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def day_or_time(moment: datetime | None) -> date | datetime | None:
    """A source's date as it was given: a date alone (midnight UTC, as skim stores one) is a date.

    Written as a time, ``2025-03-01`` would be ``2025-03-01T00:00:00+00:00``, shown as the day
    before west of UTC.
    """
    if moment is None:
        return None
    utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if (utc.hour, utc.minute, utc.second, utc.microsecond) == (0, 0, 0, 0):
        return utc.date()
    return utc


def _is_day(value: date | datetime | None) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def source_time(moment: datetime | None) -> str:
    """``published``/``updated``: ``2025-03-01`` for a date alone, else ISO 8601 UTC (or "")."""
    value = day_or_time(moment)
    return value.isoformat() if value is not None and _is_day(value) else iso_time(moment)


def readable_time(moment: datetime | None, *, source: bool = False) -> str:
    """``2025-03-14 08:30 UTC``; for a ``source`` date given without a time, ``2025-03-14``."""
    if source and _is_day(day_or_time(moment)):
        return source_time(moment)
    iso = iso_time(moment)
    return f"{iso[:10]} {iso[11:16]} UTC" if iso else ""


def front_matter_time(moment: datetime | None) -> str | date | None:
    """A source's time for YAML: a date alone as a YAML date (Obsidian's Date type), else ISO."""
    value = day_or_time(moment)
    if value is not None and _is_day(value):
        return value
    return iso_time(moment) or None
