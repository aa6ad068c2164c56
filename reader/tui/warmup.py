"""Load what opening an article needs while the reader is still looking at the list.

Opening the first article of a session used to pay ~0.2 s of one-off work: importing the entity
and number recognisers (their patterns compile at import; the cache key carries their versions),
reading package versions for the summary's cache key, and importing the article screen. Done in
a thread shortly after start-up, the first article opens as fast as the second.
"""

from __future__ import annotations

#: Seconds after start-up: late enough not to compete with the first rows being drawn.
WARM_UP_DELAY = 0.5


def warm_up() -> None:
    """Import the article screen and the analysers' versions (meant for a worker thread)."""
    from reader.core import DEFAULT_ALGORITHM, analysis_version, summary_version
    from reader.tui.article import screen  # noqa: F401  (imported for its side effect)

    analysis_version()
    summary_version(DEFAULT_ALGORITHM)
