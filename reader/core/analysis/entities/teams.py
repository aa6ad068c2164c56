"""Sports teams named after their town or county ("Leicestershire beat Somerset", "Inter 2 Napoli 1").

In a sports report, a place name that plays, wins, loses, scores or has a coach is a club: an
organisation. Countries stay places (a national side is named by its country; news style and the
CoNLL guidelines keep them places), and nothing changes outside sports reports.
"""

from __future__ import annotations

import re

from reader.core.analysis.entities.lexicon import Lexicon

# Words of sport alone, and words that news of business or politics uses too ("beat forecasts",
# "the season", "a point"): a sports report has two kinds of the first, or one and four of either.
_SPORT_WORDS = re.compile(
    r"\b(?:goals?|innings|wickets?|league|coach|striker|midfielder|goalkeeper|halftime|half-time"
    r"|soccer|football|cricket|rugby|hockey|baseball|basketball|tennis|golf|semi-finals?"
    r"|quarter-finals?|seeded|fixtures|standings|footballer|skipper|quarterback|pitcher"
    r"|touchdowns?|homer(?:ed|s)?|home runs?|olympics?|scrum-half|batsman|bowled|boxing|boxers?"
    r"|athletics|sprinter|winger|defender|under-par|birdies?|bogeys?|singles|seeding|hurdles"
    r"|grand prix|one-day|all-rounder|fullback|triple jump|high jump|long jump)\b"
)
_SHARED_WORDS = re.compile(
    r"\b(?:match(?:es)?|scored|championship|tournament|premier|division|season|drew|draw|beat"
    r"|defeated|points|runs|captain|squad|players?|cup|champions?|title|victory|win|won)\b"
)
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
_PAIRED = re.compile(
    rf"(?P<a>{_NAME}) (?:beat|defeated|drew with|drew|lost to|lost at|edged|thrashed|routed"
    rf"|crushed|held|overcame|hammered|trounced|upset|eliminated|knocked out) (?P<b>{_NAME})"
)
_VERSUS = re.compile(rf"(?:(?P<a>{_NAME}) )?\b(?:v|vs\.?|versus) (?P<b>{_NAME})")
# "title rivals Essex, Derbyshire and Surrey": one club in a list makes clubs of the others.
_LIST = re.compile(rf"{_NAME}(?:, {_NAME})*,? (?:and|or) {_NAME}")
_LIST_ITEM = re.compile(_NAME)
_SCORE_PAIR = re.compile(rf"(?P<a>{_NAME}) \d{{1,3}},? (?P<b>{_NAME}) \d{{1,3}}\b")
_TABLE_ROW = re.compile(rf"^(?P<a>{_NAME})(?: \d{{1,4}}){{3,}}", re.MULTILINE)
_CLUB_NOUN = re.compile(
    rf"(?P<a>{_NAME})(?:['’]s?)? (?:coach|manager|striker|midfielder|goalkeeper|defender"
    rf"|captain|players?|fans|supporters|squad|line-up|side|club|team|skipper)\b"
)
# "Glamorgan 259 and 207", "Kent 108-3.", "Leicestershire 22 points": a place with a score.
_PLACE_SCORE = re.compile(
    rf"(?:^|[:,;] )(?P<a>{_NAME}) \d{{1,3}}(?:-\d{{1,2}})?(?: (?:and|for) \d{{1,3}}(?:-\d{{1,2}})?)?"
    r"(?=[,.;:)]| \(| points|$)",
    re.MULTILINE,
)
# "homered for Cleveland", "a victory over Gloucester", "Baltimore's Eddie Murray": only for
# known places, since "for" and "over" also come before people.
_PLACE_CLUB = re.compile(
    rf"\b(?:(?:homered|homers?|scored|scores|played|plays|playing|signed|goals?|runs|saves?"
    rf"|th|rd|nd|st) for|over|at home to|lead over) (?P<a>{_NAME})|(?P<b>{_NAME})['’]s "
    r"(?:(?=[A-Z][a-z]+ [A-Z])|lead|win|victory|loss|defeat|first|second|third|fourth|fifth"
    r"|sixth|seventh|eighth|ninth|tenth|manager|coach|pitcher|starter)"
)
_AGAINST = re.compile(
    rf"\b(?:against|joined|join|to face|play|host|hosts|hosted|transferred to|loaned to|moved to"
    rf"|signed for) (?P<a>{_NAME})"
)
_MIN_SHARED_WORDS = 4
_INITIAL = re.compile(r"(?:[A-Z]\.)+")


def is_sports_report(text: str) -> bool:
    """True when ``text`` talks about matches, goals, leagues and the like."""
    kinds = {match.group().lower() for match in _SPORT_WORDS.finditer(text)}
    if len(kinds) >= 2:
        return True
    if not kinds:
        return False
    shared = _SHARED_WORDS.finditer(text)
    return (
        sum(1 for _, _ in zip(range(_MIN_SHARED_WORDS), shared, strict=False)) >= _MIN_SHARED_WORDS
    )


def team_names(text: str, lex: Lexicon) -> frozenset[str]:
    """Names that stand for a club in ``text`` (empty unless it is a sports report)."""
    if not is_sports_report(text):
        return frozenset()
    found: set[str] = set()
    for pattern in (_PAIRED, _VERSUS, _SCORE_PAIR, _TABLE_ROW, _CLUB_NOUN, _AGAINST):
        for match in pattern.finditer(text):
            for group in ("a", "b"):
                name = match.groupdict().get(group)
                if name:
                    found.add(name)
    found = {name.rstrip(".") for name in found}
    found.update(county for county in lex.counties if county in text)  # county cricket, football
    for match in _LIST.finditer(text):
        items = [item.rstrip(".") for item in _LIST_ITEM.findall(match.group())]
        if any(item in found for item in items):
            found.update(item for item in items if item in lex.places or item in lex.cities)
    for match in (*_PLACE_SCORE.finditer(text), *_PLACE_CLUB.finditer(text)):
        name = (match.group("a") or match.groupdict().get("b") or "").rstrip(".")
        if name in lex.places or name in lex.cities:
            found.add(name)  # only known places: "Simone 23" in a list of scorers is a player
    return frozenset(name for name in found if not _other_kind(name, lex))


def _other_kind(name: str, lex: Lexicon) -> bool:
    """Countries, nationalities and people ("A. Dale 12 3 41", "Alan Shearer's side")."""
    first = name.split()[0]
    return (
        name in lex.countries
        or name in lex.groups
        or name in lex.people
        or (first in lex.first_names and (" " in name or name not in lex.places))
        or _INITIAL.fullmatch(first) is not None
    )
