"""What makes a sentence unfit for a summary on its own, and whether a text reads like news.

Both are rules on the text alone, used by the default summariser (:mod:`summarize_skim`):

* :func:`sentence_faults` — a sentence that cannot stand alone in a list of highlights: its
  quotation marks do not pair up (a quote cut in the middle), it is a fragment (under six
  words), or it is a byline, a time stamp, a caption or a page furniture line ("Scroll down for
  video"). :func:`dangling_opener` — it opens with a pronoun or a conjunction that points back
  ("But", "He", "It", "This"…), which only reads well right after the sentence it points to.
* :func:`genre_of` — news puts the gist first, so on news the summariser trusts position more.
  A text reads like news unless it is a scientific paper (Background/Methods/Results headings,
  "et al.", "we found"), an essay (written in the first person) or a long-form piece (thousands
  of words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MIN_WORDS = 6

# Openers that point back to the sentence before: pronouns without a noun, and conjunctions.
_DANGLING_WORDS = (
    "but and or so yet also still however nevertheless instead meanwhile he she they it this"
    " these those that his her their its him them"
)
DANGLING = frozenset(_DANGLING_WORDS.split())

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_FIRST_WORD = re.compile(r"[\W_]*([^\W\d_]+)")
# Bylines, time stamps, captions, calls to action, credits: the furniture of a news web page.
_FURNITURE = re.compile(
    r"""^\W*(?:by\b|published:|updated:|last\ updated|pictured:|picture:|photo:|image:|video:
    |watch:|source:|credit:|copyright\b|©|click\ here|scroll\ down|read\ more|follow\ @
    |sign\ up\b|subscribe\b|share\ this|related:|see\ also\b|advertisement\b)
    |\b(?:scroll\ down\ for|click\ here\ to|getty\ images|ap\ photo|reuters/|afp\ photo)\b
    |\(pictured\)|\(file\ photo\)|^\W*(?:\d{1,2}:\d{2}\s*(?:est|gmt|bst|edt|[ap]\.?m\.?)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_STRAIGHT_QUOTE = '"'
_REPORTING = re.compile(
    r"\b(?:said|says|told|according\ to|announced|reported|added|spokes(?:man|woman|person))\b",
    re.IGNORECASE | re.VERBOSE,
)
_WIRE_DATELINE = re.compile(
    r"^\W*(?:[A-Z][A-Za-z.]+(?:[ ,][A-Z][A-Za-z.]+)*\s*)?\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg)\)"
    r"|^[A-Z][A-Z .,]{2,40}\s[-—–]{1,2}\s|^By\b",
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|mine)\b")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_SCIENCE = re.compile(
    r"^\s*[#]*\s*(?:abstract|background|introduction|methods?|materials\ and\ methods|results"
    r"|discussion|conclusions?)\s*$|\bet\ al\b|\bp\s*[<=]\s*0?\.\d|\bwe\ (?:found|show|report"
    r"|propose|observed|investigated|demonstrate)\b|\bin\ this\ (?:study|paper|work)\b",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class GenreRule:
    """The thresholds that decide whether a text reads like news (see :func:`genre_of`)."""

    long_form_words: int
    first_person: float


@dataclass(frozen=True, slots=True)
class Genre:
    """Whether a text reads like news, and why.

    Attributes:
        name: ``"news"`` or ``"other"``.
        reporting: share of the prose sentences that report speech ("said", "told"…).
        dateline: whether the text opens with a wire dateline or a byline.
        science: how many marks of a scientific paper were found (headings, "et al."…).
        first_person: share of the sentences in the first person outside quotes (essays).
        words: the text's length in words (long-form runs far past a news story).
    """

    name: str
    reporting: float
    dateline: bool
    science: int
    first_person: float
    words: int

    def reason(self) -> str:
        """One line on why the text was read as it was."""
        details = (
            f"{self.reporting:.0%} of sentences report speech, {self.first_person:.0%} are in"
            f" the first person, {self.words:,} words"
        )
        if self.name == "news":
            opening = "opens with a dateline or byline; " if self.dateline else ""
            return f"read as news: {opening}{details}"
        if self.science >= 2:
            return f"read as a paper or report: {self.science} marks of a scientific paper"
        return f"read as an essay or long-form piece: {details}"


def words(sentence: str) -> int:
    """The number of words in ``sentence`` (runs of letters or digits)."""
    return len(_WORD.findall(sentence))


def quotes_unbalanced(sentence: str) -> bool:
    """Whether ``sentence``'s double quotation marks do not pair up (a quote cut in two)."""
    if sentence.count(_STRAIGHT_QUOTE) % 2:
        return True
    return sentence.count("“") != sentence.count("”")


def sentence_faults(sentence: str, word_count: int | None = None) -> tuple[str, ...]:
    """Why ``sentence`` cannot stand alone as a highlight; empty when it can.

    ``word_count`` is ``words(sentence)`` when the caller has it already.
    """
    faults = []
    if quotes_unbalanced(sentence):
        faults.append("unbalanced quotes")
    if (words(sentence) if word_count is None else word_count) < MIN_WORDS:
        faults.append(f"under {MIN_WORDS} words")
    if _FURNITURE.search(sentence) or _shouting(sentence):
        faults.append("byline or caption")
    return tuple(faults)


def dangling_opener(sentence: str) -> str | None:
    """The first word of ``sentence`` when it points back to an earlier sentence, else None."""
    match = _FIRST_WORD.match(sentence)
    if match is None:
        return None
    first = match.group(1)
    return first if first.lower() in DANGLING else None


def _shouting(sentence: str) -> bool:
    """A line in capitals (a kicker or a section label), not an acronym inside a sentence."""
    # Counted by C-level passes first: a character that is upper case is not always a letter
    # ("Ⅻ"), so this count of upper-case characters is at least that of upper-case letters.
    # Shouting needs more than 0.8 x 12 of them, and more than 80 % of the letters: most
    # sentences fail one of the two and are done without the letter-by-letter count.
    upper = sum(map(str.isupper, sentence))
    if upper < 10:
        return False
    letters = sum(map(str.isalpha, sentence))
    if letters < 12 or upper <= 0.8 * letters:
        return False
    return sum(c.isupper() for c in sentence if c.isalpha()) > 0.8 * letters


def genre_of(text: str, sentences: Sequence[str], rule: GenreRule) -> Genre:
    """Decide whether ``text`` (with its prose ``sentences``) reads like news.

    A text reads like news unless it has two or more marks of a scientific paper, is longer
    than ``rule.long_form_words`` (long-form), or has at least ``rule.first_person`` of its
    sentences in the first person outside quotes (an essay or a column). The share of
    sentences that report speech and a wire dateline are kept to explain the verdict.
    """
    count = max(1, len(sentences))
    reporting = sum(1 for s in sentences if _REPORTING.search(s)) / count
    first_person = sum(1 for s in sentences if _FIRST_PERSON.search(_QUOTED.sub(" ", s))) / count
    dateline = bool(_WIRE_DATELINE.match(text.lstrip()))
    science = len(_SCIENCE.findall(text[:20_000]))
    length = len(text.split())
    newsy = science < 2 and length <= rule.long_form_words and first_person < rule.first_person
    return Genre("news" if newsy else "other", reporting, dateline, science, first_person, length)
