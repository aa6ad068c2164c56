"""Sentence boundaries of news text, as character offsets.

NLTK's punkt algorithm runs with hand-set parameters (no training data, so nothing to download):
a news abbreviation list, and orthographic hints for common sentence-initial words. Around it:

* paragraphs (blank lines), list items, Markdown headings and lines that stand alone (a
  dateline, a heading, a caption: any line break in text that is not hard-wrapped) are always
  separate sentences, so punkt only ever sees one block of running prose at a time;
* fixes where punkt is weak without training: a fragment starting in lowercase continues the
  previous sentence (``"Why?" he asked.``), so does the attribution after a quoted question,
  a courtesy title (``Mr.``, ``Gov.``) never ends one, ``No.``/``Vol.``… only abbreviate before
  a number, and ``a.m.``/``p.m.`` before a capitalised word end one unless a zone or day follows.

nltk is imported on first use, not at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any


def _word_set(words: str) -> frozenset[str]:
    """A set from a space-separated word list (long lists read better as running text)."""
    return frozenset(words.split())


# Courtesy titles and ranks: they stand before a name, so a full stop after one never ends a
# sentence (punkt would otherwise break "Gov. The" style sequences via the sentence-starter hint).
TITLES = _word_set(
    "mr mrs ms mssrs messrs dr prof gov sen rep rev gen col lt capt sgt fr hon pres supt insp"
    " det maj cmdr adm brig cpl pvt amb atty cllr msgr rt reps sens drs profs gens"
)

# Abbreviations that stand before a number ("No. 3", "pp. 12"); followed by a capitalised word
# they are ordinary words at the end of a sentence ("Voters said no. The measure failed.").
NUMBER_ABBREVIATIONS = _word_set("no nos vol vols fig figs pp art ch sec para")

# Everything punkt should read as an abbreviation (lowercase, without the final full stop).
# Left out on purpose: single letters (punkt's own initials rule keeps "J. Smith" together and,
# with the starter hints below, still breaks "Plan B. The"); abbreviations that are also common
# words and so often end sentences ("ill", "miss", "wash", "sat", "wed", "apt"); and "etc",
# which nearly always ends a sentence when a capitalised word follows.
ABBREVIATIONS = (
    TITLES
    | NUMBER_ABBREVIATIONS
    | _word_set(
        # name suffixes, months, days, companies, places and addresses
        "jr sr esq jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur"
        " thurs fri inc corp ltd co cos bros plc llc llp mt ft ave rd blvd st hwy pl sq ste"
        # countries, organisations, latin and editorial abbreviations
        " u.s u.k u.n u.s.a e.u d.c n.y l.a e.g i.e a.k.a vs cf al approx dept dist est ed eds"
        " a.m p.m ph.d m.d b.a m.a b.sc m.sc r.i.p univ assn assoc natl intl govt"
        # US states as written in news copy
        " ala ariz ark calif colo conn fla ga kan kans ky md mich minn mont neb nev okla tenn"
        " tex va vt wis wyo"
    )
)

# Words that very often start a news sentence and rarely follow an abbreviation inside one.
# punkt treats a capitalised one of these after an abbreviation or an initial as a new sentence
# ("… in the U.S. The deal …", "… at 5 p.m. It was …").
SENTENCE_STARTERS = _word_set(
    "the a an he she it they we i you this that these those there here his her its their our"
    " my but and or so yet still also however meanwhile instead then now in on at for as if"
    " when while after before since although though because unless until during under over"
    " with without from by to of what why how who where which not no some many most all both"
    " each every one two three several few last next earlier later today yesterday tomorrow"
    " officials analysts critics police shares investors prices sales revenue profits executives"
    " residents experts researchers scientists doctors workers voters lawmakers according asked"
    " another other others such even only just more much once soon despite among neither nor"
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LIST_ITEM = re.compile(r"(?:[-*+•–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S")
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z])[.)]")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")
# A block of text whose last characters end a sentence: final punctuation, closing quotes.
_ENDS_SENTENCE = re.compile(r"[.?!…][\"'”’»)\]*_]*$")
_MIN_WRAP_WIDTH = 50
_MAX_WRAP_WIDTH = 100
_SHORT_LINE = 0.7
_CLOCK_THEN_WORD = re.compile(r"\b[ap]\.m\.\s+[\"“\u2018(]?([A-Z][\w'’-]*)(?:\s+(\w+))?")
# Capitalised words that go on a sentence after a clock time.
_AFTER_CLOCK = _word_set(
    "eastern central mountain pacific atlantic alaska hawaii gmt bst utc cet cest eet eest wet"
    " est edt cst cdt mst mdt pst pdt et ct mt pt ist jst aest aedt nzst nzdt sast msk local"
    " monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs"
    " fri sat sun january february march april may june july august september october november"
    " december jan feb mar apr jun jul aug sep sept oct nov dec"
)
# A quoted question or exclamation, then its attribution: "Why?" Smith asked.
_QUOTED_QUESTION_END = re.compile(r"[?!…][\"”’'»]+$")
_ATTRIBUTION = re.compile(
    r"(?:(?:[A-Z][\w'’.-]*|of|de|da|van|von|der|la|le|al|bin)\s+){1,5}"
    r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|shouted"
    r"|shouts|cried|exclaimed|insisted|recalled|wondered|continued|explained|noted|joked"
    r"|laughed|demanded|quipped|sighed|argued|answered|snapped|declared|yelled|whispered"
    r"|remembered|admitted|countered|tweeted|posted|chanted|sang|pleaded|urged)\b"
)
_TAIL = 200
_OPENING = "\"'“\u2018«([{"
_INITIALS_AT_END = re.compile(r"(?:^|[\s(\"“])((?:[A-Za-z]\.)+[A-Za-z])\.$")
_WORD_BEFORE_END = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"'”’»)\]]*$")
_NUMBER_ABBREVIATION_THEN_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_ABBREVIATIONS)) + r")\.\s+(?=[\"“\u2018(]?[A-Z])",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Find the sentences of ``text``.

    Args:
        text: any text; paragraphs are separated by blank lines.

    Returns:
        ``(start, end)`` offsets of each sentence in text order: sorted, non-overlapping,
        non-empty, with no white space at either end.
    """
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        for block_start, block_end, whole in _blocks(text, start, end):
            if whole:
                spans.append((block_start, block_end))
            else:
                spans.extend(_split_block(text, block_start, block_end))
    return spans


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each paragraph, white space trimmed, empty ones skipped."""
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, position, match.start())
        position = match.end()
    yield from _trimmed(text, position, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` shrunk to exclude white space, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """Split a paragraph into blocks of prose, list items and headings.

    Yields ``(start, end, whole)``; ``whole`` is true when the block is one sentence as it stands
    (a Markdown heading), false when punkt should look for sentences inside it. A title line
    without final punctuation needs no flag: punkt finds no sentence end inside it.
    """
    lines: list[tuple[int, int]] = []
    position = start
    for line in text[start:end].split("\n"):
        lines.extend(_trimmed(text, position, position + len(line)))
        position += len(line) + 1
    width = max(line_end - line_start for line_start, line_end in lines)

    block: tuple[int, int] | None = None
    for line_start, line_end in lines:
        line = text[line_start:line_end]
        if _MARKDOWN_HEADING.match(line):
            if block:
                yield (*block, False)
                block = None
            yield line_start, line_end, True
        elif block is None or _starts_block(text, block, line, width):
            if block:
                yield (*block, False)
            block = (line_start, line_end)
        else:  # a wrapped line continues the block
            block = (block[0], line_end)
    if block:
        yield (*block, False)


def _starts_block(text: str, block: tuple[int, int], line: str, width: int) -> bool:
    """Whether ``line`` starts a new block after the lines of ``block`` in the same paragraph.

    Args:
        text: the whole text.
        block: the block so far; its last line ends just before ``line``.
        line: the next line, trimmed.
        width: length of the longest line of the paragraph.
    """
    if _LIST_ITEM.match(line):
        return True
    # Lines of very different length from a typical wrap width mean the line breaks are the
    # author's own: each line (a dateline, a heading, a caption) stands alone.
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return True
    # Hard-wrapped prose: a lowercase line continues, after a full stop punkt decides, and only
    # an unpunctuated line well short of the wrap width ends something (a heading).
    if line[0].islower() or _ENDS_SENTENCE.search(text[block[0] : block[1]]):
        return False
    previous_line = text[block[0] : block[1]].rsplit("\n", 1)[-1]
    return len(previous_line) < _SHORT_LINE * width


# punkt's regular expressions run under NLTK's guard against runaway matching, which gives up
# (TimeoutError) after 5 s on one call; a paragraph of hundreds of kilobytes of "Mr. Mr. …" reached
# it. No prose paragraph is this long, so such a block goes to punkt in pieces cut at white space.
_PUNKT_PIECE = 20_000


def _punkt_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """punkt's sentences of ``text[start:end]``, feeding it at most ``_PUNKT_PIECE`` characters at once."""
    while start < end:
        stop = end
        if end - start > _PUNKT_PIECE:
            cut = text.rfind(" ", start + _PUNKT_PIECE // 2, start + _PUNKT_PIECE)
            stop = cut if cut > start else start + _PUNKT_PIECE
        try:
            spans = _punkt().span_tokenize(text[start:stop])
            found = [(start + s, start + e) for s, e in spans]
        except TimeoutError:  # still pathological: the piece is one "sentence"
            found = [(start, stop)]
        yield from found
        start = stop


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Run punkt over one block and apply the news-specific fixes."""
    pieces = list(_punkt_spans(text, start, end))
    pieces = [span for s, e in pieces for span in _split_missed(text, s, e)]
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and _continues(text, merged[-1], piece):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return [span for s, e in merged for span in _trimmed(text, s, e)]


def _split_missed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Break where punkt keeps an abbreviation that really ends the sentence.

    ``No.``/``Vol.``… before a capitalised word rather than a number, and ``a.m.``/``p.m.``
    before a capitalised word that is not a time zone, day or month ("… at 2:15 p.m. Shares
    fell …", but "5 p.m. Eastern time", "9 a.m. Tuesday").
    """
    cuts = [m.end() for m in _NUMBER_ABBREVIATION_THEN_WORD.finditer(text, start, end)]
    for match in _CLOCK_THEN_WORD.finditer(text, start, end):
        if match.group(1).lower() not in _AFTER_CLOCK and match.group(2) != "time":
            cuts.append(match.start(1))
    position = start
    for cut in sorted(cuts):
        yield position, cut
        position = cut
    yield position, end


def _continues(text: str, previous: tuple[int, int], piece: tuple[int, int]) -> bool:
    """Whether ``piece`` is really the rest of the sentence ``previous``."""
    head = text[piece[0] : piece[1]].lstrip().lstrip(_OPENING).lstrip()
    if not any(char.isalnum() for char in head):
        return True  # stray closing marks, such as the "*" that ends Markdown emphasis
    first_word = head.split(maxsplit=1)[0]
    # "…?" he asked. / "… e.g. the …": a sentence never starts in lowercase, except with brand
    # names such as "eBay" or "iPhone", which have a capital later in the word.
    if head[0].islower() and not any(char.isupper() for char in first_word):
        return True
    if head[0] in ",;:%)]}":
        return True
    # Only the end of the sentence so far matters (and merged runs can grow long).
    before = text[max(previous[0], previous[1] - _TAIL) : previous[1]].rstrip()
    if _LIST_MARKER.fullmatch(before):
        return True  # "1. The change was…": the number of a list item opens its sentence
    # "D.K. Abernathy": a run of initials that punkt does not know, before a name.
    initials = _INITIALS_AT_END.search(before)
    if (
        initials
        and initials.group(1).lower() not in ABBREVIATIONS
        and first_word.strip(".,;:").lower() not in SENTENCE_STARTERS
    ):
        return True
    if _QUOTED_QUESTION_END.search(before) and _ATTRIBUTION.match(head):
        return True
    tail = _WORD_BEFORE_END.search(before)
    if tail is None:
        return False
    word = tail.group(1).lower()
    if word in TITLES:
        return True
    return word in NUMBER_ABBREVIATIONS and head[0].isdigit()


@lru_cache(maxsize=1)
def _punkt() -> Any:
    """Build the punkt tokenizer once (it is immutable after construction and thread-safe)."""
    from nltk.tokenize import punkt

    class NewsLanguageVars(punkt.PunktLanguageVars):  # type: ignore[misc]
        """English punctuation plus the ellipsis character as a possible sentence end."""

        sent_end_chars = (".", "?", "!", "…")

    params = punkt.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    for word in SENTENCE_STARTERS:
        # "seen in lowercase mid-sentence": punkt's orthographic heuristic then reads a
        # capitalised occurrence after a full stop as the start of a new sentence.
        params.add_ortho_context(word, punkt._ORTHO_MID_LC)
    return punkt.PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars())
