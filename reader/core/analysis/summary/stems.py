"""Each sentence's words lowercased and stemmed once per document, shared by the raters.

sumy's summarisers stem every word of every sentence again in each of their methods (Edmundson's
three methods stem each sentence three times), through two Python calls per word. A long text
has tens of thousands of words but only a few thousand distinct ones: here each distinct word is
lowercased and stemmed once, with the same stemmer and the same steps (``stem(word.lower())``,
sumy's ``stem_word``), and the result is kept beside the document, so Edmundson, the pairwise
raters and the default summariser's redundancy control all read the same lists.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """The words of a sumy document's sentences (``document.sentences`` order).

    Attributes:
        lowered: each sentence's words, lowercased (stop words included).
        stems: the stem of every distinct lowercased word of the sentences.
        content: each sentence's stemmed words without sumy's English stop words, as LexRank,
            TextRank and Reduction prepare them.
    """

    lowered: list[list[str]]
    stems: dict[str, str]
    content: list[list[str]]


# Documents are built per summary and dropped after it; the words go with them.
_PREPARED: weakref.WeakKeyDictionary[Any, DocumentWords] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def document_words(document: Any) -> DocumentWords:
    """The :class:`DocumentWords` of ``document``, computed on first use and then kept."""
    with _LOCK:
        found = _PREPARED.get(document)
    if found is not None:
        return found
    from reader.core.analysis.summary.scoring import _language

    stem, stop_words = _language()
    lowered = [[word.lower() for word in sentence.words] for sentence in document.sentences]
    stems: dict[str, str] = {}
    for words in lowered:
        for word in words:
            if word not in stems:
                stems[word] = stem(word)
    content = [[stems[w] for w in words if w not in stop_words] for words in lowered]
    found = DocumentWords(lowered, stems, content)
    with _LOCK:
        _PREPARED[document] = found
    return found
