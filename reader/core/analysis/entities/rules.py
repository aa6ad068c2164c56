"""Rules that turn a run of capitalised words into a typed entity (or nothing).

:func:`classify` reads, in order, the gazetteers, the shape of the name (its last and first
words) and the words around it; runs are first trimmed by :mod:`.entities_trim`. Each label comes with a strength: weak guesses may be overruled by what the rest
of the document says about the same name.
"""

from __future__ import annotations

import re

from reader.core.analysis.entities.candidates import Run, Token
from reader.core.analysis.entities.lexicon import Lexicon
from reader.core.analysis.entities.trim import bare, in_gazetteer
from reader.core.results import EntityLabel

PERSON, ORG, PLACE, GROUP = (
    EntityLabel.PERSON,
    EntityLabel.ORG,
    EntityLabel.PLACE,
    EntityLabel.GROUP,
)
_ORG_PREFIXES = frozenset(
    [
        "FC",
        "AC",
        "SC",
        "CF",
        "AFC",
        "CD",
        "SS",
        "AS",
        "Real",
        "Sporting",
        "Atletico",
        "Atlético",
        "Club",
    ]
)
# Place words strong enough to beat a first name ("Victoria Station", "George Street").
_STRONG_PLACE_WORDS = frozenset(
    [
        "Street",
        "Road",
        "Avenue",
        "Boulevard",
        "Lane",
        "Square",
        "Airport",
        "Station",
        "Stadium",
        "Arena",
        "Bridge",
        "River",
        "Tunnel",
        "Highway",
        "Motorway",
        "Canal",
        "Cathedral",
        "Palace",
        "Castle",
        "Harbour",
        "Harbor",
        "Island",
        "Islands",
        "Mountains",
        "Valley",
        "Province",
        "County",
        "District",
        "Region",
        "Sea",
        "Ocean",
        "Bay",
        "Gulf",
        "Strait",
        "Desert",
        "Peninsula",
    ]
)
_PLACE_SUFFIXES = (
    "based",
    "born",
    "bound",
    "area",
    "region",
    "born",
    "registered",
    "headquartered",
)
_SPEECH_AFTER = re.compile(
    r"(?:,? (?:said|says|told|added|asked|wrote|explained|argued|noted|insisted|replied|recalled"
    r"|admitted|warned|acknowledged|conceded|declined|did not|does not)\b"
    r"|, (?:who|whose|\d{1,3},|aged \d|a |an |the |one of)\b)"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according to|asked|thanked|quoted)\s$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|from|across|throughout|around|towards?|into|via|of downtown"
    r"|(?:residents|people|streets|outskirts|suburbs|edge|heart|centre|center|north|south|east"
    r"|west|mayor|city|town|village|province|state) of)\s$",
    re.IGNORECASE,
)
_ORG_BEFORE = re.compile(
    r"\b(?:shares of|shares in|stake in|analysts? at|works? at|joined|the daily|newspaper|firm"
    r"|company|operator|carrier|airline|insurer|brokerage|news agency|club|side|pressure group)\s$"
)
_ORG_AFTER = re.compile(
    r"(?:['’]s?)? (?:shares|stock|spokes(?:man|woman|person)|board|shareholders|newspaper|daily"
    r"|weekly|news agency)\b"
)
_HAS_DIGIT = re.compile(r"\d")
_MODEL = re.compile(r" [A-Z]{1,3}-?\d+[A-Za-z]*\b")
_NUMBER_AFTER = re.compile(r" \d+(?![\d.,:%–-]|\s*(?:per|percent|million|billion|bn|m\b|[ap]\.m))")
_CURRENCY_AFTER = re.compile(
    r" (?:kroner|krone|kronor|krona|francs?|pounds?|dollars?|euros?|yen|yuan|rupees?|pesos?|rand|dinars?)\b"
)
_DATELINE = re.compile(r"(?:,| \(| —| -)")
_PLURAL_NOUN = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ies|ics|ves)$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|for|with|on|by|near|to)\s$")
_WORD_BEFORE = re.compile(r"([a-z][\w-]*)(?:,)? $")
_TWO_WORDS_BEFORE = re.compile(r"([a-z]+ [a-z]+)(?:,)? $")


