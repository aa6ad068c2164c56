"""Values of number spans: "14" and "fourteen" are 14, "$31m" is 31 million USD, "12 miles" is
19,312 metres, "2:15 a.m." is minute 135 of the day; "about", "more than" mark an approximation."""

from __future__ import annotations

import re

from reader.core.results import NumberLabel
from reader.core.stories.words import NUMBER_WORDS

APPROXIMATE = re.compile(
    r"^(?:about|around|roughly|approximately|nearly|almost|some|an estimated|estimated|over|under"
    r"|more than|less than|fewer than|at least|at most|up to|as many as|as much as|close to"
    r"|just over|just under|well over)\s+",
    re.IGNORECASE,
)
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_CURRENCIES = [
    (re.compile(r"US\$|U\.S\.\$|\$|\bdollars?\b|\bUSD\b", re.I), "USD"),
    (re.compile(r"C\$|\bCAD\b|Canadian dollars?", re.I), "CAD"),
    (re.compile(r"A\$|AU\$|\bAUD\b|Australian dollars?", re.I), "AUD"),
    (re.compile(r"£|\bpounds?\b|\bGBP\b|\bsterling\b", re.I), "GBP"),
    (re.compile(r"€|\beuros?\b|\bEUR\b", re.I), "EUR"),
    (re.compile(r"¥|\byen\b|\bJPY\b", re.I), "JPY"),
    # Danish, Norwegian and Swedish crowns share a name; outlets often drop the country.
    (re.compile(r"\bkron(?:er|or|a|e)\b|\b(?:DKK|NOK|SEK)\b", re.I), "kroner"),
    (re.compile(r"\bfrancs?\b|\bCHF\b", re.I), "CHF"),
]
#: The currency units :func:`parse_value` gives ("money": an amount of no known currency).
CURRENCY_UNITS = frozenset({code for _, code in _CURRENCIES} | {"money"})
# Unit → (dimension, factor to the dimension's base unit).
_UNITS: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0),
    "kilometre": ("m", 1000.0),
    "kilometer": ("m", 1000.0),
    "metre": ("m", 1.0),
    "meter": ("m", 1.0),
    "m": ("m", 1.0),
    "cm": ("m", 0.01),
    "centimetre": ("m", 0.01),
    "centimeter": ("m", 0.01),
    "mm": ("m", 0.001),
    "millimetre": ("m", 0.001),
    "millimeter": ("m", 0.001),
    "mile": ("m", 1609.344),
    "feet": ("m", 0.3048),
    "foot": ("m", 0.3048),
    "tonne": ("kg", 1000.0),
    "ton": ("kg", 1000.0),
    "kg": ("kg", 1.0),
    "kilogram": ("kg", 1.0),
    "gram": ("kg", 0.001),
    "litre": ("l", 1.0),
    "liter": ("l", 1.0),
    "hectare": ("ha", 1.0),
    "acre": ("ha", 0.404686),
    "degree": ("deg", 1.0),
    "c": ("deg", 1.0),
    "°c": ("deg", 1.0),
    "minute": ("min", 1.0),
    "hour": ("min", 60.0),
    "second": ("s", 1.0),
    "day": ("day", 1.0),
    "week": ("day", 7.0),
    "month": ("day", 30.4375),
    # A span of years is a duration ("in five years"); a calendar year has the unit "year".
    "year": ("day", 365.25),
    "time": ("times", 1.0),
    "magnitude": ("magnitude", 1.0),
}
_CLOCK = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)|(\d{1,2}):(\d{2})(?!\d)|\b(noon|midday|midnight)\b",
    re.I,
)
_YEAR = re.compile(r"^(?:in\s+)?((?:1[89]|20)\d{2})$")
_AGE = re.compile(r"\d+[- ]years?[- ]old\b", re.I)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_DAY = re.compile(
    r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b",
    re.I,
)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD_NUMBER = re.compile(r"[a-z]+", re.I)


