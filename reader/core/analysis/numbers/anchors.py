"""Where a numeric expression can start, and which patterns are worth trying there.

Running every pattern of :mod:`.numbers_patterns` over the whole text costs ~0.3 s at 10,000 words
(*measured*), because each regex is tried at every character. Numeric expressions only start at a
digit, a currency sign or one of a few hundred words, so one cheap scan finds those anchors and the
patterns are then matched at the anchors alone (~10x faster).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from reader.core.analysis.numbers.patterns import TAIL_WORDS as _TAIL_WORDS
from reader.core.results import NumberLabel

_ALL = frozenset(NumberLabel)
_DATE_TIME = frozenset({NumberLabel.DATE, NumberLabel.TIME})

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen half"
)
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth "
    "fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth"
)
_DATE_WORDS = (
    "last next this previous past coming following same current earlier later recent "
    "yesterday today tomorrow early late mid fiscal spring summer autumn fall winter several "
    "weekdays weekends full whole prior"
)
_TIME_WORDS = "tonight overnight noon midnight midday"
_CASED_DATE_WORDS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays "
    "Q1 Q2 Q3 Q4 H1 H2 FY"
)
_CURRENCY_CODES = (
    "USD EUR GBP JPY CNY RMB CHF CAD AUD NZD HKD SGD INR ISK NOK DKK SEK KRW BRL ZAR MXN RUB TRY "
    "NGN KES PLN"
)
# Letters that make a currency sign when "$" follows them ("US$", "C$", "R$").
_DOLLAR_PREFIXES = frozenset(["US", "C", "A", "AU", "NZ", "HK", "S", "NT", "R", "Mex"])


def _table() -> dict[str, frozenset[NumberLabel]]:
    table: dict[str, frozenset[NumberLabel]] = {}
    for word in _NUMBER_WORDS.split():
        table[word] = _ALL
    for word in _ORDINAL_WORDS.split():
        table[word] = frozenset({NumberLabel.ORDINAL, NumberLabel.DATE})
    for word in _DATE_WORDS.split():
        table[word] = _DATE_TIME
    for word in _TIME_WORDS.split():
        table[word] = frozenset({NumberLabel.TIME})
    for word in ("dozens", "hundreds", "thousands", "millions", "billions", "tens"):
        table[word] = frozenset({NumberLabel.CARDINAL})
    for word in ("twice", "thrice", "magnitude"):
        table[word] = frozenset({NumberLabel.QUANTITY})
    return table


_LOWER = _table()
_CASED: dict[str, frozenset[NumberLabel]] = {w: _DATE_TIME for w in _CASED_DATE_WORDS.split()}
_CASED.update({code: frozenset({NumberLabel.MONEY}) for code in _CURRENCY_CODES.split()})
_CASED["No"] = frozenset({NumberLabel.CARDINAL})


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored as a trie: Python's ``re`` tries alternatives
    one by one, so shared prefixes keep the scan over every position of the text cheap."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return ("(?:" + body + ")" if len(branches[0]) > 1 or len(branches) > 1 else body) + "?"
        return body

    return build(trie)


# "a"/"an"/"the" start a number only before one of these ("a decade", "the 1990s", "the past").
_AFTER_ARTICLE_WORDS = (
    "hundred thousand million billion trillion dozen decade century fortnight year month week day "
    "quarter third half hour minute few first second fourth fifth sixth seventh eighth ninth tenth "
    "1st 2nd 3rd 4th past last next previous coming following same current end start beginning "
    "middle rest close turn early late weekend spring summer autumn fall winter full whole prior "
    "kilometre kilometer mile metre meter foot yard tonne ton litre liter gallon acre hectare "
    "kilogram pound ounce"
)
_ANCHOR = re.compile(
    r"\d+|[$€£¥₹₩₽₦]|['’]\d|(?<![\w])(?:(?:[Tt]hat (?=(?:morning|afternoon|evening|night)\b)"
    r"|(?:quarter|year|month)(?=-end\b))"
    r"|(?:[Tt]he|[Aa]n?) (?=[\d'’]|(?:"
    + _alternation(_AFTER_ARTICLE_WORDS.split())
    + r"|[a-z]+(?:teenth|tieth))\b)|(?:"
    + _alternation(set(_LOWER) | {w.capitalize() for w in _LOWER} | set(_CASED) | _DOLLAR_PREFIXES)
    + r"|[A-Za-z]+fold)(?![\w]))"
)
# A number in digits followed by an ordinary word or punctuation can only be a count or a year.
_PLAIN_NUMBER = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\d)(?:\.\d+)?(?:[,;)!?]|\.(?!\d|m\.)| (?!(?:"
    + "|".join(_TAIL_WORDS)
    + r")\b)[a-z])"
)
_CARDINAL_OR_YEAR = frozenset({NumberLabel.CARDINAL, NumberLabel.DATE})
_CARDINAL = frozenset({NumberLabel.CARDINAL})
_MONEY = frozenset({NumberLabel.MONEY})
_QUANTITY = frozenset({NumberLabel.QUANTITY})
_PERIOD_END = frozenset({"quarter", "year", "month"})


def anchors(text: str) -> Iterator[tuple[int, frozenset[NumberLabel]]]:
    """Yield each position where a number may start, with the labels whose patterns to try."""
    for match in _ANCHOR.finditer(text):
        token = match.group()
        start = match.start()
        first = token[0]
        if first.isdigit():
            # The tail of "1,946", "12.7" or "2023-24" belongs to the number before it.
            if start >= 2 and text[start - 1] in ".,:-–/" and text[start - 2].isdigit():
                continue
            if not _PLAIN_NUMBER.match(text, start):
                yield start, _ALL
            elif len(token) == 4 and token[0] in "12":
                yield start, _CARDINAL_OR_YEAR
            else:
                yield start, _CARDINAL
        elif token[-1] == " ":  # an article before a number word, or "that" before "night"
            yield start, _DATE_TIME if first in "Tt" else _ALL
        elif token in _PERIOD_END or first in "'’":  # "quarter-end", "'90s"
            yield start, _DATE_TIME
        elif not first.isalpha():
            yield start, _MONEY
        else:
            labels = _CASED.get(token) or _LOWER.get(token.lower())
            if labels is not None:
                yield start, labels
            elif token in _DOLLAR_PREFIXES:
                if text.startswith("$", match.end()):
                    yield start, _MONEY
            else:  # "tenfold"
                yield start, _QUANTITY