def classify(
    text: str, run: Run, lex: Lexicon, had_title: bool, had_the: bool
) -> tuple[EntityLabel | None, bool]:
    """Return (label, strong) for a trimmed run; label is None when it is no entity."""
    toks = run.tokens
    name = text[run.start : run.end]
    if _followed_by_model_number(text, run, lex):
        return None, True  # "the Airbus A320", "the Nikkei 225 index": a product or index
    if name in lex.orgs:
        return ORG, True
    if name in lex.places:
        return PLACE, True
    if name in lex.groups:
        if _CURRENCY_AFTER.match(text, run.end):
            return None, True  # "Danish kroner" names a currency
        return GROUP, True
    if name in lex.people:
        return PERSON, True
    if _HAS_DIGIT.search(toks[-1].text):
        return None, False
    if (
        _is_acronym(name)
        and _DATELINE.match(text, run.end)
        and (run.start == 0 or text[run.start - 1] == "\n")
    ):
        return PLACE, True  # "AARHUS, Denmark (BWS) —": a dateline
    if had_title:
        return PERSON, True
    first, last = bare(toks[0]), bare(toks[-1])
    several = len(toks) > 1
    if several and (first in _ORG_PREFIXES or " & " in name):
        return ORG, True
    if last in lex.org_words:
        if not several and not had_the and not last.isupper():
            return None, False  # "the Court", "Group": generic unless a name ("The Times")
        if last in lex.place_words and not run.org_join:
            return PLACE, True
        return ORG, True
    if run.org_join:
        return ORG, True
    if run.place_join:
        return PLACE, True
    person_shaped = first in lex.first_names or (
        _is_initials(toks[0])
        and toks[0].text not in lex.places  # "J.R. Ewing", not "U.S. Treasury"
    )
    if several and person_shaped and last not in _STRONG_PLACE_WORDS:
        return PERSON, True
    if several and last in lex.place_words:
        return PLACE, True
    if several and first in lex.place_heads and last[-1:] != "s":
        return PLACE, True
    if several and _is_team(text, toks, lex):
        return ORG, True
    if not several and _is_acronym(toks[0].text):
        return (None, False) if toks[0].text in lex.not_entities else (ORG, True)
    label, strong = _from_context(text, run, lex)
    if not strong and (label is None or (label is PERSON and several)) and name in lex.cities:
        return PLACE, False  # a city of the GeoNames list that nothing else explains
    if not strong and toks[0].heading:
        return None, False  # a guess inside a title-case heading is not worth making
    if (
        label is None
        and not several
        and first in lex.first_names
        and first.lower() not in lex.common
    ):
        return PERSON, False
    return label, strong


def _from_context(text: str, run: Run, lex: Lexicon) -> tuple[EntityLabel | None, bool]:
    toks = run.tokens
    several = len(toks) > 1
    if toks[-1].suffix in _PLACE_SUFFIXES:
        return PLACE, True
    before = text[max(0, run.start - 40) : run.start]
    after = text[run.end : run.end + 40]
    word = _WORD_BEFORE.search(before)
    two = _TWO_WORDS_BEFORE.search(before)
    if (word and word.group(1) in lex.roles) or (two and two.group(1) in lex.roles):
        return PERSON, True
    if _ORG_BEFORE.search(before) or _ORG_AFTER.match(after):
        return ORG, False
    if _next_is_place(text, run, lex):
        return PLACE, True
    if _PLACE_BEFORE.search(before) and len(toks) <= 2:
        return PLACE, False
    # "Residents of Salthill said": the speaker is the noun before the preposition.
    speech = _SAID_BEFORE.search(before) or (
        _SPEECH_AFTER.match(after) and not _PREPOSITION_BEFORE.search(before)
    )
    plural_noun = toks[0].initial and _PLURAL_NOUN.search(toks[0].text)
    place_first = several and text[toks[0].start : toks[0].end] in lex.places
    if len(toks) <= 3 and speech and place_first:
        return ORG, False  # "the Sacramento Blaze said": a place and a name that speaks
    if len(toks) <= 3 and speech and (several or not plural_noun):
        return PERSON, several
    if several and text[toks[0].start : toks[-2].end] in lex.places:
        return PLACE, False  # "Stockholm Central", "Hamburg Hauptbahnhof"
    if (
        several
        and len(toks) <= 4
        and not any(_ordinary_word(t.text, lex) or t.text in lex.places for t in toks)
    ):
        return PERSON, False
    return None, False


def _ordinary_word(word: str, lex: Lexicon) -> bool:
    """An English word that is not also a given name ("National", but not "Rose")."""
    return word.lower() in lex.common and word not in lex.first_names


def _next_is_place(text: str, run: Run, lex: Lexicon) -> bool:
    """True for "Hope, British Columbia" or "Bengaluru, India" (a comma, then a known place)."""
    end = run.end
    if not text.startswith(", ", end):
        return False
    match = re.match(r"[A-Z][\w.]*(?: [A-Z][\w.]*)*", text[end + 2 : end + 40])
    if match is None or match.group() not in lex.places:
        return False
    tail = text[end + 2 + match.end() : end + 4 + match.end()]
    # "Berthelsen, Greenland's minister" is no place; "the edge of Aarhus, Denmark's…" is.
    before = text[max(0, run.start - 12) : run.start]
    return not tail.startswith(("'", "’")) or bool(re.search(r"\b(?:of|in|near|from) $", before))


def _followed_by_model_number(text: str, run: Run, lex: Lexicon) -> bool:
    """True for "Airbus A320" or "Nikkei 225": a model or index number right after the name."""
    if _MODEL.match(text, run.end):
        return True
    number = _NUMBER_AFTER.match(text, run.end)
    name = text[run.start : run.end]
    return number is not None and len(run.tokens) == 1 and not in_gazetteer(name, lex)


def _is_initials(token: Token) -> bool:
    return re.fullmatch(r"(?:[A-Z]\.)+", token.text) is not None


def _is_acronym(word: str) -> bool:
    bare = word.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


def _is_team(text: str, toks: list[Token], lex: Lexicon) -> bool:
    """ "Portland Pioneers", "Granite Falls Miners": a place, then a capitalised plural."""
    last = toks[-1].text
    if not last.endswith("s") or last.endswith(("ss", "us", "is")) or last in lex.groups:
        return False
    head = text[toks[0].start : toks[-2].end]
    return (
        head in lex.places
        or bare(toks[-2]) in lex.place_words
        or (len(toks) > 2 and bare(toks[0]) in lex.place_heads)
    )