def parse_value(text: str, label: str) -> tuple[float | None, str, bool]:
    """``(value, unit, approximate)`` of a number span's text (see :class:`.figures.Figure`).

    Args:
        text: the span's text.
        label: its :class:`~reader.core.results.NumberLabel`.
    """
    core = APPROXIMATE.sub("", text.strip())
    approximate = core != text.strip()
    if label == NumberLabel.TIME:
        clock = _clock_minutes(core)
        if clock is not None:
            return float(clock), "clock", approximate
    if label == NumberLabel.DATE:
        year = _YEAR.match(core)
        if year:
            return float(year.group(1)), "year", approximate
        day = _month_day(core)
        if day is not None:
            return float(day), "date", approximate
    if _AGE.search(core):
        return _amount(core), "age", approximate
    amount = _amount(core, metres=label == NumberLabel.QUANTITY)
    if amount is None:
        return None, "", approximate
    if label == NumberLabel.MONEY:
        for pattern, code in _CURRENCIES:
            if pattern.search(core):
                return amount, code, approximate
        return amount, "money", approximate
    if label == NumberLabel.PERCENT:
        return amount, "%", approximate
    unit = _unit(core)
    if unit is not None:
        dimension, factor = unit
        return amount * factor, dimension, approximate
    if label in (NumberLabel.CARDINAL, NumberLabel.QUANTITY):
        return amount, "", approximate
    return None, "", approximate


def plain(text: str) -> str:
    """``text`` without a leading approximator, casefolded, spaces folded ("About 85" → "85")."""
    return " ".join(APPROXIMATE.sub("", text.strip()).casefold().split())


def _amount(text: str, *, metres: bool = False) -> float | None:
    """The number in ``text`` with its scale ("215 million" → 215e6, "£20.7m" → 20.7e6).

    With ``metres``, an "m" that may be metres ("a 2m wall") is not read as millions.
    """
    match = _NUMBER.search(text)
    if match is not None:
        value = float(match.group().replace(",", ""))
        rest = text[match.end() :].lstrip(" -")
        scale = re.match(r"(hundred|thousand|million|billion|trillion|bn|mn|m|k|tn|trn|b)\b", rest)
        if scale and not (metres and scale.group(1) == "m" and _looks_like_metres(rest)):
            value *= _SCALES[scale.group(1).lower()]
        return value
    return _word_amount(text)


def _looks_like_metres(rest: str) -> bool:
    # "2m" before a noun is millions ("2m people"), before nothing or a measure word is metres.
    return re.match(r"m\b\s*(?:$|high|long|deep|tall|wide|away)", rest) is not None


def _word_amount(text: str) -> float | None:
    """Value of a number written in words ("fourteen", "twenty-one", "half an hour" → 0.5)."""
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_NUMBER.findall(text.replace("-", " ").lower()):
        if word == "half":
            current = (current or 1.0) * 0.5 if current else 0.5
            seen = True
        elif word in NUMBER_WORDS and word not in ("hundred", "thousand"):
            current += NUMBER_WORDS[word]
            seen = True
        elif word in _SCALES and word not in ("m", "k", "b"):
            current = (current or 1.0) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif word in ("a", "an") and not seen:
            current = 1.0
    return total + current if seen else None


def _month_day(text: str) -> int | None:
    """A calendar day as month * 100 + day ("December 23", "23 Dec." → 1223), else None."""
    for match in _MONTH_DAY.finditer(text):
        month_name, day = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
        month = _MONTHS.get(month_name.casefold())
        if month is not None and 1 <= int(day) <= 31:
            return month * 100 + int(day)
    return None


def _unit(text: str) -> tuple[str, float] | None:
    for token in re.findall(r"°?[A-Za-z]+", text):
        word = token.lower()
        for candidate in (word, word.rstrip("s"), word[:-2] if word.endswith("es") else word):
            if candidate in _UNITS:
                return _UNITS[candidate]
    return None


def _clock_minutes(text: str) -> int | None:
    match = _CLOCK.search(text)
    if match is None:
        return None
    if match.group(6):
        return {"noon": 720, "midday": 720, "midnight": 0}[match.group(6).lower()]
    if match.group(4):
        return int(match.group(4)) * 60 + int(match.group(5))
    hour, minutes = int(match.group(1)) % 12, int(match.group(2) or 0)
    if match.group(3).lower().startswith("p"):
        hour += 12
    return hour * 60 + minutes


def is_unit_word(word: str) -> bool:
    """True for a unit of measure ("kilometres", "tonne"): not what a figure counts."""
    return word in _UNITS or word.rstrip("s") in _UNITS
