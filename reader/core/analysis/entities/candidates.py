"""Candidate names for the entity recogniser: capitalised words joined into runs.

A run is a maximal sequence of capitalised words ("Harbor City Comets"), joined across "&",
name particles ("de", "van der") and, after an organisation or place word, "of"/"for"/"and"
("Bank of England", "Department of Fisheries and Oceans"). Each word knows whether it opens a
sentence, a line, a quotation or a title-case heading, because a capital there says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.analysis.entities.lexicon import Lexicon

_UPPER = "A-Z" + "".join(
    chr(c)
    for c in [*range(0xC0, 0x250), *range(0x391, 0x3AA), *range(0x400, 0x430)]
    if chr(c).isupper()
)
# A capitalised word (apostrophes and hyphens inside), dotted initials ("J.R.", "U.S."), or an
# ordinal before a capitalised word ("8th Circuit"). The possessive "'s" is never part of it.
_CAP_WORD = re.compile(
    rf"(?<![\w'’.-])(?:A/S\b|[{_UPPER}]\.(?:[{_UPPER}]\.?)+|(?:al-|el-)?[{_UPPER}]\w*(?:['’-](?!s\b)\w+)*"
    rf"|\d+(?:st|nd|rd|th)(?= [{_UPPER}]))"
)
_LEADING_PUNCTUATION = re.compile(r"[^\w]*")
_QUOTE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–:-]))[\"“\u2018'](?=\w)|: (?=[A-Z])", re.MULTILINE)
_TITLE_CASE_WORD = re.compile(r"\b[^\W\d_]{4,}")
_PARTICLE_LIST = "de del della der den di da das do dos du la le el al bin ibn van von y ter ten zu"
_PARTICLES = frozenset(_PARTICLE_LIST.split())
_ABBREVIATIONS = frozenset(
    [
        "Inc",
        "Corp",
        "Co",
        "Ltd",
        "Jr",
        "Sr",
        "St",
        "Mt",
        "Ft",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Prof",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Lt",
        "Col",
        "Capt",
        "Sgt",
        "Det",
        "Insp",
        "Rev",
        "Fr",
        "Ave",
        "Blvd",
        "Rd",
        "Bros",
        "Cie",
        "Mich",
        "Calif",
        "Fla",
        "Ill",
        "Mass",
        "Penn",
        "Wash",
        "Ariz",
        "Colo",
        "Conn",
        "Ga",
        "Md",
        "Minn",
        "Mo",
        "Ore",
        "Tenn",
        "Tex",
        "Va",
        "Wis",
        "Adm",
        "Cmdr",
        "Maj",
        "Pvt",
        "Cpl",
        "Supt",
        "Hon",
    ]
)


_COMPANY_ENDINGS = frozenset(
    ["Inc.", "Corp.", "Ltd.", "Co.", "Plc.", "LLC.", "S.A.", "N.V.", "AG."]
)
_FUNCTION_WORD_LIST = (
    "A An And As At But By For From He Her His How I If In It Its No Not Of On Once Or Our She So "
    "That The Their Then There These They This Those To We What When Where Which While Who Why "
    "With Yet You After Before Although Though Since Until Because During Despite"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_LOWERCASE_NEXT = re.compile(r" [a-z]")


@dataclass(slots=True)
class Token:
    """A capitalised word of the text."""

    start: int
    end: int
    text: str
    possessive: bool = False  # followed by "'s" or a bare apostrophe
    suffix: str = ""  # lowercase tail cut from a hyphenated word ("based" in "Oslo-based")
    initial: bool = False  # opens a sentence, line, quotation or title-case heading
    heading: bool = False  # inside a title-case heading, where capitals say little


@dataclass(slots=True)
class Run:
    """Capitalised words that may form one name, with how they were joined."""

    tokens: list[Token]
    org_join: bool = False  # joined over "of"/"for" after an organisation word
    place_join: bool = False  # joined over "of" after a place word ("Gulf of Mexico")
    dropped: list[Token] = field(default_factory=list)  # words trimmed from the front

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Offset just past the last character."""
        return self.tokens[-1].end


def tokens(text: str, sentences: Sequence[tuple[int, int]]) -> list[Token]:
    """Find the capitalised words of ``text`` and mark those that open a sentence or heading."""
    found: list[Token] = []
    append = found.append
    for match in _CAP_WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        suffix = ""
        if "-" in word:
            word, suffix = _cut_suffix(word)
            end = start + len(word)
        if text.startswith(".", end) and (
            word in _ABBREVIATIONS or len(word) == 1 or (word[-1].isupper() and "." in word)
        ):
            word += "."
            end += 1
        possessive = False
        if text.startswith(("'", "’"), end):
            possessive = text.startswith("s", end + 1) or word.endswith("s")
        append(Token(start, end, word, possessive, suffix))
    _mark_initials(text, sentences, found)
    return found


