"""Trimming of candidate names: what the guidelines keep outside a name, and runs holding two.

:func:`trim` removes a leading "The", titles and honorifics ("Dr.", "Chief Inspector"), ordinary
words capitalised only because they open a sentence or a title-case heading, and identifier words
such as "Flight" at the end; it splits runs that hold two names ("Norwegian Storting",
"U.S. President Joe Biden", "East Jutland Police Commissioner Jens Riis").
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.core.analysis.entities.candidates import Run, Token
from reader.core.analysis.entities.lexicon import Lexicon

# Runs of capitalised words longer than this hold no name skim can find (the longest names and
# title-case headings in news are far shorter); they are skipped whole.
LONGEST_RUN = 40


def in_gazetteer(text: str, lex: Lexicon) -> bool:
    """True when ``text`` is a known place, organisation, group or person."""
    return text in lex.places or text in lex.orgs or text in lex.groups or text in lex.people


def bare(token: Token) -> str:
    """The word without abbreviation dots, as the word lists store it ("S.A." -> "SA")."""
    return token.text.replace(".", "")


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def is_title(word: str, lex: Lexicon) -> bool:
    """A title or honorific, hyphenated ones too ("Director-General", "Attorney-General")."""
    return word in lex.titles or ("-" in word and all(p in lex.titles for p in word.split("-")))


def is_suffixed(run_tokens: list[Token], lex: Lexicon) -> bool:
    """True when the last word makes the run an organisation or place ("… Inc.", "… Street")."""
    last = bare(run_tokens[-1])
    return last in lex.org_words or last in lex.place_words


def trim(
    text: str, run: Run, lex: Lexicon, lowercase: frozenset[str]
) -> Iterator[tuple[Run, bool, bool]]:
    """Yield the name(s) left in ``run`` with (run, had_title, had_the); nothing when none is.

    Args:
        text: the document.
        run: a run of capitalised words.
        lex: the word lists.
        lowercase: words that occur in lower case elsewhere in the document.
    """
    if len(run.tokens) > LONGEST_RUN:
        return  # not prose: trimming it word by word is quadratic ("Mr. Mr. …" 150,000 times)
    pieces = _split(text, run, lex)
    for piece in pieces:
        yield from _trim_one(text, piece, lex, lowercase)


def _split(text: str, run: Run, lex: Lexicon) -> list[Run]:
    """Split "Norwegian Storting", "U.S. President Joe Biden", headings at ordinary words."""
    toks = run.tokens
    if len(toks) < 2 or in_gazetteer(text[run.start : run.end], lex):
        return [run]
    if all(t.initial for t in toks):  # a title-case heading: ordinary words separate names
        pieces: list[Run] = []
        current: list[Token] = []
        for token in toks:
            ordinary = token.text.lower() in lex.common and token.text not in lex.first_names
            if ordinary and token.text not in lex.places:
                if current:
                    pieces.append(Run(current))
                current = []
                pieces.append(Run([token]))
            else:
                current.append(token)
        if current:
            pieces.append(Run(current))
        return pieces
    if is_suffixed(toks, lex) or run.org_join or run.place_join:
        return [run]
    if len(toks) == 2 and toks[0].text in lex.places and _is_acronym(toks[1].text):
        return [Run(toks[:1]), Run(toks[1:])]  # "Chicago NAPM": a place, then an organisation
    k = 1 if toks[0].text == "The" else 0  # "The Norwegian Storting"
    if len(toks) > k + 1 and toks[k].text in lex.groups:
        tail = text[toks[k + 1].start : toks[-1].end]
        rest = toks[k + 1 :]
        person = 2 <= len(rest) <= 3 and (
            bare(rest[0]) in lex.first_names
            or not any(t.text.lower() in lex.common or in_gazetteer(t.text, lex) for t in rest)
        )
        if (in_gazetteer(tail, lex) and tail not in lex.groups) or person:
            # "Norwegian Storting"; "Argentine Abel Balbo": the nationality is no part of a name
            return [Run(toks[: k + 1]), Run(toks[k + 1 :])]
    for i in range(1, len(toks) - 1):
        word = bare(toks[i])
        previous = bare(toks[i - 1])
        if word not in lex.titles or word in lex.org_words:
            continue
        if previous in lex.titles and previous not in lex.org_words:
            continue  # inside a title ("Prime Minister"): split before its first word
        names = [
            t for t in toks[i:] if bare(t) not in lex.titles and t.text not in lex.not_entities
        ]
        head = text[toks[0].start : toks[i - 1].end]
        if names and (in_gazetteer(head, lex) or len(toks) - i >= 2):
            return [Run(toks[:i]), Run(toks[i:])]
    return [run]


def _trim_one(
    text: str, run: Run, lex: Lexicon, lowercase: frozenset[str]
) -> Iterator[tuple[Run, bool, bool]]:
    toks = list(run.tokens)
    had_title = had_the = False
    while toks:
        first = toks[0]
        whole = text[first.start : toks[-1].end]
        word = bare(first)
        if in_gazetteer(whole, lex):
            break
        if first.text == "The" and len(toks) > 1:
            had_the = True
        elif (
            first.initial
            and _is_ordinary(first.text, lex, lowercase)
            and not (
                len(toks) > 1 and is_suffixed(toks, lex) and first.text.lower() not in _FUNCTION
            )
            and not (len(toks) > 1 and _given_name_first(text, toks, lex, lowercase))
        ):
            run.dropped.append(first)
        elif (
            is_title(word, lex)
            and len(toks) > 1
            and not is_suffixed(toks, lex)
            and not (run.org_join or run.place_join)  # "Party of Democratic Action"
        ):
            had_title = True
        elif first.text in lex.not_entities and not (
            len(toks) > 1 and _given_name_first(text, toks, lex, lowercase)
        ):
            pass  # "Monday Okafor…" no, but "May Chen, a nurse" keeps her name
        else:
            break
        toks.pop(0)
    if (
        toks
        and all(bare(t) in lex.titles for t in toks)
        and not in_gazetteer(text[toks[0].start : toks[-1].end], lex)
    ):
        toks = []  # "The Prime Minister": a title with no name
    while (
        toks
        and (toks[-1].text in lex.not_entities or toks[-1].text == "The")
        and not in_gazetteer(text[toks[0].start : toks[-1].end], lex)
    ):
        toks.pop()
    if toks:
        yield Run(toks, run.org_join, run.place_join, run.dropped), had_title, had_the
    elif run.dropped:
        yield Run([], dropped=run.dropped), False, False


_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "of",
        "and",
        "but",
        "or",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "by",
        "with",
        "since",
        "until",
        "because",
        "although",
        "though",
        "during",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
    ]
)


_MODALS = frozenset(["will", "may", "can", "must", "shall", "might", "could", "would", "should"])


def _given_name_first(
    text: str, toks: list[Token], lex: Lexicon, lowercase: frozenset[str]
) -> bool:
    """True for "Grace Okoye was elected", "May Chen, a nurse": a given name that is also a
    word, then a surname. Not for "Will Mensah stay?", where the modal opens a question."""
    first, second = toks[0].text, toks[1]
    if first not in lex.first_names or _is_ordinary(second.text, lex, lowercase):
        return False
    if second.heading:
        return True
    if first.lower() in _MODALS:
        end = text.find("?", second.end, second.end + 200)
        stop = min((i for i in (text.find(c, second.end) for c in ".!\n") if i != -1), default=-1)
        return end == -1 or (stop != -1 and stop < end)
    return True


def _is_ordinary(word: str, lex: Lexicon, lowercase: frozenset[str]) -> bool:
    """True for a capitalised word that is an ordinary English word, not a name."""
    if in_gazetteer(word, lex):
        return False
    lower = word.lower()
    return lower in lex.common or lower in lowercase
