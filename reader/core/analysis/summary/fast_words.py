"""NLTK's improved Treebank word tokenizer with its patterns compiled by the standard ``re``.

nltk 3.10 runs every pattern through ``nltk.redos``: the third-party ``regex`` engine under a
wall-clock timeout, a guard against patterns supplied by callers. The word tokenizer's patterns
are NLTK's own fixed ones, and ``regex`` with a timeout is several times slower than ``re`` on
them: word tokenizing was ~40% of analysing an article. This subclass recompiles the same pattern
strings with ``re`` (Python 3.11 supports every construct they use, possessive quantifiers too)
and keeps NLTK's ``tokenize`` method, so tokens are the same; tests/analysis/test_fast_words.py
checks that on the samples and generated text.

Most of NLTK's ~30 patterns can only match a text that holds a particular character (a quote, a
colon, a bracket…), and most sentences hold few of them: each such pattern is skipped, exactly,
on a text without any of its characters (:class:`_Guarded`), which halves the time per sentence.

The two engines do not class every character alike: ``regex`` follows newer Unicode data and counts
combining marks as word characters, ``re`` counts "¼" and "²" as word characters, and only ``re``
counts the separators ``\x1c``-``\x1f`` as white space. A text holding such a character is
tokenized by NLTK's own patterns (:func:`_engines_agree_on`), so the tokens stay the same.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from nltk.tokenize import NLTKWordTokenizer

try:  # nltk 3.10+ compiles its patterns with this (``regex`` under a timeout)
    from nltk import redos as _nltk_engine
except ImportError:  # earlier nltk compiles them with ``re``: the engines cannot differ
    _nltk_engine = re

# Flags ``regex`` reports for these patterns (VERSION0, UNICODE, IGNORECASE); ``re`` gives str
# patterns UNICODE itself, and IGNORECASE has the same value in both engines.
_VERSION0 = 0x2000
_KNOWN_FLAGS = _VERSION0 | re.UNICODE | re.IGNORECASE


# For NLTK's patterns (by their text): characters at least one of which is in every match, read
# off each pattern. A text with none of them cannot match, so ``sub`` would return it unchanged.
# No letters among them, so case-insensitive matching plays no part. A pattern not listed (one
# a later NLTK changes) is simply run on every text.
_NEEDS = {
    "([«“‘„]|[`]+)": "«“‘„`",  # noqa: RUF001 (NLTK's opening quotes)
    '^\\"': '"',
    "(``)": "`",
    "([ \\(\\[{<])(\\\"|\\'{2})": "\"'",
    "(?i)(?<!\\w)(\\')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)": "'",
    "([^\\.])(\\.)([\\]\\)}>\"\\'»”’ ]*+)\\s*$": ".",
    "([:,])([^\\d])": ":,",
    "([:,])$": ":,",
    "\\.{2,}": ".",
    "[;@#$%&]": ";@#$%&",
    "[\\u2012-\\u2015]": "\u2012\u2013\u2014\u2015",
    "([^\\.])(\\.)([\\]\\)}>\"\\']*)\\s*$": ".",
    "[?!]": "?!",
    "([^'])' ": "'",
    "[*]": "*",
    "[\\]\\[\\(\\)\\{\\}\\<\\>]": "[](){}<>",
    "--": "-",
    "([»”’])": "»”’",
    "''": "'",
    '"': '"',
    "([^' ])('[sS]|'[mM]|'[dD]|') ": "'",
    "([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": "'",
    "(?i)\\b(d)(?#X)('ye)\\b": "'",
    "(?i)\\b(more)(?#X)('n)\\b": "'",
    "(?i) ('t)(?#X)(is)\\b": "'",
    "(?i) ('t)(?#X)(was)\\b": "'",
}


class _Guarded:
    """A compiled pattern whose ``sub`` returns a text at once when no match is possible in it."""

    __slots__ = ("_needs", "_regex", "pattern")

    def __init__(self, regex: Any, needs: str) -> None:
        self._regex = regex
        self._needs = needs
        self.pattern = regex.pattern

    def sub(self, substitution: Any, text: str, count: int = 0) -> Any:
        """``regex.sub``, skipped when ``text`` has none of the characters a match needs."""
        for character in self._needs:
            if character in text:
                return self._regex.sub(substitution, text, count)
        return text


def _plain(pattern: Any) -> Any:
    """The same pattern compiled by ``re`` (and guarded, see :data:`_NEEDS`).

    Left as it is if it uses flags we do not translate.
    """
    if not isinstance(pattern, re.Pattern):
        flags = int(getattr(pattern, "flags", 0))
        if flags & ~_KNOWN_FLAGS:
            return pattern  # a future nltk pattern with other flags: correct, just not faster
        pattern = re.compile(pattern.pattern, flags & re.IGNORECASE)
    needs = _NEEDS.get(pattern.pattern)
    return _Guarded(pattern, needs) if needs else pattern


def _pairs(pairs: Any) -> list[tuple[Any, str]]:
    return [(_plain(pattern), substitution) for pattern, substitution in pairs]


# The character classes NLTK's patterns use, and the letters they match in any case.
_CLASSES = (r"\w", r"\d", r"\s", r"(?i)[a-z]")
_PAIRS = [(re.compile(c), _nltk_engine.compile(c)) for c in _CLASSES]
_AGREE: dict[str, bool] = {}  # character -> both engines class it alike


def _classed_alike(character: str) -> bool:
    """Whether ``re`` and NLTK's engine class ``character`` alike."""
    agrees = _AGREE.get(character)
    if agrees is None:
        agrees = _AGREE[character] = all(
            (ours.match(character) is None) == (theirs.match(character) is None)
            for ours, theirs in _PAIRS
        )
    return agrees


