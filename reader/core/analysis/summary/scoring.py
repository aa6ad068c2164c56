"""One rating per sentence from each of sumy's eight summarisers, and from ``lead``.

sumy's summarisers return only the chosen sentences and throw their ratings away; these
functions return the ratings (higher is better) for every sentence of a sumy document, in
document order, so a summary can show why it chose what it chose. They call sumy's own rating
code where it is fast enough and the vectorised equivalents in :mod:`fast` and
:mod:`summarize_greedy` where it is not. Ratings are per position, so two sentences with the
same text (which sumy's rating dictionaries would merge) are rated separately.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reader.core.analysis.summary import fast, greedy
from reader.core.analysis.summary.stems import document_words

# Edmundson's cue method rates a sentence by its bonus words minus its stigma words. Edmundson
# (1969) took them from scientific abstracts; these are small lists for news. Bonus words mark
# a sentence that states a finding, decision or outcome; stigma words mark hedging, asides and
# scene-setting, which make weak summary sentences.
_BONUS = (
    "agreed announced approved concluded confirmed decided decision found finding key main"
    " major result results report reported significant important first new plan deal will"
    " ruled voted won lost revealed showed shows"
)
_STIGMA = (
    "perhaps maybe might hardly apparently allegedly reportedly seemingly anyway incidentally"
    " meanwhile somewhat arguably supposedly unclear unconfirmed rumour rumor joked"
)
BONUS_WORDS = frozenset(_BONUS.split())
STIGMA_WORDS = frozenset(_STIGMA.split())


@lru_cache(maxsize=1)
def _language() -> tuple[Any, frozenset[str]]:
    """sumy's English stemmer, with a cache in front of it, and sumy's English stop words.

    Both ship with the packages (Snowball stemmer code, a stop-word text file): no NLTK data.
    The cache only saves time: the stemmer is a pure function of the word.
    """
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    return lru_cache(maxsize=65536)(Stemmer("english")), frozenset(get_stop_words("english"))


def _with_stop_words(summarizer: Any) -> Any:
    summarizer.stop_words = _language()[1]
    return summarizer


def _stemmer() -> Any:
    return _language()[0]


def luhn(document: Any) -> list[float]:
    """Luhn: the densest cluster of significant (frequent, non-stop) words in the sentence."""
    from sumy.summarizers.luhn import LuhnSummarizer

    summarizer = _with_stop_words(LuhnSummarizer(_stemmer()))
    significant = frozenset(summarizer._get_significant_words(document.words))
    return [float(summarizer.rate_sentence(s, significant)) for s in document.sentences]


def edmundson(document: Any) -> list[float]:
    """Edmundson with sumy's default methods: cue + title + location (key is off by default).

    Null words (ignored in titles and headings) are the stop words. Each method counts a
    sentence's words whose stem is in its set (bonus minus stigma words, title words, heading
    words), so a word's share of the rating is known once its stem is: it is computed once
    per distinct word (see :mod:`stems`) instead of once per method and occurrence, and the
    integer sums are those of sumy's methods.
    """
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(_stemmer())
    summarizer.bonus_words = BONUS_WORDS
    summarizer.stigma_words = STIGMA_WORDS
    summarizer.null_words = _language()[1]
    cue = summarizer._build_cue_method_instance()
    title = summarizer._build_title_method_instance()
    location = summarizer._build_location_method_instance()
    # The sets as sumy's methods hold them: stemmed bonus and stigma words, stemmed heading words.
    bonus, stigma = cue._bonus_words, cue._stigma_words
    title_words = title._compute_significant_words(document)
    location_words = location._compute_significant_words(document)
    prepared = document_words(document)
    worth = {
        word: (stem in bonus) - (stem in stigma) + (stem in title_words) + (stem in location_words)
        for word, stem in prepared.stems.items()
    }

    ratings: list[float] = []
    paragraphs = document.paragraphs
    index = 0
    for paragraph_order, paragraph in enumerate(paragraphs):
        sentences = paragraph.sentences
        for sentence_order in range(len(sentences)):
            # The location method's place bonuses as in EdmundsonLocationMethod (weights 1).
            place = 0
            if paragraph_order in (0, len(paragraphs) - 1):  # first or last paragraph
                place += 1
            if sentence_order in (0, len(sentences) - 1):  # first or last in its paragraph
                place += 1
            words = prepared.lowered[index]
            ratings.append(float(sum([worth[word] for word in words]) + place))
            index += 1
    return ratings


def lsa(document: Any) -> list[float]:
    """LSA: the length of the sentence's vector in the reduced term-sentence space.

    sumy builds a term-by-sentence matrix (cells ``0.4 + 0.6·count/column max``), takes its SVD
    and rates sentence ``j`` ``sqrt(sum(s_i² · v_ij²))`` over the kept dimensions. With sumy's
    settings (``REDUCTION_RATIO = 1``) every dimension is kept, and that sum is exactly the
    squared length of column ``j`` of the matrix (``AᵀA = VΣ²Vᵀ``). It is computed directly
    here: the same ratings without the SVD, and exactly equal for sentences with the same word
    counts, which sumy separates only by rounding noise that changes with ``PYTHONHASHSEED``;
    here such ties go to the earlier sentence. A test checks the ratings against sumy's.
    """
    from sumy.summarizers.lsa import LsaSummarizer

    summarizer = LsaSummarizer(_stemmer())
    stop_words = _language()[1]
    stem = summarizer.stem_word
    words = (summarizer.normalize_word(w) for w in document.words)
    dictionary = {stem(w) for w in words if w not in stop_words}
    smooth = 0.4
    ratings = []
    for sentence in document.sentences:
        # Like sumy's _create_matrix: every word whose stem is in the dictionary counts.
        counts = Counter(stem(w) for w in sentence.words if stem(w) in dictionary).values()
        if not counts:  # sumy leaves an all-zero column
            ratings.append(0.0)
            continue
        most = max(counts)
        cells = [(smooth + (1.0 - smooth) * (count / most)) ** 2 for count in counts]
        cells.append((len(dictionary) - len(counts)) * smooth**2)  # the words it lacks
        ratings.append(math.sqrt(math.fsum(cells)))
    return ratings


def _stemmed_content_words(document: Any) -> list[list[str]]:
    """Each sentence's words as LexRank, TextRank and Reduction prepare them."""
    return document_words(document).content


