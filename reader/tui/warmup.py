"""Load what opening an article needs while the reader is still looking at the list.

Opening the first article of a session used to pay ~0.6 s of one-off work before its colours
and Highlights appeared: importing nltk, sumy and numpy, the entity and number recognisers (their
patterns compile at import; the cache key carries their versions), the tokenizer's set-up, reading
package versions for the summary's cache key, and importing the article screen. Done in a thread
shortly after start-up, on a short text, the first article opens as fast as the second.

An article opened meanwhile is harmless: Python's import lock makes its own imports wait for
the ones under way rather than run them twice, and the analysers keep no state between texts
that a second caller could disturb (their caches are filled under the GIL).
"""

from __future__ import annotations

#: Seconds after start-up: late enough not to compete with the first rows being drawn.
WARM_UP_DELAY = 0.5

#: A short text with what each analyser looks for: names, a title, places, dates, numbers.
SAMPLE = (
    "Dr. Ana Silva, the mayor of Lisbon, said on Monday that 3,200 residents had signed the "
    "petition. The council will vote on 4 May. Officials at Harbour Energy Inc. expect a 12% "
    'rise in costs, about $1.5 million. "We will listen," Silva said.'
)


def warm_up(algorithm: str | None = None) -> None:
    """Import the article screen and the analysers, and run them once (meant for a worker thread).

    ``algorithm`` is the summary algorithm the reader will ask for (default: skim's default).
    """
    from reader.core import DEFAULT_ALGORITHM, analysis_version, analyze, summarize, summary_version
    from reader.tui.article import screen  # noqa: F401  (imported for its side effect)

    algorithm = algorithm or DEFAULT_ALGORITHM
    analysis_version()
    summary_version(algorithm)
    found = analyze(SAMPLE)
    summarize(SAMPLE, algorithm=algorithm, sentences=2, sentence_spans=found.sentences)