# Short lowercase tails that are words ("Oslo-born", "US-led"); other short ones belong to the
# name ("Kim In-so", "Chester-le-Street", "Inzamam-ul-Haq").
_SHORT_SUFFIX_LIST = (
    "born led run era wide made held free like area side type size long bred only rich city wise"
)
_SHORT_SUFFIXES = frozenset(_SHORT_SUFFIX_LIST.split())


def _cut_suffix(word: str) -> tuple[str, str]:
    """Split "Oslo-based" into ("Oslo", "based"); keep "Ellison-Tran", "al-Assad" and
    "Kim In-so" whole."""
    if word.startswith(("al-", "el-")):
        return word, ""
    dash = word.find("-", 1)
    while dash != -1:
        tail = word[dash + 1 :].split("-", 1)[0]
        if tail[:1].islower() and (
            len(tail) >= 5 or tail in _SHORT_SUFFIXES or tail.endswith("ed")
        ):
            return word[:dash], word[dash + 1 :].lower()
        dash = word.find("-", dash + 1)
    return word, ""


def _mark_initials(text: str, sentences: Sequence[tuple[int, int]], found: list[Token]) -> None:
    starts: set[int] = set()
    for start, _ in sentences:
        lead = _LEADING_PUNCTUATION.match(text, start)
        starts.add(lead.end() if lead else start)
    line = text.find("\n")
    while line != -1:
        lead = _LEADING_PUNCTUATION.match(text, line + 1)
        starts.add(lead.end() if lead else line + 1)
        line = text.find("\n", line + 1)
    starts.add(_LEADING_PUNCTUATION.match(text).end())  # type: ignore[union-attr]
    starts.update(match.end() for match in _QUOTE_OPENING.finditer(text))
    headings = _title_case_sentences(text, sentences)
    index = 0
    for token in found:
        if token.start in starts:
            token.initial = True
        while index < len(headings) and headings[index][1] <= token.start:
            index += 1
        if index < len(headings) and headings[index][0] <= token.start:
            token.initial = token.heading = True


def _title_case_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences written in title case ("Mayor Unveils Plan To Rebuild Docks"), in order."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        if end <= start or text[end - 1] in ".!?\"”'’:;,":
            continue  # headings rarely end with punctuation; saves scanning every sentence
        words = _TITLE_CASE_WORD.findall(text, start, end)
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            out.append((start, end))
    return sorted(out)


def runs(text: str, found: list[Token], lex: Lexicon) -> list[Run]:
    """Join neighbouring capitalised words into runs (see the module docstring)."""
    out: list[Run] = []
    current: Run | None = None
    for token in found:
        if token.text in _FUNCTION_WORDS and _LOWERCASE_NEXT.match(text, token.end):
            current = None  # "It was", "But the": most capitals in a text, never names
            continue
        if current is not None and _joins(text, current, token, lex):
            current.tokens.append(token)
            continue
        current = Run([token])
        out.append(current)
    return out


def _joins(text: str, run: Run, token: Token, lex: Lexicon) -> bool:
    last = run.tokens[-1]
    if token.initial and not last.initial:
        return False
    if last.suffix or token.text[0].isdigit():
        return False
    if last.text in _COMPANY_ENDINGS and token.text.replace(".", "") not in lex.org_words:
        return False  # "Lear Corp. Family-controlled…": a name ends at "Corp.", "Inc." or "Ltd."
    gap = text[last.end : token.start]
    if last.possessive:
        # "St. Mary's Hospital", "Magistrates' Court": the possessive is inside the name,
        # but not in "U.K.'s Financial Conduct Authority".
        known = last.text in lex.places or last.text in lex.orgs
        return (
            gap in ("'s ", "’s ", "' ", "’ ")
            and not known
            and (token.text in lex.org_words or token.text in lex.place_words)
        )
    if gap == " ":
        return True
    if gap == " & ":
        return True
    words = gap.split()
    if not words or gap[0] != " " or gap[-1] != " ":
        return False
    if all(word in _PARTICLES for word in words) and len(words) <= 2:
        return True
    head = last.text.replace(".", "")
    if words in (["of"], ["for"], ["of", "the"], ["for", "the"]):
        if head in lex.org_heads or head in lex.org_words or head[:-1] in lex.org_heads:
            run.org_join = True
            return True
        if head in lex.place_heads or head in lex.place_words:
            run.place_join = True
            return True
        return False
    if words == ["and"]:
        # "Food and Agriculture Organization"; not "General Motors and Ford Motor Co.".
        if last.text in lex.orgs:
            return False  # "Newmont and Air France": two organisations
        return run.org_join or (len(run.tokens) == 1 and _org_follows(text, token, lex))
    return False


def _org_follows(text: str, token: Token, lex: Lexicon) -> bool:
    """True when capitalised words starting at ``token`` end with an organisation word."""
    end = token.start
    for match in _CAP_WORD.finditer(text, token.start):
        if text[end : match.start()].strip() or match.start() - end > 1:
            break
        if match.group().replace(".", "") in lex.org_words:
            return True
        end = match.end()
    return False