def lexrank(document: Any) -> list[float]:
    """LexRank: centrality in the graph of sentences with idf-cosine similarity > 0.1."""
    return [float(x) for x in fast.lexrank_ratings(_stemmed_content_words(document))]


def textrank(document: Any) -> list[float]:
    """TextRank: PageRank over sentences linked by shared words."""
    return [float(x) for x in fast.textrank_ratings(_stemmed_content_words(document))]


def reduction(document: Any) -> list[float]:
    """Reduction: the sum of the sentence's shared-word weights with every other sentence."""
    return [float(x) for x in fast.reduction_ratings(_stemmed_content_words(document))]


def sumbasic(document: Any) -> list[float]:
    """SumBasic: greedy picks by average word probability (``-round`` of the pick)."""
    return greedy.sumbasic_ratings(_stemmed_content_words(document))


def kl(document: Any) -> list[float]:
    """KL-Sum: greedy picks that keep the summary's word distribution close to the text's."""
    from sumy.summarizers.kl import KLSummarizer

    summarizer = _with_stop_words(KLSummarizer(_stemmer()))
    sentences = document.sentences
    content = [summarizer._get_content_words_in_sentence(s) for s in sentences]
    raw = [list(s.words) for s in sentences]
    return greedy.kl_ratings(content, raw, summarizer.compute_tf(sentences))


def lead(document: Any) -> list[float]:
    """Lead: the earlier the better (1 for the first sentence, falling evenly towards 0).

    The first sentences of a news story state its news; on news, "the first three sentences"
    is the baseline every summariser is measured against.
    """
    count = len(document.sentences)
    return [1.0 - position / count for position in range(count)]


RATERS: dict[str, Callable[[Any], list[float]]] = {
    "luhn": luhn,
    "edmundson": edmundson,
    "lsa": lsa,
    "lexrank": lexrank,
    "textrank": textrank,
    "sumbasic": sumbasic,
    "kl": kl,
    "reduction": reduction,
    "lead": lead,
}
