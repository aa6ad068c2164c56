"""Time stock sumy's summariser on a text file; prints the seconds.

Usage: ``python -m benchmarks.stock ALGORITHM[+ALGORITHM] FILE``

sumy's own summariser class, with skim's data-free tokenizer and stemmer (sumy's stock tokenizer
needs NLTK's punkt data, which is not available offline). The time covers what ``summarize``
does given the sentences: tokenizing into sumy's document and rating, for 3 sentences. It runs
in its own process so the caller can stop it at a timeout (stock KL at 10k words takes minutes).
Several algorithms joined by ``+`` (``edmundson+lexrank``, the default summary's raters on long
texts) run one after the other on the same document. Edmundson gets skim's cue words and stop
words as null words, as :mod:`reader.core.analysis.summary.scoring` gives them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any


def main() -> int:
    """Print stock sumy's seconds for ``argv[1]`` on the text of ``argv[2]``."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from reader.core.analysis import SUMMARY_LIMIT, split_sentences
    from reader.core.analysis.summary.scoring import BONUS_WORDS, STIGMA_WORDS, _language
    from reader.core.analysis.summary.sumy_document import build_document

    classes: dict[str, Any] = {
        "edmundson": EdmundsonSummarizer,
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "reduction": ReductionSummarizer,
        "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer,
    }
    algorithms, path = sys.argv[1].split("+"), Path(sys.argv[2])
    text = path.read_text(encoding="utf-8")
    stem, stop_words = _language()
    build_document("Warm up the tokenizer. It loads lazily.", [(0, 22), (23, 39)])
    spans = split_sentences(text)  # outside the timing, as for skim's own (sentences are cached)
    # The sentences skim's summaries read (the rest of a very long text is not summarised).
    spans = [span for span in spans if span[1] <= SUMMARY_LIMIT] or spans[:1]
    start = time.perf_counter()
    document = build_document(text, spans).document
    for algorithm in algorithms:
        summarizer = classes[algorithm](stem)
        if algorithm == "edmundson":
            summarizer.bonus_words = BONUS_WORDS
            summarizer.stigma_words = STIGMA_WORDS
            summarizer.null_words = stop_words
        else:
            summarizer.stop_words = stop_words
        summarizer(document, 3)
    print(time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
