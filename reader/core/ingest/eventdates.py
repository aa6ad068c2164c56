"""When the reported event happened, read from an undated article's own text.

A pasted article often has no publication date, but its first paragraphs say when things happened:
"on December 27, 2024", "from December 23 to 27", "23–27 December". The *event date* is the last
day such a date or range names (reports follow the end of an event), with the year taken from the
text itself: a full date in the first paragraphs, a year in the same sentence, or the article's
address (``/2024/12/28/``). When no year can be found the event date is unknown: guessing the year
of the import day would file a two-year-old report under today.
"""

from __future__ import annotations

import re
from datetime import date

#: How many paragraphs from the top are read: the news is in the first ones.
LEAD_PARAGRAPHS = 3

_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
# "December 23 to 27, 2024", "Dec. 23", "December 23, 2024"
_MONTH_FIRST = (
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<first>\d{{1,2}}){_ORD}\b(?:{_TO}(?P<last>\d{{1,2}}){_ORD}\b)?"
    rf"(?!\s*(?:%|per|people|km|miles))"
)
# "23 to 27 December 2024", "27 December"
_DAY_FIRST = (
    rf"\b(?P<first2>\d{{1,2}}){_ORD}(?:{_TO}(?P<last2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?"
    rf"(?P<month2>{_MONTH})\b\.?"
)
_DATE = re.compile(rf"(?:{_MONTH_FIRST}|{_DAY_FIRST}){_YEAR}", re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_YEAR_ALONE = re.compile(r"\b((?:19|20)\d{2})\b")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?:/(\d{1,2}))?/")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def event_date(body: str, *, url: str | None = None) -> date | None:
    """The day the article's event happened, from its first paragraphs; None when not said.

    Args:
        body: the article text (paragraphs separated by blank lines).
        url: its address, whose path may carry the year ("/2024/12/28/").
    """
    lead = "\n\n".join(body.split("\n\n")[:LEAD_PARAGRAPHS])
    url_year = _url_year(url)
    full_years = [int(m.group("year")) for m in _DATE.finditer(lead) if m.group("year")]
    for sentence in _SENTENCE.finditer(lead):
        text = sentence.group()
        iso = _ISO.search(text)
        if iso:
            found = _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            if found:
                return found
        for match in _DATE.finditer(text):
            year = _year_of(match, text, full_years, url_year)
            found = _day_of(match, year) if year else None
            if found:
                return found
    return None


def _year_of(
    match: re.Match[str], sentence: str, full_years: list[int], url_year: int | None
) -> int | None:
    """The year of a date: its own, a full date's nearby, one in its sentence, or the address's."""
    if match.group("year"):
        return int(match.group("year"))
    if full_years:
        return full_years[0]
    in_sentence = {int(y) for y in _YEAR_ALONE.findall(sentence)}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    return url_year


def _day_of(match: re.Match[str], year: int) -> date | None:
    """The last day the match names ("December 23 to 27" → the 27th)."""
    month_name = match.group("month") or match.group("month2")
    month = _MONTH_NAMES.get(month_name.casefold()[:3])
    first = match.group("first") or match.group("first2")
    last = match.group("last") or match.group("last2") or first
    if month is None or int(last) < int(first):
        return None
    return _safe_date(year, month, int(last))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _url_year(url: str | None) -> int | None:
    if not url:
        return None
    found = _URL_DATE.search(url)
    return int(found.group(1)) if found else None
