"""The vocabulary of the synthetic news text: names, places, words, templates and a slot filler.

Every list is original. :class:`Filler` fills a template's slots from one seeded random stream,
so the same seed always gives the same sentences.
"""

from __future__ import annotations

import random

_FIRST = [
    "Ada",
    "Bram",
    "Cleo",
    "Dario",
    "Edda",
    "Fenn",
    "Greta",
    "Hollis",
    "Ines",
    "Jory",
    "Kaia",
    "Lorne",
    "Mira",
    "Niko",
    "Odile",
    "Pim",
]
_LAST = [
    "Varga",
    "Holm",
    "Castell",
    "Okafor",
    "Lindqvist",
    "Marr",
    "Ferreira",
    "Tanaka",
    "Brody",
    "Quist",
    "Adeyemi",
    "Roux",
]
_TOWN_A = [
    "North",
    "East",
    "West",
    "South",
    "Old",
    "New",
    "High",
    "Low",
    "Long",
    "Red",
    "Stone",
    "Green",
]
_TOWN_B = [
    "bridge",
    "mere",
    "haven",
    "ford",
    "field",
    "port",
    "wick",
    "stead",
    "moor",
    "gate",
    "vale",
]
_ORG_KIND = [
    "Holdings",
    "Group",
    "Institute",
    "Council",
    "Authority",
    "Partners",
    "Labs",
    "Trust",
    "Union",
]
_ROLES = [
    "minister",
    "chair",
    "spokesperson",
    "analyst",
    "director",
    "mayor",
    "economist",
    "engineer",
]
NOUNS = [
    "budget",
    "plan",
    "harbour",
    "railway",
    "council",
    "report",
    "market",
    "school",
    "river",
    "bridge",
    "contract",
    "grant",
    "energy",
    "price",
    "wage",
    "survey",
    "forecast",
    "vote",
    "policy",
    "project",
    "network",
    "festival",
    "museum",
    "clinic",
    "factory",
    "tunnel",
    "reservoir",
    "ferry",
    "audit",
    "tariff",
    "pension",
    "library",
    "stadium",
    "orchard",
]
VERBS = [
    "approved",
    "delayed",
    "announced",
    "rejected",
    "expanded",
    "reviewed",
    "funded",
    "questioned",
    "defended",
    "cut",
    "raised",
    "doubled",
    "published",
    "criticised",
    "welcomed",
    "postponed",
]
_ADJ = [
    "regional",
    "new",
    "contested",
    "ambitious",
    "modest",
    "delayed",
    "public",
    "private",
    "coastal",
    "rural",
    "urban",
    "annual",
    "early",
    "final",
    "local",
    "national",
]
_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()
TEMPLATES = (
    "{person}, the {role} of {org}, said the {adj} {noun} would cost {money} over {count} years.",
    "In {place}, officials {verb} the {noun} after a {adj} {noun2} showed a rise of {pct}.",
    "The {noun} was {verb} on {date} by {org}, which employs {count} people in {place}.",
    "Critics in {place} argued that the {adj} {noun} had {verb} the {noun2} without a vote.",
    '"We have {verb} the {noun} because the {noun2} needs it," {person} told reporters.',
    "Figures from {org} put the {adj} {noun} at {money}, up {pct} from last year.",
    "{person} said {count} households near {place} would see the {noun} by {month}.",
    "The {adj} {noun} drew {count} comments, and {org} {verb} its {noun2} in response.",
    "By {date}, the {noun} in {place} had {verb} {count} applications worth {money}.",
    "Residents of {place} {verb} the {noun}, saying the {noun2} was {adj} at best.",
)


class Filler:
    """Slot fillers drawn from one seeded random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        choice = rng.choice
        self.people = [f"{choice(_FIRST)} {choice(_LAST)}" for _ in range(400)]
        self.places = [f"{choice(_TOWN_A)}{choice(_TOWN_B)}" for _ in range(120)]
        self.orgs = [
            f"{choice(_TOWN_A)}{choice(_TOWN_B).title()} {choice(_ORG_KIND)}" for _ in range(150)
        ]

    def fill(self, template: str) -> str:
        """``template`` with every slot filled (see :data:`TEMPLATES`)."""
        rng = self.rng
        noun, noun2 = rng.sample(NOUNS, 2)
        return template.format(
            person=rng.choice(self.people),
            role=rng.choice(_ROLES),
            org=rng.choice(self.orgs),
            place=rng.choice(self.places),
            adj=rng.choice(_ADJ),
            noun=noun,
            noun2=noun2,
            verb=rng.choice(VERBS),
            money=f"${rng.randint(2, 900)} million",
            pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}%",
            count=f"{rng.randint(2, 9_000):,}",
            month=rng.choice(_MONTH_NAMES),
            date=f"{rng.randint(1, 28)} {rng.choice(_MONTH_NAMES)} {rng.randint(2015, 2026)}",
        )


def topic_words(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct invented words built from syllables (a stand-in for a real lexicon)."""
    onsets = [
        "b",
        "br",
        "c",
        "d",
        "f",
        "g",
        "gl",
        "k",
        "l",
        "m",
        "n",
        "p",
        "pr",
        "s",
        "st",
        "t",
        "tr",
        "v",
        "z",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea"]
    codas = ["", "n", "r", "l", "s", "nd", "rt", "st"]
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.randint(2, 3)
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables))
        words[word + rng.choice(codas)] = None
    return list(words)