# The ASCII characters classed differently (the separators \x1c-\x1f): most texts are ASCII.
_ASCII_APART = [c for c in map(chr, range(128)) if not _classed_alike(c)]


def _engines_agree_on(text: str) -> bool:
    """Whether ``re`` and NLTK's engine class every character of ``text`` alike."""
    if text.isascii():
        return not any(character in text for character in _ASCII_APART)
    return all(_classed_alike(character) for character in set(text))


_STOCK = NLTKWordTokenizer()


class FastWordTokenizer(NLTKWordTokenizer):  # type: ignore[misc]
    """``NLTKWordTokenizer`` with stdlib ``re`` patterns; same tokens, several times faster."""

    STARTING_QUOTES = _pairs(NLTKWordTokenizer.STARTING_QUOTES)
    ENDING_QUOTES = _pairs(NLTKWordTokenizer.ENDING_QUOTES)
    PUNCTUATION = _pairs(NLTKWordTokenizer.PUNCTUATION)
    PARENS_BRACKETS = (
        _plain(NLTKWordTokenizer.PARENS_BRACKETS[0]),
        NLTKWordTokenizer.PARENS_BRACKETS[1],
    )
    CONVERT_PARENTHESES = _pairs(NLTKWordTokenizer.CONVERT_PARENTHESES)
    DOUBLE_DASHES = (
        _plain(NLTKWordTokenizer.DOUBLE_DASHES[0]),
        NLTKWordTokenizer.DOUBLE_DASHES[1],
    )
    CONTRACTIONS2: ClassVar[list[Any]] = [_plain(p) for p in NLTKWordTokenizer.CONTRACTIONS2]
    CONTRACTIONS3: ClassVar[list[Any]] = [_plain(p) for p in NLTKWordTokenizer.CONTRACTIONS3]

    def tokenize(
        self, text: str, convert_parentheses: bool = False, return_str: bool = False
    ) -> Any:
        """NLTK's tokens of ``text`` (by NLTK's own patterns where the engines differ)."""
        tokenizer = self if _engines_agree_on(text) else _STOCK
        return NLTKWordTokenizer.tokenize(tokenizer, text, convert_parentheses, return_str)
