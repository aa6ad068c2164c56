"""NLTK's improved Treebank word tokenizer with its patterns compiled by the standard ``re``.

nltk 3.10 runs every pattern through ``nltk.redos``: the third-party ``regex`` engine under a
wall-clock timeout, a guard against patterns supplied by callers. The word tokenizer's patterns
are NLTK's own fixed ones, and ``regex`` with a timeout is several times slower than ``re`` on
them: word tokenizing was ~40% of analysing an article. This subclass recompiles the same pattern
strings with ``re`` (Python 3.11 supports every construct they use, possessive quantifiers too)
and keeps NLTK's ``tokenize`` method, so tokens are the same; tests/analysis/test_fast_words.py
checks that on the samples and generated text.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from nltk.tokenize import NLTKWordTokenizer

# Flags ``regex`` reports for these patterns (VERSION0, UNICODE, IGNORECASE); ``re`` gives str
# patterns UNICODE itself, and IGNORECASE has the same value in both engines.
_VERSION0 = 0x2000
_KNOWN_FLAGS = _VERSION0 | re.UNICODE | re.IGNORECASE


def _plain(pattern: Any) -> Any:
    """The same pattern compiled by ``re``; left as it is if it uses flags we do not translate."""
    if isinstance(pattern, re.Pattern):
        return pattern
    flags = int(getattr(pattern, "flags", 0))
    if flags & ~_KNOWN_FLAGS:
        return pattern  # a future nltk pattern with other flags: correct, just not faster
    return re.compile(pattern.pattern, flags & re.IGNORECASE)


def _pairs(pairs: Any) -> list[tuple[Any, str]]:
    return [(_plain(pattern), substitution) for pattern, substitution in pairs]


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
