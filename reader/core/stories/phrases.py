"""What a figure measures, read from the words around it: a short phrase to name it by and the
qualifiers that narrow it down.

- The **phrase** is a few words of the text itself, so a reader recognises it: the words after a
  count ("17 *people*", "more than 10,000 *troops to Russia*"), or, when nothing follows or the
  figure is a time or a date, the words before it ("the first emergency call came in at 2:04").
- The **qualifiers** are the degree words that make a thing a narrower thing: "two *seriously*
  injured firefighters" are not "four injured firefighters", "the *other* eleven" are not "17
  people". Two sources give different values for one thing only when their qualifiers agree.
"""

from __future__ import annotations

import re

from reader.core.stories.words import NUMBER_WORDS, iter_tokens, stem, stopwords

#: At most this many words name a figure.
PHRASE_WORDS = 4
#: Adjectives that narrow what is counted ("serious injuries", "the remaining workers").
_QUALIFIER_WORDS = frozenset(
    {
        "serious",
        "critical",
        "severe",
        "minor",
        "slight",
        "fatal",
        "other",
        "remaining",
        "additional",
        "further",
        "total",
        "overall",
        "confirmed",
        "suspected",
        "permanent",
        "temporary",
    }
)
#: Words in "-ly" that hedge a value or tell time rather than narrow the thing counted.
_NOT_QUALIFIERS = frozenset(
    {
        "only",
        "nearly",
        "roughly",
        "approximately",
        "early",
        "likely",
        "reportedly",
        "initially",
        "currently",
        "recently",
        "already",
        "shortly",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "family",
        "july",
        "italy",
    }
)
#: Words that may open what follows a figure but do not name what it counts ("four *were*
#: firefighters").
_LINKS = frozenset({"were", "was", "are", "is", "been", "being", "had", "have", "has"})
#: Words that end a phrase: a new clause about something else starts there.
_PHRASE_END = frozenset(
    {"who", "whom", "which", "that", "when", "while", "where", "as", "and", "but", "or", "with"}
)
#: Function words: a phrase neither starts nor ends with one.
_FUNCTION = frozenset(
    re.findall(
        r"\w+",
        "a an the of in on at by for from to into onto over under up down with without about"
        " among between during after before than then this that these those its their his her our"
        " them they it he she we you i who whom which and or but so as if",
    )
)
#: Irregular past participles that follow a counted noun ("troops sent", "people hurt").
_PARTICIPLES = frozenset(
    re.findall(
        r"\w+",
        "sent held hurt taken seen built left lost made given found shot struck brought caught put"
        " told kept sold paid cut bought hit met run spent won",
    )
)
_PUNCTUATION = re.compile(r"[,;:()\[\]—–!?]|\.(?:\s|$)")
_NUMBERISH = re.compile(r"^\d|^(?:a\.m|p\.m|am|pm)\b", re.I)


def qualifiers(before: str, after: str) -> frozenset[str]:
    """Stems of the degree words of a figure's clause (``before``/``after`` the figure)."""
    found = set()
    for text in (before, after):
        for match in iter_tokens(text):
            word = match.group().casefold()
            if word in _NOT_QUALIFIERS:
                continue
            if word in _QUALIFIER_WORDS or (word.endswith("ly") and len(word) > 4):
                found.add(stem(word))
    return frozenset(found)


def figure_phrase(before: str, after: str, *, prefer_before: bool = False) -> str:
    """A short phrase of the text that says what a figure measures.

    Args:
        before: the figure's clause up to the figure.
        after: the figure's clause after the figure.
        prefer_before: name it by what precedes it (times and dates: "reported at 2:15").
    """
    following = _following(after)
    preceding = _preceding(before)
    if prefer_before:
        return preceding or following
    return following or preceding


def _words(text: str) -> list[str]:
    return [m.group() for m in iter_tokens(text)]


def _has_content(words: list[str]) -> bool:
    stop = stopwords()
    return any(w.casefold() not in stop and not _NUMBERISH.match(w) for w in words)


def _following(after: str) -> str:
    words = _words(_PUNCTUATION.split(after, maxsplit=1)[0])
    while words and words[0].casefold() in _LINKS:
        words = words[1:]
    phrase: list[str] = []
    for word in words:
        if word.casefold() in _PHRASE_END or _NUMBERISH.match(word):
            break
        phrase.append(word)
        if len(phrase) == PHRASE_WORDS:
            break
    phrase = _trim(phrase)
    # "of them", "in the" name nothing; a phrase must start with a content word.
    if not phrase or phrase[0].casefold() in _FUNCTION or not _has_content(phrase):
        return ""
    return " ".join(phrase)


def _preceding(before: str) -> str:
    words = _words(before)
    # Only the words since the last other figure ("26 significant fires in 2023").
    numbers = [
        i for i, w in enumerate(words) if _NUMBERISH.match(w) or w.casefold() in NUMBER_WORDS
    ]
    words = _trim(words[numbers[-1] + 1 :] if numbers else words)[-PHRASE_WORDS:]
    while words and (words[0].casefold() in _FUNCTION or words[0].casefold() in _LINKS):
        words = words[1:]
    return " ".join(words) if _has_content(words) else ""


def head_word(after: str) -> str:
    """The stem of the noun a count is followed by ("17 seriously injured *people* …"), or ""."""
    words = _words(after)
    while words and words[0].casefold() in _LINKS:
        words = words[1:]
    run: list[str] = []
    for word in words:
        folded = word.casefold()
        if (
            folded in _FUNCTION
            or folded in _LINKS
            or folded in _PHRASE_END
            or _NUMBERISH.match(word)
        ):
            break
        # "troops *sent* to Russia": a verb after the noun ends the noun phrase.
        if (
            run
            and not run[-1].endswith("ly")
            and (folded in _PARTICIPLES or folded.endswith(("ed", "ing")))
        ):
            break
        run.append(folded)
    return stem(run[-1]) if run else ""


def _trim(words: list[str]) -> list[str]:
    """Drop trailing function words ("troops to Russia *of*")."""
    while words and (words[-1].casefold() in _FUNCTION or words[-1].casefold() in _LINKS):
        words = words[:-1]
    return words
