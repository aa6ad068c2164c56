"""One line about each summary algorithm, for ``skim … --help-algorithms`` and the reader's picker.

Kept apart from :data:`reader.core.analysis.summary.algorithms.ALGORITHMS` on purpose: an algorithm added
there without a line here is still listed, with its name alone.
"""

from __future__ import annotations

DESCRIPTIONS: dict[str, str] = {
    "luhn": "frequent significant words close together",
    "edmundson": "cue words, title words and position",
    "lsa": "latent semantic analysis of topics",
    "lexrank": "graph of similar sentences (centrality)",
    "textrank": "graph ranking, like PageRank",
    "sumbasic": "word probability, avoiding repetition",
    "kl": "keeps the word distribution of the text (slow on long texts)",
    "reduction": "sentence similarity graph, summed weights",
    "lead": "the first sentences, as news puts the gist first",
    "skim": "a sumy rating + position, length, no repeats; explains itself (r in the reader)",
}


def describe_algorithm(name: str) -> str:
    """The line about algorithm ``name``; empty for one not described yet."""
    return DESCRIPTIONS.get(name, "")


def algorithm_lines() -> list[str]:
    """Every algorithm of ``ALGORITHMS``, in order, as ``name  description``, the default marked."""
    from reader.core.analysis.summary.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

    width = max(map(len, ALGORITHMS))
    lines = []
    for name in ALGORITHMS:
        about = describe_algorithm(name)
        if name == DEFAULT_ALGORITHM:
            about = f"{about} (default)" if about else "(default)"
        lines.append(f"{name:<{width}}  {about}".rstrip())
    return lines
