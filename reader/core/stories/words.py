"""Words of an article as grouping sees them: content-word stems, name tokens and number tokens.

Cheap by design (a few regular expressions and a memoised stemmer), because every added article is
fingerprinted: the full entity recogniser of :mod:`reader.core.analysis` costs ~10x more per word.
Names are approximated by capitalised tokens that are not just a capitalised sentence opener.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from reader.core import wordlists

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,:]\d+)*")
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s+|\n")
_POSSESSIVE = re.compile(r"['’]s?$")

NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}


def stopwords() -> frozenset[str]:
    """Lowercase words that carry no information about an event (bundled list)."""
    return wordlists.words("reader.core.stories", "stopwords.txt")


@cache
def _snowball() -> Callable[[str], str]:
    # nltk's Snowball stemmer needs no NLTK data; it is imported on first use (~0.3 s) only.
    from nltk.stem.snowball import EnglishStemmer

    return EnglishStemmer().stem  # type: ignore[no-any-return]


@lru_cache(maxsize=200_000)
@lru_cache(maxsize=200_000)  # news vocabulary repeats: a dict look-up beats re-stemming
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lowercase ``word``: "injured", "injuring" → "injur"."""
    return _snowball()(word)


def normal_word(token: str) -> str:
    """``token`` casefolded, curly apostrophes straightened, a possessive ending dropped."""
    word = token.casefold().replace("’", "'")
    return _POSSESSIVE.sub("", word) if word.endswith(("'s", "'")) else word


def number_value(token: str) -> str | None:
    """A canonical text for a number token ("45,000" → "45000", "fourteen" → "14"), else None."""
    if token[0].isdigit():
        if ":" in token:
            return token
        digits = token.replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        return str(int(value)) if value == int(value) else str(value)
    value_ = NUMBER_WORDS.get(token.casefold())
    return None if value_ is None else str(value_)


def sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence or line starts (a capital there says nothing about names)."""
    starts = {0}
    starts.update(match.end() for match in _SENTENCE_BREAK.finditer(text))
    return starts


def iter_tokens(text: str) -> Iterator[re.Match[str]]:
    """Word and number tokens of ``text`` (apostrophes and hyphens stay inside words)."""
    return _TOKEN.finditer(text)


def is_name_token(token: str, at_sentence_start: bool) -> bool:
    """True when ``token`` looks like part of a name: capitalised, not a function word, and not
    merely the first word of a sentence (unless it is written in capitals, as datelines are)."""
    if not token[0].isupper() or token.casefold() in stopwords():
        return False
    if token.isupper() and len(token) > 1:
        return True
    return not at_sentence_start
