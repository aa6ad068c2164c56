"""Find named entities (people, organisations, places, groups) in text, offline and deterministic.

The recogniser is rule-based: capitalised words are joined into candidate names
(:mod:`.entities_candidates`), trimmed and typed by gazetteers, name shapes and context
(:mod:`.entities_rules`), and finally made consistent across the document: once "Priya Raman"
is a person, a later "Raman" is one too; once "Kanemori Motors" is an organisation, so is a bare
"Kanemori"; an acronym in brackets takes the type of the name before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.core.analysis.entities.candidates import Run, runs, tokens
from reader.core.analysis.entities.capitals import capital_lines, capital_spans, inside
from reader.core.analysis.entities.lexicon import Lexicon, lexicon
from reader.core.analysis.entities.rules import GROUP, ORG, PERSON, PLACE, classify
from reader.core.analysis.entities.teams import team_names
from reader.core.analysis.entities.trim import trim
from reader.core.results import EntityLabel, Span

_LOWERCASE_WORD = re.compile(r"\b[a-z]{3,}\b")
_GENERATIONAL = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Za-z.&]{1,9})\)")

# Organisations often named after their town ("Aarhus University Hospital", "Lisbjerg School"):
# their first word alone is not the organisation.
_INSTITUTION_WORDS = frozenset(
    [
        "University",
        "College",
        "School",
        "Academy",
        "Hospital",
        "Clinic",
        "Police",
        "Council",
        "Court",
        "Airport",
        "Museum",
        "Library",
        "Institute",
        "Church",
        "Cathedral",
        "Ministry",
        "Department",
        "Authority",
        "Commission",
        "Agency",
        "Office",
        "Board",
        "Committee",
        "Parliament",
        "Assembly",
        "Government",
        "Service",
        "Fire",
        "Station",
        "Port",
        "Observatory",
        "Zoo",
        "Theatre",
        "Theater",
        "Opera",
        "Orchestra",
        "Festival",
        "Prison",
    ]
)
_TEAM_WORDS = frozenset(
    [
        "Athletic",
        "United",
        "Rovers",
        "Wanderers",
        "Town",
        "City",
        "Albion",
        "Hotspur",
        "FC",
        "AFC",
        "County",
        "Rangers",
        "Celtic",
    ]
)
_PLACE_BEFORE = re.compile(r"\b(?:in|from|to|into|at|of|near|across|visit|visited)\s\Z")
_LIST_GAP = re.compile(r"(?:, |,? and |,? or | & )")

_Result = tuple[Run, EntityLabel | None, bool]


def find_entities(text: str, sentences: Sequence[tuple[int, int]]) -> list[Span]:
    """Return the named entities of ``text``, sorted by start and non-overlapping.

    Args:
        text: the document.
        sentences: (start, end) offsets of its sentences, used to tell a capital that opens a
            sentence from one that marks a name.

    Returns:
        Spans labelled with :class:`~reader.core.results.EntityLabel` values, where
        ``span.text == text[span.start:span.end]``.
    """
    if not text:
        return []
    lex = lexicon()
    lowercase = frozenset(_LOWERCASE_WORD.findall(text))
    capitals = capital_lines(text)
    words = [t for t in tokens(text, sentences) if not inside(t.start, capitals)]
    teams = team_names(text, lex)
    results: list[_Result] = []
    for run in runs(text, words, lex):
        for piece, had_title, had_the in trim(text, run, lex, lowercase):
            if not piece.tokens:
                results.append((piece, None, False))
                continue
            label, strong = classify(text, piece, lex, had_title, had_the)
            if teams and label is not GROUP and text[piece.start : piece.end] in teams:
                label, strong = ORG, True
            results.append((piece, label, strong))
    names, aliases, surnames = _document_names(text, results, lex)
    spans: list[Span] = []
    for run, label, strong in results:
        for dropped in run.dropped:
            known = names.get(dropped.text) or aliases.get(dropped.text)
            if known is not None and known is not GROUP:
                spans.append(Span(dropped.start, dropped.end, str(known), dropped.text))
        if not run.tokens:
            continue
        name = text[run.start : run.end]
        if not strong:
            label = names.get(name) or aliases.get(name) or _prefix_of(name, names) or label
        elif (
            label is PLACE
            and name in surnames
            and not _PLACE_BEFORE.search(text[max(0, run.start - 12) : run.start])
        ):
            label = PERSON  # "Washington" after "MaliVai Washington", but "in Washington" stays
        spans.append(Span(run.start, run.end, str(label) if label else "", name))
    if capitals:
        spans.extend(capital_spans(text, capitals, {**aliases, **names}, lex))
    spans.sort(key=lambda span: span.start)
    _spread_over_lists(text, spans)
    return _without_overlaps([span for span in spans if span.label])


def _spread_over_lists(text: str, spans: list[Span]) -> None:
    """Give an unlabelled name the label of its neighbours in a list ("Lisbjerg, Trige and Elev")."""
    for i, span in enumerate(spans):
        if span.label or " " in span.text:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(spans) or spans[j].label not in (PERSON, ORG, PLACE):
                continue
            left, right = (spans[j], span) if j < i else (span, spans[j])
            if _LIST_GAP.fullmatch(text, left.end, right.start):
                spans[i] = Span(span.start, span.end, spans[j].label, span.text)
                break


def _document_names(
    text: str, results: list[_Result], lex: Lexicon
) -> tuple[dict[str, EntityLabel], dict[str, EntityLabel], frozenset[str]]:
    """What the confident results say: full names → label, short forms → label, and the
    surnames of the people named in full."""
    votes: dict[str, Counter[EntityLabel]] = {}
    short: dict[str, EntityLabel] = {}
    surnames: set[str] = set()
    weak_people = [
        [t.text for t in run.tokens]
        for run, label, strong in results
        if label is PERSON and not strong and len(run.tokens) in (2, 3)
    ]
    for run, label, strong in results:
        if label is None or not strong or not run.tokens:
            continue
        name = text[run.start : run.end]
        votes.setdefault(name, Counter())[label] += 1
        words = [t.text for t in run.tokens]
        if label is PERSON and len(words) > 1:
            surname = words[-2] if words[-1] in _GENERATIONAL and len(words) > 2 else words[-1]
            short.setdefault(surname, PERSON)
            surnames.add(surname)
            if _family_name_first(words, lex):
                short.setdefault(words[0], PERSON)  # "Kim" of "Kim Jong Un"
        elif label is ORG and len(words) > 1:
            first, kind = words[0], words[-1].replace(".", "")
            if _generic(first, lex) or first in lex.first_names:
                pass
            elif kind in _TEAM_WORDS:
                short.setdefault(first, PLACE)  # "Castlebridge Athletic": the town alone is a place
            elif kind not in _INSTITUTION_WORDS:
                short.setdefault(first, ORG)
            last = words[-1]
            if last.endswith("s") and last.rstrip(".") not in lex.org_words:
                short.setdefault(last, ORG)  # a team's nickname: "Pioneers"
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2:
                short.setdefault(initials, ORG)
        bracket = _ACRONYM_AFTER.match(text, run.end)
        if bracket is not None:
            short[bracket.group(1)] = label
    for words in weak_people:
        # A guessed three-part name ("Yoon Suk Yeol") lends its family name to later mentions.
        if _family_name_first(words, lex):
            short.setdefault(words[0], PERSON)
    names = {name: counts.most_common(1)[0][0] for name, counts in votes.items()}
    return names, short, frozenset(surnames)


def _family_name_first(words: list[str], lex: Lexicon) -> bool:
    """True for names that may open with the family name: not a given name, title or initial."""
    first = words[0]
    return (
        len(words) in (2, 3)
        and first not in lex.first_names
        and first.rstrip(".") not in lex.titles
        and first.lower() not in lex.common
        and not first.endswith(".")
        and "-" not in words[1]
    )


def _prefix_of(name: str, names: dict[str, EntityLabel]) -> EntityLabel | None:
    """ORG when ``name`` begins a known organisation ("Kattegat Genanvendelse" of "… A/S")."""
    if " " not in name:
        return None
    prefix = name + " "
    for known, label in names.items():
        if label is ORG and known.startswith(prefix):
            return ORG
    return None


def _generic(word: str, lex: Lexicon) -> bool:
    """Words that cannot stand for an organisation alone ("Bank", "National", "European")."""
    bare = word.rstrip(".")
    return (
        word.lower() in lex.common
        or bare in lex.org_words
        or bare in lex.org_heads
        or bare in lex.place_heads
        or word in lex.places
        or word in lex.groups
        or word in lex.titles
    )


def _without_overlaps(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


__all__ = ["find_entities"]
