"""A sumy-compatible tokenizer that needs no NLTK data.

sumy's own ``Tokenizer("english")`` loads punkt's trained model (``punkt_tab``), which is not
available offline. sumy only needs an object with ``language``, ``to_sentences(paragraph)`` and
``to_words(sentence)``; this one splits sentences with :func:`split_sentences` and words with
NLTK's ``NLTKWordTokenizer`` — the improved Treebank tokenizer that ``nltk.word_tokenize`` runs
on each sentence, so words come out as with stock sumy. Neither needs data files.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reader.core.analysis.sentences import split_sentences

# sumy keeps only tokens that look like words: a letter first, then letters, "'" or "-".
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
# Typographic apostrophes and quotes, as ASCII, so "it’s" splits like "it's" (into "it", "'s")
# instead of leaving a lone "s" word behind. One character for one: nothing else moves.
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


class NewsTokenizer:
    """Sentences and words of English news text, for sumy's document model and summarisers.

    Attributes:
        language: always ``"english"`` (sumy reads it; stemmer and stop words are English).
    """

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split ``paragraph`` into sentences, white space stripped."""
        return tuple(paragraph[start:end] for start, end in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split ``sentence`` into words, dropping punctuation and numbers as sumy does."""
        return _words(sentence)


# Word tokenizing is most of a summary's cost on long texts; the cache makes a second summary
# of the same text (another algorithm, another length) cheaper. Entries are small tuples.
@lru_cache(maxsize=32768)
def _words(sentence: str) -> tuple[str, ...]:
    tokens = _word_tokenizer().tokenize(sentence.translate(_TYPOGRAPHIC))
    return tuple(token for token in tokens if _WORD.match(token))


@lru_cache(maxsize=1)
def _word_tokenizer() -> Any:
    """The NLTK word tokenizer, built once (it holds only compiled regular expressions)."""
    # NLTK's tokenizer with its patterns on stdlib re: same tokens, faster (see fast_words).
    from reader.core.analysis.summary.fast_words import FastWordTokenizer

    return FastWordTokenizer()
