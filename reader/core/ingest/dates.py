"""A small, forgiving date parser for the dates articles print: ISO 8601 and English month names.

Every function returns a timezone-aware :class:`~datetime.datetime` or ``None``; none of them raise.
A date without a zone is taken as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Fixed-offset zone abbreviations common in English-language news (hours from UTC).
_ZONES = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
    "BST": 1, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12, "NZDT": 13,
}  # fmt: skip
# US zones written without S/D ("9:47 a.m. ET"): standard offset; daylight time applies in season.
_US_GENERIC_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?P<mon1>{_MONTH})\.?\s+(?P<day1>\d{{1,2}}){_ORD},?\s+(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon2>{_MONTH})\.?,?\s+(?P<year2>\d{{4}})"
    r"|(?P<year3>\d{4})[-/](?P<mon3>\d{1,2})[-/](?P<day3>\d{1,2})"
)
_TIME = (
    r"(?:(?:\s*,\s*|\s+at\s+|\s*[T@·|–—-]\s*|\s+)"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_ZONE = r"(?:\s*\(?(?P<zone>[a-z]{1,5})?\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
_DATETIME = re.compile(rf"{_WEEKDAY}(?:{_DATE}){_TIME}{_ZONE}", re.I)

_DATELINE_PREFIX = re.compile(
    r"(?:(?P<updated>(?:last\s+)?(?:updated|modified|edited|revised))"
    r"|(?:first\s+|originally\s+)?(?:published|posted)|date)\s*(?:on|at)?\s*:?\s*",
    re.I,
)


def parse_date(text: str) -> datetime | None:
    """Parse a whole string as a date or date-time.

    Understands ISO 8601 (``2024-12-29T09:47:00+01:00``, ``2024-12-29 09:47``), RFC 2822
    (``Sun, 29 Dec 2024 09:47:00 +0000``) and English forms such as ``Dec 29, 2024, 9:47 AM``,
    ``December 29, 2024 at 9:47 a.m. EST`` and ``29 December 2024``.

    Args:
        text: the date as printed; surrounding white space is ignored.

    Returns:
        A timezone-aware datetime (UTC when the text names no zone), or ``None`` when the text is
        not a date this parser knows.
    """
    text = " ".join(text.split())
    if not text or len(text) > 80:
        return None
    try:
        return _aware(datetime.fromisoformat(text))
    except ValueError:
        pass
    match = _DATETIME.fullmatch(text)
    if match is None:
        return _rfc2822(text)
    return _from_match(match)


def as_datetime(value: object) -> datetime | None:
    """Turn a metadata value (a string, date or datetime, e.g. from YAML) into a datetime."""
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str):
        return parse_date(value)
    return None


def parse_dateline(line: str) -> tuple[bool, datetime] | None:
    """Parse a line that holds only a date, perhaps labelled (``Updated Dec 29, 2024, 11:02 AM``).

    Returns:
        ``(is_update, when)`` — ``is_update`` is true for "Updated"/"Last updated"/"Modified"
        lines — or ``None`` when the line is not a date line.
    """
    line = line.strip()
    prefix = _DATELINE_PREFIX.match(line)
    updated = False
    if prefix and prefix.end() > 0:
        updated = prefix.group("updated") is not None
        line = line[prefix.end() :]
    when = parse_date(line)
    return None if when is None else (updated, when)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _rfc2822(text: str) -> datetime | None:
    try:
        return _aware(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _from_match(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    if groups["year3"]:
        year, month, day = int(groups["year3"]), int(groups["mon3"]), int(groups["day3"])
    else:
        name = (groups["mon1"] or groups["mon2"]).lower()
        month = _MONTHS[name[:4] if name.startswith("sept") else name[:3]]
        year = int(groups["year1"] or groups["year2"])
        day = int(groups["day1"] or groups["day2"])
    hour = minute = second = 0
    if groups["hour"] is not None:
        if groups["minute"] is None and groups["ampm"] is None:
            return None  # a bare number after the date is not a time
        hour, minute = int(groups["hour"]), int(groups["minute"] or 0)
        second = int(groups["second"] or 0)
        if groups["ampm"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if groups["ampm"][0].lower() == "p" else 0)
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    zone = _zone(groups["zone"], groups["offset"], naive)
    return None if zone is None else naive.replace(tzinfo=zone)


def _zone(name: str | None, offset: str | None, naive: datetime) -> timezone | None:
    hours = 0.0
    if name:
        upper = name.upper()
        if upper in _ZONES:
            hours = _ZONES[upper]
        elif upper in _US_GENERIC_ZONES:
            hours = _US_GENERIC_ZONES[upper] + (1 if _us_daylight_time(naive) else 0)
        else:
            return None  # an unknown word: guessing UTC could be hours off
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        if len(digits) <= 2:
            hours += sign * int(digits)
        else:
            hours += sign * (int(digits[:-2]) + int(digits[-2:]) / 60)
    if not -18 < hours < 18:
        return None
    return timezone(timedelta(hours=hours))


def _us_daylight_time(local: datetime) -> bool:
    # Since 2007: from the second Sunday of March to the first Sunday of November, at 2 a.m.
    march = datetime(local.year, 3, 8)
    start = march + timedelta(days=(6 - march.weekday()) % 7, hours=2)
    november = datetime(local.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7, hours=2)
    return start <= local < end
